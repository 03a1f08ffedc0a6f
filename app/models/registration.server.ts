// The registration core (DESIGN §2 state machine, §3 capacity): register, cancel with automatic promotion from
// the waitlist, approval, and promotion by hand.
//
// How capacity holds under concurrency, on SQLite and PostgreSQL alike:
// - Seats are claimed write-first with one conditional UPDATE on the counter row (`… WHERE confirmedCount <
//   capacity`), never with a read-then-write. An organisation's quota is a second counter claimed the same way.
// - Every transaction that changes who holds a seat writes the Event row first (seat claim, waitlist counter,
//   or a no-op update in cancel). On PostgreSQL that row lock orders all seat changes of one event, so a read
//   made after it is current and the lock order Event → OrganisationSeats → Registration cannot deadlock; on
//   SQLite a write first takes the write lock at once (a read first fails with SQLITE_BUSY_SNAPSHOT when
//   another process writes).
// - One active registration per (event, e-mail) is the unique `activeKey`, inserted with ON CONFLICT DO NOTHING,
//   so a double submit is detected without aborting the PostgreSQL transaction.
// - The registration, its seat, its personal link and its mail are written in one short transaction. Mails are
//   prepared before it from templates rendered once per event (mail merge); the waitlist position, known only
//   inside, is filled in there.
import { randomBytes } from 'node:crypto'
import type { Event, Registration } from '~/generated/prisma/client'
import type { Language, RegistrationStatus } from '~/generated/prisma/enums'
import { cachedMerge, enqueue, mergedMail, prepareMail, type PreparedMail } from '~/mail/outbox.server'
import type { Db } from '~/utils/db.server'
import { db, dbProvider, writeTransaction } from '~/utils/db.server'
import { dbTime, insertIgnoringDuplicates, portableSql, type ColumnSpec } from '~/utils/sql.server'
import { newId } from '~/utils/ids.server'
import { hashToken, randomToken } from '~/utils/tokens.server'
import { appUrl } from './calendar.server'
import { eventMailBase, prepareRegistrationConfirmed, registrantMail } from './event-mail.server'
import { registrantLinkExpiry } from './personal-link.server'

type Tx = Omit<Db, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>

export type RegistrationInput = {
  name: string
  email: string
  organisationId?: string | null
  organisationName?: string
  function?: string
  language: Language
  dietary?: string
  accessibility?: string
  photoConsent?: boolean
  answers?: unknown
  invitationId?: string | null
  registeredById?: string | null
  /** Set when an invitation link was used for someone other than the invitee (a forwarded link). */
  flaggedForReview?: boolean
}

/** `manageLinkId` and `manageToken` open the person's manage page (see linkSessionRedirect). */
export type RegisterResult =
  | { kind: 'confirmed' | 'pending_approval'; registrationId: string; manageToken: string; manageLinkId: string }
  | {
      kind: 'waitlisted'
      registrationId: string
      manageToken: string
      manageLinkId: string
      waitlistPosition: number
    }
  | { kind: 'duplicate'; registrationId: string }
  | { kind: 'closed' }
  | { kind: 'not-found' }

const ACTIVE: RegistrationStatus[] = ['pending_approval', 'confirmed', 'waitlisted']
// Interactive transactions here are a handful of statements; the generous limits only cover waiting for a
// connection or the write lock when many registrations arrive at once.
const TX_OPTIONS = { maxWait: 30_000, timeout: 30_000 }

export const activeKeyOf = (eventId: string, email: string) => `${eventId}:${email.trim().toLowerCase()}`
export const manageUrlOf = (token: string) => appUrl(`/aanmelding/${token}`)
const newCheckInCode = () => randomBytes(16).toString('hex')

class Rollback extends Error {
  constructor(readonly reason: 'duplicate' | 'gone') {
    super(`rollback: ${reason}`)
  }
}

// ─── SQL: the conditional claims ────────────────────────────────────────────────────────────────────────────

