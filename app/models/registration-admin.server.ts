// The secretariat's view of an event's registrations: counts, the filtered list, one registration in full, the
// actions on it (through the registration core, each checked against the event in the URL and audited), the
// exports, the printable attendee list and the badges. The core itself (seats, waitlist, mails) stays in
// registration.server.ts.
import type { Prisma } from '~/generated/prisma/client'
import type { RegistrationStatus } from '~/generated/prisma/enums'
import { STATUSES, type RegistrationAction, type RegistrationFilter } from '~/domain/registration-admin'
import { answersOf } from '~/domain/registration-form'
import { matchesSearch } from '~/domain/search'
import { db } from '~/utils/db.server'
import { containsPattern } from '~/utils/search-fold'
import { select, sqlDriver } from '~/utils/sql-driver.server'
import { portableSql } from '~/utils/sql.server'
import { audit } from './audit.server'
import { eventQuestions } from './registration-form.server'
import {
  approveRegistration,
  cancelRegistration,
  promoteFromWaitlist,
  rejectRegistration,
  waitlistStandings,
  type WaitlistStanding,
} from './registration.server'

export const PAGE_SIZE = 100

function whereOf(eventId: string, filter: RegistrationFilter): Prisma.RegistrationWhereInput {
  const where: Prisma.RegistrationWhereInput = { eventId }
  if (filter.status) where.status = filter.status
  if (filter.organisation) where.organisationId = filter.organisation
  if (filter.sector) where.organisation = { sector: filter.sector }
  if (filter.flagged) where.flaggedForReview = true
  return where
}

/**
 * A name search: the matching registrations' count and one page of ids, filtered, ordered and paged in the
 * database (bijeen_fold ignores case and accents, app/utils/search-fold.ts), so that 10,000 registrations are
 * not read to show a hundred.
 */
function* searchPage(eventId: string, filter: RegistrationFilter & { q: string }, page: number) {
  const conditions = [`r."eventId" = ?`]
  const params: unknown[] = [eventId]
  const casts: Array<string | null> = [null]
  const add = (condition: string, value: unknown, cast: string | null = null) => {
    conditions.push(condition)
    params.push(value)
    casts.push(cast)
  }
  if (filter.status) add(`r."status" = ?`, filter.status, '"RegistrationStatus"')
  if (filter.organisation) add(`r."organisationId" = ?`, filter.organisation)
  if (filter.sector) add(`o."sector" = ?`, filter.sector, '"Sector"')
  if (filter.flagged) add(`r."flaggedForReview" = ?`, true, 'boolean')
  const pattern = containsPattern(filter.q)
  add(`(bijeen_fold(r."name") LIKE ? ESCAPE '\\' OR bijeen_fold(r."email") LIKE ? ESCAPE '\\')`, pattern)
  params.push(pattern)
  casts.push(null)
  const from = `FROM "Registration" r LEFT JOIN "Organisation" o ON o."id" = r."organisationId" WHERE ${conditions.join(' AND ')}`
  const [{ n }] = (yield* select<{ n: number }>(portableSql(`SELECT COUNT(*) AS "n" ${from}`, casts), ...params)) as [
    { n: number },
  ]
  const total = Number(n)
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))
  const shown = Math.min(page, pages)
  const order = filter.status === 'waitlisted' ? `r."waitlistSeq", r."id"` : `r."name", r."email", r."id"`
  const rows = yield* select<{ id: string }>(
    portableSql(`SELECT r."id" ${from} ORDER BY ${order} LIMIT ${PAGE_SIZE} OFFSET ${(shown - 1) * PAGE_SIZE}`, casts),
    ...params,
  )
  return { total, page: shown, pages, ids: rows.map((r) => r.id) }
}

// The waitlist in its order, by sequence number; position n is the n-th waiting. Sorting on the waitlist
// gives the order people are promoted in; everything else reads best by name.
function orderOf(filter: RegistrationFilter): Prisma.RegistrationOrderByWithRelationInput[] {
  if (filter.status === 'waitlisted') return [{ waitlistSeq: 'asc' }, { id: 'asc' }]
  return [{ name: 'asc' }, { email: 'asc' }, { id: 'asc' }]
}

/** The organisation whose quota keeps this person waiting, with their place among its people; else null. */
function quotaHolder(standing: WaitlistStanding | null | undefined) {
  if (!standing || standing.reason === 'event-full' || !standing.organisationName) return null
  return {
    organisation: standing.organisationName,
    position: standing.organisationPosition,
    eventFull: standing.reason === 'both-full',
  }
}

// ─── Event, counts and list ───────────────────────────────────────────────────────────────────────────────

