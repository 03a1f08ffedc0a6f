import { PersonalAction } from './components/action'
import { EventDetails } from './components/event-details'
import { Greeting, Layout, P } from './components/layout'
import { common, dateTime, shortDate, type Lang } from './components/shared'
import { invitationCopy, sample as invitationSample, type InvitationProps } from './invitation'

export type ReminderProps = InvitationProps

const nl = {
  subject: (title: string, date: string) => `Herinnering: uitnodiging voor ${title} op ${date}`,
  preview: (title: string) => `Wij hebben nog geen antwoord van u gekregen op de uitnodiging voor ${title}.`,
  heading: (title: string) => `Herinnering: uitnodiging voor ${title}`,
  intro: (title: string) =>
    `Een tijdje geleden hebben wij u uitgenodigd voor ${title}. Wij hebben nog geen antwoord van u gekregen. Daarom sturen wij u deze herinnering.`,
  alreadyAnswered: 'Hebt u de afgelopen dagen al gereageerd? Dan kunt u deze e-mail negeren.',
}

const en: typeof nl = {
  subject: (title, date) => `Reminder: invitation to ${title} on ${date}`,
  preview: (title) => `We have not yet received your response to the invitation to ${title}.`,
  heading: (title) => `Reminder: invitation to ${title}`,
  intro: (title) =>
    `Some time ago we invited you to ${title}. We have not yet received your response, so we are sending you this friendly reminder.`,
  alreadyAnswered: 'If you have responded in the last few days, please ignore this email.',
}

const copy = { nl, en }

export function subject({ lang, event }: ReminderProps) {
  return copy[lang].subject(event.title, shortDate(event.startsAt, event.timeZone, lang))
}

export function ReminderEmail(props: ReminderProps) {
  const { lang, event } = props
  const t = copy[lang]
  const invitation = invitationCopy[lang]
  return (
    <Layout
      {...props}
      preview={t.preview(event.title)}
      heading={t.heading(event.title)}
      reason={common[lang].reasonInvited(event.title)}
    >
      <Greeting lang={lang} name={props.recipientName} />
      <P>
        {t.intro(event.title)}
        {props.organisationName ? ` ${invitation.organisation(props.organisationName)}` : null}
      </P>
      <EventDetails lang={lang} event={event} online="mention" />
      <P>{invitation.answer}</P>
      {props.respondBefore ? (
        <P>{invitation.respondBefore(dateTime(props.respondBefore, event.timeZone, lang))}</P>
      ) : null}
      <PersonalAction lang={lang} href={props.registerUrl} label={invitation.button} linkIntro={invitation.linkIntro} />
      <P>{t.alreadyAnswered}</P>
    </Layout>
  )
}

export default ReminderEmail

export function sample(lang: Lang): ReminderProps {
  return { ...invitationSample(lang), recipientName: 'Mohamed el Amrani', organisationName: 'Gemeente Rotterdam' }
}
