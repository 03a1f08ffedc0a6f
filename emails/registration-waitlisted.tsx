import { PersonalAction } from './components/action'
import { EventDetails } from './components/event-details'
import { Greeting, Layout, P } from './components/layout'
import { sampleBase, sampleEvent, sampleLinks } from './components/samples'
import { common, type BaseProps, type EventSummary, type Lang } from './components/shared'

export type RegistrationWaitlistedProps = BaseProps & {
  recipientName: string
  event: EventSummary
  /** 1 is next in line. */
  position: number
  manageUrl: string
}

const nl = {
  subject: (title: string) => `U staat op de wachtlijst: ${title}`,
  preview: (position: number) => `De bijeenkomst is vol. U staat op plaats ${position} van de wachtlijst.`,
  heading: 'U staat op de wachtlijst',
  intro: (title: string) =>
    `Bedankt voor uw aanmelding voor ${title}. De bijeenkomst is op dit moment vol. Daarom staat u op de wachtlijst.`,
  position: (position: number) => `U staat op plaats ${position} van de wachtlijst.`,
  automatic:
    'Komt er een plaats vrij? Dan krijgt u automatisch een e-mail en is uw aanmelding meteen bevestigd. U hoeft zelf niets te doen.',
  cancel: 'Wilt u niet meer op de wachtlijst staan? Meld u dan af via uw persoonlijke link.',
  button: 'Aanmelding bekijken of annuleren',
}

const en: typeof nl = {
  subject: (title) => `You are on the waiting list: ${title}`,
  preview: (position) => `The event is full. You are number ${position} on the waiting list.`,
  heading: 'You are on the waiting list',
  intro: (title) =>
    `Thank you for registering for ${title}. The event is currently full, so we have put you on the waiting list.`,
  position: (position) => `You are number ${position} on the waiting list.`,
  automatic:
    'If a place becomes available, we will email you automatically and your registration will be confirmed straight away. You do not need to do anything.',
  cancel: 'If you no longer wish to be on the waiting list, you can cancel with your personal link.',
  button: 'View or cancel your registration',
}

const copy = { nl, en }

export function subject({ lang, event }: RegistrationWaitlistedProps) {
  return copy[lang].subject(event.title)
}

export function RegistrationWaitlistedEmail(props: RegistrationWaitlistedProps) {
  const { lang, event } = props
  const t = copy[lang]
  return (
    <Layout
      {...props}
      preview={t.preview(props.position)}
      heading={t.heading}
      reason={common[lang].reasonRegistered(event.title)}
    >
      <Greeting lang={lang} name={props.recipientName} />
      <P>{t.intro(event.title)}</P>
      <P>
        <strong>{t.position(props.position)}</strong>
      </P>
      <P>{t.automatic}</P>
      <EventDetails lang={lang} event={event} online="mention" />
      <P>{t.cancel}</P>
      <PersonalAction lang={lang} href={props.manageUrl} label={t.button} />
    </Layout>
  )
}

export default RegistrationWaitlistedEmail

export function sample(lang: Lang): RegistrationWaitlistedProps {
  return {
    ...sampleBase(lang),
    recipientName: 'Johan Bakker',
    event: sampleEvent(),
    position: 3,
    manageUrl: sampleLinks.registration,
  }
}
