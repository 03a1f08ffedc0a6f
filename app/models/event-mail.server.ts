// Mails about an event that carry a calendar part: the confirmation (REQUEST), the change (REQUEST with a
// higher SEQUENCE, same UID) and the cancellation (CANCEL). The business change and its mails are written in
// one transaction; the sequence is claimed with a conditional update, so two editors cannot both bump it.
import type { EventSummary, MailProps } from '../../emails'
import type { Event } from '~/generated/prisma/client'
import { buildCancel, buildRequest, eventToCalendarItem } from '~/domain/calendar'
import { describeScheduleChanges, scheduleChanged, type Schedule, type ScheduleChange } from '~/domain/event-changes'
import type { Lang } from '~/domain/format'
import {
  cachedMerge,
  enqueueBulk,
  mergedMail,
  prepareBulk,
  type IcsPart,
  type PreparedMail,
  type PreparedMerge,
} from '~/mail/outbox.server'
import { db } from '~/utils/db.server'
import { appUrl, getEnv, secretariat } from '~/utils/env.server'
import { audit } from './audit.server'
import { registrantLinkExpiry } from './personal-link.server'

export function eventSummary(
  event: Pick<
    Event,
    | 'slug'
    | 'title'
    | 'startsAt'
    | 'endsAt'
    | 'timeZone'
    | 'venueName'
    | 'venueAddress'
    | 'venuePostcode'
    | 'venueCity'
    | 'onlineUrl'
  >,
): EventSummary {
  return {
    title: event.title,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timeZone: event.timeZone,
    venueName: event.venueName,
    venueAddress: event.venueAddress,
    venuePostcode: event.venuePostcode,
    venueCity: event.venueCity,
    onlineUrl: event.onlineUrl,
    url: appUrl(`/bijeenkomsten/${event.slug}`),
  }
}

// Every registration mail names the programme; a rename shows up within this time.
const PROGRAMME_NAME_TTL_MS = 30_000
const programmeNames = new Map<string, { at: number; names: Promise<{ name: string; nameEn: string | null } | null> }>()

export async function programmeName(programmeId: string, lang: Lang) {
  let entry = programmeNames.get(programmeId)
  if (!entry || Date.now() - entry.at > PROGRAMME_NAME_TTL_MS) {
    if (programmeNames.size > 100) programmeNames.clear()
    entry = {
      at: Date.now(),
      names: db.programme.findUnique({ where: { id: programmeId }, select: { name: true, nameEn: true } }),
    }
    programmeNames.set(programmeId, entry)
    entry.names.catch(() => programmeNames.delete(programmeId))
  }
  const programme = await entry.names
  return (lang === 'en' ? programme?.nameEn : null) ?? programme?.name ?? 'bijeen'
}

/** The props every mail about an event shares, in the recipient's language. */
export async function eventMailBase(event: Event, lang: Lang) {
  return {
    lang,
    programmeName: await programmeName(event.programmeId, lang),
    secretariatEmail: secretariat().email,
    event: eventSummary(event),
  }
}

/** A mail about an event to one registrant: their address and the shared props with their name. */
export async function registrantMail(registration: { name: string; email: string; language: Lang }, event: Event) {
  return {
    to: registration.email,
    toName: registration.name,
    language: registration.language,
    base: { ...(await eventMailBase(event, registration.language)), recipientName: registration.name },
  }
}

export const QR_CID = 'qr@bijeen'

/** What the check-in scanner reads from the QR code. */
export function checkInPayload(code: string) {
  return `bijeen-checkin:${code}`
}

type ConfirmationKind = 'registration-confirmed' | 'registration-promoted'

// Rendered once per event, kind, language and shape, then filled in per person: a React Email render costs
// ~25 ms, filling in microseconds (tests/integration/registration-mail.test.ts checks the result is the same).
function confirmationTemplate(
  kind: ConfirmationKind,
  shared: Omit<MailProps<ConfirmationKind>, 'recipientName' | 'manageUrl' | 'accessibility' | 'qrCodeSrc'>,
  withAccessibility: boolean,
) {
  return cachedMerge([shared, withAccessibility], kind, {
    language: shared.lang,
    fields: ['recipientName', 'manageUrl', 'accessibility'],
    props: (fields) => ({
      ...shared,
      recipientName: fields.recipientName,
      qrCodeSrc: `cid:${QR_CID}`,
      manageUrl: fields.manageUrl,
      accessibility: withAccessibility ? fields.accessibility : undefined,
    }),
  })
}

/**
 * The confirmation of a registration: event details, the QR code for check-in, the personal manage link, and
 * the calendar invitation (METHOD:REQUEST with the registrant as ATTENDEE).
 */
export async function prepareRegistrationConfirmed(input: {
  kind?: ConfirmationKind
  registration: { name: string; email: string; language: Lang; accessibility: string; checkInCode: string }
  event: Event
  manageUrl: string
}): Promise<PreparedMail> {
  const { registration, event } = input
  const lang = registration.language
  const template = await confirmationTemplate(
    input.kind ?? 'registration-confirmed',
    await eventMailBase(event, lang),
    registration.accessibility !== '',
  )
  return mergedMail(
    template,
    { to: registration.email, toName: registration.name },
    { recipientName: registration.name, manageUrl: input.manageUrl, accessibility: registration.accessibility },
    {
      // Drawn by the mail worker: a registration in a rush does not wait for them.
      parts: {
        qrCode: { text: checkInPayload(registration.checkInCode), filename: 'aanmeldcode.png', cid: QR_CID },
        eventRequest: true,
      },
    },
  )
}

