// The speaker briefing by mail: what a speaker needs on the day (arrival, address, room, slot, the others in
// the slot, the moderator, whom to call). The same facts as the printable page in the portal.
import { EventDetails } from './components/event-details'
import { Greeting, H2, Layout, P } from './components/layout'
import { sampleBase, sampleEvent } from './components/samples'
import { dateTime, formatSlotDay, timeRange, type BaseProps, type EventSummary, type Lang } from './components/shared'
import { listOf, speakerCopy, speakerReason, type SpeakerAddressee, type SpeakerRole } from './components/speaker'

export type BriefingSlot = {
  title: string
  startsAt: string
  endsAt: string
  room: string
  role: SpeakerRole
  moderators: string[]
  /** The others in the slot (panelists and speakers), in programme order. */
  others: string[]
}

export type SpeakerBriefingProps = BaseProps &
  SpeakerAddressee & {
    event: EventSummary
    /** ISO instant: when the speaker is expected. */
    arrivalAt: string
    slots: BriefingSlot[]
    contact: { name: string; phone: string; email: string }
  }

const nl = {
  subject: (title: string) => `Sprekersbriefing: ${title}`,
  preview: (title: string) => `Alles wat u op de dag van ${title} nodig hebt.`,
  heading: 'Sprekersbriefing',
  intro: (title: string) => `Hieronder vindt u alles wat u nodig hebt op de dag van ${title}.`,
  arrival: (when: string) => `Wij verwachten u om ${when}. Meld u bij de ontvangst.`,
  slots: 'Uw bijdrage',
  role: 'Rol',
  room: 'Zaal',
  moderator: 'Moderator',
  others: 'Samen met',
  contact: 'Contactpersoon op de dag',
  phone: 'Telefoon',
  email: 'E-mail',
}

const en: typeof nl = {
  subject: (title) => `Speaker briefing: ${title}`,
  preview: (title) => `Everything you need on the day of ${title}.`,
  heading: 'Speaker briefing',
  intro: (title) => `Below is everything you need on the day of ${title}.`,
  arrival: (when) => `We expect you at ${when}. Please report to the reception desk.`,
  slots: 'Your contribution',
  role: 'Role',
  room: 'Room',
  moderator: 'Moderator',
  others: 'Together with',
  contact: 'Contact person on the day',
  phone: 'Phone',
  email: 'Email',
}

const copy = { nl, en }

export function subject({ lang, event }: SpeakerBriefingProps) {
  return copy[lang].subject(event.title)
}

export function SpeakerBriefingEmail(props: SpeakerBriefingProps) {
  const { lang, event } = props
  const t = copy[lang]
  const s = speakerCopy[lang]
  return (
    <Layout
      lang={lang}
      programmeName={props.programmeName}
      secretariatEmail={props.secretariatEmail}
      preview={t.preview(event.title)}
      heading={t.heading}
      reason={speakerReason(lang, props, event.title)}
    >
      <Greeting lang={lang} name={props.delegateName ?? props.speakerName} formal />
      {props.delegateName ? <P>{s.onBehalf(props.speakerName)}</P> : null}
      <P>{t.intro(event.title)}</P>
      <P>{t.arrival(dateTime(props.arrivalAt, event.timeZone, lang))}</P>
      <EventDetails lang={lang} event={event} />
      <H2>{t.slots}</H2>
      {props.slots.map((slot, i) => (
        <P key={i}>
          {slot.title}
          <br />
          {formatSlotDay(slot.startsAt, event.timeZone, lang)},{' '}
          {timeRange(slot.startsAt, slot.endsAt, event.timeZone, lang)}
          <br />
          {t.role}: {s.roleLabel[slot.role]}
          {slot.room ? (
            <>
              <br />
              {t.room}: {slot.room}
            </>
          ) : null}
          {slot.moderators.length ? (
            <>
              <br />
              {t.moderator}: {listOf(slot.moderators, lang)}
            </>
          ) : null}
          {slot.others.length ? (
            <>
              <br />
              {t.others}: {listOf(slot.others, lang)}
            </>
          ) : null}
        </P>
      ))}
      <H2>{t.contact}</H2>
      <P>
        {props.contact.name}
        {props.contact.phone ? (
          <>
            <br />
            {t.phone}: {props.contact.phone}
          </>
        ) : null}
        <br />
        {t.email}: {props.contact.email}
      </P>
    </Layout>
  )
}

export default SpeakerBriefingEmail

export function sample(lang: Lang): SpeakerBriefingProps {
  return {
    ...sampleBase(lang),
    speakerName: lang === 'nl' ? 'staatssecretaris Harbers' : 'State Secretary Harbers',
    event: sampleEvent(),
    arrivalAt: '2026-12-04T12:30:00.000Z',
    slots: [
      {
        title: 'Panel: de inzet van de ministeries',
        startsAt: '2026-12-04T13:30:00.000Z',
        endsAt: '2026-12-04T14:15:00.000Z',
        room: 'Plenaire zaal',
        role: 'panelist',
        moderators: ['Marieke de Boer'],
        others: ['Staatssecretaris Van Ark', 'Minister Blokhuis'],
      },
    ],
    contact: {
      name: 'Secretariaat Samen tegen mensenhandel',
      phone: '070 370 79 11',
      email: 'secretariaat@example.org',
    },
  }
}
