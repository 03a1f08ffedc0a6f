// Check-in at the door: by the QR code in the confirmation mail, or by a name search.
//
// A check-in is one conditional UPDATE (`… WHERE checkedInAt IS NULL AND status = 'confirmed'`), never a
// read-then-write: when two hosts scan the same person at once, exactly one update matches, and the other host
// is told when that person arrived. Only confirmed registrations of the event at hand check in.
import type { RegistrationStatus } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import { containsPattern } from '~/utils/search-fold'
import { select, sqlDriver } from '~/utils/sql-driver.server'
import { portableSql } from '~/utils/sql.server'
import { audit } from './audit.server'
import { checkInPayload } from './event-mail.server'

/** What the host sees of a person. The needs are only filled in for users who may read them. */
export type Attendee = {
  id: string
  name: string
  organisation: string
  function: string
  status: RegistrationStatus
  checkedInAt: Date | null
  accessibility: string | null
  dietary: string | null
  /** Registered through an invitation link that someone else used: the host may want to ask who it is. */
  flaggedForReview: boolean
}

export type CheckInOutcome =
  | { kind: 'checked-in'; attendee: Attendee; at: Date }
  | { kind: 'already'; attendee: Attendee; at: Date }
  | { kind: 'not-confirmed'; attendee: Attendee }
  | { kind: 'other-event'; eventTitle: string }
  | { kind: 'unknown' }
  | { kind: 'invalid-code' }

type Viewer = { userId: string; sensitive: boolean }

const attendeeSelect = {
  id: true,
  eventId: true,
  name: true,
  organisationName: true,
  function: true,
  status: true,
  checkedInAt: true,
  accessibility: true,
  dietary: true,
  flaggedForReview: true,
  organisation: { select: { name: true } },
} as const

type Row = {
  id: string
  eventId: string
  name: string
  organisationName: string
  function: string
  status: RegistrationStatus
  checkedInAt: Date | null
  accessibility: string
  dietary: string
  flaggedForReview: boolean
  organisation: { name: string } | null
}

function toAttendee(row: Row, sensitive: boolean): Attendee {
  return {
    id: row.id,
    name: row.name,
    organisation: row.organisation?.name || row.organisationName,
    function: row.function,
    status: row.status,
    checkedInAt: row.checkedInAt,
    accessibility: sensitive ? row.accessibility : null,
    dietary: sensitive ? row.dietary : null,
    flaggedForReview: row.flaggedForReview,
  }
}

const CHECK_IN_PREFIX = checkInPayload('')
const CODE = /^[0-9a-f]{32}$/

/**
 * The check-in code from what a scanner read or a host typed: the QR payload (`bijeen-checkin:<code>`) or the
 * bare code. Null when it cannot be one of ours.
 */
export function parseCheckInCode(input: string): string | null {
  const text = input.trim()
  const code = (text.startsWith(CHECK_IN_PREFIX) ? text.slice(CHECK_IN_PREFIX.length) : text).toLowerCase()
  return CODE.test(code) ? code : null
}

async function checkIn(eventId: string, row: Row | null, viewer: Viewer): Promise<CheckInOutcome> {
  if (!row) return { kind: 'unknown' }
  if (row.eventId !== eventId) {
    const event = await db.event.findUnique({ where: { id: row.eventId }, select: { title: true } })
    return { kind: 'other-event', eventTitle: event?.title ?? '' }
  }
  if (row.status !== 'confirmed') return { kind: 'not-confirmed', attendee: toAttendee(row, viewer.sensitive) }
  const at = new Date()
  const { count } = await db.registration.updateMany({
    where: { id: row.id, eventId, status: 'confirmed', checkedInAt: null },
    data: { checkedInAt: at, checkedInById: viewer.userId },
  })
  // Read back either way: the winner of a race, or a status that changed in between, is what the host sees.
  const current = await db.registration.findUnique({ where: { id: row.id }, select: attendeeSelect })
  if (!current) return { kind: 'unknown' }
  const attendee = toAttendee(current, viewer.sensitive)
  if (count === 1) {
    await audit({
      actorUserId: viewer.userId,
      action: 'registration.checked-in',
      entity: 'Registration',
      entityId: row.id,
      details: { eventId },
    })
    return { kind: 'checked-in', attendee, at }
  }
  if (current.checkedInAt && current.status === 'confirmed') {
    return { kind: 'already', attendee, at: current.checkedInAt }
  }
  return { kind: 'not-confirmed', attendee }
}

