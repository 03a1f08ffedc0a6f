import { EventDetails } from './components/event-details'
import { Greeting, Layout, P } from './components/layout'
import { RegistrationDetails } from './components/registration-details'
import { sampleBase, sampleEvent, sampleLinks, sampleQrCodeSrc } from './components/samples'
import { common, eventPeriod, type Lang } from './components/shared'
import { type RegistrationConfirmedProps } from './registration-confirmed'

export type RegistrationPromotedProps = RegistrationConfirmedProps

const nl = {
  subject: (title: string) => `Er is een plaats vrij: uw aanmelding voor ${title} is bevestigd`,
  preview: (title: string, period: string) =>
    `Goed nieuws: er is een plaats vrijgekomen. U bent aangemeld voor ${title} op ${period}.`,
  heading: 'Er is een plaats voor u vrijgekomen',
  intro: (title: string) =>
    `Goed nieuws. U stond op de wachtlijst voor ${title}. Er is nu een plaats vrijgekomen. Uw aanmelding is daarom bevestigd.`,
}

const en: typeof nl = {
  subject: (title) => `A place has become available: your registration for ${title} is confirmed`,
  preview: (title, period) => `Good news: a place has become available. You are registered for ${title} on ${period}.`,
  heading: 'A place has become available for you',
  intro: (title) =>
    `Good news. You were on the waiting list for ${title}. A place has now become available, so your registration is confirmed.`,
}

const copy = { nl, en }

export function subject({ lang, event }: RegistrationPromotedProps) {
  return copy[lang].subject(event.title)
}

export function RegistrationPromotedEmail(props: RegistrationPromotedProps) {
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

export default RegistrationPromotedEmail

export function sample(lang: Lang): RegistrationPromotedProps {
  return {
    ...sampleBase(lang),
    recipientName: 'Lotte Visser',
    event: sampleEvent(),
    qrCodeSrc: sampleQrCodeSrc,
    manageUrl: sampleLinks.registration,
  }
}