async function claimEventSeat(tx: Tx, eventId: string) {
  const sqlText = portableSql(
    `UPDATE "Event" SET "confirmedCount" = "confirmedCount" + 1
      WHERE "id" = ? AND ("capacity" IS NULL OR "confirmedCount" < "capacity")`,
  )
  return (await tx.$executeRawUnsafe(sqlText, eventId)) === 1
}

async function releaseEventSeat(tx: Tx, eventId: string) {
  await tx.$executeRawUnsafe(
    portableSql(`UPDATE "Event" SET "confirmedCount" = "confirmedCount" - 1 WHERE "id" = ? AND "confirmedCount" > 0`),
    eventId,
  )
}

/** Takes the Event row's write lock without changing it (see the top of this file). */
async function lockEvent(tx: Tx, eventId: string) {
  await tx.$executeRawUnsafe(
    portableSql(`UPDATE "Event" SET "confirmedCount" = "confirmedCount" WHERE "id" = ?`),
    eventId,
  )
}

async function nextWaitlistSeq(tx: Tx, eventId: string): Promise<number> {
  const rows = await tx.$queryRawUnsafe<Array<{ waitlistCounter: number | bigint }>>(
    portableSql(
      `UPDATE "Event" SET "waitlistCounter" = "waitlistCounter" + 1 WHERE "id" = ? RETURNING "waitlistCounter"`,
    ),
    eventId,
  )
  if (rows.length !== 1) throw new Error('event not found')
  return Number(rows[0]!.waitlistCounter)
}

// The quota of this event's OrganisationSeats row, else the organisation's default; null on both is no limit.
const quotaSql = `COALESCE("quota", (SELECT "seatQuota" FROM "Organisation" WHERE "id" = ?))`

async function claimOrganisationSeat(tx: Tx, eventId: string, organisationId: string) {
  await tx.$executeRawUnsafe(
    portableSql(
      `INSERT INTO "OrganisationSeats" ("eventId", "organisationId", "confirmedCount") VALUES (?, ?, 0)
       ON CONFLICT ("eventId", "organisationId") DO NOTHING`,
    ),
    eventId,
    organisationId,
  )
  const changed = await tx.$executeRawUnsafe(
    portableSql(
      `UPDATE "OrganisationSeats" SET "confirmedCount" = "confirmedCount" + 1
        WHERE "eventId" = ? AND "organisationId" = ? AND (${quotaSql} IS NULL OR "confirmedCount" < ${quotaSql})`,
    ),
    eventId,
    organisationId,
    organisationId,
    organisationId,
  )
  return changed === 1
}

async function releaseOrganisationSeat(tx: Tx, eventId: string, organisationId: string) {
  await tx.$executeRawUnsafe(
    portableSql(
      `UPDATE "OrganisationSeats" SET "confirmedCount" = "confirmedCount" - 1
        WHERE "eventId" = ? AND "organisationId" = ? AND "confirmedCount" > 0`,
    ),
    eventId,
    organisationId,
  )
}

export type SeatClaim = 'seat' | 'event-full' | 'organisation-full'

/**
 * Claims an event seat and, for a registrant of an organisation, a seat of its quota. The organisation's counter
 * is kept for every organisation (also without a quota), so that a quota set later starts from the truth.
 * When the quota is full the event seat is given back in the same transaction.
 */
async function claimSeat(tx: Tx, eventId: string, organisationId: string | null): Promise<SeatClaim> {
  if (!(await claimEventSeat(tx, eventId))) return 'event-full'
  if (organisationId && !(await claimOrganisationSeat(tx, eventId, organisationId))) {
    await releaseEventSeat(tx, eventId)
    return 'organisation-full'
  }
  return 'seat'
}

async function releaseSeat(tx: Tx, eventId: string, organisationId: string | null) {
  await releaseEventSeat(tx, eventId)
  if (organisationId) await releaseOrganisationSeat(tx, eventId, organisationId)
}

