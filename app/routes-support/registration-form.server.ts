// The registration forms' requests: the public form's action (rate limit, window, honeypot, the fields,
// then register()), and what it shares with the invitation page: checking the posted form and turning a
// model's outcome into the answer the form gets (a message and status, or the way to the manage page).
import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data } from '@remix-run/node'
import type { Event } from '~/generated/prisma/client'
import {
  HONEYPOT_FIELD,
  INVITE_ONLY,
  registrationSchema,
  registrationWindow,
  type RegistrationQuestionDef,
} from '~/domain/registration-form'
import type { Lang } from '~/i18n'
import type { Dictionary } from '~/i18n/nl'
import {
  eventQuestions,
  publicRegistrationEvent,
  registrationInput,
  type PublicEvent,
} from '~/models/registration-form.server'
import { mailManageLink } from '~/models/registration-link.server'
import { register, type RegisterResult } from '~/models/registration.server'
import { getEnv } from '~/utils/env.server'
import { startLinkSession } from '~/utils/link-session.server'
import { hitRateLimit } from '~/utils/rate-limit.server'
import { clientAddress } from '~/utils/request.server'

const RATE_WINDOW_SECONDS = 600

export function requirePublicEvent(found: PublicEvent): Event {
  if (found.kind === 'not-found') throw new Response('Not found', { status: 404 })
  if (found.kind === 'invite-only') throw new Response(INVITE_ONLY, { status: 404, statusText: INVITE_ONLY })
  return found.event
}

/** Messages with no field: rate limit, window, honeypot, duplicate. */
export function formMessage(message: string, status: number, headers?: HeadersInit, keep?: Keep) {
  return data({ result: null, message, ...keep }, { status, headers })
}

/** What a refused form sends back so that the person's input stays in the fields. */
type Keep = { form?: 'register' | 'colleague'; result?: SubmissionResult<string[]> }

export function windowMessage(t: Dictionary, event: Event, now = new Date()) {
  const window = registrationWindow(event, now)
  if (window === 'open') return null
  // 403 for both: the form exists, registering is just not allowed now (410 would suggest it never returns).
  return formMessage(window === 'not-yet' ? t.registration.errors.notOpenYet : t.registration.errors.closed, 403)
}

// Building the schema (and Conform's coercing copy of it, which Conform keeps per schema object) costs more
// than checking a form with it, so each event's schema is built once per language and set of questions.
const schemas = new Map<string, ReturnType<typeof registrationSchema>>()

export function cachedRegistrationSchema(t: Dictionary, lang: Lang, questions: RegistrationQuestionDef[]) {
  const key = JSON.stringify([lang, questions])
  let schema = schemas.get(key)
  if (!schema) {
    if (schemas.size >= 200) schemas.delete(schemas.keys().next().value!)
    schema = registrationSchema(t.registration.errors, questions, lang)
    schemas.set(key, schema)
  }
  return schema
}

/** Reads and checks the posted form; a bad form is answered at once (400, the fields' messages). */
export async function parseRegistrationForm(request: Request, t: Dictionary, lang: Lang, event: Event) {
  const formData = await request.formData()
  const questions = await eventQuestions(event.id)
  const submission = parseWithZod(formData, { schema: cachedRegistrationSchema(t, lang, questions) })
  return { formData, submission }
}

/** The outcome of register() as the response a form gets. `onSuccess` builds the success response. */
export async function registrationResponse(
  result: RegisterResult,
  t: Dictionary,
  onSuccess: (result: Extract<RegisterResult, { manageToken: string }>) => Promise<Response>,
  keep?: Keep,
) {
  switch (result.kind) {
    case 'confirmed':
    case 'waitlisted':
    case 'pending_approval':
      return onSuccess(result)
    case 'duplicate':
      // Same answer whether or not a mail went out now: the form reveals nothing beyond "this address".
      await mailManageLink(result.registrationId)
      return formMessage(t.registration.errors.duplicate, 409, undefined, keep)
    case 'closed':
      return formMessage(t.registration.errors.closed, 403, undefined, keep)
    case 'not-found':
      throw new Response('Not found', { status: 404 })
  }
}

/** Where the public form sends everyone who registered: a page that says we sent a mail. */
export const mailSentPage = (slug: string) =>
  new Response(null, {
    status: 303,
    headers: { Location: `/bijeenkomsten/${slug}/aanmelden?verstuurd=1`, 'Cache-Control': 'no-store' },
  })

/** Sends the new registrant to their manage page through a link session (the token leaves the URL at once). */
export function toManagePage(registered: { manageLinkId: string; manageToken: string }) {
  return startLinkSession(
    'registration',
    { linkId: registered.manageLinkId, token: registered.manageToken },
    '?welkom=1',
  )
}

/**
 * The 429 for a client address that posted a registration form (`form`) too often, or null. Each form counts
 * on its own: the public form, and the invitation page (registering, a colleague, a link sent again).
 */
export async function formRateLimit(request: Request, form: 'registration' | 'invitation', t: Dictionary) {
  const limit = await hitRateLimit(
    `${form}:${clientAddress(request)}`,
    getEnv().REGISTRATION_RATE_LIMIT,
    RATE_WINDOW_SECONDS,
  )
  if (limit.allowed) return null
  return formMessage(t.registration.errors.rateLimited, 429, { 'Retry-After': String(limit.retryAfterSeconds) })
}

/** Robots fill every field; people never see this one. A neutral message (400), nothing saved. */
export function honeypotMessage(formData: FormData, t: Dictionary) {
  const honeypot = formData.get(HONEYPOT_FIELD)
  return typeof honeypot === 'string' && honeypot !== '' ? formMessage(t.registration.errors.honeypot, 400) : null
}

/** The public form's action: rate limit, window, honeypot, the fields, then register(). */
export async function submitPublicRegistration(request: Request, slug: string, t: Dictionary, lang: Lang) {
  const event = requirePublicEvent(await publicRegistrationEvent(slug))
  const limited = await formRateLimit(request, 'registration', t)
  if (limited) return limited
  const closed = windowMessage(t, event)
  if (closed) return closed
  const { formData, submission } = await parseRegistrationForm(request, t, lang, event)
  const robot = honeypotMessage(formData, t)
  if (robot) return robot
  if (submission.status !== 'success') return data({ result: submission.reply(), message: null }, { status: 400 })
  const result = await register(event.id, registrationInput(submission.value), { event })
  // New or already registered, the answer is the same (a page that says a mail went out), so the form does not
  // tell anyone whether an address is registered: the new registrant's mail is the confirmation, the known
  // one's a mail with the link to their registration (mailManageLink).
  if (result.kind === 'duplicate') await mailManageLink(result.registrationId)
  else if (result.kind !== 'confirmed' && result.kind !== 'waitlisted' && result.kind !== 'pending_approval')
    return registrationResponse(result, t, toManagePage, { result: submission.reply() })
  return mailSentPage(slug)
}