export function getEventHeader(eventId: string) {
  return db.event.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      slug: true,
      title: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      capacity: true,
      confirmedCount: true,
      requiresApproval: true,
      status: true,
    },
  })
}

export type RegistrationCounts = Record<RegistrationStatus, number> & {
  capacity: number | null
  free: number | null
  checkedIn: number
  flagged: number
}

/** Each event's registrations by status (every status present, zero when none): one query for a list of events. */
export async function statusCounts(eventIds: string[]): Promise<Map<string, Record<RegistrationStatus, number>>> {
  const counts = new Map(
    eventIds.map((id) => [id, Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<RegistrationStatus, number>]),
  )
  if (!eventIds.length) return counts
  const groups = await db.registration.groupBy({
    by: ['eventId', 'status'],
    where: { eventId: { in: eventIds } },
    _count: { _all: true },
  })
  for (const group of groups) counts.get(group.eventId)![group.status] = group._count._all
  return counts
}

export async function registrationCounts(eventId: string): Promise<RegistrationCounts | null> {
  const event = await db.event.findUnique({ where: { id: eventId }, select: { capacity: true } })
  if (!event) return null
  const [counts, checkedIn, flagged] = await Promise.all([
    statusCounts([eventId]),
    db.registration.count({ where: { eventId, checkedInAt: { not: null } } }),
    db.registration.count({ where: { eventId, flaggedForReview: true } }),
  ])
  const byStatus = counts.get(eventId)!
  return {
    ...byStatus,
    capacity: event.capacity,
    // Counted from the registrations rather than the seat counter, so the page agrees with the list.
    free: event.capacity === null ? null : Math.max(0, event.capacity - byStatus.confirmed),
    checkedIn,
    flagged,
  }
}

/** Organisations that have a registration for this event, for the filter. */
export async function organisationsOfEvent(eventId: string) {
  return db.organisation.findMany({
    where: { registrations: { some: { eventId } } },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, sector: true },
  })
}

const listSelect = {
  id: true,
  name: true,
  email: true,
  organisationName: true,
  status: true,
  flaggedForReview: true,
  checkedInAt: true,
  createdAt: true,
  organisation: { select: { name: true, sector: true } },
} satisfies Prisma.RegistrationSelect

export async function listRegistrations(eventId: string, filter: RegistrationFilter) {
  const where = whereOf(eventId, filter)
  let found: { total: number; page: number; pages: number; ids?: string[] }
  if (filter.q) {
    found = await sqlDriver().read(searchPage(eventId, { ...filter, q: filter.q }, filter.page))
  } else {
    const total = await db.registration.count({ where })
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))
    found = { total, pages, page: Math.min(filter.page, pages) }
  }
  const { total, page, pages, ids } = found
  const rows = ids
    ? await db.registration
        .findMany({ where: { id: { in: ids } }, select: listSelect })
        .then((found) => found.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id)))
    : await db.registration.findMany({
        where,
        orderBy: orderOf(filter),
        skip: (page - 1) * PAGE_SIZE,
        take: PAGE_SIZE,
        select: listSelect,
      })
  const standings = await waitlistStandings(
    eventId,
    rows.filter((r) => r.status === 'waitlisted').map((r) => r.id),
  )
  return {
    total,
    page,
    pages,
    registrations: rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      organisation: r.organisation?.name ?? r.organisationName,
      status: r.status,
      waitlistPosition: standings.get(r.id)?.position ?? null,
      /** Set when they wait for a seat of their organisation's quota rather than (only) for the event. */
      waitingForQuota: quotaHolder(standings.get(r.id)),
      flagged: r.flaggedForReview,
      checkedInAt: r.checkedInAt,
      createdAt: r.createdAt,
    })),
  }
}

// ─── One registration ─────────────────────────────────────────────────────────────────────────────────────

