// The invitation page through its real loader and action: the link exchange and its problems, the prefilled
// form bound to the invitee, a forwarded link, colleagues within the organisation's quota, and declining.
import { afterEach, beforeAll, describe, expect, test } from 'vitest'
import { dictionary } from '~/i18n'
import { createPersonalLink } from '~/models/personal-link.server'
import { action, loader } from '~/routes/uitnodiging.$token'
import { db } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import { createContact, createEvent, createOrganisation, createProgramme, type EventInput } from '../factories.ts'
import { callRoute, cookieFrom, formRequest, getRequest } from '../support/remix.ts'

let programmeId: string

beforeAll(async () => {
  programmeId = (await createProgramme(db)).id
})

async function invited(
  options: { event?: EventInput; seatQuota?: number | null; expiresAt?: Date; language?: 'nl' | 'en' } = {},
) {
  const event = await createEvent(db, programmeId, { visibility: 'invite_only', ...options.event })
  const organisation = await createOrganisation(db, { seatQuota: options.seatQuota ?? null })
  const contact = await createContact(db, organisation.id, {
    name: 'Karin de Vries',
    function: 'Programmamanager',
    language: options.language ?? 'nl',
  })
  const invitation = await db.invitation.create({
    data: { eventId: event.id, contactId: contact.id, status: 'sent', sentAt: new Date() },
  })
  const token = await createPersonalLink({
    kind: 'invitation',
    subjectId: invitation.id,
    eventId: event.id,
    expiresAt: options.expiresAt ?? event.endsAt,
  })
  return { event, organisation, contact, invitation, token }
}

/** Opens the link like a browser: the token for a cookie, then the page under the link id. */
async function open(token: string) {
  const exchanged = await callRoute(loader, getRequest(`/uitnodiging/${token}`), { token })
  expect(exchanged.status).toBe(303)
  const linkId = exchanged.location!.split('/').pop()!
  return { linkId, cookie: cookieFrom(exchanged), exchanged }
}

type Page = {
  contact: { name: string; email: string; function: string; language: string; organisationName: string }
  registration: { status: string; flaggedForReview: boolean } | null
  invitationStatus: string
  colleagues: Array<{ name: string; status: string }>
  quotaLeft: number | null
}

async function page(linkId: string, cookie: string) {
  const result = await callRoute(loader, getRequest(`/uitnodiging/${linkId}`, { cookie }), { token: linkId })
  expect(result.status).toBe(200)
  return result.data as Page
}

// Each link posts from its own client address, so that the page's rate limit of one test does not reach another.
const addresses = new Map<string, string>()
const addressOf = (linkId: string) => {
  if (!addresses.has(linkId)) addresses.set(linkId, `10.50.${Math.floor(addresses.size / 250)}.${addresses.size % 250}`)
  return addresses.get(linkId)!
}

function post(linkId: string, cookie: string, fields: Record<string, string>, ip = addressOf(linkId)) {
  return callRoute(action, formRequest(`/uitnodiging/${linkId}`, fields, { cookie, 'x-bijeen-client-ip': ip }), {
    token: linkId,
  })
}

const me = (email: string, extra: Record<string, string> = {}) => ({
  intent: 'register',
  name: 'Karin de Vries',
  email,
  function: 'Programmamanager',
  language: 'nl',
  ...extra,
})

describe('opening an invitation link', () => {
  test('a good token: 303 to /uitnodiging/<linkId> with a cookie, then the prefilled page', async () => {
    const { token, contact, organisation } = await invited({ language: 'en' })
    const { linkId, exchanged } = await open(token)
    const link = await db.personalLink.findFirstOrThrow({
      where: { kind: 'invitation' },
      orderBy: { createdAt: 'desc' },
    })
    expect(exchanged.location).toBe(`/uitnodiging/${link.id}`)
    expect(linkId).toBe(link.id)
    expect(exchanged.headers.get('set-cookie')).toContain(`Path=/uitnodiging;`)
    const data = await page(linkId, cookieFrom(exchanged))
    expect(data.contact).toEqual({
      name: 'Karin de Vries',
      email: contact.email,
      function: 'Programmamanager',
      language: 'en',
      organisationName: organisation.name,
    })
    expect(data.registration).toBeNull()
  })

  test('garbage token 404, expired 410, revoked link 410, no cookie 401, withdrawn invitation 410', async () => {
    const garbage = 'x'.repeat(43)
    expect((await callRoute(loader, getRequest(`/uitnodiging/${garbage}`), { token: garbage })).status).toBe(404)
    // Not token-shaped and not a link either: also "not found", not "open your link again".
    for (const other of ['kapot', 'c0ffee00c0ffee00c0ffee00c', '../../etc']) {
      expect((await callRoute(loader, getRequest('/x'), { token: other })).status).toBe(404)
    }

    const expired = await invited({ expiresAt: new Date(Date.now() - 1000) })
    expect((await callRoute(loader, getRequest('/x'), { token: expired.token })).status).toBe(410)

    const revoked = await invited()
    await db.personalLink.updateMany({ where: { subjectId: revoked.invitation.id }, data: { revokedAt: new Date() } })
    expect((await callRoute(loader, getRequest('/x'), { token: revoked.token })).status).toBe(410)

    const fine = await invited()
    const { linkId, cookie } = await open(fine.token)
    const noCookie = await callRoute(loader, getRequest(`/uitnodiging/${linkId}`), { token: linkId })
    expect(noCookie.status).toBe(401)
    expect((await post(linkId, '', me(fine.contact.email))).status).toBe(401)

    await db.invitation.update({ where: { id: fine.invitation.id }, data: { revokedAt: new Date() } })
    const withdrawn = await callRoute(loader, getRequest(`/uitnodiging/${linkId}`, { cookie }), { token: linkId })
    expect(withdrawn.status).toBe(410)
    expect((await post(linkId, cookie, me(fine.contact.email))).status).toBe(410)
    expect(await db.registration.count({ where: { invitationId: fine.invitation.id } })).toBe(0)
  })

  test('an event that is not published: 404', async () => {
    const { token, event } = await invited()
    const { linkId, cookie } = await open(token)
    await db.event.update({ where: { id: event.id }, data: { status: 'draft' } })
    expect((await callRoute(loader, getRequest('/x', { cookie }), { token: linkId })).status).toBe(404)
  })
})

