// The registrant's manage page (/aanmelding/:token) through its real loader and action: the token is traded
// for a path-scoped cookie, the page shows the status, details change, cancelling needs a confirmation and
// promotes the first person waiting, and a personal calendar link is made. SQLite here, PostgreSQL with
// BIJEEN_TEST_DB=postgresql.
import { beforeAll, describe, expect, test } from 'vitest'
import { createPersonalLink, revokePersonalLinks } from '~/models/personal-link.server'
import { resolvePersonalLink } from '~/utils/link-session.server'
import { register, type RegistrationInput } from '~/models/registration.server'
import { action, loader } from '~/routes/aanmelding.$token._index'
import { loader as feedLoader } from '~/routes/aanmelding.$token.agenda[.]ics'
import { db } from '~/utils/db.server'
import { createContact, createEvent, createOrganisation, createProgramme, type EventInput } from '../factories.ts'
import { callRoute, formRequest, getRequest, type RouteResult } from '../support/remix.ts'

let programmeId: string
let n = 0

beforeAll(async () => {
  programmeId = (await createProgramme(db)).id
})

const newEvent = (input: EventInput = {}) => createEvent(db, programmeId, input)

function person(extra: Partial<RegistrationInput> = {}): RegistrationInput {
  n++
  return { name: `Deelnemer ${n}`, email: `beheer${n}-${Date.now()}@example.org`, language: 'nl', ...extra }
}

async function registered(eventId: string, extra: Partial<RegistrationInput> = {}) {
  const result = await register(eventId, person(extra))
  if (!('manageToken' in result)) throw new Error(`not registered: ${result.kind}`)
  return result
}

/** Opens the mail link as a browser would: the 303, its cookie and where it points. */
async function openLink(token: string) {
  const result = await callRoute(loader, getRequest(`/aanmelding/${token}`), { token })
  expect(result.status).toBe(303)
  const linkId = result.location!.split('/').pop()!
  return { result, linkId, cookie: result.headers.get('set-cookie')!.split(';')[0]! }
}

type Session = { linkId: string; cookie: string }

const show = (s: Session, query = '') =>
  callRoute(loader, getRequest(`/aanmelding/${s.linkId}${query}`, { cookie: s.cookie }), { token: s.linkId })

const post = (s: Session, fields: Record<string, string>) =>
  callRoute(action, formRequest(`/aanmelding/${s.linkId}?index`, fields, { cookie: s.cookie }), { token: s.linkId })

type PageData = {
  page: {
    registration: { status: string; name: string; organisationName: string; holdsSeat: boolean }
    waitlistPosition: number | null
    qr: string | null
    colleagues: Array<{ name: string; status: string }>
    answers: Array<{ label: string; answer: unknown }>
    canChange: boolean
    event: { title: string }
  }
  welcome: boolean
  confirmCancel: boolean
}
const pageOf = (result: RouteResult) => {
  expect(result.status).toBe(200)
  return result.data as PageData
}

const details = (extra: Record<string, string> = {}) => ({
  intent: 'details',
  name: 'Sanne de Vries',
  function: 'beleidsmedewerker',
  organisationName: 'Gemeente Utrecht',
  dietary: 'vegetarisch',
  accessibility: 'rolstoelplek',
  photoConsent: 'on',
  language: 'en',
  ...extra,
})