/** Checks in the person whose QR code (or typed code) this is. */
export async function checkInByCode(eventId: string, input: string, viewer: Viewer): Promise<CheckInOutcome> {
  const code = parseCheckInCode(input)
  if (!code) return { kind: 'invalid-code' }
  const row = await db.registration.findUnique({ where: { checkInCode: code }, select: attendeeSelect })
  return checkIn(eventId, row, viewer)
}

/** Checks in a registration found by the name search. */
export async function checkInById(eventId: string, registrationId: string, viewer: Viewer) {
  const row = await db.registration.findUnique({ where: { id: registrationId }, select: attendeeSelect })
  return checkIn(eventId, row, viewer)
}

export type UndoOutcome = { kind: 'undone'; attendee: Attendee } | { kind: 'not-checked-in' } | { kind: 'unknown' }

/** Takes a check-in back (a mistake at the door), with an audit entry. */
export async function undoCheckIn(eventId: string, registrationId: string, viewer: Viewer): Promise<UndoOutcome> {
  const undone = await db.$transaction(async (tx) => {
    const { count } = await tx.registration.updateMany({
      where: { id: registrationId, eventId, checkedInAt: { not: null } },
      data: { checkedInAt: null, checkedInById: null },
    })
    if (count !== 1) return false
    await audit(
      {
        actorUserId: viewer.userId,
        action: 'registration.check-in-undone',
        entity: 'Registration',
        entityId: registrationId,
        details: { eventId },
      },
      tx,
    )
    return true
  })
  const row = await db.registration.findFirst({ where: { id: registrationId, eventId }, select: attendeeSelect })
  if (!row) return { kind: 'unknown' }
  return undone ? { kind: 'undone', attendee: toAttendee(row, viewer.sensitive) } : { kind: 'not-checked-in' }
}

/** The event of a check-in page, or null when there is none. */
export async function getCheckInEvent(eventId: string) {
  return db.event.findUnique({ where: { id: eventId }, select: { id: true, title: true, timeZone: true } })
}

/** Arrived versus expected: confirmed registrations that checked in, out of all confirmed ones. */
export async function checkInCounts(eventId: string) {
  const [arrived, expected] = await Promise.all([
    db.registration.count({ where: { eventId, status: 'confirmed', checkedInAt: { not: null } } }),
    db.registration.count({ where: { eventId, status: 'confirmed' } }),
  ])
  return { arrived, expected }
}

/** The latest check-ins, newest first. */
export async function recentCheckIns(eventId: string, sensitive: boolean, take = 5) {
  const rows = await db.registration.findMany({
    where: { eventId, status: 'confirmed', checkedInAt: { not: null } },
    orderBy: { checkedInAt: 'desc' },
    take,
    select: attendeeSelect,
  })
  return rows.map((r) => toAttendee(r, sensitive))
}

export async function getAttendee(eventId: string, registrationId: string, sensitive: boolean) {
  const row = await db.registration.findFirst({ where: { id: registrationId, eventId }, select: attendeeSelect })
  return row ? toAttendee(row, sensitive) : null
}

const SEARCH_LIMIT = 20

/**
 * Registrations of the event whose name, e-mail or organisation contains the query, ignoring case and accents
 * (bijeen_fold, app/utils/search-fold.ts), sorted by name. Cancelled and rejected ones are left out: they are not
 * expected at the door. Matched, sorted and cut to twenty in the database: a door search runs per keystroke.
 */
export async function searchAttendees(eventId: string, query: string, sensitive: boolean) {
  const pattern = containsPattern(query)
  const matches = (column: string) => `bijeen_fold(${column}) LIKE ? ESCAPE '\\'`
  const ids = await sqlDriver().read(
    select<{ id: string }>(
      portableSql(
        `SELECT r."id" FROM "Registration" r LEFT JOIN "Organisation" o ON o."id" = r."organisationId"
          WHERE r."eventId" = ? AND r."status" IN ('confirmed', 'waitlisted', 'pending_approval')
            AND (${[`r."name"`, `r."email"`, `r."organisationName"`, `o."name"`].map(matches).join(' OR ')})
          ORDER BY bijeen_fold(r."name"), r."name", r."id" LIMIT ${SEARCH_LIMIT}`,
      ),
      eventId,
      pattern,
      pattern,
      pattern,
      pattern,
    ),
  )
  if (!ids.length) return []
  const rows = await db.registration.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: attendeeSelect })
  const order = new Map(ids.map((r, i) => [r.id, i]))
  return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!).map((r) => toAttendee(r, sensitive))
}
