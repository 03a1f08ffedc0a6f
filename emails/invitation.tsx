import { PersonalAction } from './components/action'
import { EventDetails } from './components/event-details'
import { Greeting, Layout, P } from './components/layout'
import { sampleBase, sampleEvent, sampleLinks, sampleParticipant } from './components/samples'
import { common, dateTime, shortDate, type BaseProps, type EventSummary, type Lang } from './components/shared'

export type InvitationProps = BaseProps & {
  recipientName: string
  organisationName?: string
  event: EventSummary
  /** The invitee's personal invitation link. */
  registerUrl: string
  /** ISO instant. */
  respondBefore?: string
}

const nl = {
  subject: (title: string, date: string) => `Uitnodiging: ${title} op ${date}`,
  preview: (title: string, date: string) =>
    `Wij nodigen u uit voor ${title} op ${date}. Meld u aan via uw persoonlijke link.`,
  heading: (title: string) => `Uitnodiging voor ${title}`,
  intro: (title: string) => `Wij nodigen u van harte uit voor de bijeenkomst ${title}.`,
  organisation: (organisation: string) => `U bent uitgenodigd als vertegenwoordiger van ${organisation}.`,
  answer:
    'Komt u? Meld u dan aan via uw persoonlijke link. Kunt u niet komen? Dan kunt u dat via dezelfde link laten weten.',
  respondBefore: (when: string) => `Wilt u uiterlijk ${when} reageren?`,
  button: 'Aanmelden',
  linkIntro: 'Uw persoonlijke link om u aan te melden',
}

const en: typeof nl = {
  subject: (title, date) => `Invitation: ${title} on ${date}`,
  preview: (title, date) => `You are invited to ${title} on ${date}. Please register with your personal link.`,
  heading: (title) => `Invitation to ${title}`,
  intro: (title) => `We would like to invite you to the event ${title}.`,
  organisation: (organisation) => `You are invited as a representative of ${organisation}.`,
  answer:
    'Will you be attending? Then please register with your personal link. If you cannot attend, you can let us know with the same link.',
  respondBefore: (when) => `Please respond by ${when}.`,
  button: 'Register',
  linkIntro: 'Your personal link to register',
}

/** Shared with the reminder, which asks the same question again. */
export const invitationCopy = { nl, en }

export function subject({ lang, event }: InvitationProps) {
  return invitationCopy[lang].subject(event.title, shortDate(event.startsAt, event.timeZone, lang))
}

export function InvitationEmail(props: InvitationProps) {
  const { lang, event } = props
  const t = invitationCopy[lang]
  return (
    <Layout
      {...props}
      preview={t.preview(event.title, shortDate(event.startsAt, event.timeZone, lang))}
      heading={t.heading(event.title)}
      reason={common[lang].reasonInvited(event.title)}
    >
      <Greeting lang={lang} name={props.recipientName} />
      <P>
        {t.intro(event.title)}
        {props.organisationName ? ` ${t.organisation(props.organisationName)}` : null}
      </P>
      <EventDetails lang={lang} event={event} online="mention" />
      <P>{t.answer}</P>
      {props.respondBefore ? <P>{t.respondBefore(dateTime(props.respondBefore, event.timeZone, lang))}</P> : null}
      <PersonalAction lang={lang} href={props.registerUrl} label={t.button} linkIntro={t.linkIntro} />
    </Layout>
  )
}

export default InvitationEmail

export function sample(lang: Lang): InvitationProps {
  return {
    ...sampleBase(lang),
    ...sampleParticipant,
    event: sampleEvent(),
    registerUrl: sampleLinks.invitation,
    respondBefore: '2026-11-20T16:00:00.000Z',
  }
}