describe('registering through the invitation', () => {
  test('the invitee registers: bound to the invitation and organisation, status registered, to the manage page', async () => {
    const { token, contact, organisation, invitation, event } = await invited()
    const { linkId, cookie } = await open(token)
    const result = await post(linkId, cookie, me(contact.email.toUpperCase(), { dietary: 'Halal' }))
    expect(result.status).toBe(303)
    const registration = await db.registration.findFirstOrThrow({ where: { eventId: event.id } })
    const manage = await db.personalLink.findFirstOrThrow({
      where: { kind: 'registration', subjectId: registration.id },
    })
    expect(result.location).toBe(`/aanmelding/${manage.id}?welkom=1`)
    expect(result.headers.get('set-cookie')).toContain(`Path=/aanmelding;`)
    expect(registration).toMatchObject({
      invitationId: invitation.id,
      organisationId: organisation.id,
      organisationName: organisation.name,
      dietary: 'Halal',
      status: 'confirmed',
      flaggedForReview: false,
      registeredById: null,
    })
    const stored = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })
    expect(stored.status).toBe('registered')
    expect(stored.respondedAt).not.toBeNull()

    // Back on the page: the status and a button for the link; posting the form again registers nobody new.
    const data = await page(linkId, cookie)
    expect(data.registration).toEqual({ status: 'confirmed', flaggedForReview: false })
    expect((await post(linkId, cookie, me('ander@example.org'))).status).toBe(303)
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(1)

    const resent = await post(linkId, cookie, { intent: 'resend' })
    expect(resent.status).toBe(303)
    expect(resent.location).toBe(`/uitnodiging/${linkId}?link=1`)
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { eventId: event.id, kind: 'registration-link' } })
    expect(mail.to).toBe(registration.email.toLowerCase())
  })

  test('a forwarded link: another e-mail is accepted but flagged for review', async () => {
    const { token, event } = await invited()
    const { linkId, cookie } = await open(token)
    const result = await post(linkId, cookie, me('doorgestuurd@example.org', { name: 'Iemand Anders' }))
    expect(result.status).toBe(303)
    const registration = await db.registration.findFirstOrThrow({ where: { eventId: event.id } })
    expect(registration).toMatchObject({ email: 'doorgestuurd@example.org', flaggedForReview: true })
    expect((await page(linkId, cookie)).registration).toEqual({ status: 'confirmed', flaggedForReview: true })
    // Colleagues added through that forwarded link are flagged too.
    const colleague = await post(linkId, cookie, { intent: 'colleague', name: 'Nog Iemand', email: 'nog@example.org' })
    expect(colleague.status).toBe(303)
    const added = await db.registration.findFirstOrThrow({ where: { eventId: event.id, email: 'nog@example.org' } })
    expect(added.flaggedForReview).toBe(true)
  })

  test('bad input: 400 with the field message, nothing saved', async () => {
    const { token, contact, event } = await invited()
    const { linkId, cookie } = await open(token)
    const result = await post(linkId, cookie, me(contact.email, { name: 'Karin\nde Vries' }))
    expect(result.status).toBe(400)
    expect(result.data).toMatchObject({ form: 'register', result: { error: { name: [expect.any(String)] } } })
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(0)
  })

  test('colleagues: within the quota confirmed, beyond it waitlisted; listed on the page', async () => {
    const { token, contact, organisation, invitation, event } = await invited({ seatQuota: 2 })
    const { linkId, cookie } = await open(token)
    // Not registered yet: no colleagues.
    expect((await post(linkId, cookie, { intent: 'colleague', name: 'Piet', email: 'piet@example.org' })).status).toBe(
      409,
    )
    expect((await post(linkId, cookie, me(contact.email))).status).toBe(303)
    expect((await page(linkId, cookie)).quotaLeft).toBe(1)

    const first = await post(linkId, cookie, {
      intent: 'colleague',
      name: 'Piet Bakker',
      email: 'piet@example.org',
      accessibility: 'Tolk NGT',
    })
    expect(first.status).toBe(303)
    expect(first.location).toBe(`/uitnodiging/${linkId}?collega=confirmed`)
    const second = await post(linkId, cookie, { intent: 'colleague', name: 'Anna Jansen', email: 'anna@example.org' })
    expect(second.location).toBe(`/uitnodiging/${linkId}?collega=waitlisted`)

    const invitee = await db.registration.findFirstOrThrow({ where: { eventId: event.id, registeredById: null } })
    const colleagues = await db.registration.findMany({
      where: { registeredById: invitee.id },
      orderBy: { createdAt: 'asc' },
    })
    expect(colleagues.map((c) => [c.name, c.status, c.organisationId, c.invitationId])).toEqual([
      ['Piet Bakker', 'confirmed', organisation.id, invitation.id],
      ['Anna Jansen', 'waitlisted', organisation.id, invitation.id],
    ])
    expect(colleagues[0]!.accessibility).toBe('Tolk NGT')
    // Each colleague has their own mail and manage link.
    for (const c of colleagues) {
      expect(await db.personalLink.count({ where: { kind: 'registration', subjectId: c.id } })).toBe(1)
      expect(await db.outboxMessage.count({ where: { to: c.email, eventId: event.id } })).toBe(1)
    }
    const data = await page(linkId, cookie)
    expect(data.quotaLeft).toBe(0)
    expect(data.colleagues.map((c) => [c.name, c.status])).toEqual([
      ['Piet Bakker', 'confirmed'],
      ['Anna Jansen', 'waitlisted'],
    ])

    // The same colleague twice: 409 with a message, still two colleagues.
    const again = await post(linkId, cookie, { intent: 'colleague', name: 'Piet Bakker', email: 'piet@example.org' })
    expect(again.status).toBe(409)
    expect(await db.registration.count({ where: { registeredById: invitee.id } })).toBe(2)
  })

  test('decline: status declined with the time; registering later is still possible', async () => {
    const { token, contact, invitation } = await invited()
    const { linkId, cookie } = await open(token)
    const declined = await post(linkId, cookie, { intent: 'decline' })
    expect(declined.status).toBe(303)
    expect(declined.location).toBe(`/uitnodiging/${linkId}?afgemeld=1`)
    const stored = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })
    expect(stored.status).toBe('declined')
    expect(stored.respondedAt).not.toBeNull()
    expect((await page(linkId, cookie)).invitationStatus).toBe('declined')

    expect((await post(linkId, cookie, me(contact.email))).status).toBe(303)
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe('registered')
    // Registered: declining is refused.
    expect((await post(linkId, cookie, { intent: 'decline' })).status).toBe(409)
  })

  test('registration window closed: 403, nothing saved', async () => {
    const { token, contact, event } = await invited({
      event: { registrationClosesAt: new Date(Date.now() - 1000) },
    })
    const { linkId, cookie } = await open(token)
    expect((await post(linkId, cookie, me(contact.email))).status).toBe(403)
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(0)
  })
})

