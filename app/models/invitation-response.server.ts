// What an invitee does on their invitation page (/uitnodiging/:linkId, in a link session): register
// themselves (bound to the invitation and their organisation's quota), register colleagues, decline, or get
// the link to their registration again. The page's requests are read and answered in
// app/routes-support/invitation-response.server.ts; the secretariat's side of invitations lives elsewhere.
import { normaliseEmail } from '~/domain/person-fields'
import type { RegistrationValues } from '~/domain/registration-form'
import type { RegistrationStatus } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import { registrationInput } from './registration-form.server'
import { mailManageLink } from './registration-link.server'
import { register, type RegisterResult } from './registration.server'
import { audit } from './audit.server'

const ACTIVE: RegistrationStatus[] = ['pending_approval', 'confirmed', 'waitlisted']

async function loadInvitation(invitationId: string) {
  return db.invitation.findUnique({
    where: { id: invitationId },
    include: { event: true, contact: { include: { organisation: true } } },
  })
}

type Loaded = NonNullable<Awaited<ReturnType<typeof loadInvitation>>>

export type InvitationProblem = 'revoked' | 'unavailable'

/** The invitation behind a link session, or why it cannot be used (revoked: 410; event not open: 404). */
export async function usableInvitation(
  invitationId: string,
): Promise<{ ok: true; invitation: Loaded } | { ok: false; problem: InvitationProblem }> {
  const invitation = await loadInvitation(invitationId)
  if (!invitation || invitation.event.status !== 'published') return { ok: false, problem: 'unavailable' }
  if (invitation.revokedAt) return { ok: false, problem: 'revoked' }
  return { ok: true, invitation }
}

/** The registration made through the link for the invitee (or whoever used it), if one is active. */
async function inviteeRegistration(invitationId: string) {
  return db.registration.findFirst({
    where: { invitationId, registeredById: null, status: { in: ACTIVE } },
    orderBy: { createdAt: 'desc' },
  })
}

/** Seats of the organisation's quota still free for this event; null when it has no quota. */
async function quotaLeft(eventId: string, organisationId: string, defaultQuota: number | null) {
  const seats = await db.organisationSeats.findUnique({
    where: { eventId_organisationId: { eventId, organisationId } },
  })
  const quota = seats?.quota ?? defaultQuota
  if (quota === null) return null
  return Math.max(0, quota - (seats?.confirmedCount ?? 0))
}

/** Everything the invitation page shows. */
export async function invitationPage(invitation: Loaded) {
  const own = await inviteeRegistration(invitation.id)
  const colleagues = own
    ? await db.registration.findMany({
        where: { registeredById: own.id },
        orderBy: { createdAt: 'asc' },
        select: { id: true, name: true, status: true },
      })
    : []
  const { contact } = invitation
  return {
    invitationStatus: invitation.status,
    contact: {
      name: contact.name,
      email: contact.email,
      function: contact.function,
      language: contact.language,
      organisationName: contact.organisation.name,
    },
    registration: own ? { status: own.status, flaggedForReview: own.flaggedForReview } : null,
    colleagues,
    quotaLeft: await quotaLeft(invitation.eventId, contact.organisationId, contact.organisation.seatQuota),
  }
}

export type InviteeOutcome = RegisterResult | { kind: 'already-registered' }

/**
 * Registers the person using the invitation. They count for the contact's organisation (its quota applies);
 * an e-mail other than the contact's is accepted but flagged, so a forwarded link cannot take a place unseen.
 */
export async function registerInvitee(invitation: Loaded, values: RegistrationValues): Promise<InviteeOutcome> {
  if (await inviteeRegistration(invitation.id)) return { kind: 'already-registered' }
  const { contact } = invitation
  return register(invitation.eventId, {
    ...registrationInput(values),
    organisationId: contact.organisationId,
    organisationName: contact.organisation.name,
    invitationId: invitation.id,
    flaggedForReview: normaliseEmail(values.email) !== normaliseEmail(contact.email),
  })
}

export type ColleagueOutcome = RegisterResult | { kind: 'not-registered' }

/**
 * Registers a colleague of the invitee's organisation: same organisation (over its quota means the
 * waitlist, which register() decides), registered by the invitee, through the same invitation.
 */
export async function registerColleague(
  invitation: Loaded,
  values: RegistrationValues,
  language: 'nl' | 'en',
): Promise<ColleagueOutcome> {
  const own = await inviteeRegistration(invitation.id)
  if (!own) return { kind: 'not-registered' }
  const { contact } = invitation
  return register(invitation.eventId, {
    ...registrationInput(values),
    language,
    organisationId: contact.organisationId,
    organisationName: contact.organisation.name,
    invitationId: invitation.id,
    registeredById: own.id,
    // Colleagues added by someone who used a forwarded link are shown to the secretariat as well.
    flaggedForReview: own.flaggedForReview,
  })
}

/** "Ik kan niet komen": only while not registered; registering later stays possible. */
export async function declineInvitation(invitationId: string, now = new Date()) {
  const changed = await db.invitation.updateMany({
    where: { id: invitationId, status: { not: 'registered' } },
    data: { status: 'declined', respondedAt: now },
  })
  if (changed.count === 1)
    await audit({ actorLabel: 'invitee', action: 'invitation.declined', entity: 'Invitation', entityId: invitationId })
  return changed.count === 1 ? ('declined' as const) : ('registered' as const)
}

/** Mails the invitee the link to their registration again (at most once per 10 minutes). */
export async function resendInviteeLink(invitationId: string) {
  const own = await inviteeRegistration(invitationId)
  if (!own) return 'not-found' as const
  return mailManageLink(own.id)
}
