import { EventDetails } from './components/event-details'
import { Greeting, Layout, P } from './components/layout'
import { RegistrationDetails } from './components/registration-details'
import { sampleBase, sampleEvent, sampleLinks, sampleParticipant, sampleQrCodeSrc } from './components/samples'
import { common, eventPeriod, shortDate, type BaseProps, type EventSummary, type Lang } from './components/shared'

export type RegistrationConfirmedProps = BaseProps & {
  recipientName: string
  event: EventSummary
  /** The <img src> of the check-in QR code: `cid:qr@bijeen` in real mail, a data: URL in previews. */
  qrCodeSrc: string
  /** The personal link to change or cancel the registration. */
  manageUrl: string
  /** Accessibility needs as the participant wrote them. */
  accessibility?: string
}

const nl = {
  subject: (title: string, date: string) => `Aanmelding bevestigd: ${title} op ${date}`,
  preview: (title: string, period: string) =>
    `U bent aangemeld voor ${title} op ${period}. Uw QR-code voor de ingang staat in deze e-mail.`,
  heading: 'Uw aanmelding is bevestigd',
  intro: (title: string) =>
    `Bedankt voor uw aanmelding. U bent aangemeld voor ${title}. Hieronder vindt u alles wat u nodig hebt.`,
}

const en: typeof nl = {
  subject: (title, date) => `Registration confirmed: ${title} on ${date}`,
  preview: (title, period) =>
    `You are registered for ${title} on ${period}. This email contains your QR code for the entrance.`,
  heading: 'Your registration is confirmed',
  intro: (title) =>
    `Thank you for registering. You are registered for ${title}. Below you will find everything you need.`,
}

const copy = { nl, en }

export function subject({ lang, event }: RegistrationConfirmedProps) {
  return copy[lang].subject(event.title, shortDate(event.startsAt, event.timeZone, lang))
}

export function RegistrationConfirmedEmail(props: RegistrationConfirmedProps) {
  const { lang, event } = props
  const t = copy[lang]
  return (
    <Layout
      {...props}
      preview={t.preview(event.title, eventPeriod(event, lang))}
      heading={t.heading}
      reason={common[lang].reasonRegistered(event.title)}
    >
      <Greeting lang={lang} name={props.recipientName} />
      <P>{t.intro(event.title)}</P>
      <EventDetails lang={lang} event={event} online="link" />
      <RegistrationDetails
        lang={lang}
        recipientName={props.recipientName}
        eventTitle={event.title}
        qrCodeSrc={props.qrCodeSrc}
        manageUrl={props.manageUrl}
        accessibility={props.accessibility}
      />
    </Layout>
  )
}

export default RegistrationConfirmedEmail

export function sample(lang: Lang): RegistrationConfirmedProps {
  return {
    ...sampleBase(lang),
    recipientName: sampleParticipant.recipientName,
    event: sampleEvent(),
    qrCodeSrc: sampleQrCodeSrc,
    manageUrl: sampleLinks.registration,
    accessibility:
      lang === 'nl'
        ? 'Ik gebruik een rolstoel en heb een plaats aan het gangpad nodig.'
        : 'I use a wheelchair and need a seat on the aisle.',
  }
}