describe('robots and bursts on the invitation page', () => {
  afterEach(() => {
    delete process.env.REGISTRATION_RATE_LIMIT
    resetEnvCache()
  })

  test('a filled honeypot is refused with a neutral 400, for oneself and for a colleague; nothing is saved', async () => {
    const { token, event } = await invited()
    const { linkId, cookie } = await open(token)
    const robot = await post(linkId, cookie, me('karin@example.org', { website: 'https://spam.example' }))
    expect(robot.status).toBe(400)
    expect(JSON.stringify(robot.data)).toContain(dictionary('nl').registration.errors.honeypot)
    const colleague = await post(linkId, cookie, {
      ...me('collega@example.org', { website: 'x' }),
      intent: 'colleague',
      name: 'Piet Collega',
    })
    expect(colleague.status).toBe(400)
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(0)
    expect(await db.outboxMessage.count({ where: { eventId: event.id } })).toBe(0)
  })

  test('too many posts from one address get 429 with Retry-After, whatever the form', async () => {
    process.env.REGISTRATION_RATE_LIMIT = '3'
    resetEnvCache()
    const { token, event } = await invited()
    const { linkId, cookie } = await open(token)
    const ip = '10.51.0.1'
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) statuses.push((await post(linkId, cookie, { intent: 'resend' }, ip)).status)
    expect(statuses.every((s) => s === 303)).toBe(true)
    const limited = await post(linkId, cookie, me('karin@example.org'), ip)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(JSON.stringify(limited.data)).toContain(dictionary('nl').registration.errors.rateLimited)
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(0)
    // Another address is not affected.
    expect((await post(linkId, cookie, me('karin@example.org'), '10.51.0.2')).status).toBe(303)
  })
})
