// The registrant's own page behind their personal link (/aanmelding/<linkId>): what they see, the details they
// may change, their calendar link and cancelling. Seats and mails stay with registration.server.ts.
import QRCode from 'qrcode'
import type { RegistrationStatus } from '~/generated/prisma/enums'
import type { RegistrationDetails } from '~/domain/manage-schema'
import { answersOf, type Answer, type RegistrationQuestionDef } from '~/domain/registration-form'
import { db } from '~/utils/db.server'
import { secretariat } from '~/utils/env.server'
import { audit } from './audit.server'
import { checkInPayload } from './event-mail.server'
import { createPersonalLink, registrantLinkExpiry, revokePersonalLinks } from './personal-link.server'
import { eventQuestions } from './registration-form.server'
import { cancelRegistration, waitlistStandings } from './registration.server'

const ACTIVE: RegistrationStatus[] = ['pending_approval', 'confirmed', 'waitlisted']
/** Calendar links live as long as the manage links of registrations (registration.server.ts). */

export type ManageRefusal = 'not-found' | 'not-active' | 'event-closed'

type EventState = { status: string; endsAt: Date }

/** Changes are possible while the event is published and not over. */
function eventOpen(event: EventState, now: Date) {
  return event.status === 'published' && now < event.endsAt
}

