import { EventDetails } from './components/event-details'
import { Greeting, Layout, P } from './components/layout'
import { Panel } from './components/panel'
import { Paragraphs } from './components/quote'
import { sampleBase, sampleEvent, sampleParticipant } from './components/samples'
import { common, eventPeriod, shortDate, type BaseProps, type EventSummary, type Lang } from './components/shared'

export type EventCancelledProps = BaseProps & {
  recipientName: string
  event: EventSummary
  /** A message from the secretariat, plain text. */
  message?: string
}

const nl = {
  subject: (title: string, date: string) => `Geannuleerd: ${title} op ${date}`,
  preview: (title: string, period: string) => `${title} op ${period} gaat niet door.`,
  heading: 'De bijeenkomst gaat niet door',
  intro: (title: string, period: string) => `Helaas gaat ${title} op ${period} niet door.`,
  messageIntro: 'Het secretariaat laat u het volgende weten:',
  registration: 'Bent u aangemeld? Dan vervalt uw aanmelding. U hoeft zelf niets te doen.',
  calendar:
    'In de bijlage vindt u een annulering voor uw agenda. Verdwijnt de afspraak niet vanzelf uit uw agenda? Open dan de bijlage.',
  apology: 'Onze excuses voor het ongemak.',
  detailsIntro: 'Het gaat om deze bijeenkomst:',
}

const en: typeof nl = {
  subject: (title, date) => `Cancelled: ${title} on ${date}`,
  preview: (title, period) => `${title} on ${period} will not take place.`,
  heading: 'The event has been cancelled',
  intro: (title, period) => `Unfortunately, ${title} on ${period} will not take place.`,
  messageIntro: 'The secretariat would like to tell you the following:',
  registration: 'If you registered, your registration no longer applies. You do not need to do anything.',
  calendar:
    'A cancellation for your calendar is attached. If the event does not disappear from your calendar by itself, please open the attachment.',
  apology: 'We apologise for any inconvenience.',
  detailsIntro: 'This concerns the following event:',
}

const copy = { nl, en }

export function subject({ lang, event }: EventCancelledProps) {
  return copy[lang].subject(event.title, shortDate(event.startsAt, event.timeZone, lang))
}

export function EventCancelledEmail(props: EventCancelledProps) {
  const { lang, event } = props
  const t = copy[lang]
  const period = eventPeriod(event, lang)
  return (
    <Layout
      {...props}
      preview={t.preview(event.title, period)}
      heading={t.heading}
      reason={common[lang].reasonInvolved(event.title)}
    >
      <Greeting lang={lang} name={props.recipientName} />
      <P>{t.intro(event.title, period)}</P>
      {props.message?.trim() ? (
        <>
          <P>{t.messageIntro}</P>
          <Panel>
            <Paragraphs text={props.message} />
          </Panel>
        </>
      ) : null}
      <P>{t.registration}</P>
      <P>{t.calendar}</P>
      <P>{t.apology}</P>
      <P>{t.detailsIntro}</P>
      <EventDetails lang={lang} event={event} online="none" />
    </Layout>
  )
}

export default EventCancelledEmail

export function sample(lang: Lang): EventCancelledProps {
  return {
    ...sampleBase(lang),
    recipientName: sampleParticipant.recipientName,
    event: sampleEvent(),
    message:
      lang === 'nl'
        ? 'Door een wijziging in de agenda van de bewindspersonen kan de bijeenkomst niet doorgaan.\n\nWij laten u zo snel mogelijk weten wanneer de formele start van het programma plaatsvindt.'
        : 'Because of a change in the schedules of the state secretaries, the event cannot go ahead.\n\nWe will let you know as soon as possible when the official launch of the programme will take place.',
  }
}
