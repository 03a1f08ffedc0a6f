// The public registration form through its real route action: success into a link session, and every way
// a post is refused (honeypot, rate limit, window, invite-only, bad fields, a second registration).
import { afterEach, beforeAll, describe, expect, test } from 'vitest'
import { queuedMailBody } from '~/mail/outbox.server'
import { resolvePersonalLink } from '~/utils/link-session.server'
import { action, loader } from '~/routes/bijeenkomsten.$slug.aanmelden'
import { db } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import { createEvent, createProgramme, type EventInput } from '../factories.ts'
import { callRoute, formRequest, getRequest } from '../support/remix.ts'

let programmeId: string
let ipCounter = 0

beforeAll(async () => {
  programmeId = (await createProgramme(db)).id
})

afterEach(() => {
  delete process.env.REGISTRATION_RATE_LIMIT
  resetEnvCache()
})

const publicEvent = (input: EventInput = {}) => createEvent(db, programmeId, { visibility: 'public', ...input })
// Each test its own client address, so that the rate limit of one does not reach another.
const freshIp = () => `10.20.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`

function post(slug: string, fields: Record<string, string>, ip = freshIp()) {
  return callRoute(action, formRequest(`/bijeenkomsten/${slug}/aanmelden`, fields, { 'x-bijeen-client-ip': ip }), {
    slug,
  })
}

const person = (extra: Record<string, string> = {}) => ({
  name: 'Eva Smit',
  email: `eva-${Math.random().toString(36).slice(2)}@example.org`,
  organisationName: 'Gemeente Utrecht',
  function: 'Beleidsadviseur',
  language: 'nl',
  dietary: 'Vegetarisch',
  accessibility: 'Rolstoelplek',
  photoConsent: 'on',
  website: '',
  ...extra,
})

const messageOf = (data: unknown) => (data as { message?: string }).message
const fieldErrors = (data: unknown) => (data as { result?: { error?: Record<string, string[]> } }).result?.error ?? {}

async function registrationsOf(eventId: string) {
  return db.registration.findMany({ where: { eventId } })
}