/** Moves a registration from one status to another, only if it still has the expected status. */
async function transition(
  tx: Tx,
  id: string,
  from: RegistrationStatus,
  to: { status: RegistrationStatus; holdsSeat: boolean; checkInCode: string | null; waitlistSeq: number | null },
) {
  const changed = await tx.$executeRawUnsafe(
    portableSql(
      `UPDATE "Registration" SET "status" = ?, "holdsSeat" = ?, "checkInCode" = COALESCE(?, "checkInCode"),
              "waitlistSeq" = COALESCE(?, "waitlistSeq"), "updatedAt" = ?
        WHERE "id" = ? AND "status" = ?`,
      ['"RegistrationStatus"', 'boolean', null, 'integer', 'timestamp(3)', null, '"RegistrationStatus"'],
    ),
    to.status,
    dbProvider() === 'postgresql' ? to.holdsSeat : to.holdsSeat ? 1 : 0,
    to.checkInCode,
    to.waitlistSeq,
    dbTime(new Date()),
    id,
    from,
  )
  return changed === 1
}

// The statements on the registration path are raw SQL: each Prisma model query costs ~1.5 ms of CPU to
// compile and map (measured), several times the statement itself, and registration must keep up with a rush.

async function positionOf(tx: Tx, eventId: string, waitlistSeq: number) {
  const rows = await tx.$queryRawUnsafe<Array<{ n: number | bigint }>>(
    portableSql(
      `SELECT COUNT(*) AS "n" FROM "Registration" WHERE "eventId" = ? AND "status" = 'waitlisted' AND "waitlistSeq" <= ?`,
      [null, 'integer'],
    ),
    eventId,
    waitlistSeq,
  )
  return Number(rows[0]!.n)
}

/** The event row; raw queries come back typed by the driver adapter, like the model's own. */
async function findEvent(tx: Tx, eventId: string): Promise<Event | null> {
  const rows = await tx.$queryRawUnsafe<Event[]>(portableSql(`SELECT * FROM "Event" WHERE "id" = ?`), eventId)
  return rows[0] ?? null
}

async function activeRegistrationId(tx: Tx, activeKey: string): Promise<string | null> {
  const rows = await tx.$queryRawUnsafe<Array<{ id: string }>>(
    portableSql(`SELECT "id" FROM "Registration" WHERE "activeKey" = ?`),
    activeKey,
  )
  return rows[0]?.id ?? null
}

const linkColumns: ColumnSpec = {
  id: 'text',
  kind: { enum: 'PersonalLinkKind' },
  tokenHash: 'text',
  subjectId: 'text',
  eventId: 'text',
  expiresAt: 'time',
  createdAt: 'time',
}

/** A manage link for a registration (the token goes in a mail; only its hash is stored). Returns its id. */
export async function addManageLink(tx: Tx, registrationId: string, event: Event, token: string) {
  const id = newId()
  await insertIgnoringDuplicates(
    tx,
    'PersonalLink',
    linkColumns,
    [
      {
        id,
        kind: 'registration',
        tokenHash: hashToken(token),
        subjectId: registrationId,
        eventId: event.id,
        expiresAt: registrantLinkExpiry(event),
        createdAt: new Date(),
      },
    ],
    'tokenHash',
  )
  return id
}

// ─── Mails, prepared before the transaction ────────────────────────────────────────────────────────────────

type Person = { name: string; email: string; language: Language; accessibility: string }

/**
 * The mails a registration step may send. Each is filled into a template rendered once per event and language,
 * so preparing them costs little (the confirmation ~2 ms for its QR code and calendar part) and nothing is
 * rendered while a transaction holds the write lock.
 */