export async function getRegistrationDetail(eventId: string, registrationId: string, options: { sensitive: boolean }) {
  const registration = await db.registration.findUnique({
    where: { id: registrationId },
    include: {
      organisation: { select: { id: true, name: true, sector: true } },
      registeredBy: { select: { id: true, name: true, email: true } },
      colleagues: { select: { id: true, name: true, status: true }, orderBy: { name: 'asc' } },
      invitation: { select: { id: true, status: true, contact: { select: { name: true, email: true } } } },
    },
  })
  // A registration of another event is as good as absent here.
  if (!registration || registration.eventId !== eventId) return null
  const [questions, standing, link] = await Promise.all([
    eventQuestions(eventId),
    registration.status === 'waitlisted'
      ? waitlistStandings(eventId, [registration.id]).then((s) => s.get(registration.id) ?? null)
      : Promise.resolve(null),
    registration.invitationId
      ? db.personalLink.findFirst({
          where: { kind: 'invitation', subjectId: registration.invitationId },
          orderBy: { createdAt: 'desc' },
          select: { expiresAt: true, revokedAt: true },
        })
      : Promise.resolve(null),
  ])
  const answers = answersOf(registration.answers)
  const now = new Date()
  return {
    id: registration.id,
    name: registration.name,
    email: registration.email,
    organisation: registration.organisation?.name ?? registration.organisationName,
    sector: registration.organisation?.sector ?? null,
    function: registration.function,
    language: registration.language,
    status: registration.status,
    waitlistPosition: standing?.position ?? null,
    waitingForQuota: quotaHolder(standing),
    photoConsent: registration.photoConsent,
    // Only sent to the browser for those allowed to read them.
    dietary: options.sensitive ? registration.dietary : null,
    accessibility: options.sensitive ? registration.accessibility : null,
    flagged: registration.flaggedForReview,
    checkedInAt: registration.checkedInAt,
    cancelledAt: registration.cancelledAt,
    createdAt: registration.createdAt,
    updatedAt: registration.updatedAt,
    registeredBy: registration.registeredBy,
    colleagues: registration.colleagues,
    invitation: registration.invitation
      ? {
          status: registration.invitation.status,
          contact: registration.invitation.contact,
          link: !link
            ? ({ state: 'missing' } as const)
            : link.revokedAt
              ? ({ state: 'revoked' } as const)
              : link.expiresAt <= now
                ? ({ state: 'expired' } as const)
                : ({ state: 'active', expiresAt: link.expiresAt } as const),
        }
      : null,
    answers: questions.map((q) => ({
      id: q.id,
      label: q.label,
      labelEn: q.labelEn,
      type: q.type,
      answer: q.id in answers ? answers[q.id]! : null,
    })),
  }
}

// ─── Actions ──────────────────────────────────────────────────────────────────────────────────────────────

export type Conflict = 'notPending' | 'notWaitlisted' | 'eventFull' | 'organisationFull' | 'notActive' | 'notFlagged'

export type ActionOutcome =
  | { kind: 'not-found' }
  | { kind: 'conflict'; conflict: Conflict }
  | { kind: 'done'; result: 'confirmed' | 'rejected' | 'promoted' | 'reviewed' }
  | { kind: 'done'; result: 'waitlisted'; waitlistPosition: number }
  | { kind: 'done'; result: 'cancelled'; promoted: number }

/**
 * One secretariat action on a registration of this event. A registration of another event is 'not-found'
 * and nothing happens; a registration in the wrong state is a conflict. Successful actions are audited
 * (ids only).
 */
export async function applyRegistrationAction(
  eventId: string,
  registrationId: string,
  action: RegistrationAction,
  actorUserId: string,
  options: { reason?: string } = {},
): Promise<ActionOutcome> {
  const registration = await db.registration.findUnique({
    where: { id: registrationId },
    select: { eventId: true },
  })
  if (!registration || registration.eventId !== eventId) return { kind: 'not-found' }
  const outcome = await run()
  // The core functions run their own transactions; the review writes its audit entry inside its own.
  if (outcome.kind === 'done' && outcome.result !== 'reviewed') {
    await audit({
      actorUserId,
      action: `registration.${outcome.result === 'waitlisted' ? 'approved' : outcome.result}`,
      entity: 'Registration',
      entityId: registrationId,
      details:
        outcome.result === 'cancelled'
          ? { eventId, promoted: outcome.promoted }
          : outcome.result === 'rejected'
            ? { eventId, withReason: Boolean(options.reason?.trim()) }
            : outcome.result === 'waitlisted'
              ? { eventId, waitlisted: true }
              : { eventId },
    })
  }
  return outcome

  async function run(): Promise<ActionOutcome> {
    switch (action) {
      case 'approve': {
        const result = await approveRegistration(registrationId)
        if (result.kind === 'confirmed') return { kind: 'done', result: 'confirmed' }
        if (result.kind === 'waitlisted') {
          return { kind: 'done', result: 'waitlisted', waitlistPosition: result.waitlistPosition }
        }
        return result.kind === 'not-found' ? result : { kind: 'conflict', conflict: 'notPending' }
      }
      case 'reject': {
        const result = await rejectRegistration(registrationId, options.reason)
        if (result.kind === 'rejected') return { kind: 'done', result: 'rejected' }
        return result.kind === 'not-found' ? result : { kind: 'conflict', conflict: 'notPending' }
      }
      case 'promote': {
        const result = await promoteFromWaitlist(eventId, registrationId)
        if (result.kind === 'promoted') return { kind: 'done', result: 'promoted' }
        const conflict = { 'event-full': 'eventFull', 'organisation-full': 'organisationFull' } as const
        return {
          kind: 'conflict',
          conflict: result.kind === 'not-waitlisted' ? 'notWaitlisted' : conflict[result.kind],
        }
      }
      case 'cancel': {
        const result = await cancelRegistration(registrationId, 'secretariat')
        if (result.kind === 'cancelled') return { kind: 'done', result: 'cancelled', promoted: result.promoted.length }
        return result.kind === 'not-found' ? result : { kind: 'conflict', conflict: 'notActive' }
      }
      case 'review': {
        // The change and its audit entry together: a review nobody can trace would defeat the flag.
        const reviewed = await db.$transaction(async (tx) => {
          const changed = await tx.registration.updateMany({
            where: { id: registrationId, eventId, flaggedForReview: true },
            data: { flaggedForReview: false },
          })
          if (changed.count !== 1) return false
          await audit(
            {
              actorUserId,
              action: 'registration.reviewed',
              entity: 'Registration',
              entityId: registrationId,
              details: { eventId },
            },
            tx,
          )
          return true
        })
        return reviewed ? { kind: 'done', result: 'reviewed' } : { kind: 'conflict', conflict: 'notFlagged' }
      }
    }
  }
}