describe('opening the personal link', () => {
  test('the token becomes a path-scoped HttpOnly cookie and a 303 without the token in the address', async () => {
    const event = await newEvent()
    const { manageToken, registrationId } = await registered(event.id)
    const { result, linkId } = await openLink(manageToken)
    expect(result.location).toBe(`/aanmelding/${linkId}`)
    expect(result.location).not.toContain(manageToken)
    const setCookie = result.headers.get('set-cookie')!
    expect(setCookie).toContain(`Path=/aanmelding;`)
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    expect(result.headers.get('cache-control')).toBe('no-store')
    const link = await db.personalLink.findUniqueOrThrow({ where: { id: linkId } })
    expect(link).toMatchObject({ kind: 'registration', subjectId: registrationId })
  })

  test('without the cookie 401; garbage 404; expired and revoked 410; a link of another kind 404', async () => {
    const event = await newEvent()
    const { manageToken, registrationId } = await registered(event.id)
    const { linkId, cookie } = await openLink(manageToken)

    expect((await show({ linkId, cookie: 'other=1' })).status).toBe(401)
    expect((await post({ linkId, cookie: 'other=1' }, { intent: 'cancel' })).status).toBe(401)
    // Someone else's cookie does not open this page.
    const other = await openLink((await registered(event.id)).manageToken)
    expect((await show({ linkId, cookie: other.cookie })).status).toBe(401)

    const garbage = await callRoute(loader, getRequest('/aanmelding/kapot'), { token: 'kapot' })
    expect(garbage.status).toBe(404)
    const unknownToken = 'A'.repeat(43)
    expect((await callRoute(loader, getRequest(`/aanmelding/${unknownToken}`), { token: unknownToken })).status).toBe(
      404,
    )

    const expired = await createPersonalLink({
      kind: 'registration',
      subjectId: registrationId,
      eventId: event.id,
      expiresAt: new Date(Date.now() - 1000),
    })
    expect((await callRoute(loader, getRequest(`/aanmelding/${expired}`), { token: expired })).status).toBe(410)

    const invitation = await createPersonalLink({
      kind: 'invitation',
      subjectId: registrationId,
      eventId: event.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    expect((await callRoute(loader, getRequest(`/aanmelding/${invitation}`), { token: invitation })).status).toBe(404)

    // Revoked: the link and a session opened with it both stop working, and nothing can be changed.
    await revokePersonalLinks('registration', registrationId)
    expect((await callRoute(loader, getRequest(`/aanmelding/${manageToken}`), { token: manageToken })).status).toBe(410)
    expect((await show({ linkId, cookie })).status).toBe(410)
    expect((await post({ linkId, cookie }, details())).status).toBe(410)
    expect((await db.registration.findUniqueOrThrow({ where: { id: registrationId } })).name).not.toBe('Sanne de Vries')
  })

  test('a client-side data request without the cookie is sent to load the page itself', async () => {
    const event = await newEvent()
    const { linkId } = await openLink((await registered(event.id)).manageToken)
    const request = getRequest(`/aanmelding/${linkId}?welkom=1`, { 'sec-fetch-dest': 'empty' })
    const result = await callRoute(loader, request, { token: linkId })
    expect(result.status).toBe(302)
    expect(result.location).toBe(`/aanmelding/${linkId}?welkom=1`)
    expect(result.headers.get('x-remix-reload-document')).toBe('true')
    // A page load without the cookie is still a 401, so this cannot loop.
    expect((await callRoute(loader, getRequest(`/aanmelding/${linkId}`), { token: linkId })).status).toBe(401)
  })

  test('a page load refreshes the session cookie and is never cached', async () => {
    const event = await newEvent()
    const session = await openLink((await registered(event.id)).manageToken)
    const result = await show(session)
    expect(result.status).toBe(200)
    expect(result.headers.get('set-cookie')).toContain(`Path=/aanmelding;`)
    expect(result.headers.get('cache-control')).toBe('private, no-store')
  })
})

describe('what the page shows', () => {
  test('confirmed: the status, the event and a QR code', async () => {
    const event = await newEvent({ title: 'Kennisdag ketenaanpak', venueName: 'Beatrix Theater' })
    const session = await openLink((await registered(event.id)).manageToken)
    const data = pageOf(await show(session, '?welkom=1'))
    expect(data.welcome).toBe(true)
    expect(data.page.registration.status).toBe('confirmed')
    expect(data.page.event.title).toBe('Kennisdag ketenaanpak')
    expect(data.page.qr).toMatch(/^data:image\/svg\+xml;base64,/)
    const svg = Buffer.from(data.page.qr!.split(',')[1]!, 'base64').toString('utf8')
    expect(svg).toContain('<svg')
    expect(data.page.canChange).toBe(true)
  })

  test('waitlisted: the right position and no QR code; pending approval: no QR code', async () => {
    const event = await newEvent({ capacity: 1 })
    await registered(event.id)
    await registered(event.id)
    const third = await registered(event.id)
    const data = pageOf(await show(await openLink(third.manageToken)))
    expect(data.page.registration.status).toBe('waitlisted')
    expect(data.page.waitlistPosition).toBe(2)
    expect(data.page.qr).toBeNull()

    const approval = await newEvent({ requiresApproval: true })
    const pending = pageOf(await show(await openLink((await registered(approval.id)).manageToken)))
    expect(pending.page.registration.status).toBe('pending_approval')
    expect(pending.page.qr).toBeNull()
    expect(pending.page.canChange).toBe(true)
  })

  test('an invitee sees the colleagues they registered (names and status), and custom answers read-only', async () => {
    const event = await newEvent()
    const question = await db.registrationQuestion.create({
      data: { eventId: event.id, label: 'Neemt u deel aan de lunch?', type: 'yes_no', order: 1 },
    })
    const invitee = await registered(event.id, { answers: { [question.id]: true } })
    await registered(event.id, { name: 'Petra Jansen', registeredById: invitee.registrationId })
    const data = pageOf(await show(await openLink(invitee.manageToken)))
    expect(data.page.colleagues).toEqual([expect.objectContaining({ name: 'Petra Jansen', status: 'confirmed' })])
    expect(data.page.answers).toEqual([
      { id: question.id, label: 'Neemt u deel aan de lunch?', labelEn: null, answer: true },
    ])
  })
})

describe('changing details', () => {
  test('saved with a 303 back to the page', async () => {
    const event = await newEvent()
    const { manageToken, registrationId } = await registered(event.id)
    const session = await openLink(manageToken)
    const result = await post(session, details())
    expect(result.status).toBe(303)
    expect(result.location).toBe(`/aanmelding/${session.linkId}?opgeslagen=1`)
    const stored = await db.registration.findUniqueOrThrow({ where: { id: registrationId } })
    expect(stored).toMatchObject({
      name: 'Sanne de Vries',
      function: 'beleidsmedewerker',
      organisationName: 'Gemeente Utrecht',
      dietary: 'vegetarisch',
      accessibility: 'rolstoelplek',
      photoConsent: true,
      language: 'en',
    })
    // The audit log names the change, not what was written.
    const entry = await db.auditEntry.findFirstOrThrow({ where: { entityId: registrationId } })
    expect(JSON.stringify(entry)).not.toContain('rolstoelplek')
  })

  test('CR/LF in a name, a 1 MB name and an empty name: 400 with a Dutch message, nothing saved', async () => {
    const event = await newEvent()
    const { manageToken, registrationId } = await registered(event.id, { name: 'Oorspronkelijke Naam' })
    const session = await openLink(manageToken)
    const cases: Array<[string, string]> = [
      ['Jan\r\nBcc: x@example.org', 'Gebruik geen regeleinden of onzichtbare tekens.'],
      ['x'.repeat(1024 * 1024), 'Gebruik hoogstens 200 tekens.'],
      ['', 'Vul uw naam in.'],
    ]
    for (const [name, message] of cases) {
      const result = await post(session, details({ name }))
      expect(result.status).toBe(400)
      expect(JSON.stringify(result.data)).toContain(message)
    }
    const stored = await db.registration.findUniqueOrThrow({ where: { id: registrationId } })
    expect(stored.name).toBe('Oorspronkelijke Naam')
    expect(stored.dietary).toBe('')
  })

  test('the organisation stays fixed for an invitee', async () => {
    const event = await newEvent()
    const organisation = await createOrganisation(db, { name: `Politie ${Date.now()}` })
    const contact = await createContact(db, organisation.id)
    const invitation = await db.invitation.create({
      data: { eventId: event.id, contactId: contact.id, status: 'sent' },
    })
    const { manageToken, registrationId } = await registered(event.id, {
      invitationId: invitation.id,
      organisationId: organisation.id,
      organisationName: organisation.name,
    })
    expect((await post(await openLink(manageToken), details({ organisationName: 'Iets anders' }))).status).toBe(303)
    const stored = await db.registration.findUniqueOrThrow({ where: { id: registrationId } })
    expect(stored.organisationName).toBe(organisation.name)
    expect(stored.name).toBe('Sanne de Vries')
  })

  test('refused with 409 once the event is over or cancelled, or the registration is cancelled', async () => {
    const event = await newEvent()
    const { manageToken, registrationId } = await registered(event.id, { name: 'Blijft Zo' })
    const session = await openLink(manageToken)
    await db.event.update({ where: { id: event.id }, data: { status: 'cancelled' } })
    const cancelledEvent = await post(session, details())
    expect(cancelledEvent.status).toBe(409)
    expect(JSON.stringify(cancelledEvent.data)).toContain('voorbij of gaat niet door')
    expect((await post(session, { intent: 'cancel' })).status).toBe(409)
    expect((await post(session, { intent: 'cancel-request' })).status).toBe(409)

    await db.event.update({
      where: { id: event.id },
      data: { status: 'published', startsAt: new Date(Date.now() - 7200_000), endsAt: new Date(Date.now() - 3600_000) },
    })
    expect((await post(session, details())).status).toBe(409)
    expect(pageOf(await show(session)).page.canChange).toBe(false)
    const stored = await db.registration.findUniqueOrThrow({ where: { id: registrationId } })
    expect(stored).toMatchObject({ name: 'Blijft Zo', status: 'confirmed' })
  })

  test('an unknown intent is a 400', async () => {
    const event = await newEvent()
    const session = await openLink((await registered(event.id)).manageToken)
    expect((await post(session, { intent: 'hack' })).status).toBe(400)
  })
})

describe('cancelling', () => {
  test('needs the confirmation step; then frees the seat and promotes the first person waiting', async () => {
    const event = await newEvent({ capacity: 1 })
    const first = await registered(event.id)
    const waiting = await registered(event.id, { name: 'Wachtende Een' })
    const second = await registered(event.id)
    const session = await openLink(first.manageToken)

    // The first POST (and GET ?annuleren=1) only asks "Weet u het zeker?".
    const asked = await post(session, { intent: 'cancel-request' })
    expect(asked.status).toBe(200)
    expect(asked.data).toEqual({ kind: 'confirm-cancel' })
    expect(pageOf(await show(session, '?annuleren=1')).confirmCancel).toBe(true)
    expect((await db.registration.findUniqueOrThrow({ where: { id: first.registrationId } })).status).toBe('confirmed')

    const done = await post(session, { intent: 'cancel' })
    expect(done.status).toBe(303)
    expect(done.location).toBe(`/aanmelding/${session.linkId}?geannuleerd=1`)
    const statuses = await db.registration.findMany({
      where: { id: { in: [first.registrationId, waiting.registrationId, second.registrationId] } },
    })
    const statusOf = (id: string) => statuses.find((r) => r.id === id)!.status
    expect(statusOf(first.registrationId)).toBe('cancelled')
    expect(statusOf(waiting.registrationId)).toBe('confirmed')
    expect(statusOf(second.registrationId)).toBe('waitlisted')
    const waitingRow = statuses.find((r) => r.id === waiting.registrationId)!
    const promoted = await db.outboxMessage.findMany({ where: { eventId: event.id, kind: 'registration-promoted' } })
    expect(promoted.map((m) => m.to)).toEqual([waitingRow.email])
    const cancelledMail = await db.outboxMessage.findMany({
      where: { eventId: event.id, kind: 'registration-cancelled' },
    })
    expect(cancelledMail).toHaveLength(1)

    // The page now shows the cancelled state; cancelling again is harmless.
    const after = pageOf(await show(session, '?geannuleerd=1'))
    expect(after.page.registration.status).toBe('cancelled')
    expect(after.page.canChange).toBe(false)
    expect((await post(session, { intent: 'cancel' })).status).toBe(303)
    expect(await db.outboxMessage.count({ where: { eventId: event.id, kind: 'registration-cancelled' } })).toBe(1)
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).confirmedCount).toBe(1)
    // A cancelled registration cannot be changed any more.
    expect((await post(session, details())).status).toBe(409)
  })
})

