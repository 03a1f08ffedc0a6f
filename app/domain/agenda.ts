// Rules for agenda items. Pure: the model passes in the event and the other items.
import { DateTime } from 'luxon'
import { z } from 'zod'
import type { Dictionary } from '~/i18n/nl'
import { zonedToUtc } from './format'

export type Interval = { startsAt: Date; endsAt: Date }
export type AgendaSlot = Interval & { id: string; room: string; title: string }

export type AgendaProblem = 'end-before-start' | 'outside-event' | 'room-overlap'

const overlaps = (a: Interval, b: Interval) => a.startsAt < b.endsAt && b.startsAt < a.endsAt

/** Problems that stop an item from being saved: end before start, outside the event, double-booked room. */
export function agendaItemProblems(
  item: AgendaSlot,
  event: Interval,
  others: AgendaSlot[],
): { problem: AgendaProblem; with?: string }[] {
  if (item.endsAt <= item.startsAt) return [{ problem: 'end-before-start' }]
  const problems: { problem: AgendaProblem; with?: string }[] = []
  if (item.startsAt < event.startsAt || item.endsAt > event.endsAt) problems.push({ problem: 'outside-event' })
  const room = item.room.trim().toLowerCase()
  // Items without a room (a plenary drink, a break) may overlap; two things in one room may not.
  if (room) {
    for (const other of others) {
      if (other.id !== item.id && other.room.trim().toLowerCase() === room && overlaps(item, other)) {
        problems.push({ problem: 'room-overlap', with: other.title })
      }
    }
  }
  return problems
}

/**
 * When an event moves to another day, its programme moves with it: each item the same number of days, at the
 * same wall-clock time in the event's zone (so a move across a DST change keeps 14.00 at 14.00). A change of
 * the hours on the same day moves nothing: the secretariat sets the items' own times. Only items that move.
 */
export function itemsFollowingEventDay(
  items: Array<Interval & { id: string }>,
  before: { startsAt: Date },
  after: { startsAt: Date; timeZone: string },
): Map<string, Interval> {
  const day = (d: Date) => DateTime.fromJSDate(d, { zone: after.timeZone }).startOf('day')
  const days = Math.round(day(after.startsAt).diff(day(before.startsAt), 'days').days)
  const moves = new Map<string, Interval>()
  if (!days) return moves
  const shift = (d: Date) => DateTime.fromJSDate(d, { zone: after.timeZone }).plus({ days }).toUTC().toJSDate()
  for (const item of items) moves.set(item.id, { startsAt: shift(item.startsAt), endsAt: shift(item.endsAt) })
  return moves
}

export type Booking = Interval & { itemId: string; itemTitle: string; speakerId: string; speakerName: string }

/** A speaker booked in two overlapping items: a warning, not an error (a panelist may also open). */
export function speakerDoubleBookings(bookings: Booking[]) {
  const warnings: Array<{ speakerName: string; first: string; second: string }> = []
  const bySpeaker = new Map<string, Booking[]>()
  for (const b of bookings) bySpeaker.set(b.speakerId, [...(bySpeaker.get(b.speakerId) ?? []), b])
  for (const list of bySpeaker.values()) {
    const sorted = [...list].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        if (sorted[i]!.itemId !== sorted[j]!.itemId && overlaps(sorted[i]!, sorted[j]!)) {
          warnings.push({
            speakerName: sorted[i]!.speakerName,
            first: sorted[i]!.itemTitle,
            second: sorted[j]!.itemTitle,
          })
        }
      }
    }
  }
  return warnings
}

// ─── The agenda item form ─────────────────────────────────────────────────────

export const agendaKinds = [
  'opening',
  'keynote',
  'panel',
  'workshop',
  'break',
  'networking',
  'closing',
  'other',
] as const

export function agendaItemSchema(e: Dictionary['agendaAdmin']['errors'], zone: string) {
  const date = /^\d{4}-\d{2}-\d{2}$/
  const time = /^\d{2}:\d{2}$/
  return z
    .object({
      kind: z.enum(agendaKinds).default('other'),
      title: z.string({ required_error: e.titleRequired }).trim().min(1, e.titleRequired).max(200, e.tooLong(200)),
      description: z.string().trim().max(5000, e.tooLong(5000)).optional().default(''),
      date: z.string({ required_error: e.dateRequired }).regex(date, e.dateRequired),
      startTime: z.string({ required_error: e.timeRequired }).regex(time, e.timeRequired),
      endTime: z.string({ required_error: e.timeRequired }).regex(time, e.timeRequired),
      room: z.string().trim().max(100, e.tooLong(100)).optional().default(''),
      actionLineIds: z.array(z.string().min(1).max(64)).max(20).optional().default([]),
    })
    .superRefine((v, ctx) => {
      const start = zonedToUtc(v.date, v.startTime, zone)
      const end = zonedToUtc(v.date, v.endTime, zone)
      if (!start) ctx.addIssue({ code: 'custom', path: ['startTime'], message: e.timeInvalid })
      else if (!end) ctx.addIssue({ code: 'custom', path: ['endTime'], message: e.timeInvalid })
      else if (end <= start) ctx.addIssue({ code: 'custom', path: ['endTime'], message: e.endBeforeStart })
    })
    .transform((v) => ({
      ...v,
      startsAt: zonedToUtc(v.date, v.startTime, zone)!,
      endsAt: zonedToUtc(v.date, v.endTime, zone)!,
    }))
}

export type AgendaItemValues = z.output<ReturnType<typeof agendaItemSchema>>

// ─── An agenda that no longer fits its event ──────────────────────────────────

const MINUTE = 60_000

/** Items that start before or end after the event: after the event's times changed, the secretariat is told. */
export function itemsOutsideEvent<T extends Interval>(event: Interval, items: T[]): T[] {
  return items.filter((i) => i.startsAt < event.startsAt || i.endsAt > event.endsAt)
}

/** Every item moved by the same number of minutes (a whole agenda follows its event). */
export function shiftedItems<T extends Interval>(items: T[], minutes: number): T[] {
  return items.map((i) => ({
    ...i,
    startsAt: new Date(i.startsAt.getTime() + minutes * MINUTE),
    endsAt: new Date(i.endsAt.getTime() + minutes * MINUTE),
  }))
}

/**
 * When an event's start moves, the shift that keeps the agenda where it was relative to the start: the same
 * number of minutes. Null when the start did not move, there is no agenda, or the shifted agenda would not
 * fit the new times either (then the items have to be changed one by one).
 */
export function agendaShiftFor(before: Interval, after: Interval, items: Interval[]): number | null {
  const minutes = Math.round((after.startsAt.getTime() - before.startsAt.getTime()) / MINUTE)
  if (minutes === 0 || !items.length) return null
  return itemsOutsideEvent(after, shiftedItems(items, minutes)).length ? null : minutes
}

/**
 * The shift the agenda page offers when items fall outside the event: move the first item to the event's
 * start. Null when everything fits or that shift does not make everything fit.
 */
export function agendaShiftToFit(event: Interval, items: Interval[]): number | null {
  if (!items.length || !itemsOutsideEvent(event, items).length) return null
  const first = Math.min(...items.map((i) => i.startsAt.getTime()))
  const minutes = Math.round((event.startsAt.getTime() - first) / MINUTE)
  if (minutes === 0) return null
  return itemsOutsideEvent(event, shiftedItems(items, minutes)).length ? null : minutes
}