async function registrationMails(event: Event, person: Person, manageToken: string, checkInCode: string) {
  const manageUrl = manageUrlOf(manageToken)
  const lang = person.language
  const shared = await eventMailBase(event, lang)
  const to = { to: person.email, toName: person.name }
  const values = { recipientName: person.name, manageUrl }
  const fields = ['recipientName', 'manageUrl'] as const
  return {
    confirmed: () => prepareRegistrationConfirmed({ registration: { ...person, checkInCode }, event, manageUrl }),
    promoted: () =>
      prepareRegistrationConfirmed({
        kind: 'registration-promoted',
        registration: { ...person, checkInCode },
        event,
        manageUrl,
      }),
    /** The waitlist notice, waiting for the position that is only known inside the transaction. */
    waitlisted: async () => {
      const merge = await cachedMerge(shared, 'registration-waitlisted', {
        language: lang,
        fields: [...fields, 'position'],
        // The template prints the position as text, so a placeholder can stand in for the number.
        props: (f) => ({ ...shared, ...f, position: f.position as unknown as number }),
      })
      return (position: number) => mergedMail(merge, to, { ...values, position: String(position) })
    },
    pending: async () =>
      mergedMail(
        await cachedMerge(shared, 'registration-awaiting-approval', {
          language: lang,
          fields,
          props: (f) => ({ ...shared, ...f }),
        }),
        to,
        values,
      ),
  }
}

function mailRow(mail: PreparedMail, key: string, eventId: string) {
  return { ...mail, idempotencyKey: `registration:${key}`, eventId }
}

// ─── Register ──────────────────────────────────────────────────────────────────────────────────────────────

const registrationColumns: ColumnSpec = {
  id: 'text',
  eventId: 'text',
  invitationId: 'text',
  organisationId: 'text',
  registeredById: 'text',
  name: 'text',
  email: 'text',
  organisationName: 'text',
  function: 'text',
  language: { enum: 'Language' },
  dietary: 'text',
  accessibility: 'text',
  photoConsent: 'bool',
  answers: 'json',
  status: { enum: 'RegistrationStatus' },
  waitlistSeq: 'int',
  activeKey: 'text',
  holdsSeat: 'bool',
  checkInCode: 'text',
  flaggedForReview: 'bool',
  createdAt: 'time',
  updatedAt: 'time',
}

function registrationWindowOpen(event: Event, now: Date) {
  if (event.registrationOpensAt && now < event.registrationOpensAt) return false
  if (event.registrationClosesAt && now >= event.registrationClosesAt) return false
  return now < event.endsAt
}

/**
 * Registers someone for a published event: confirmed when a seat (and a seat of the organisation's quota) is
 * free, else on the waitlist; pending when the event requires approval. Over an organisation's quota means
 * the waitlist, even when the event itself has room (a freed seat of that organisation promotes them).
 */