type Recipient = { name: string; email: string; language: Lang }
type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0]

/** Who hears about a change: confirmed registrants and confirmed speakers, each address once. */
export async function changeRecipients(eventId: string): Promise<Recipient[]> {
  const [registrations, participations] = await Promise.all([
    db.registration.findMany({
      where: { eventId, status: 'confirmed' },
      select: { name: true, email: true, language: true },
    }),
    db.participation.findMany({
      where: { status: 'confirmed', agendaItem: { eventId }, speaker: { email: { not: null } } },
      select: { speaker: { select: { name: true, honorific: true, email: true, language: true } } },
    }),
  ])
  const all: Recipient[] = [
    ...registrations,
    ...participations.map((p) => ({
      name: [p.speaker.honorific, p.speaker.name].filter(Boolean).join(' '),
      email: p.speaker.email!,
      language: p.speaker.language,
    })),
  ]
  const seen = new Set<string>()
  return all.filter((r) => {
    const key = r.email.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** The same mail in both languages, each rendered once as a merge with the recipient's name filled in later. */
type Common = 'lang' | 'programmeName' | 'secretariatEmail' | 'recipientName'

function prepareForBothLanguages<K extends 'event-changed' | 'event-cancelled'>(
  kind: K,
  programmeId: string,
  // What this kind of mail says; the language, programme, secretariat and the recipient's name are filled in here.
  props: (lang: Lang) => Omit<MailProps<K>, Common>,
) {
  return Promise.all(
    (['nl', 'en'] as const).map(async (lang) => {
      const programme = await programmeName(programmeId, lang)
      return prepareBulk(kind, {
        language: lang,
        fields: ['recipientName'] as const,
        props: (f) =>
          ({
            lang,
            programmeName: programme,
            secretariatEmail: secretariat().email,
            recipientName: f.recipientName,
            ...props(lang),
          }) as MailProps<K>,
      })
    }),
  )
}

/** One bulk send to a list of people, inside the caller's transaction: a batch, and each person in their language. */
async function sendToPeople<R extends Recipient>(
  tx: Tx,
  input: {
    kind: string
    eventId: string
    actorUserId: string | null
    merges: PreparedMerge[]
    recipients: R[]
    key: (r: R) => string
    ics: (r: R) => IcsPart | undefined
  },
) {
  if (!input.recipients.length) return
  const batch = await tx.mailBatch.create({
    data: { kind: input.kind, eventId: input.eventId, total: input.recipients.length, createdById: input.actorUserId },
  })
  for (const merge of input.merges) {
    const group = input.recipients.filter((r) => r.language === merge.language)
    if (!group.length) continue
    await enqueueBulk(
      merge,
      group.map((r) => ({
        to: r.email,
        toName: r.name,
        values: { recipientName: r.name },
        idempotencyKey: input.key(r),
        ics: input.ics(r),
      })),
      { batchId: batch.id, eventId: input.eventId },
      tx,
    )
  }
}

export class ConcurrentChangeError extends Error {
  constructor() {
    super('The event was changed by someone else at the same time')
  }
}

type TxClient = Parameters<Parameters<typeof db.$transaction>[0]>[0]

/**
 * What else changes with the event's schedule (the agenda items following a new date, the speakers' slot
 * mails): called before the transaction with the event as it was and as it will be (its new SEQUENCE
 * included), to render; the function it returns runs inside the transaction, after the claim.
 */
export type AlongsideSchedule = (before: Event, updated: Event) => Promise<((tx: TxClient) => Promise<unknown>) | null>

/**
 * Changes an event's time or place. When something changed, the calendar SEQUENCE goes up and every
 * confirmed registrant and speaker gets an "event changed" mail with the updated REQUEST (same UID).
 */
export async function changeEventSchedule(
  eventId: string,
  patch: Partial<Schedule>,
  actorUserId: string | null,
  alongside?: AlongsideSchedule,
  // One more line in the same mail (the agenda moved along by the secretariat's choice).
  extraChange?: (lang: Lang) => ScheduleChange | null,
) {
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId } })
  const next = { ...event, ...patch }
  if (!scheduleChanged(event, next)) return { changed: false as const, mailed: 0 }
  const sequence = event.icsSequence + 1
  const updated = { ...next, icsSequence: sequence }
  const recipients = await changeRecipients(eventId)
  const inTransaction = alongside ? await alongside(event, updated) : null
  // Render before the transaction: the write lock is held for the writes only.
  const merges = await prepareForBothLanguages('event-changed', event.programmeId, (lang) => ({
    event: eventSummary(updated),
    changes: [...describeScheduleChanges(event, next, lang), extraChange?.(lang) ?? null].filter(
      (c): c is ScheduleChange => c !== null,
    ),
  }))
  await db.$transaction(async (tx) => {
    const claimed = await tx.event.updateMany({
      where: { id: eventId, icsSequence: event.icsSequence },
      data: { ...patch, icsSequence: sequence },
    })
    if (claimed.count !== 1) throw new ConcurrentChangeError()
    if (updated.endsAt.getTime() !== event.endsAt.getTime()) await followEventEnd(tx, eventId, updated.endsAt)
    if (inTransaction) await inTransaction(tx)
    await audit(
      {
        actorUserId,
        action: 'event.schedule-changed',
        entity: 'Event',
        entityId: eventId,
        details: { sequence, fields: Object.keys(patch) },
      },
      tx,
    )
    await sendToPeople(tx, {
      kind: 'event-changed',
      eventId,
      actorUserId,
      merges,
      recipients,
      key: (r) => `event-changed:${eventId}:${sequence}:${r.email.toLowerCase()}`,
      ics: (r) => ({
        method: 'REQUEST',
        content: buildRequest({
          item: eventToCalendarItem(updated, getEnv().APP_URL),
          organizer: secretariat(),
          attendee: { name: r.name, email: r.email },
        }),
      }),
    })
  })
  return { changed: true as const, mailed: recipients.length, sequence }
}