/** A server-rendered QR code (SVG as a data URL): shown from a phone at the door, no script needed. */
async function qrDataUrl(checkInCode: string) {
  const svg = await QRCode.toString(checkInPayload(checkInCode), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
}

export type ShownAnswer = { id: string; label: string; labelEn: string | null; answer: Answer | null }

/** The event's questions with this registration's answers (keyed by question id; missing = not answered). */
function shownAnswers(questions: RegistrationQuestionDef[], answers: unknown): ShownAnswer[] {
  const given = answersOf(answers)
  return questions.map((q) => ({ id: q.id, label: q.label, labelEn: q.labelEn, answer: given[q.id] ?? null }))
}

export async function getManagePage(registrationId: string, now = new Date()) {
  const registration = await db.registration.findUnique({
    where: { id: registrationId },
    include: {
      event: { include: { programme: { select: { name: true, nameEn: true } } } },
      colleagues: { select: { id: true, name: true, status: true }, orderBy: { createdAt: 'asc' } },
    },
  })
  if (!registration) return null
  const { event } = registration
  const questions = await eventQuestions(event.id)
  const active = ACTIVE.includes(registration.status)
  const open = eventOpen(event, now)
  const standing =
    registration.status === 'waitlisted'
      ? ((await waitlistStandings(event.id, [registration.id])).get(registration.id) ?? null)
      : null
  const qr =
    registration.status === 'confirmed' && registration.checkInCode ? await qrDataUrl(registration.checkInCode) : null
  return {
    registration: {
      id: registration.id,
      status: registration.status,
      name: registration.name,
      email: registration.email,
      function: registration.function,
      organisationName: registration.organisationName,
      organisationFixed: Boolean(registration.invitationId),
      dietary: registration.dietary,
      accessibility: registration.accessibility,
      photoConsent: registration.photoConsent,
      language: registration.language,
      holdsSeat: registration.holdsSeat,
    },
    waitlistPosition: standing?.position ?? null,
    /** Why they wait, in words that fit: the event is full, or their organisation's seats are taken. */
    waitlist: standing,
    secretariatEmail: secretariat().email,
    qr,
    answers: shownAnswers(questions, registration.answers),
    colleagues: registration.colleagues.map((c) => ({ id: c.id, name: c.name, status: c.status })),
    event: {
      title: event.title,
      slug: event.slug,
      status: event.status,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      timeZone: event.timeZone,
      venueName: event.venueName,
      venueAddress: event.venueAddress,
      venuePostcode: event.venuePostcode,
      venueCity: event.venueCity,
      onlineUrl: event.onlineUrl,
      programmeName: event.programme.name,
      programmeNameEn: event.programme.nameEn,
      isPublic: event.status !== 'draft',
      over: now >= event.endsAt,
    },
    canChange: active && open,
  }
}

export type ManagePage = NonNullable<Awaited<ReturnType<typeof getManagePage>>>

/** Why the registrant cannot change or cancel now (for the cancel confirmation step), or null when they can. */
export async function changeRefusal(registrationId: string, now = new Date()): Promise<ManageRefusal | null> {
  return (await refusal(registrationId, now)).refusal
}

/** Why a registration cannot be changed now, or null when it can. */
async function refusal(registrationId: string, now = new Date()) {
  const registration = await db.registration.findUnique({
    where: { id: registrationId },
    select: { status: true, invitationId: true, event: { select: { status: true, endsAt: true } } },
  })
  if (!registration) return { refusal: 'not-found' as const }
  if (!eventOpen(registration.event, now)) return { refusal: 'event-closed' as const }
  if (!ACTIVE.includes(registration.status)) return { refusal: 'not-active' as const }
  return { refusal: null, registration }
}

/**
 * Saves the details a registrant may change. The organisation stays fixed for invitees (their invitation
 * and quota belong to it). Only an active registration of an open event changes; the status is checked again
 * in the update itself, so a cancellation in between wins.
 */
export async function updateRegistrationDetails(
  registrationId: string,
  values: RegistrationDetails,
  now = new Date(),
): Promise<{ kind: 'saved' } | { kind: ManageRefusal }> {
  const check = await refusal(registrationId, now)
  if (check.refusal) return { kind: check.refusal }
  const changed = await db.$transaction(async (tx) => {
    const result = await tx.registration.updateMany({
      where: { id: registrationId, status: { in: ACTIVE } },
      data: {
        name: values.name,
        function: values.function,
        ...(check.registration.invitationId ? {} : { organisationName: values.organisationName ?? '' }),
        dietary: values.dietary,
        accessibility: values.accessibility,
        photoConsent: values.photoConsent,
        language: values.language,
      },
    })
    if (result.count !== 1) return false
    // Field names only: what the person wrote is personal data and stays out of the audit log.
    await audit(
      {
        actorLabel: 'registrant',
        action: 'registration.details-changed',
        entity: 'Registration',
        entityId: registrationId,
      },
      tx,
    )
    return true
  })
  return changed ? { kind: 'saved' } : { kind: 'not-active' }
}

/**
 * Cancels the registrant's own registration (frees the seat, mails, promotes from the waitlist). Cancelling
 * an already cancelled registration is harmless: it reports `already`.
 */
export async function cancelOwnRegistration(
  registrationId: string,
  now = new Date(),
): Promise<{ kind: 'cancelled' | 'already' } | { kind: 'not-found' | 'event-closed' }> {
  const registration = await db.registration.findUnique({
    where: { id: registrationId },
    select: { status: true, event: { select: { status: true, endsAt: true } } },
  })
  if (!registration) return { kind: 'not-found' }
  // Already cancelled (or rejected) first: a second cancel stays harmless, also after the event.
  if (!ACTIVE.includes(registration.status)) return { kind: 'already' }
  if (!eventOpen(registration.event, now)) return { kind: 'event-closed' }
  const result = await cancelRegistration(registrationId, 'self')
  if (result.kind === 'not-found') return { kind: 'not-found' }
  if (result.kind === 'cancelled')
    await audit({
      actorLabel: 'registrant',
      action: 'registration.cancelled',
      entity: 'Registration',
      entityId: registrationId,
      details: { promoted: result.promoted.length },
    })
  return { kind: result.kind === 'cancelled' ? 'cancelled' : 'already' }
}

/**
 * A new read-only calendar link (PersonalLink kind registration_feed) for this registration. Earlier feed
 * links of the registration are revoked, so a link that was shared by mistake can be replaced.
 */
export async function createFeedLink(
  registrationId: string,
): Promise<{ kind: 'created'; token: string } | { kind: 'not-found' }> {
  const registration = await db.registration.findUnique({
    where: { id: registrationId },
    select: { id: true, eventId: true, event: { select: { endsAt: true } } },
  })
  if (!registration) return { kind: 'not-found' }
  const expiresAt = registrantLinkExpiry(registration.event)
  const token = await db.$transaction(async (tx) => {
    await revokePersonalLinks('registration_feed', registrationId, tx)
    await audit(
      {
        actorLabel: 'registrant',
        action: 'registration.feed-link-created',
        entity: 'Registration',
        entityId: registrationId,
        details: { eventId: registration.eventId },
      },
      tx,
    )
    return createPersonalLink(
      { kind: 'registration_feed', subjectId: registrationId, eventId: registration.eventId, expiresAt },
      tx,
    )
  })
  return { kind: 'created', token }
}
