// What changed in an event's time or place, in words for the "event changed" mail. Pure.
import { formatEventPeriod, formatTime, type Lang } from './format'

export type Schedule = {
  startsAt: Date
  endsAt: Date
  timeZone: string
  venueName: string
  venueAddress: string
  venuePostcode: string
  venueCity: string
  onlineUrl: string | null
}

export type ScheduleChange = { label: string; from: string; to: string }

const labels = {
  nl: { when: 'Datum en tijd', where: 'Locatie', online: 'Online deelnemen', none: 'geen', agenda: 'Programma' },
  en: { when: 'Date and time', where: 'Venue', online: 'Join online', none: 'none', agenda: 'Programme' },
}

const place = (s: Schedule) =>
  [s.venueName, s.venueAddress, [s.venuePostcode, s.venueCity].filter(Boolean).join(' ')].filter(Boolean).join(', ')

/** Time and place changes bump the calendar SEQUENCE and are mailed; other edits are not. */
export function scheduleChanged(before: Schedule, after: Schedule) {
  return (
    before.startsAt.getTime() !== after.startsAt.getTime() ||
    before.endsAt.getTime() !== after.endsAt.getTime() ||
    before.timeZone !== after.timeZone ||
    place(before) !== place(after) ||
    (before.onlineUrl ?? '') !== (after.onlineUrl ?? '')
  )
}

export function describeScheduleChanges(before: Schedule, after: Schedule, lang: Lang): ScheduleChange[] {
  const l = labels[lang]
  const changes: ScheduleChange[] = []
  const when = (s: Schedule) => formatEventPeriod(s.startsAt, s.endsAt, s.timeZone, lang)
  if (when(before) !== when(after)) changes.push({ label: l.when, from: when(before), to: when(after) })
  if (place(before) !== place(after))
    changes.push({ label: l.where, from: place(before) || l.none, to: place(after) || l.none })
  if ((before.onlineUrl ?? '') !== (after.onlineUrl ?? '')) {
    changes.push({ label: l.online, from: before.onlineUrl || l.none, to: after.onlineUrl || l.none })
  }
  return changes
}

/** The agenda moved with the event: its first start and last end, before and after, as one more change line. */
export function describeAgendaShift(
  before: Array<{ startsAt: Date; endsAt: Date }>,
  after: Array<{ startsAt: Date; endsAt: Date }>,
  zone: string,
  lang: Lang,
): ScheduleChange | null {
  if (!before.length || !after.length) return null
  const span = (items: Array<{ startsAt: Date; endsAt: Date }>) => {
    const start = new Date(Math.min(...items.map((i) => i.startsAt.getTime())))
    const end = new Date(Math.max(...items.map((i) => i.endsAt.getTime())))
    return `${formatTime(start, zone, lang)}–${formatTime(end, zone, lang)}`
  }
  return { label: labels[lang].agenda, from: span(before), to: span(after) }
}