/**
 * Personal links expire relative to the event's end (invitations at the end, a registrant's links 30 days
 * later): when the event moves, they move with it, so a postponed event's invitees keep working links.
 */
async function followEventEnd(tx: Pick<typeof db, 'personalLink'>, eventId: string, endsAt: Date) {
  const later = registrantLinkExpiry({ endsAt })
  await tx.personalLink.updateMany({
    where: { eventId, kind: 'invitation', revokedAt: null },
    data: { expiresAt: endsAt },
  })
  await tx.personalLink.updateMany({
    where: { eventId, kind: { in: ['registration', 'registration_feed'] }, revokedAt: null },
    data: { expiresAt: later },
  })
}

/**
 * Who would hear about a cancellation: everyone who received a calendar REQUEST for the event (they get a
 * CANCEL), and everyone else with an active registration (waitlist, awaiting approval) gets the mail only.
 */
export async function cancellationRecipients(eventId: string) {
  const [requested, active, speakers] = await Promise.all([
    db.outboxMessage.findMany({
      where: { eventId, icsMethod: 'REQUEST', status: { not: 'failed' } },
      select: { to: true, toName: true, language: true },
      distinct: ['to'],
    }),
    db.registration.findMany({
      where: { eventId, status: { in: ['confirmed', 'waitlisted', 'pending_approval'] } },
      select: { name: true, email: true, language: true },
    }),
    changeRecipients(eventId),
  ])
  const withCalendar = new Set(requested.map((r) => r.to.toLowerCase()))
  const people = new Map<string, Recipient & { hadRequest: boolean }>()
  for (const r of requested)
    people.set(r.to.toLowerCase(), { name: r.toName, email: r.to, language: r.language, hadRequest: true })
  for (const r of [...active, ...speakers]) {
    const key = r.email.toLowerCase()
    if (!people.has(key)) people.set(key, { ...r, hadRequest: withCalendar.has(key) })
  }
  return [...people.values()]
}

/** Cancels an event: status and SEQUENCE in one conditional update, with a CANCEL to every REQUEST recipient. */
export async function cancelEvent(eventId: string, message: string, actorUserId: string | null) {
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId } })
  if (event.status === 'cancelled' || event.status === 'completed') return { cancelled: false as const, mailed: 0 }
  const sequence = event.icsSequence + 1
  const cancelled = { ...event, status: 'cancelled' as const, icsSequence: sequence }
  const recipients = await cancellationRecipients(eventId)
  const merges = await prepareForBothLanguages('event-cancelled', event.programmeId, () => ({
    event: eventSummary(event),
    message: message || undefined,
  }))
  await db.$transaction(async (tx) => {
    const claimed = await tx.event.updateMany({
      where: { id: eventId, icsSequence: event.icsSequence, status: { in: ['draft', 'published'] } },
      data: { status: 'cancelled', icsSequence: sequence },
    })
    if (claimed.count !== 1) throw new ConcurrentChangeError()
    await audit(
      {
        actorUserId,
        action: 'event.status',
        entity: 'Event',
        entityId: eventId,
        details: { from: event.status, to: 'cancelled', sequence },
      },
      tx,
    )
    await sendToPeople(tx, {
      kind: 'event-cancelled',
      eventId,
      actorUserId,
      merges,
      recipients,
      key: (r) => `event-cancelled:${eventId}:${r.email.toLowerCase()}`,
      // Only who had the event in their calendar gets a calendar cancellation.
      ics: (r) =>
        r.hadRequest
          ? {
              method: 'CANCEL',
              content: buildCancel({
                item: eventToCalendarItem(cancelled, getEnv().APP_URL),
                organizer: secretariat(),
                attendee: { name: r.name, email: r.email },
              }),
            }
          : undefined,
    })
  })
  return { cancelled: true as const, mailed: recipients.length, sequence }
}
