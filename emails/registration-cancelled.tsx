import { EventDetails } from './components/event-details'
import { Greeting, Layout, P } from './components/layout'
import { sampleBase, sampleEvent } from './components/samples'
import { common, eventPeriod, type BaseProps, type EventSummary, type Lang } from './components/shared'

export type RegistrationCancelledProps = BaseProps & {
  recipientName: string
  event: EventSummary
  cancelledBy: 'self' | 'secretariat'
  /** The mail carries a calendar CANCEL for the REQUEST the person was sent. */
  calendarCancel: boolean
}

const nl = {
  subject: (title: string) => `Aanmelding geannuleerd: ${title}`,
  preview: (title: string) => `Uw aanmelding voor ${title} is geannuleerd.`,
  heading: 'Uw aanmelding is geannuleerd',
  self: (title: string, period: string) =>
    `U hebt uw aanmelding voor ${title} op ${period} geannuleerd. Uw plaats is nu vrij voor iemand anders.`,
  selfMistake: 'Was dit een vergissing? Neem dan contact op met het secretariaat.',
  secretariat: (title: string, period: string) =>
    `Het secretariaat heeft uw aanmelding voor ${title} op ${period} geannuleerd.`,
  secretariatQuestions: 'Denkt u dat dit niet klopt? Of hebt u vragen? Neem dan contact op met het secretariaat.',
  calendar: 'Hebt u de bijeenkomst zelf in uw agenda gezet? Dan kunt u de afspraak verwijderen.',
  calendarCancel:
    'In de bijlage vindt u een annulering voor uw agenda. Verdwijnt de afspraak niet vanzelf uit uw agenda? Open dan de bijlage.',
}

const en: typeof nl = {
  subject: (title) => `Registration cancelled: ${title}`,
  preview: (title) => `Your registration for ${title} has been cancelled.`,
  heading: 'Your registration has been cancelled',
  self: (title, period) =>
    `You have cancelled your registration for ${title} on ${period}. Your place is now free for someone else.`,
  selfMistake: 'Was this a mistake? Please contact the secretariat.',
  secretariat: (title, period) => `The secretariat has cancelled your registration for ${title} on ${period}.`,
  secretariatQuestions: 'If you think this is not right, or if you have any questions, please contact the secretariat.',
  calendar: 'If you added the event to your calendar yourself, you can now remove it.',
  calendarCancel:
    'A cancellation for your calendar is attached. If the event does not disappear from your calendar by itself, please open the attachment.',
}

const copy = { nl, en }

export function subject({ lang, event }: RegistrationCancelledProps) {
  return copy[lang].subject(event.title)
}

export function RegistrationCancelledEmail(props: RegistrationCancelledProps) {
  const { lang, event } = props
  const t = copy[lang]
  const period = eventPeriod(event, lang)
  return (
    <Layout
      {...props}
      preview={t.preview(event.title)}
      heading={t.heading}
      reason={common[lang].reasonRegistered(event.title)}
    >
      <Greeting lang={lang} name={props.recipientName} />
      {props.cancelledBy === 'self' ? (
        <>
          <P>{t.self(event.title, period)}</P>
          <P>{t.selfMistake}</P>
        </>
      ) : (
        <>
          <P>{t.secretariat(event.title, period)}</P>
          <P>{t.secretariatQuestions}</P>
        </>
      )}
      <P>{props.calendarCancel ? t.calendarCancel : t.calendar}</P>
      <EventDetails lang={lang} event={event} online="none" />
    </Layout>
  )
}

export default RegistrationCancelledEmail

export function sample(lang: Lang): RegistrationCancelledProps {
  return {
    ...sampleBase(lang),
    recipientName: 'Ahmet Yılmaz',
    event: sampleEvent(),
    cancelledBy: 'self',
    calendarCancel: true,
  }
}
