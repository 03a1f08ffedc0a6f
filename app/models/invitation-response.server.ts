// What an invitee does on their invitation page (/uitnodiging/:linkId, in a link session): register
// themselves (bound to the invitation and their organisation's quota), register colleagues, decline, or get
// the link to their registration again. The secretariat's side of invitations lives elsewhere.
import { parseWithZod } from '@conform-to/zod'
import { data } from '@remix-run/node'
import type { RegistrationValues } from '~/domain/registration-form'
import type { RegistrationStatus } from '~/generated/prisma/enums'
import type { Lang } from '~/i18n'
import type { Dictionary } from '~/i18n/nl'
import { db } from '~/utils/db.server'
import { requireLinkSession } from '~/utils/link-session.server'
import {
  cachedRegistrationSchema,
  eventQuestions,
  formMessage,
  registrationInput,
  registrationResponse,
  toManagePage,
  windowMessage,
} from './registration-form.server'
import { mailManageLink } from './registration-link.server'
import { register, type RegisterResult } from './registration.server'

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

export function invitationProblemResponse(problem: InvitationProblem) {
  return problem === 'revoked' ? new Response('Gone', { status: 410 }) : new Response('Not found', { status: 404 })
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
    flaggedForReview: values.email.trim().toLowerCase() !== contact.email.trim().toLowerCase(),
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
  return changed.count === 1 ? ('declined' as const) : ('registered' as const)
}

/** Mails the invitee the link to their registration again (at most once per 10 minutes). */
export async function resendInviteeLink(invitationId: string) {
  const own = await inviteeRegistration(invitationId)
  if (!own) return 'not-found' as const
  return mailManageLink(own.id)
}

// ─── The invitation page's requests ─────────────────────────────────────────────────────────────────────────

/**
 * The invitation behind `/uitnodiging/<param>` with its link session, or a thrown response: the link's own
 * (the token traded for a cookie, 404, 410, 401 without a session), 410 for a withdrawn invitation, 404 when
 * the event is not published.
 */
export async function requireInvitationSession(request: Request, param: string) {
  const session = await requireLinkSession(request, 'invitation', param)
  const usable = await usableInvitation(session.subjectId)
  if (!usable.ok) throw invitationProblemResponse(usable.problem)
  return { invitation: usable.invitation, session }
}

const back = (path: string, query: string) =>
  new Response(null, { status: 303, headers: { Location: `${path}?${query}`, 'Cache-Control': 'no-store' } })

export async function handleInvitationAction(request: Request, linkId: string, t: Dictionary, lang: Lang) {
  const { invitation, session } = await requireInvitationSession(request, linkId)
  const self = session.path
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'decline') {
    const outcome = await declineInvitation(invitation.id)
    if (outcome === 'registered') return formMessage(t.registration.errors.declineRegistered, 409)
    return back(self, 'afgemeld=1')
  }
  if (intent === 'resend') {
    await resendInviteeLink(invitation.id)
    return back(self, 'link=1')
  }
  if (intent !== 'register' && intent !== 'colleague') return formMessage(t.errors.badRequestText, 400)
  const closed = windowMessage(t, invitation.event)
  if (closed) return closed
  const questions = await eventQuestions(invitation.eventId)
  const submission = parseWithZod(formData, { schema: cachedRegistrationSchema(t, lang, questions) })
  if (submission.status !== 'success') {
    return data({ form: intent, result: submission.reply(), message: null }, { status: 400 })
  }
  if (intent === 'register') {
    const outcome = await registerInvitee(invitation, submission.value)
    if (outcome.kind === 'already-registered') return back(self, 'aangemeld=1')
    return registrationResponse(outcome, t, toManagePage, {
      form: intent,
      result: submission.reply(),
    })
  }
  const outcome = await registerColleague(invitation, submission.value, invitation.contact.language)
  if (outcome.kind === 'not-registered') return formMessage(t.errors.badRequestText, 409)
  if (outcome.kind === 'duplicate') {
    await mailManageLink(outcome.registrationId)
    return formMessage(t.registration.invitation.colleagueDuplicate, 409, undefined, {
      form: intent,
      result: submission.reply(),
    })
  }
  return registrationResponse(outcome, t, async (ok) => back(self, `collega=${ok.kind}`), {
    form: intent,
    result: submission.reply(),
  })
}
