import { PersonalAction } from './components/action'
import { EventDetails } from './components/event-details'
import { Greeting, Layout, P } from './components/layout'
import { sampleBase, sampleEvent, sampleLinks } from './components/samples'
import { common, type BaseProps, type EventSummary, type Lang } from './components/shared'

// Sent when someone tries to register again with an address that already has a registration: the form says
// so, and the new personal link goes only to the address itself (so the form reveals nothing to others).
export type RegistrationLinkProps = BaseProps & {
  recipientName: string
  event: EventSummary
  manageUrl: string
}

const nl = {
  subject: (title: string) => `Uw link om uw aanmelding te bekijken: ${title}`,
  preview: 'U probeerde zich opnieuw aan te melden. Hier is de link naar uw aanmelding.',
  heading: 'De link naar uw aanmelding',
  intro: (title: string) =>
    `Iemand heeft geprobeerd u opnieuw aan te melden voor ${title}. U bent al aangemeld met dit e-mailadres, dus er is niets veranderd.`,
  manage:
    'Met de link hieronder bekijkt u uw aanmelding. U kunt er ook uw gegevens wijzigen of uw aanmelding intrekken.',
  notYou: 'Heeft u dit niet zelf gedaan? Dan hoeft u niets te doen.',
  button: 'Aanmelding bekijken',
}

const en: typeof nl = {
  subject: (title) => `Your link to view your registration: ${title}`,
  preview: 'You tried to register again. Here is the link to your registration.',
  heading: 'The link to your registration',
  intro: (title) =>
    `Someone tried to register you again for ${title}. You have already registered with this email address, so nothing has changed.`,
  manage: 'Use the link below to view your registration. You can also change your details or withdraw.',
  notYou: 'Was this not you? Then you do not need to do anything.',
  button: 'View your registration',
}

const copy = { nl, en }

export function subject({ lang, event }: RegistrationLinkProps) {
  return copy[lang].subject(event.title)
}

export function RegistrationLinkEmail(props: RegistrationLinkProps) {
  const { lang, event } = props
  const t = copy[lang]
  return (
    <Layout {...props} preview={t.preview} heading={t.heading} reason={common[lang].reasonRegistered(event.title)}>
      <Greeting lang={lang} name={props.recipientName} />
      <P>{t.intro(event.title)}</P>
      <EventDetails lang={lang} event={event} online="mention" />
      <P>{t.manage}</P>
      <PersonalAction lang={lang} href={props.manageUrl} label={t.button} />
      <P>{t.notYou}</P>
    </Layout>
  )
}

export default RegistrationLinkEmail

export function sample(lang: Lang): RegistrationLinkProps {
  return { ...sampleBase(lang), recipientName: 'Eva Smit', event: sampleEvent(), manageUrl: sampleLinks.registration }
}
