import { Action } from './components/action'
import { EventDetails } from './components/event-details'
import { Greeting, Layout, P } from './components/layout'
import { Panel } from './components/panel'
import { sampleBase, sampleEvent, sampleLinks } from './components/samples'
import {
  common,
  formatSlotDay,
  shortDate,
  timeRange,
  type BaseProps,
  type EventSummary,
  type Lang,
} from './components/shared'
import { speakerCopy, speakerReason, type SpeakerAddressee, type SpeakerRole } from './components/speaker'

// A speaker's slot changed (time or room: the attached calendar REQUEST has a higher SEQUENCE) or was taken
// away (the participation removed, the invitation revoked: a calendar CANCEL).
export type SpeakerSlotUpdateProps = BaseProps &
  SpeakerAddressee & {
    event: EventSummary
    change: 'changed' | 'cancelled'
    slot: { title: string; startsAt: string; endsAt: string; room: string; role: SpeakerRole }
    /** The personal speaker link; none when the invitation was revoked. */
    portalUrl?: string
  }

type Change = 'changed' | 'cancelled'

const nl = {
  subject: (change: 'changed' | 'cancelled', title: string, date: string) =>
    change === 'changed'
      ? `Gewijzigd: uw bijdrage aan ${title} op ${date}`
      : `Vervallen: uw bijdrage aan ${title} op ${date}`,
  preview: (change: Change): string =>
    change === 'changed'
      ? 'De tijd of de zaal van uw bijdrage is veranderd.'
      : 'Uw bijdrage aan de bijeenkomst gaat niet door.',
  heading: (change: Change): string => (change === 'changed' ? 'Uw bijdrage is gewijzigd' : 'Uw bijdrage vervalt'),
  intro: (change: 'changed' | 'cancelled', who: string | null, title: string) =>
    change === 'changed'
      ? `De tijd of de zaal van de bijdrage van ${who ?? 'u'} aan ${title} is veranderd. Zo ziet het er nu uit:`
      : `De bijdrage van ${who ?? 'u'} aan ${title} gaat niet door. Het gaat om dit onderdeel:`,
  room: 'Zaal',
  role: 'Rol',
  calendar: (change: Change): string =>
    change === 'changed'
      ? 'In de bijlage vindt u de bijgewerkte agenda-afspraak. Open de bijlage om uw agenda bij te werken.'
      : 'Met de bijlage haalt u de afspraak uit uw agenda.',
  questions: 'Hebt u vragen? Neem dan contact op met het secretariaat.',
  button: 'Uw gegevens als spreker bekijken',
}

const en: typeof nl = {
  subject: (change, title, date) =>
    change === 'changed' ? `Changed: your part in ${title} on ${date}` : `Cancelled: your part in ${title} on ${date}`,
  preview: (change) =>
    change === 'changed' ? 'The time or room of your part has changed.' : 'Your part in the event will not go ahead.',
  heading: (change) => (change === 'changed' ? 'Your part has changed' : 'Your part is cancelled'),
  intro: (change, who, title) =>
    change === 'changed'
      ? `The time or room of the part of ${who ?? 'you'} in ${title} has changed. This is how it looks now:`
      : `The part of ${who ?? 'you'} in ${title} will not go ahead. It concerns this part of the programme:`,
  room: 'Room',
  role: 'Role',
  calendar: (change) =>
    change === 'changed'
      ? 'The attachment holds the updated calendar entry. Open it to update your calendar.'
      : 'The attachment removes the entry from your calendar.',
  questions: 'If you have any questions, please contact the secretariat.',
  button: 'View your speaker details',
}

const copy = { nl, en }

export function subject({ lang, event, change }: SpeakerSlotUpdateProps) {
  return copy[lang].subject(change, event.title, shortDate(event.startsAt, event.timeZone, lang))
}

export function SpeakerSlotUpdateEmail(props: SpeakerSlotUpdateProps) {
  const { lang, event, slot, change } = props
  const t = copy[lang]
  const s = speakerCopy[lang]
  const who = props.delegateName ? props.speakerName : null
  return (
    <Layout
      lang={lang}
      programmeName={props.programmeName}
      secretariatEmail={props.secretariatEmail}
      preview={t.preview(change)}
      heading={t.heading(change)}
      reason={speakerReason(lang, props, event.title)}
    >
      <Greeting lang={lang} name={props.delegateName ?? props.speakerName} formal />
      {props.delegateName ? <P>{s.onBehalf(props.speakerName)}</P> : null}
      <P>{t.intro(change, who, event.title)}</P>
      <Panel>
        <P>
          <strong>{slot.title}</strong>
          <br />
          {formatSlotDay(slot.startsAt, event.timeZone, lang)},{' '}
          {timeRange(slot.startsAt, slot.endsAt, event.timeZone, lang)}
          {slot.room ? (
            <>
              <br />
              {t.room}: {slot.room}
            </>
          ) : null}
          <br />
          {t.role}: {s.roleLabel[slot.role]}
        </P>
      </Panel>
      {change === 'changed' ? <EventDetails lang={lang} event={event} online="none" /> : null}
      <P>{t.calendar(change)}</P>
      {props.portalUrl ? <Action href={props.portalUrl} label={t.button} linkIntro={s.linkIntro} /> : null}
      <P>{t.questions}</P>
      {props.portalUrl ? (
        <P>{props.delegateName ? s.personalLinkDelegate(props.speakerName) : common[lang].personalLink}</P>
      ) : null}
    </Layout>
  )
}

export default SpeakerSlotUpdateEmail

export function sample(lang: Lang): SpeakerSlotUpdateProps {
  return {
    ...sampleBase(lang),
    speakerName: lang === 'nl' ? 'staatssecretaris Van Ark' : 'State Secretary Van Ark',
    event: sampleEvent(),
    change: 'changed',
    slot: {
      title: 'Panel: de inzet van de ministeries',
      startsAt: '2026-12-04T14:00:00.000Z',
      endsAt: '2026-12-04T15:00:00.000Z',
      room: 'Zaal 2',
      role: 'panelist',
    },
    portalUrl: sampleLinks.speaker,
  }
}
