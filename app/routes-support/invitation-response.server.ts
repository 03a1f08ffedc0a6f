// The invitation page's requests (/uitnodiging/:linkId, in a link session): the invitation behind the session,
// and the page's form posts turned into the invitation model's calls and back into answers.
import { parseWithZod } from '@conform-to/zod'
import { data } from '@remix-run/node'
import type { Lang } from '~/i18n'
import type { Dictionary } from '~/i18n/nl'
import {
  declineInvitation,
  registerColleague,
  registerInvitee,
  resendInviteeLink,
  usableInvitation,
  type InvitationProblem,
} from '~/models/invitation-response.server'
import { eventQuestions } from '~/models/registration-form.server'
import { mailManageLink } from '~/models/registration-link.server'
import { requireLinkSession } from '~/utils/link-session.server'
import {
  cachedRegistrationSchema,
  formMessage,
  formRateLimit,
  honeypotMessage,
  registrationResponse,
  toManagePage,
  windowMessage,
} from './registration-form.server'

export function invitationProblemResponse(problem: InvitationProblem) {
  return problem === 'revoked' ? new Response('Gone', { status: 410 }) : new Response('Not found', { status: 404 })
}

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
  // Every form on the page registers someone or sends a mail: limited per client address, as the public form.
  const limited = await formRateLimit(request, 'invitation', t)
  if (limited) return limited
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
  const robot = honeypotMessage(formData, t)
  if (robot) return robot
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
