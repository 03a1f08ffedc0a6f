// The registration core: register, cancel with automatic promotion from the waitlist, approval, and promotion
// by hand. A registration goes pending_approval -> confirmed | waitlisted -> confirmed (promotion) ->
// cancelled (from any); a freed seat promotes the first on the waitlist, who gets a mail.
//
// How capacity holds under concurrency, on SQLite and PostgreSQL alike:
// - Seats are claimed write-first with one conditional UPDATE on the counter row (`… WHERE confirmedCount <
//   capacity`), never with a read-then-write. An organisation's quota is a second counter claimed the same way.
// - Every transaction that changes who holds a seat of an existing registration writes the Event row first
//   (seat claim, waitlist counter, or a no-op update in cancel). On PostgreSQL that row lock orders all seat
//   changes of one event, so a read made after it is current, and the lock order Event → OrganisationSeats →
//   Registration cannot deadlock. register() inserts its new row first and claims the seat last, so the Event
//   row is locked for one round trip before the commit. Only a second registration with the same e-mail can wait
//   on the new row (the unique key), and that one holds no Event lock yet. The insert also locks the rows it
//   refers to against key changes; the invitee's row of a colleague (registeredById) is changed under the
//   Event lock by cancel, promote and approve, so a colleague's registration locks the Event row first.
// - Transactions run on the SQL driver (app/utils/sql-driver.server.ts): on SQLite synchronously after BEGIN
//   IMMEDIATE, so nothing else runs between the claim and the commit.
// - One active registration per (event, e-mail) is the unique `activeKey`, inserted with ON CONFLICT DO NOTHING,
//   so a double submit is detected without aborting the PostgreSQL transaction.
// - The registration, its seat, its personal link and its mail are written in one short transaction. Mails are
//   prepared before it from templates rendered once per event (mail merge); the waitlist position, known only
//   inside, is filled in there. The QR code and calendar invitation are drawn later by the mail worker.
import { randomBytes } from 'node:crypto'
import type { Event, Registration } from '~/generated/prisma/client'
import type { Language, RegistrationStatus } from '~/generated/prisma/enums'
import { waitlistReason, type WaitlistReason } from '~/domain/waitlist'
import { cachedMerge, mailQueued, mergedMail, prepareMail, queueMails, type PreparedMail } from '~/mail/outbox.server'
import { db } from '~/utils/db.server'
import { execute, select, sqlDriver as sql, type Sql } from '~/utils/sql-driver.server'
import { dbTime, insertRows, portableSql, type ColumnSpec } from '~/utils/sql.server'
import { newId } from '~/utils/ids.server'
import { hashToken, randomToken } from '~/utils/tokens.server'
import { appUrl } from '~/utils/env.server'
import { eventMailBase, prepareRegistrationConfirmed, registrantMail } from './event-mail.server'
import { registrantLinkExpiry } from './personal-link.server'
import { audit } from './audit.server'

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

/** `manageLinkId` and `manageToken` open the person's manage page (see startLinkSession). */
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

export const activeKeyOf = (eventId: string, email: string) => `${eventId}:${email.trim().toLowerCase()}`
export const manageUrlOf = (token: string) => appUrl(`/aanmelding/${token}`)
const newCheckInCode = () => randomBytes(16).toString('hex')

class Rollback extends Error {
  constructor(readonly reason: 'duplicate' | 'gone') {
    super(`rollback: ${reason}`)
  }
}

// ─── SQL: the conditional claims ────────────────────────────────────────────────────────────────────────────
// The registration path runs on the SQL driver (ADR 009): each step below is a statement of a transaction.

function* claimEventSeat(eventId: string) {
  const changed = yield* execute(
    portableSql(
      `UPDATE "Event" SET "confirmedCount" = "confirmedCount" + 1
        WHERE "id" = ? AND ("capacity" IS NULL OR "confirmedCount" < "capacity")`,
    ),
    eventId,
  )
  return changed === 1
}

function* releaseEventSeat(eventId: string) {
  yield* execute(
    portableSql(`UPDATE "Event" SET "confirmedCount" = "confirmedCount" - 1 WHERE "id" = ? AND "confirmedCount" > 0`),
    eventId,
  )
}

/** Takes the Event row's write lock without changing it (see the top of this file). */
function* lockEvent(eventId: string) {
  yield* execute(portableSql(`UPDATE "Event" SET "confirmedCount" = "confirmedCount" WHERE "id" = ?`), eventId)
}

