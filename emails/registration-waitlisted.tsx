import { PersonalAction } from './components/action'
import { EventDetails } from './components/event-details'
import { Greeting, Layout, P } from './components/layout'
import { sampleBase, sampleEvent, sampleLinks } from './components/samples'
import { common, type BaseProps, type EventSummary, type Lang } from './components/shared'

export type RegistrationWaitlistedProps = BaseProps & {
  recipientName: string
  event: EventSummary
  /** 1 is next in line (for 'organisation-full': the first of their organisation). */
  position: number
  manageUrl: string
  /**
   * Why they wait: the event is full, or it has room but the seats of their organisation's quota are taken
   * (then only a colleague's cancellation, or a larger quota, gives them a seat).
   */
  reason?: 'event-full' | 'organisation-full'
  organisationName?: string
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
  organisation: {
    preview: (org: string) => `De plaatsen voor ${org} zijn bezet. U staat op de wachtlijst.`,
    intro: (title: string, org: string) =>
      `Bedankt voor uw aanmelding voor ${title}. De bijeenkomst heeft nog plaatsen, maar de plaatsen voor ${org} zijn al bezet door collega’s. Elke organisatie heeft een vast aantal plaatsen. Daarom staat u op de wachtlijst.`,
    // The position is a merge field (text in the template), so the sentence cannot depend on its value.
    position: (position: number, org: string) => `U staat op plaats ${position} van de wachtlijst voor ${org}.`,
    automatic: (org: string) =>
      `Annuleert een collega van ${org}? Dan gaat die plaats naar de eerste van ${org} op de wachtlijst. U krijgt dan automatisch een e-mail en uw aanmelding is meteen bevestigd.`,
    ask: (email: string) =>
      `Heeft uw organisatie meer plaatsen nodig? Vraag het aan het secretariaat via ${email}. Of overleg met uw collega’s wie er gaat.`,
  },
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
  organisation: {
    preview: (org) => `The places for ${org} are taken. You are on the waiting list.`,
    intro: (title, org) =>
      `Thank you for registering for ${title}. The event still has places, but the places for ${org} have already been taken by colleagues. Each organisation has a fixed number of places, so we have put you on the waiting list.`,
    position: (position, org) => `You are number ${position} on the waiting list for ${org}.`,
    automatic: (org) =>
      `If a colleague from ${org} cancels, their place goes to the first of ${org} on the waiting list. You will then receive an e-mail automatically and your registration will be confirmed straight away.`,
    ask: (email) =>
      `Does your organisation need more places? Please ask the secretariat at ${email}, or agree with your colleagues who will attend.`,
  },
}

const copy = { nl, en }

export function subject({ lang, event }: RegistrationWaitlistedProps) {
  return copy[lang].subject(event.title)
}

export function RegistrationWaitlistedEmail(props: RegistrationWaitlistedProps) {
  const { lang, event } = props
  const t = copy[lang]
  // Only with a name to say whose seats are taken; else the event-full wording, which is true as well.
  const org = props.reason === 'organisation-full' && props.organisationName ? props.organisationName : null
  return (
    <Layout
      {...props}
      preview={org ? t.organisation.preview(org) : t.preview(props.position)}
      heading={t.heading}
      reason={common[lang].reasonRegistered(event.title)}
    >
      <Greeting lang={lang} name={props.recipientName} />
      {org ? (
        <>
          <P>{t.organisation.intro(event.title, org)}</P>
          <P>
            <strong>{t.organisation.position(props.position, org)}</strong>
          </P>
          <P>{t.organisation.automatic(org)}</P>
          {props.secretariatEmail ? <P>{t.organisation.ask(props.secretariatEmail)}</P> : null}
        </>
      ) : (
        <>
          <P>{t.intro(event.title)}</P>
          <P>
            <strong>{t.position(props.position)}</strong>
          </P>
          <P>{t.automatic}</P>
        </>
      )}
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