export async function register(
  eventId: string,
  input: RegistrationInput,
  /** `event`: the row the caller read in this request already (the public form does), to save a query. */
  options: { now?: Date; attempt?: number; event?: Event } = {},
): Promise<RegisterResult> {
  const now = options.now ?? new Date()
  const event = options.event?.id === eventId && !options.attempt ? options.event : await findEvent(db, eventId)
  if (!event || event.status === 'draft') return { kind: 'not-found' }
  if (event.status !== 'published' || !registrationWindowOpen(event, now)) return { kind: 'closed' }

  const email = input.email.trim()
  const activeKey = activeKeyOf(eventId, email)
  // No look-up first: the unique active key decides inside the transaction (and a repeat is rare).

  const id = newId()
  const manageToken = randomToken()
  const checkInCode = newCheckInCode()
  const organisationId = input.organisationId ?? null
  const person = { name: input.name.trim(), email, language: input.language, accessibility: input.accessibility ?? '' }
  const mails = await registrationMails(event, person, manageToken, checkInCode)
  const pendingMail = event.requiresApproval ? await mails.pending() : null
  const confirmedMail = event.requiresApproval ? null : await mails.confirmed()
  const waitlistedMail = event.requiresApproval ? null : await mails.waitlisted()

  try {
    const outcome = await writeTransaction(async (tx) => {
      let status: RegistrationStatus = 'pending_approval'
      let waitlistSeq: number | null = null
      if (!event.requiresApproval) {
        if ((await claimSeat(tx, eventId, organisationId)) === 'seat') status = 'confirmed'
        else {
          status = 'waitlisted'
          waitlistSeq = await nextWaitlistSeq(tx, eventId)
        }
      }
      const inserted = await insertIgnoringDuplicates(
        tx,
        'Registration',
        registrationColumns,
        [
          {
            id,
            eventId,
            invitationId: input.invitationId ?? null,
            organisationId,
            registeredById: input.registeredById ?? null,
            name: person.name,
            email,
            organisationName: input.organisationName ?? '',
            function: input.function ?? '',
            language: input.language,
            dietary: input.dietary ?? '',
            accessibility: person.accessibility,
            photoConsent: input.photoConsent ?? false,
            answers: input.answers ?? null,
            status,
            waitlistSeq,
            activeKey,
            holdsSeat: status === 'confirmed',
            checkInCode: status === 'confirmed' ? checkInCode : null,
            flaggedForReview: input.flaggedForReview ?? false,
            createdAt: now,
            updatedAt: now,
          },
        ],
        'activeKey',
      )
      // Someone with this e-mail registered a moment ago: undo the seat claim with everything else.
      if (inserted.length !== 1) throw new Rollback('duplicate')
      const position = waitlistSeq === null ? null : await positionOf(tx, eventId, waitlistSeq)
      const manageLinkId = await addManageLink(tx, id, event, manageToken)
      if (input.invitationId) {
        await tx.$executeRawUnsafe(
          portableSql(
            `UPDATE "Invitation" SET "status" = 'registered', "respondedAt" = ? WHERE "id" = ? AND "eventId" = ?`,
            ['timestamp(3)'],
          ),
          dbTime(now),
          input.invitationId,
          eventId,
        )
      }
      const mail =
        status === 'confirmed'
          ? mailRow(confirmedMail!, `confirmed:${id}`, eventId)
          : status === 'waitlisted'
            ? mailRow(waitlistedMail!(position!), `waitlisted:${id}`, eventId)
            : mailRow(pendingMail!, `awaiting-approval:${id}`, eventId)
      await enqueue([mail], tx)
      return { status, position, manageLinkId }
    }, TX_OPTIONS)
    const manage = { registrationId: id, manageToken, manageLinkId: outcome.manageLinkId }
    if (outcome.status === 'waitlisted') return { kind: 'waitlisted', ...manage, waitlistPosition: outcome.position! }
    return { kind: outcome.status === 'confirmed' ? 'confirmed' : 'pending_approval', ...manage }
  } catch (error) {
    if (!(error instanceof Rollback)) throw error
    const other = await activeRegistrationId(db, activeKey)
    // The other registration was cancelled in the meantime: try again (a few times at most).
    if (!other && (options.attempt ?? 0) < 3)
      return register(eventId, input, { ...options, attempt: (options.attempt ?? 0) + 1 })
    if (!other) throw new Error('registration kept colliding with a cancelled one')
    return { kind: 'duplicate', registrationId: other }
  }
}

// ─── Promotion ─────────────────────────────────────────────────────────────────────────────────────────────

type PromoteOutcome = 'promoted' | 'event-full' | 'organisation-full' | 'gone'

/** Promotes one waitlisted registration if a seat (and a seat of its organisation's quota) is free. */
async function promoteOne(event: Event, registration: Registration): Promise<PromoteOutcome> {
  const manageToken = randomToken()
  const checkInCode = newCheckInCode()
  const mail = await (await registrationMails(event, registration, manageToken, checkInCode)).promoted()
  try {
    return await writeTransaction(async (tx) => {
      const seat = await claimSeat(tx, event.id, registration.organisationId)
      if (seat !== 'seat') return seat
      const claimed = await transition(tx, registration.id, 'waitlisted', {
        status: 'confirmed',
        holdsSeat: true,
        checkInCode,
        waitlistSeq: null,
      })
      // Another promoter (or a cancellation) got there first: give the seat back.
      if (!claimed) throw new Rollback('gone')
      // Only the hash of the first link is stored, so the confirmation carries a new one.
      await addManageLink(tx, registration.id, event, manageToken)
      await enqueue([mailRow(mail, `promoted:${registration.id}`, event.id)], tx)
      return 'promoted' as const
    }, TX_OPTIONS)
  } catch (error) {
    if (error instanceof Rollback) return 'gone'
    throw error
  }
}

