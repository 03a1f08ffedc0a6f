import { Fragment } from 'react'
import { PersonalAction } from './components/action'
import { EventDetails } from './components/event-details'
import { Greeting, H2, Layout, P } from './components/layout'
import { Panel } from './components/panel'
import { sampleBase, sampleEvent, sampleLinks, sampleParticipant } from './components/samples'
import { common, shortDate, type BaseProps, type EventSummary, type Lang } from './components/shared'

export type EventChange = { label: string; from: string; to: string }

export type EventChangedProps = BaseProps & {
  recipientName: string
  /** The event as it is now. */
  event: EventSummary
  /** What changed, already in the recipient's language. */
  changes: EventChange[]
  /** Registered participants get their personal link; others do not. */
  manageUrl?: string
}

const nl = {
  subject: (title: string, date: string) => `Gewijzigd: ${title} op ${date}`,
  preview: (title: string) => `Er is iets veranderd aan ${title}. Bekijk wat er anders is.`,
  heading: 'De bijeenkomst is gewijzigd',
  intro: (title: string) => `Er is iets veranderd aan ${title}. Hieronder ziet u wat er anders is.`,
  changesHeading: 'Wat is er veranderd?',
  from: 'Oud',
  to: 'Nieuw',
  detailsHeading: 'De nieuwe gegevens op een rij',
  calendar: 'In de bijlage vindt u de bijgewerkte agenda-afspraak. Open de bijlage om uw agenda bij te werken.',
  manage:
    'Kunt u door deze wijziging niet meer komen? Meld u dan af via uw persoonlijke link. Dan kan iemand anders uw plaats krijgen.',
  button: 'Aanmelding wijzigen of annuleren',
}

const en: typeof nl = {
  subject: (title, date) => `Changed: ${title} on ${date}`,
  preview: (title) => `Something has changed for ${title}. See what is different.`,
  heading: 'The event has changed',
  intro: (title) => `Something has changed for ${title}. Below you can see what is different.`,
  changesHeading: 'What has changed?',
  from: 'Previously',
  to: 'Now',
  detailsHeading: 'The new details at a glance',
  calendar: 'The updated calendar item is attached. Open the attachment to update your calendar.',
  manage:
    'If you can no longer attend because of this change, please cancel with your personal link, so that someone else can have your place.',
  button: 'Change or cancel your registration',
}

const copy = { nl, en }

export function subject({ lang, event }: EventChangedProps) {
  return copy[lang].subject(event.title, shortDate(event.startsAt, event.timeZone, lang))
}

export function EventChangedEmail(props: EventChangedProps) {
  const { lang, event } = props
  const t = copy[lang]
  return (
    <Layout
      {...props}
      preview={t.preview(event.title)}
      heading={t.heading}
      reason={common[lang].reasonInvolved(event.title)}
    >
      <Greeting lang={lang} name={props.recipientName} />
      <P>{t.intro(event.title)}</P>
      <H2>{t.changesHeading}</H2>
      <Panel>
        {props.changes.map((change, i) => (
          <Fragment key={i}>
            <P>
              <strong>{change.label}</strong>
              <br />
              {t.from}: {change.from}
              <br />
              {t.to}: {change.to}
            </P>
          </Fragment>
        ))}
      </Panel>
      <H2>{t.detailsHeading}</H2>
      <EventDetails lang={lang} event={event} online={props.manageUrl ? 'link' : 'mention'} />
      <P>{t.calendar}</P>
      {props.manageUrl ? (
        <>
          <P>{t.manage}</P>
          <PersonalAction lang={lang} href={props.manageUrl} label={t.button} />
        </>
      ) : null}
    </Layout>
  )
}

export default EventChangedEmail

export function sample(lang: Lang): EventChangedProps {
  const event = { ...sampleEvent(), startsAt: '2026-12-04T14:00:00.000Z', endsAt: '2026-12-04T17:00:00.000Z' }
  return {
    ...sampleBase(lang),
    recipientName: sampleParticipant.recipientName,
    event,
    changes:
      lang === 'nl'
        ? [
            { label: 'Tijd', from: '14.00–17.00 uur', to: '15.00–18.00 uur' },
            { label: 'Zaal', from: 'Grote zaal', to: 'Auditorium, begane grond' },
          ]
        : [
            { label: 'Time', from: '14:00–17:00', to: '15:00–18:00' },
            { label: 'Room', from: 'Grote zaal', to: 'Auditorium, ground floor' },
          ],
    manageUrl: sampleLinks.registration,
  }
}