describe('public registration form', () => {
  test('success: 303 to a page that says a mail went out, no cookie; the confirmation mail is queued', async () => {
    const event = await publicEvent({ capacity: 10 })
    const question = await db.registrationQuestion.create({
      data: { eventId: event.id, label: 'Welke workshop?', type: 'choice', options: ['Preventie', 'Opsporing'] },
    })
    const yesNo = await db.registrationQuestion.create({
      data: { eventId: event.id, label: 'Blijft u lunchen?', type: 'yes_no', required: true, order: 1 },
    })
    const fields = person({ [`answers.${question.id}`]: 'Opsporing', [`answers.${yesNo.id}`]: 'no' })
    const result = await post(event.slug, fields)
    expect(result.status).toBe(303)
    const [registration] = await registrationsOf(event.id)
    expect(registration).toMatchObject({
      name: 'Eva Smit',
      email: fields.email,
      organisationName: 'Gemeente Utrecht',
      function: 'Beleidsadviseur',
      dietary: 'Vegetarisch',
      accessibility: 'Rolstoelplek',
      photoConsent: true,
      status: 'confirmed',
      flaggedForReview: false,
    })
    expect(registration!.answers).toEqual({ [question.id]: 'Opsporing', [yesNo.id]: false })
    const link = await db.personalLink.findFirstOrThrow({
      where: { kind: 'registration', subjectId: registration!.id },
    })
    expect(link.revokedAt).toBeNull()
    expect(result.location).toBe(`/bijeenkomsten/${event.slug}/aanmelden?verstuurd=1`)
    expect(result.headers.get('set-cookie')).toBeNull()
    expect(await db.outboxMessage.count({ where: { eventId: event.id, kind: 'registration-confirmed' } })).toBe(1)
  })

  test('the page shows seats left, full (waitlist) and approval', async () => {
    const open = await publicEvent({ capacity: 5 })
    const page = await callRoute(loader, getRequest(`/bijeenkomsten/${open.slug}/aanmelden`), { slug: open.slug })
    expect(page.status).toBe(200)
    expect((page.data as { event: { seatsLeft: number; window: string } }).event).toMatchObject({
      seatsLeft: 5,
      window: 'open',
    })
    const full = await publicEvent({ capacity: 0, requiresApproval: true })
    const fullPage = await callRoute(loader, getRequest(`/x`), { slug: full.slug })
    expect((fullPage.data as { event: object }).event).toMatchObject({ seatsLeft: 0, requiresApproval: true })
  })

  test('a full event puts the person on the waitlist and still sends them to their page', async () => {
    const event = await publicEvent({ capacity: 0 })
    const result = await post(event.slug, person())
    expect(result.status).toBe(303)
    expect((await registrationsOf(event.id))[0]!.status).toBe('waitlisted')
  })

  test('honeypot filled: 400 with a neutral message, nothing saved', async () => {
    const event = await publicEvent()
    const result = await post(event.slug, person({ website: 'https://spam.example' }))
    expect(result.status).toBe(400)
    expect(messageOf(result.data)).toBe('Uw aanmelding kon niet worden verwerkt. Probeer het opnieuw.')
    expect(await registrationsOf(event.id)).toHaveLength(0)
  })

  test('rate limit per client address: over the limit 429 with a Dutch message', async () => {
    process.env.REGISTRATION_RATE_LIMIT = '3'
    resetEnvCache()
    const event = await publicEvent()
    const ip = freshIp()
    for (let i = 0; i < 3; i++) expect((await post(event.slug, person({ name: '' }), ip)).status).toBe(400)
    const blocked = await post(event.slug, person(), ip)
    expect(blocked.status).toBe(429)
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(messageOf(blocked.data)).toContain('te vaak geprobeerd')
    expect(await registrationsOf(event.id)).toHaveLength(0)
    // Another address is not affected.
    expect((await post(event.slug, person())).status).toBe(303)
  })

  test('window not yet open or closed: the page says so, a POST is 403 and nothing is saved', async () => {
    const soon = await publicEvent({ registrationOpensAt: new Date(Date.now() + 86_400_000) })
    const page = await callRoute(loader, getRequest('/x'), { slug: soon.slug })
    expect((page.data as { event: { window: string } }).event.window).toBe('not-yet')
    const early = await post(soon.slug, person())
    expect(early.status).toBe(403)
    expect(messageOf(early.data)).toBe('U kunt zich voor deze bijeenkomst nog niet aanmelden.')

    const past = await publicEvent({ registrationClosesAt: new Date(Date.now() - 1000) })
    const late = await post(past.slug, person())
    expect(late.status).toBe(403)
    expect(messageOf(late.data)).toBe('Aanmelden voor deze bijeenkomst is niet meer mogelijk.')
    expect(await db.registration.count({ where: { eventId: { in: [soon.id, past.id] } } })).toBe(0)
  })

  test('invite-only event: 404 that says registration is by invitation; a draft: plain 404', async () => {
    const invite = await createEvent(db, programmeId, { visibility: 'invite_only' })
    const page = await callRoute(loader, getRequest('/x'), { slug: invite.slug })
    expect(page.status).toBe(404)
    expect(page.data).toBe('invite-only')
    expect((await post(invite.slug, person())).status).toBe(404)
    const draft = await publicEvent({ status: 'draft' })
    const draftPage = await callRoute(loader, getRequest('/x'), { slug: draft.slug })
    expect(draftPage.status).toBe(404)
    expect(draftPage.data).not.toBe('invite-only')
    expect((await post(draft.slug, person())).status).toBe(404)
    expect(await db.registration.count({ where: { eventId: { in: [invite.id, draft.id] } } })).toBe(0)
  })

  test('a 1 MB name: 400 "te lang", nothing saved', async () => {
    const event = await publicEvent()
    const result = await post(event.slug, person({ name: 'a'.repeat(1024 * 1024) }))
    expect(result.status).toBe(400)
    expect(fieldErrors(result.data).name).toEqual(['Dit is te lang. Gebruik maximaal 200 tekens.'])
    expect(await registrationsOf(event.id)).toHaveLength(0)
  })

  test('CR/LF in the name: 400, nothing saved', async () => {
    const event = await publicEvent()
    const result = await post(event.slug, person({ name: 'Eva\r\nBcc: iemand@example.org' }))
    expect(result.status).toBe(400)
    expect(fieldErrors(result.data).name).toEqual(['Gebruik geen regeleinden of onzichtbare tekens.'])
    expect(await registrationsOf(event.id)).toHaveLength(0)
  })

  test('a wrong type of custom answer: 400 on that field, nothing saved', async () => {
    const event = await publicEvent()
    const q = await db.registrationQuestion.create({
      data: { eventId: event.id, label: 'Blijft u lunchen?', type: 'yes_no' },
    })
    const result = await post(event.slug, person({ [`answers.${q.id}`]: 'misschien' }))
    expect(result.status).toBe(400)
    expect(fieldErrors(result.data)[`answers.${q.id}`]).toEqual(['Kies bij “Blijft u lunchen?” ja of nee.'])
    expect(await registrationsOf(event.id)).toHaveLength(0)
  })

  test('an address already registered gets the same answer as a new one, and a mail with its link', async () => {
    const event = await publicEvent()
    const fields = person()
    const first = await post(event.slug, fields)
    expect(first.status).toBe(303)
    const second = await post(event.slug, { ...fields, email: fields.email.toUpperCase() })
    // Nothing in the answer tells the two apart: status, address, headers and body.
    expect(second.status).toBe(first.status)
    expect(second.location).toBe(first.location)
    expect([...second.headers.keys()].sort()).toEqual([...first.headers.keys()].sort())
    expect(second.data).toEqual(first.data)
    const registrations = await registrationsOf(event.id)
    expect(registrations).toHaveLength(1)
    const mails = await db.outboxMessage.findMany({ where: { eventId: event.id, kind: 'registration-link' } })
    expect(mails).toHaveLength(1)
    expect(mails[0]!.to).toBe(fields.email)
    const token = /\/aanmelding\/([A-Za-z0-9_-]{43})/.exec((await queuedMailBody(mails[0]!)).text)?.[1]
    expect(token).toBeDefined()
    const link = await resolvePersonalLink('registration', token!)
    expect(link).toMatchObject({ ok: true, subjectId: registrations[0]!.id, eventId: event.id })
    const expected = new Date(event.endsAt.getTime() + 30 * 24 * 3600 * 1000)
    const stored = await db.personalLink.findUniqueOrThrow({ where: { id: link.ok ? link.linkId : '' } })
    expect(stored.expiresAt.toISOString()).toBe(expected.toISOString())

    // A third attempt within 10 minutes: the same answer, but no new mail.
    const third = await post(event.slug, fields)
    expect(third.status).toBe(303)
    expect(third.location).toBe(first.location)
    expect(await db.outboxMessage.count({ where: { eventId: event.id, kind: 'registration-link' } })).toBe(1)
  })

  test('two identical posts at the same moment: one registration, the same answer to both', async () => {
    const event = await publicEvent()
    const fields = person()
    const results = await Promise.all([post(event.slug, fields), post(event.slug, fields)])
    expect(results.map((r) => r.status)).toEqual([303, 303])
    expect(results[0]!.location).toBe(results[1]!.location)
    expect(await registrationsOf(event.id)).toHaveLength(1)
    expect(await db.outboxMessage.count({ where: { eventId: event.id, kind: 'registration-link' } })).toBe(1)
  })
})
