import { Greeting, Layout, P } from './components/layout'
import { Quote } from './components/quote'
import { sampleAttribution, sampleBase, sampleEvent, sampleQuote } from './components/samples'
import { dateTime, type BaseProps, type EventSummary, type Lang } from './components/shared'
import { speakerReason, type SpeakerAddressee } from './components/speaker'
import { styles } from './components/theme'
import { Link, Text } from '@react-email/components'

export type StatementAuthorisedProps = BaseProps &
  SpeakerAddressee & {
    event: EventSummary
    /** The authorised quote, exactly. */
    text: string
    attribution?: string
    /** Who authorised: "Staatssecretaris Harbers", or "namens staatssecretaris Harbers door Marieke de Boer". */
    authorisedBy: string
    /** ISO instant. */
    authorisedAt?: string
  }

const nl = {
  subject: (title: string) => `Citaat geautoriseerd: ${title}`,
  preview: (title: string) => `Bedankt. Het citaat voor het verslag van ${title} is geautoriseerd.`,
  heading: 'Het citaat is geautoriseerd',
  intro: (title: string) => `Bedankt. Het volgende citaat voor het verslag van ${title} is geautoriseerd:`,
  authorisedBy: 'Geautoriseerd',
  authorisedAt: 'Datum',
  next: 'Wij nemen het citaat precies zo op in het verslag. U hoeft niets meer te doen.',
  wrong: 'Klopt er iets niet? Neem dan zo snel mogelijk contact op met het secretariaat.',
  event: 'Over de bijeenkomst',
}

const en: typeof nl = {
  subject: (title) => `Quote authorised: ${title}`,
  preview: (title) => `Thank you. The quote for the report on ${title} has been authorised.`,
  heading: 'The quote has been authorised',
  intro: (title) => `Thank you. The following quote for the report on ${title} has been authorised:`,
  authorisedBy: 'Authorised',
  authorisedAt: 'Date',
  next: 'We will include the quote in the report exactly as it appears here. You do not need to do anything else.',
  wrong: 'If something is not right, please contact the secretariat as soon as possible.',
  event: 'About the event',
}

const copy = { nl, en }

export function subject({ lang, event }: StatementAuthorisedProps) {
  return copy[lang].subject(event.title)
}

export function StatementAuthorisedEmail(props: StatementAuthorisedProps) {
  const { lang, event } = props
  const t = copy[lang]
  return (
    <Layout
      {...props}
      preview={t.preview(event.title)}
      heading={t.heading}
      reason={speakerReason(lang, props, event.title)}
    >
      <Greeting lang={lang} name={props.delegateName ?? props.speakerName} formal />
      <P>{t.intro(event.title)}</P>
      <Quote text={props.text} attribution={props.attribution} />
      <P>
        {t.authorisedBy}: {props.authorisedBy}
        {props.authorisedAt ? (
          <>
            <br />
            {t.authorisedAt}: {dateTime(props.authorisedAt, event.timeZone, lang)}
          </>
        ) : null}
      </P>
      <P>{t.next}</P>
      <P>{t.wrong}</P>
      <Text style={styles.text}>
        {t.event}:
        <br />
        <Link href={event.url} style={styles.link}>
          {event.url}
        </Link>
      </Text>
    </Layout>
  )
}

export default StatementAuthorisedEmail

export function sample(lang: Lang): StatementAuthorisedProps {
  return {
    ...sampleBase(lang),
    speakerName: lang === 'nl' ? 'staatssecretaris Harbers' : 'State Secretary Harbers',
    event: sampleEvent(),
    text: sampleQuote,
    attribution: sampleAttribution(lang),
    authorisedBy: lang === 'nl' ? 'Staatssecretaris Harbers' : 'State Secretary Harbers',
    authorisedAt: '2026-12-07T09:15:00.000Z',
  }
}