/**
 * Fills free seats from the waitlist, in waitlist order, until the event is full or nobody can be promoted.
 * Someone whose organisation's quota is full is passed over (and stays first in line for their organisation).
 * Safe to run concurrently: each promotion claims the seat and the person with conditional updates.
 */
export async function promoteWaitlisted(eventId: string): Promise<string[]> {
  const promoted: string[] = []
  const passedOver: string[] = []
  for (;;) {
    const event = await db.event.findUnique({ where: { id: eventId } })
    if (!event || event.status !== 'published') break
    if (event.capacity !== null && event.confirmedCount >= event.capacity) break
    const next = await db.registration.findFirst({
      where: { eventId, status: 'waitlisted', id: { notIn: passedOver } },
      orderBy: { waitlistSeq: 'asc' },
    })
    if (!next) break
    const outcome = await promoteOne(event, next)
    if (outcome === 'promoted') promoted.push(next.id)
    else if (outcome === 'event-full') break
    else if (outcome === 'organisation-full') passedOver.push(next.id)
  }
  return promoted
}

/**
 * Fills free seats wherever people wait (or only where an organisation's people wait): a safety net for a
 * process that stopped between freeing a seat and promoting (the worker runs it every minute), and the step
 * after an organisation's quota went up. Cheap when nothing waits: one query.
 */
export async function sweepWaitlists(only: { organisationId?: string } = {}): Promise<number> {
  const waiting = await db.registration.findMany({
    where: { status: 'waitlisted', organisationId: only.organisationId, event: { status: 'published' } },
    distinct: ['eventId'],
    select: { eventId: true },
  })
  let promoted = 0
  for (const { eventId } of waiting) promoted += (await promoteWaitlisted(eventId)).length
  return promoted
}

/** Promotion by hand (secretariat), out of waitlist order if need be, but only into a free seat. */
export async function promoteFromWaitlist(
  eventId: string,
  registrationId: string,
): Promise<{ kind: 'promoted' | 'event-full' | 'organisation-full' | 'not-waitlisted' }> {
  const registration = await db.registration.findUnique({ where: { id: registrationId }, include: { event: true } })
  if (!registration || registration.eventId !== eventId || registration.status !== 'waitlisted') {
    return { kind: 'not-waitlisted' }
  }
  const outcome = await promoteOne(registration.event, registration)
  return { kind: outcome === 'gone' ? 'not-waitlisted' : outcome }
}

// ─── Cancel ────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Cancels an active registration: frees its seat (only if it held one), mails the person, and promotes from
 * the waitlist into the freed seats. Cancelling twice is harmless.
 */
export async function cancelRegistration(
  registrationId: string,
  by: 'self' | 'secretariat',
): Promise<{ kind: 'cancelled'; promoted: string[] } | { kind: 'not-active' } | { kind: 'not-found' }> {
  const registration = await db.registration.findUnique({ where: { id: registrationId }, include: { event: true } })
  if (!registration) return { kind: 'not-found' }
  if (!ACTIVE.includes(registration.status)) return { kind: 'not-active' }
  const { event } = registration
  const { base, ...to } = await registrantMail(registration, event)
  const mail = await prepareMail('registration-cancelled', { ...to, props: { ...base, cancelledBy: by } })
  const freed = await writeTransaction(async (tx) => {
    await lockEvent(tx, event.id)
    // Read after the lock: every seat change of this event takes it first, so this is current.
    const current = await tx.registration.findUnique({
      where: { id: registrationId },
      select: { status: true, holdsSeat: true, organisationId: true },
    })
    if (!current || !ACTIVE.includes(current.status)) return null
    const changed = await tx.registration.updateMany({
      where: { id: registrationId, status: current.status },
      data: { status: 'cancelled', activeKey: null, holdsSeat: false, cancelledAt: new Date() },
    })
    if (changed.count !== 1) return null
    if (current.holdsSeat) await releaseSeat(tx, event.id, current.organisationId)
    await enqueue([mailRow(mail, `cancelled:${registrationId}`, event.id)], tx)
    return { heldSeat: current.holdsSeat }
  }, TX_OPTIONS)
  if (!freed) return { kind: 'not-active' }
  const promoted = freed.heldSeat ? await promoteWaitlisted(event.id) : []
  return { kind: 'cancelled', promoted }
}

