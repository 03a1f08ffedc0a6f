import { PersonalAction } from './components/action'
import { EventDetails } from './components/event-details'
import { Greeting, Layout, P } from './components/layout'
import { sampleBase, sampleEvent, sampleLinks } from './components/samples'
import { common, type BaseProps, type EventSummary, type Lang } from './components/shared'

export type RegistrationAwaitingApprovalProps = BaseProps & {
  recipientName: string
  event: EventSummary
  manageUrl: string
}

const nl = {
  subject: (title: string) => `Aanmelding ontvangen: ${title}`,
  preview: 'Wij hebben uw aanmelding ontvangen. Het secretariaat bekijkt deze eerst.',
  heading: 'Wij hebben uw aanmelding ontvangen',
  intro: (title: string) => `Bedankt voor uw aanmelding voor ${title}.`,
  review:
    'Voor deze bijeenkomst bekijkt het secretariaat eerst alle aanmeldingen. Uw aanmelding is dus nog niet definitief. U krijgt een e-mail zodra het secretariaat een besluit heeft genomen.',
  manage: 'Wilt u uw gegevens wijzigen of uw aanmelding intrekken? Dat kan via uw persoonlijke link.',
  button: 'Aanmelding bekijken',
}

const en: typeof nl = {
  subject: (title) => `Registration received: ${title}`,
  preview: 'We have received your registration. The secretariat will review it first.',
  heading: 'We have received your registration',
  intro: (title) => `Thank you for registering for ${title}.`,
  review:
    'For this event, the secretariat reviews all registrations first. This means your registration is not yet final. You will receive an email as soon as the secretariat has made a decision.',
  manage:
    'Would you like to change your details or withdraw your registration? You can do this with your personal link.',
  button: 'View your registration',
}

const copy = { nl, en }

export function subject({ lang, event }: RegistrationAwaitingApprovalProps) {
  return copy[lang].subject(event.title)
}

export function RegistrationAwaitingApprovalEmail(props: RegistrationAwaitingApprovalProps) {
  const { lang, event } = props
  const t = copy[lang]
  return (
    <Layout {...props} preview={t.preview} heading={t.heading} reason={common[lang].reasonRegistered(event.title)}>
      <Greeting lang={lang} name={props.recipientName} />
      <P>{t.intro(event.title)}</P>
      <P>{t.review}</P>
      <EventDetails lang={lang} event={event} online="mention" />
      <P>{t.manage}</P>
      <PersonalAction lang={lang} href={props.manageUrl} label={t.button} />
    </Layout>
  )
}

export default RegistrationAwaitingApprovalEmail

export function sample(lang: Lang): RegistrationAwaitingApprovalProps {
  return { ...sampleBase(lang), recipientName: 'Eva Smit', event: sampleEvent(), manageUrl: sampleLinks.registration }
}
