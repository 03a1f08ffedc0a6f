import { EventDetails } from './components/event-details'
import { Greeting, Layout, P } from './components/layout'
import { Panel } from './components/panel'
import { Paragraphs } from './components/quote'
import { sampleBase, sampleEvent } from './components/samples'
import { common, type BaseProps, type EventSummary, type Lang } from './components/shared'

export type RegistrationRejectedProps = BaseProps & {
  recipientName: string
  event: EventSummary
  /** The secretariat's explanation, plain text. */
  reason?: string
}

const nl = {
  subject: (title: string) => `Over uw aanmelding voor ${title}`,
  preview: (title: string) => `Helaas kunnen wij uw aanmelding voor ${title} niet accepteren.`,
  heading: 'Wij kunnen uw aanmelding helaas niet accepteren',
  intro: (title: string) =>
    `Bedankt voor uw belangstelling voor ${title}. Het secretariaat heeft uw aanmelding bekeken. Helaas kunnen wij uw aanmelding niet accepteren.`,
  reasonIntro: 'Het secretariaat geeft deze toelichting:',
  questions: 'Hebt u vragen over dit besluit? Neem dan contact op met het secretariaat.',
  closing: 'Wij hopen u bij een volgende gelegenheid te ontmoeten.',
  detailsIntro: 'Het gaat om deze bijeenkomst:',
}

const en: typeof nl = {
  subject: (title) => `About your registration for ${title}`,
  preview: (title) => `Unfortunately, we are unable to accept your registration for ${title}.`,
  heading: 'Unfortunately, we are unable to accept your registration',
  intro: (title) =>
    `Thank you for your interest in ${title}. The secretariat has reviewed your registration. Unfortunately, we are unable to accept it.`,
  reasonIntro: 'The secretariat has added this explanation:',
  questions: 'If you have any questions about this decision, please contact the secretariat.',
  closing: 'We hope to meet you on another occasion.',
  detailsIntro: 'This concerns the following event:',
}

const copy = { nl, en }

export function subject({ lang, event }: RegistrationRejectedProps) {
  return copy[lang].subject(event.title)
}

export function RegistrationRejectedEmail(props: RegistrationRejectedProps) {
  const { lang, event } = props
  const t = copy[lang]
  return (
    <Layout
      {...props}
      preview={t.preview(event.title)}
      heading={t.heading}
      reason={common[lang].reasonRegistered(event.title)}
    >
      <Greeting lang={lang} name={props.recipientName} />
      <P>{t.intro(event.title)}</P>
      {props.reason?.trim() ? (
        <>
          <P>{t.reasonIntro}</P>
          <Panel>
            <Paragraphs text={props.reason} />
          </Panel>
        </>
      ) : null}
      <P>{t.questions}</P>
      <P>{t.closing}</P>
      <P>{t.detailsIntro}</P>
      <EventDetails lang={lang} event={event} online="none" />
    </Layout>
  )
}

export default RegistrationRejectedEmail

export function sample(lang: Lang): RegistrationRejectedProps {
  return {
    ...sampleBase(lang),
    recipientName: 'Marie Dubois',
    event: sampleEvent(),
    reason:
      lang === 'nl'
        ? 'Deze startbijeenkomst is bedoeld voor de partners van het programma. Uw organisatie is al met het maximale aantal deelnemers aangemeld.'
        : 'This launch event is intended for the partners of the programme. Your organisation has already registered the maximum number of participants.',
  }
}