// ─── Approval ──────────────────────────────────────────────────────────────────────────────────────────────

/** Approves a pending registration: confirmed when a seat is free, else on the waitlist. */
export async function approveRegistration(
  registrationId: string,
): Promise<
  | { kind: 'confirmed' }
  | { kind: 'waitlisted'; waitlistPosition: number }
  | { kind: 'not-pending' }
  | { kind: 'not-found' }
> {
  const registration = await db.registration.findUnique({ where: { id: registrationId }, include: { event: true } })
  if (!registration) return { kind: 'not-found' }
  if (registration.status !== 'pending_approval') return { kind: 'not-pending' }
  const { event } = registration
  const manageToken = randomToken()
  const checkInCode = newCheckInCode()
  const mails = await registrationMails(event, registration, manageToken, checkInCode)
  const confirmedMail = await mails.confirmed()
  const waitlistedMail = await mails.waitlisted()
  try {
    return await writeTransaction(async (tx) => {
      const seat = (await claimSeat(tx, event.id, registration.organisationId)) === 'seat'
      const waitlistSeq = seat ? null : await nextWaitlistSeq(tx, event.id)
      const moved = await transition(tx, registrationId, 'pending_approval', {
        status: seat ? 'confirmed' : 'waitlisted',
        holdsSeat: seat,
        checkInCode: seat ? checkInCode : null,
        waitlistSeq,
      })
      if (!moved) throw new Rollback('gone')
      await addManageLink(tx, registrationId, event, manageToken)
      if (seat) {
        await enqueue([mailRow(confirmedMail, `confirmed:${registrationId}`, event.id)], tx)
        return { kind: 'confirmed' as const }
      }
      const position = await positionOf(tx, event.id, waitlistSeq!)
      await enqueue([mailRow(waitlistedMail(position), `waitlisted:${registrationId}`, event.id)], tx)
      return { kind: 'waitlisted' as const, waitlistPosition: position }
    }, TX_OPTIONS)
  } catch (error) {
    if (error instanceof Rollback) return { kind: 'not-pending' }
    throw error
  }
}

/** Rejects a pending registration, with the secretariat's explanation in the mail. */
export async function rejectRegistration(
  registrationId: string,
  reason?: string,
): Promise<{ kind: 'rejected' } | { kind: 'not-pending' } | { kind: 'not-found' }> {
  const registration = await db.registration.findUnique({ where: { id: registrationId }, include: { event: true } })
  if (!registration) return { kind: 'not-found' }
  if (registration.status !== 'pending_approval') return { kind: 'not-pending' }
  const { event } = registration
  const { base, ...to } = await registrantMail(registration, event)
  const mail = await prepareMail('registration-rejected', {
    ...to,
    props: { ...base, reason: reason?.trim() || undefined },
  })
  const rejected = await writeTransaction(async (tx) => {
    const changed = await tx.registration.updateMany({
      where: { id: registrationId, status: 'pending_approval' },
      data: { status: 'rejected', activeKey: null },
    })
    if (changed.count !== 1) return false
    await enqueue([mailRow(mail, `rejected:${registrationId}`, event.id)], tx)
    return true
  }, TX_OPTIONS)
  return rejected ? { kind: 'rejected' } : { kind: 'not-pending' }
}

// ─── Reading ───────────────────────────────────────────────────────────────────────────────────────────────

/** 1 is next in line; null when the registration is not on the waitlist. */
export async function waitlistPosition(registrationId: string): Promise<number | null> {
  const registration = await db.registration.findUnique({
    where: { id: registrationId },
    select: { eventId: true, status: true, waitlistSeq: true },
  })
  if (!registration || registration.status !== 'waitlisted' || registration.waitlistSeq === null) return null
  return positionOf(db, registration.eventId, registration.waitlistSeq)
}