/**
 * Raises the event's calendar SEQUENCE past a CANCEL for one person, and gives the CANCEL's sequence: one above
 * every REQUEST sent so far, and one below every REQUEST sent later (a re-registration), so calendars order
 * the three the way they happened.
 */
function* raiseSequenceForCancel(eventId: string) {
  const rows = yield* select<{ icsSequence: number }>(
    portableSql(`UPDATE "Event" SET "icsSequence" = "icsSequence" + 2 WHERE "id" = ? RETURNING "icsSequence"`),
    eventId,
  )
  if (rows.length !== 1) throw new Error('event not found')
  return Number(rows[0]!.icsSequence) - 1
}

function* nextWaitlistSeq(eventId: string) {
  const rows = yield* select<{ waitlistCounter: number }>(
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

function* claimOrganisationSeat(eventId: string, organisationId: string) {
  yield* execute(
    portableSql(
      `INSERT INTO "OrganisationSeats" ("eventId", "organisationId", "confirmedCount") VALUES (?, ?, 0)
       ON CONFLICT ("eventId", "organisationId") DO NOTHING`,
    ),
    eventId,
    organisationId,
  )
  const changed = yield* execute(
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

function* releaseOrganisationSeat(eventId: string, organisationId: string) {
  yield* execute(
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
function* claimSeat(eventId: string, organisationId: string | null): Sql<SeatClaim> {
  if (!(yield* claimEventSeat(eventId))) return 'event-full'
  if (organisationId && !(yield* claimOrganisationSeat(eventId, organisationId))) {
    yield* releaseEventSeat(eventId)
    return 'organisation-full'
  }
  return 'seat'
}

function* releaseSeat(eventId: string, organisationId: string | null) {
  yield* releaseEventSeat(eventId)
  if (organisationId) yield* releaseOrganisationSeat(eventId, organisationId)
}

/** Moves a registration from one status to another, only if it still has the expected status. */
function* transition(
  id: string,
  from: RegistrationStatus,
  to: { status: RegistrationStatus; holdsSeat: boolean; checkInCode: string | null; waitlistSeq: number | null },
) {
  const changed = yield* execute(
    portableSql(
      `UPDATE "Registration" SET "status" = ?, "holdsSeat" = ?, "checkInCode" = COALESCE(?, "checkInCode"),
              "waitlistSeq" = COALESCE(?, "waitlistSeq"), "updatedAt" = ?
        WHERE "id" = ? AND "status" = ?`,
      ['"RegistrationStatus"', 'boolean', null, 'integer', 'timestamp(3)', null, '"RegistrationStatus"'],
    ),
    to.status,
    to.holdsSeat,
    to.checkInCode,
    to.waitlistSeq,
    dbTime(new Date()),
    id,
    from,
  )
  return changed === 1
}

/** A registration written as confirmed in this transaction that got no seat goes on the waitlist instead. */
function* toWaitlist(id: string, waitlistSeq: number) {
  yield* execute(
    portableSql(
      `UPDATE "Registration" SET "status" = 'waitlisted', "holdsSeat" = ?, "checkInCode" = NULL, "waitlistSeq" = ?
        WHERE "id" = ?`,
      ['boolean', 'integer'],
    ),
    false,
    waitlistSeq,
    id,
  )
}

/** Takes back a mail queued earlier in this transaction. */
function* dropQueuedMail(key: string) {
  yield* execute(portableSql(`DELETE FROM "OutboxMessage" WHERE "idempotencyKey" = ?`), mailKey(key))
}

/** Ends an active registration (only if it still has the expected status); its e-mail address is free again. */
function* deactivate(id: string, from: RegistrationStatus, to: 'cancelled' | 'rejected') {
  const now = dbTime(new Date())
  const changed = yield* execute(
    portableSql(
      `UPDATE "Registration" SET "status" = ?, "activeKey" = NULL, "holdsSeat" = ?, "updatedAt" = ?,
              "cancelledAt" = ?
        WHERE "id" = ? AND "status" = ?`,
      ['"RegistrationStatus"', 'boolean', 'timestamp(3)', 'timestamp(3)', null, '"RegistrationStatus"'],
    ),
    to,
    false,
    now,
    to === 'cancelled' ? now : null,
    id,
    from,
  )
  return changed === 1
}

/** 1 is the first of this organisation on the event's waitlist. */
function* positionInOrganisation(eventId: string, organisationId: string, waitlistSeq: number) {
  const rows = yield* select<{ n: number }>(
    portableSql(
      `SELECT COUNT(*) AS "n" FROM "Registration"
        WHERE "eventId" = ? AND "organisationId" = ? AND "status" = 'waitlisted' AND "waitlistSeq" <= ?`,
      [null, null, 'integer'],
    ),
    eventId,
    organisationId,
    waitlistSeq,
  )
  return Number(rows[0]!.n)
}

function* positionOf(eventId: string, waitlistSeq: number) {
  const rows = yield* select<{ n: number }>(
    portableSql(
      `SELECT COUNT(*) AS "n" FROM "Registration" WHERE "eventId" = ? AND "status" = 'waitlisted' AND "waitlistSeq" <= ?`,
      [null, 'integer'],
    ),
    eventId,
    waitlistSeq,
  )
  return Number(rows[0]!.n)
}

/** The event row, typed as Prisma reads it (the driver decodes dates, booleans and JSON). */
export function* selectEvent(where: { id: string } | { slug: string }) {
  const [column, value] = 'id' in where ? ['id', where.id] : ['slug', where.slug]
  const rows = yield* select<Event>(portableSql(`SELECT * FROM "Event" WHERE "${column}" = ?`), value)
  return rows[0] ?? null
}

function* activeRegistrationId(activeKey: string) {
  const rows = yield* select<{ id: string }>(
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

/** A manage link for a registration (the token goes in a mail; only its hash is stored). Gives its id. */
export function* addManageLink(registrationId: string, event: Event, token: string) {
  const id = newId()
  yield* insertRows(
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

type Person = {
  name: string
  email: string
  language: Language
  accessibility: string
  /** Named in the waitlist notice when their organisation's seats are what is taken. */
  organisationName: string
}

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
    /**
     * The waitlist notice, waiting for the position that is only known inside the transaction; its words
     * depend on why there was no seat (the event is full, or only the organisation's seats are taken).
     */
    waitlisted: async (reason: 'event-full' | 'organisation-full') => {
      const organisationName = reason === 'organisation-full' ? person.organisationName : ''
      const merge = await cachedMerge([shared, reason, organisationName], 'registration-waitlisted', {
        language: lang,
        fields: [...fields, 'position'],
        // The template prints the position as text, so a placeholder can stand in for the number.
        props: (f) => ({ ...shared, ...f, position: f.position as unknown as number, reason, organisationName }),
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

type WaitlistNotices = Record<'event-full' | 'organisation-full', ((position: number) => PreparedMail) | null>

/** Both waitlist notices when an organisation's quota may be the reason, else the event-full one alone. */
async function waitlistNotices(
  mails: Awaited<ReturnType<typeof registrationMails>>,
  organisationId: string | null,
): Promise<WaitlistNotices> {
  const [eventFull, organisationFull] = await Promise.all([
    mails.waitlisted('event-full'),
    organisationId ? mails.waitlisted('organisation-full') : null,
  ])
  return { 'event-full': eventFull, 'organisation-full': organisationFull }
}

/** The notice for the reason the claim gave, with the position that reason makes meaningful. */
function* waitlistNotice(
  notices: WaitlistNotices,
  claim: 'event-full' | 'organisation-full',
  eventId: string,
  organisationId: string | null,
  waitlistSeq: number,
  position: number,
) {
  if (claim === 'organisation-full' && organisationId && notices['organisation-full']) {
    return notices['organisation-full'](yield* positionInOrganisation(eventId, organisationId, waitlistSeq))
  }
  return notices['event-full']!(position)
}

const mailKey = (key: string) => `registration:${key}`

function mailRow(mail: PreparedMail, key: string, eventId: string) {
  return { ...mail, idempotencyKey: mailKey(key), eventId }
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
  const event =
    options.event?.id === eventId && !options.attempt ? options.event : await sql().read(selectEvent({ id: eventId }))
  if (!event || event.status === 'draft') return { kind: 'not-found' }
  if (event.status !== 'published' || !registrationWindowOpen(event, now)) return { kind: 'closed' }

  const email = input.email.trim()
  const activeKey = activeKeyOf(eventId, email)
  // No look-up first: the unique active key decides inside the transaction (and a repeat is rare).

  const id = newId()
  const manageToken = randomToken()
  const checkInCode = newCheckInCode()
  const organisationId = input.organisationId ?? null
  const person = {
    name: input.name.trim(),
    email,
    language: input.language,
    accessibility: input.accessibility ?? '',
    organisationName: input.organisationName ?? '',
  }
  const mails = await registrationMails(event, person, manageToken, checkInCode)
  const pendingMail = event.requiresApproval ? await mails.pending() : null
  const confirmedMail = event.requiresApproval ? null : await mails.confirmed()
  const waitlistedMail = event.requiresApproval ? null : await waitlistNotices(mails, organisationId)

  try {
    const outcome = await sql().write(function* () {
      // Written as confirmed (or pending), then the seat is claimed last: on PostgreSQL the Event row stays
      // locked from the claim to the commit, so nothing else should happen in between when a seat is free.
      const provisional: RegistrationStatus = event.requiresApproval ? 'pending_approval' : 'confirmed'
      // A colleague's row refers to the invitee's (registeredById), and inserting it locks that row against
      // key changes; cancel, promote and approve change it after locking the event row. Lock the event first.
      if (input.registeredById) yield* lockEvent(eventId)
      const inserted = yield* insertRows(
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
            status: provisional,
            waitlistSeq: null,
            activeKey,
            holdsSeat: provisional === 'confirmed',
            checkInCode: provisional === 'confirmed' ? checkInCode : null,
            flaggedForReview: input.flaggedForReview ?? false,
            createdAt: now,
            updatedAt: now,
          },
        ],
        'activeKey',
      )
      // Someone with this e-mail registered a moment ago: undo everything.
      if (inserted.length !== 1) throw new Rollback('duplicate')
      const manageLinkId = yield* addManageLink(id, event, manageToken)
      if (input.invitationId) {
        yield* execute(
          portableSql(
            `UPDATE "Invitation" SET "status" = 'registered', "respondedAt" = ? WHERE "id" = ? AND "eventId" = ?`,
            ['timestamp(3)'],
          ),
          dbTime(now),
          input.invitationId,
          eventId,
        )
      }
      if (provisional === 'pending_approval') {
        yield* queueMails([mailRow(pendingMail!, `awaiting-approval:${id}`, eventId)])
        return { status: provisional, position: null, manageLinkId }
      }
      const confirmedKey = `confirmed:${id}`
      yield* queueMails([mailRow(confirmedMail!, confirmedKey, eventId)])
      const claim = yield* claimSeat(eventId, organisationId)
      if (claim === 'seat') {
        return { status: 'confirmed' as const, position: null, manageLinkId }
      }
      // No seat: on the waitlist, and the mail says so instead. The waitlist counter locks the event row.
      yield* dropQueuedMail(confirmedKey)
      const waitlistSeq = yield* nextWaitlistSeq(eventId)
      yield* toWaitlist(id, waitlistSeq)
      const position = yield* positionOf(eventId, waitlistSeq)
      const notice = yield* waitlistNotice(waitlistedMail!, claim, eventId, organisationId, waitlistSeq, position)
      yield* queueMails([mailRow(notice, `waitlisted:${id}`, eventId)])
      return { status: 'waitlisted' as const, position, manageLinkId }
    })
    mailQueued()
    await audit({
      actorLabel: input.invitationId ? 'invitee' : 'public',
      action: input.registeredById ? 'registration.colleague-added' : 'registration.created',
      entity: 'Registration',
      entityId: id,
      details: { eventId, status: outcome.status, invitationId: input.invitationId ?? null },
    })
    const manage = { registrationId: id, manageToken, manageLinkId: outcome.manageLinkId }
    if (outcome.status === 'waitlisted') return { kind: 'waitlisted', ...manage, waitlistPosition: outcome.position! }
    return { kind: outcome.status === 'confirmed' ? 'confirmed' : 'pending_approval', ...manage }
  } catch (error) {
    if (!(error instanceof Rollback)) throw error
    const other = await sql().read(activeRegistrationId(activeKey))
    // The other registration was cancelled in the meantime: try again (a few times at most).
    if (!other && (options.attempt ?? 0) < 3)
      return register(eventId, input, { ...options, attempt: (options.attempt ?? 0) + 1 })
    if (!other) throw new Error('registration kept colliding with a cancelled one')
    return { kind: 'duplicate', registrationId: other }
  }
}

// ─── Promotion ─────────────────────────────────────────────────────────────────────────────────────────────

type PromoteOutcome = 'promoted' | 'event-full' | 'organisation-full' | 'gone'

type Promotion = { registration: Registration; manageToken: string; checkInCode: string; mail: PreparedMail }

/** What promoting this person needs outside the transaction: a new link and check-in code, and the mail. */
async function preparePromotion(event: Event, registration: Registration): Promise<Promotion> {
  const manageToken = randomToken()
  const checkInCode = newCheckInCode()
  const mail = await (await registrationMails(event, registration, manageToken, checkInCode)).promoted()
  return { registration, manageToken, checkInCode, mail }
}

/** Gives a waitlisted person a seat (and a seat of their organisation's quota) if one is free. */
function* promote(event: Event, { registration, manageToken, checkInCode, mail }: Promotion): Sql<PromoteOutcome> {
  const seat = yield* claimSeat(event.id, registration.organisationId)
  if (seat !== 'seat') return seat
  const claimed = yield* transition(registration.id, 'waitlisted', {
    status: 'confirmed',
    holdsSeat: true,
    checkInCode,
    waitlistSeq: null,
  })
  if (!claimed) {
    // Another promoter (or a cancellation) got there first: give the seat back.
    yield* releaseSeat(event.id, registration.organisationId)
    return 'gone'
  }
  // Only the hash of the first link is stored, so the confirmation carries a new one.
  yield* addManageLink(registration.id, event, manageToken)
  yield* queueMails([mailRow(mail, `promoted:${registration.id}`, event.id)])
  return 'promoted'
}

/** Promotes one waitlisted registration if a seat (and a seat of its organisation's quota) is free. */
async function promoteOne(event: Event, registration: Registration): Promise<PromoteOutcome> {
  const promotion = await preparePromotion(event, registration)
  const outcome = await sql().write(() => promote(event, promotion))
  if (outcome === 'promoted') mailQueued()
  return outcome
}

const firstInLine = (eventId: string) =>
  db.registration.findFirst({ where: { eventId, status: 'waitlisted' }, orderBy: { waitlistSeq: 'asc' } })

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
    if (outcome === 'promoted') {
      promoted.push(next.id)
      // A consequence of a freed seat, whoever freed it: the app promotes, in waitlist order.
      await audit({
        actorLabel: 'system',
        action: 'registration.promoted',
        entity: 'Registration',
        entityId: next.id,
        details: { eventId },
      })
    } else if (outcome === 'event-full') break
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
  // Who holds a seat was sent a calendar REQUEST and now gets a CANCEL; the status may still change before the
  // transaction below (a promotion), so both versions of the mail are ready.
  const [plainMail, calendarMail] = await Promise.all(
    [false, true].map((calendarCancel) =>
      prepareMail('registration-cancelled', { ...to, props: { ...base, cancelledBy: by, calendarCancel } }),
    ),
  )
  // The seat goes straight to the first in line, in the same transaction, so that no new registration can
  // claim it in between. Their mail is prepared here; who is first is checked again inside.
  const next = registration.holdsSeat ? await firstInLine(event.id) : null
  const handOver = next ? await preparePromotion(event, next) : null
  const freed = await sql().write(function* () {
    yield* lockEvent(event.id)
    // Read after the lock: every seat change of this event takes it first, so this is current.
    const [current] = yield* select<Pick<Registration, 'status' | 'holdsSeat' | 'organisationId'>>(
      portableSql(`SELECT "status", "holdsSeat", "organisationId" FROM "Registration" WHERE "id" = ?`),
      registrationId,
    )
    if (!current || !ACTIVE.includes(current.status)) return null
    // A confirmed registrant was sent a REQUEST (confirmation, promotion, changes); nobody else was.
    const sequence = current.status === 'confirmed' ? yield* raiseSequenceForCancel(event.id) : null
    if (!(yield* deactivate(registrationId, current.status, 'cancelled'))) return null
    const mail = sequence === null ? plainMail! : { ...calendarMail!, parts: { eventCancel: { sequence } } }
    yield* queueMails([mailRow(mail, `cancelled:${registrationId}`, event.id)])
    if (!current.holdsSeat) return { heldSeat: false, handedTo: null }
    yield* releaseSeat(event.id, current.organisationId)
    const handedTo = handOver && (yield* promote(event, handOver)) === 'promoted' ? handOver.registration.id : null
    return { heldSeat: true, handedTo }
  })
  if (!freed) return { kind: 'not-active' }
  mailQueued()
  // Anyone else a seat can go to (the first in line may have been passed over for their organisation's quota).
  const promoted = freed.heldSeat ? await promoteWaitlisted(event.id) : []
  return { kind: 'cancelled', promoted: freed.handedTo ? [freed.handedTo, ...promoted] : promoted }
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
  const waitlistedMail = await waitlistNotices(mails, registration.organisationId)
  try {
    const outcome = await sql().write(function* () {
      const claim = yield* claimSeat(event.id, registration.organisationId)
      const seat = claim === 'seat'
      const waitlistSeq = seat ? null : yield* nextWaitlistSeq(event.id)
      const moved = yield* transition(registrationId, 'pending_approval', {
        status: seat ? 'confirmed' : 'waitlisted',
        holdsSeat: seat,
        checkInCode: seat ? checkInCode : null,
        waitlistSeq,
      })
      if (!moved) throw new Rollback('gone')
      yield* addManageLink(registrationId, event, manageToken)
      if (seat) {
        yield* queueMails([mailRow(confirmedMail, `confirmed:${registrationId}`, event.id)])
        return { kind: 'confirmed' as const }
      }
      const position = yield* positionOf(event.id, waitlistSeq!)
      const notice = yield* waitlistNotice(
        waitlistedMail,
        claim as Exclude<SeatClaim, 'seat'>,
        event.id,
        registration.organisationId,
        waitlistSeq!,
        position,
      )
      yield* queueMails([mailRow(notice, `waitlisted:${registrationId}`, event.id)])
      return { kind: 'waitlisted' as const, waitlistPosition: position }
    })
    mailQueued()
    return outcome
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
  const rejected = await sql().write(function* () {
    if (!(yield* deactivate(registrationId, 'pending_approval', 'rejected'))) return false
    yield* queueMails([mailRow(mail, `rejected:${registrationId}`, event.id)])
    return true
  })
  if (rejected) mailQueued()
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
  return sql().read(positionOf(registration.eventId, registration.waitlistSeq))
}

export type WaitlistStanding = {
  /** 1 is next in line for a seat of the event. */
  position: number
  reason: WaitlistReason
  organisationName: string | null
  /** 1 is the first of their organisation in line: the one a colleague's freed seat goes to. */
  organisationPosition: number | null
}

/**
 * Where each of these waiting registrations of one event stands and why it waits (the event is full, or only
 * their organisation's seats are taken): three statements for a page of them.
 */
export async function waitlistStandings(eventId: string, ids: string[]): Promise<Map<string, WaitlistStanding>> {
  if (!ids.length) return new Map()
  const rows = await sql().read(
    select<{ id: string; organisationId: string | null; position: number; organisationPosition: number }>(
      portableSql(
        `SELECT r."id", r."organisationId",
                (SELECT COUNT(*) FROM "Registration" w WHERE w."eventId" = r."eventId"
                    AND w."status" = 'waitlisted' AND w."waitlistSeq" <= r."waitlistSeq") AS "position",
                (SELECT COUNT(*) FROM "Registration" w WHERE w."eventId" = r."eventId"
                    AND w."status" = 'waitlisted' AND w."organisationId" = r."organisationId"
                    AND w."waitlistSeq" <= r."waitlistSeq") AS "organisationPosition"
           FROM "Registration" r
          WHERE r."eventId" = ? AND r."status" = 'waitlisted' AND r."id" IN (${ids.map(() => '?').join(', ')})`,
      ),
      eventId,
      ...ids,
    ),
  )
  const organisationIds = [...new Set(rows.flatMap((r) => (r.organisationId ? [r.organisationId] : [])))]
  const [event, organisations] = await Promise.all([
    db.event.findUnique({ where: { id: eventId }, select: { capacity: true, confirmedCount: true } }),
    db.organisation.findMany({
      where: { id: { in: organisationIds } },
      select: {
        id: true,
        name: true,
        seatQuota: true,
        seatCounters: { where: { eventId }, select: { quota: true, confirmedCount: true } },
      },
    }),
  ])
  const seats = { capacity: event?.capacity ?? null, confirmed: event?.confirmedCount ?? 0 }
  const byId = new Map(organisations.map((o) => [o.id, o]))
  return new Map(
    rows.map((r) => {
      const organisation = r.organisationId ? byId.get(r.organisationId) : undefined
      const counter = organisation?.seatCounters[0]
      const quota = organisation
        ? { quota: counter?.quota ?? organisation.seatQuota, confirmed: counter?.confirmedCount ?? 0 }
        : null
      return [
        r.id,
        {
          position: Number(r.position),
          reason: waitlistReason(seats, quota),
          organisationName: organisation?.name ?? null,
          organisationPosition: organisation ? Number(r.organisationPosition) : null,
        },
      ]
    }),
  )
}
