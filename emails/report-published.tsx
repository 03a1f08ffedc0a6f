import { Action } from './components/action'
import { Greeting, H2, Layout, P } from './components/layout'
import { Paragraphs } from './components/quote'
import { sampleBase, sampleEvent, sampleLinks, sampleParticipant } from './components/samples'
import { shortDate, type BaseProps, type EventSummary, type Lang } from './components/shared'

export type ReportPublishedProps = BaseProps & {
  recipientName: string
  event: EventSummary
  reportUrl: string
  /** Plain text; paragraphs separated by blank lines. */
  summary: string
}

const nl = {
  subject: (title: string) => `Het verslag van ${title} staat online`,
  preview: (title: string, date: string) => `Het verslag van ${title} op ${date} staat online.`,
  heading: 'Het verslag staat online',
  intro: (title: string, date: string) => `Op ${date} vond ${title} plaats. Het verslag staat nu online.`,
  summaryHeading: 'In het kort',
  more: 'In het volledige verslag leest u meer, met de uitspraken van de sprekers.',
  button: 'Lees het verslag',
  linkIntro: 'Link naar het verslag',
  reason: (title: string, programme: string) =>
    `U ontvangt deze e-mail omdat u was uitgenodigd voor ${title} of partner bent van het programma ${programme}.`,
}

const en: typeof nl = {
  subject: (title) => `The report on ${title} is now online`,
  preview: (title, date) => `The report on ${title} of ${date} is now online.`,
  heading: 'The report is now online',
  intro: (title, date) => `${title} took place on ${date}. The report is now online.`,
  summaryHeading: 'In brief',
  more: 'You can read more in the full report, including what the speakers said.',
  button: 'Read the report',
  linkIntro: 'Link to the report',
  reason: (title, programme) =>
    `You are receiving this email because you were invited to ${title} or are a partner of the programme ${programme}.`,
}

const copy = { nl, en }

export function subject({ lang, event }: ReportPublishedProps) {
  return copy[lang].subject(event.title)
}

export function ReportPublishedEmail(props: ReportPublishedProps) {
  const { lang, event } = props
  const t = copy[lang]
  const date = shortDate(event.startsAt, event.timeZone, lang)
  return (
    <Layout
      {...props}
      preview={t.preview(event.title, date)}
      heading={t.heading}
      reason={t.reason(event.title, props.programmeName)}
    >
      <Greeting lang={lang} name={props.recipientName} />
      <P>{t.intro(event.title, date)}</P>
      <H2>{t.summaryHeading}</H2>
      <Paragraphs text={props.summary} />
      <P>{t.more}</P>
      <Action href={props.reportUrl} label={t.button} linkIntro={t.linkIntro} />
    </Layout>
  )
}

export default ReportPublishedEmail

export function sample(lang: Lang): ReportPublishedProps {
  return {
    ...sampleBase(lang),
    recipientName: sampleParticipant.recipientName,
    event: { ...sampleEvent(), onlineUrl: null },
    reportUrl: sampleLinks.report,
    summary:
      lang === 'nl'
        ? 'Het programma Samen tegen mensenhandel is op 4 december formeel gestart. Staatssecretaris Harbers opende de bijeenkomst in Den Haag.\n\nIn een panel lichtten de bewindspersonen de inzet op hun werkterrein toe. Herman Bolhaar, de Nationaal Rapporteur, vroeg aandacht voor de rol van onderwijs.'
        : 'The programme Samen tegen mensenhandel was officially launched on 4 December. State Secretary Harbers opened the event in The Hague.\n\nIn a panel, the state secretaries explained what their ministries are doing. Herman Bolhaar, the National Rapporteur, drew attention to the role of education.',
  }
}