// ─── Exports ──────────────────────────────────────────────────────────────────────────────────────────────

// An export holds every row the filter selects, so it reads them all (and matches a search here).
async function exportRows(eventId: string, filter: RegistrationFilter) {
  const [all, waiting] = await Promise.all([
    db.registration.findMany({
      where: whereOf(eventId, filter),
      orderBy: orderOf(filter),
      include: { organisation: { select: { name: true, sector: true } } },
    }),
    db.registration.findMany({
      where: { eventId, status: 'waitlisted' },
      orderBy: [{ waitlistSeq: 'asc' }, { id: 'asc' }],
      select: { id: true },
    }),
  ])
  const positions = new Map(waiting.map((r, i) => [r.id, i + 1]))
  const q = filter.q
  const rows = q ? all.filter((r) => matchesSearch(q, [r.name, r.email])) : all
  return rows.map((r) => ({ ...r, answers: answersOf(r.answers), waitlistPosition: positions.get(r.id) ?? null }))
}

export type ExportRow = Awaited<ReturnType<typeof exportRows>>[number]

/**
 * The filtered registrations for a download, with the event's questions, and an audit entry of who exported
 * how much. Dietary and accessibility needs are left out (emptied) without `sensitive`. The file itself
 * (headers in the reader's language) is built beside the export route.
 */
export async function exportRegistrations(input: {
  eventId: string
  filter: RegistrationFilter
  format: 'csv' | 'xlsx'
  sensitive: boolean
  actorUserId: string
}) {
  const event = await db.event.findUnique({
    where: { id: input.eventId },
    select: { id: true, slug: true, startsAt: true, timeZone: true },
  })
  if (!event) return null
  const [all, questions] = await Promise.all([exportRows(event.id, input.filter), eventQuestions(event.id)])
  const rows = input.sensitive ? all : all.map((r) => ({ ...r, dietary: '', accessibility: '' }))
  await audit({
    actorUserId: input.actorUserId,
    action: 'registrations.exported',
    entity: 'Event',
    entityId: event.id,
    details: {
      format: input.format,
      rows: rows.length,
      sensitive: input.sensitive,
      filtered: Boolean(
        input.filter.status ||
        input.filter.organisation ||
        input.filter.sector ||
        input.filter.flagged ||
        input.filter.q,
      ),
    },
  })
  return { event, rows, questions }
}

// ─── Printing ─────────────────────────────────────────────────────────────────────────────────────────────

export type PrintOrder = 'organisation' | 'name'

/** Confirmed attendees, for the printable list and the badges. */
export async function confirmedAttendees(eventId: string, order: PrintOrder) {
  const rows = await db.registration.findMany({
    where: { eventId, status: 'confirmed' },
    select: {
      id: true,
      name: true,
      function: true,
      organisationName: true,
      organisation: { select: { name: true, sector: true } },
    },
  })
  const people = rows.map((r) => ({
    id: r.id,
    name: r.name,
    function: r.function,
    organisation: r.organisation?.name ?? r.organisationName,
  }))
  // Sorted here with the Dutch collation, the same on both databases ("de Vries" next to "De Vries").
  const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true })
  return people.sort((a, b) =>
    order === 'organisation'
      ? collator.compare(a.organisation, b.organisation) || collator.compare(a.name, b.name)
      : collator.compare(a.name, b.name) || collator.compare(a.organisation, b.organisation),
  )
}