describe('personal calendar link', () => {
  test('created on request, resolves as registration_feed and serves the .ics', async () => {
    const event = await newEvent({ title: 'Werkconferentie mensenhandel' })
    const { manageToken, registrationId } = await registered(event.id)
    const session = await openLink(manageToken)
    const result = await post(session, { intent: 'feed' })
    expect(result.status).toBe(200)
    const feedUrl = (result.data as { feedUrl: string }).feedUrl
    const match = /\/aanmelding\/([A-Za-z0-9_-]{43})\/agenda\.ics$/.exec(feedUrl)
    expect(match).not.toBeNull()
    const token = match![1]!
    const link = await resolvePersonalLink('registration_feed', token)
    expect(link).toMatchObject({ ok: true, subjectId: registrationId })
    // The feed token is read-only: it does not open the manage page.
    expect((await callRoute(loader, getRequest(`/aanmelding/${token}`), { token })).status).toBe(404)

    const feed = await callRoute(feedLoader, getRequest(`/aanmelding/${token}/agenda.ics`), { token })
    expect(feed.status).toBe(200)
    expect(feed.headers.get('content-type')).toContain('text/calendar')
    expect(String(feed.data)).toContain('Werkconferentie mensenhandel')

    // A new link replaces the old one.
    const again = (await post(session, { intent: 'feed' })).data as { feedUrl: string }
    expect(again.feedUrl).not.toBe(feedUrl)
    expect((await resolvePersonalLink('registration_feed', token)).ok).toBe(false)
  })
})
