// Check-in at the door against a real database (SQLite here, PostgreSQL with BIJEEN_TEST_DB=postgresql),
// through the real route action and loader: by the QR code and by the name search, a second scan, a double
// scan by two hosts at once, codes that must not check in, undo, the live count, and who may do what.
import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { formatTime } from '~/domain/format'
import type { RegistrationStatus } from '~/generated/prisma/enums'
import { checkInByCode, parseCheckInCode } from '~/models/check-in.server'
import { checkInPayload } from '~/models/event-mail.server'
import { register } from '~/models/registration.server'
import { action, loader } from '~/routes/beheer.bijeenkomsten.$id.check-in'
import { action as loginAction } from '~/routes/inloggen'
import { db } from '~/utils/db.server'
import { createEvent, createOrganisation, createProgramme, createUser } from '../factories.ts'
import { callRoute, cookieFrom, formRequest, getRequest } from '../support/remix.ts'

let programmeId: string
const cookies = { organiser: '', viewer: '' }
const users = { organiser: '', viewer: '' }

async function signIn(role: 'organiser' | 'viewer', ip: string) {
  const { user, password } = await createUser(db, { role })
  users[role] = user.id
  cookies[role] = cookieFrom(
    await callRoute(
      loginAction,
      formRequest('/inloggen', { email: user.email, password }, { 'x-bijeen-client-ip': ip }),
    ),
  )
}

beforeAll(async () => {
  programmeId = (await createProgramme(db)).id
  await signIn('organiser', '10.8.0.1')
  await signIn('viewer', '10.8.0.2')
})

let n = 0
async function person(
  eventId: string,
  status: RegistrationStatus = 'confirmed',
  extra: Partial<{ name: string; email: string; organisationId: string; accessibility: string; dietary: string }> = {},
) {
  n++
  const email = extra.email ?? `gast${n}@example.org`
  return db.registration.create({
    data: {
      eventId,
      name: extra.name ?? `Gast ${n}`,
      email,
      organisationId: extra.organisationId,
      function: 'beleidsmedewerker',
      accessibility: extra.accessibility ?? '',
      dietary: extra.dietary ?? '',
      status,
      holdsSeat: status === 'confirmed',
      activeKey: ['cancelled', 'rejected'].includes(status) ? null : `${eventId}:${email}`,
      checkInCode: randomBytes(16).toString('hex'),
    },
  })
}

const url = (eventId: string, search = '') => `/beheer/bijeenkomsten/${eventId}/check-in${search}`
const post = (eventId: string, fields: Record<string, string>, cookie = cookies.organiser) =>
  callRoute(action, formRequest(url(eventId), fields, { cookie }), { id: eventId })
const load = (eventId: string, search = '', cookie = cookies.organiser) =>
  callRoute(loader, getRequest(url(eventId, search), { cookie }), { id: eventId })

type ActionData = { outcome: { kind: string; attendee?: { name: string } } | null; message: string }
const messageOf = (result: { data: unknown }) => (result.data as ActionData).message
const kindOf = (result: { data: unknown }) => (result.data as ActionData).outcome?.kind
type LoaderData = Awaited<ReturnType<typeof loader>>

describe('checking in by QR code', () => {
  test('a real registration checks in with the payload of its QR code; the second scan says when', async () => {
    const event = await createEvent(db, programmeId)
    const result = await register(event.id, { name: 'Fatima El Amrani', email: 'fatima@example.org', language: 'nl' })
    expect(result.kind).toBe('confirmed')
    const { checkInCode } = await db.registration.findUniqueOrThrow({
      where: { id: result.kind === 'confirmed' ? result.registrationId : '' },
    })
    const payload = checkInPayload(checkInCode!)

    const first = await post(event.id, { intent: 'code', code: payload, respond: 'data' })
    expect(first.status).toBe(200)
    expect(kindOf(first)).toBe('checked-in')
    expect(messageOf(first)).toBe('Ingecheckt: Fatima El Amrani')
    const stored = await db.registration.findUniqueOrThrow({ where: { checkInCode: checkInCode! } })
    expect(stored.checkedInAt).toBeInstanceOf(Date)
    expect(stored.checkedInById).toBe(users.organiser)

    const second = await post(event.id, { intent: 'code', code: payload, respond: 'data' })
    expect(second.status).toBe(409)
    expect(kindOf(second)).toBe('already')
    const time = formatTime(stored.checkedInAt!, 'Europe/Amsterdam', 'nl')
    expect(time).toMatch(/^\d\d\.\d\d$/)
    expect(messageOf(second)).toBe(`Al ingecheckt om ${time}`)
    // The second scan changed nothing.
    const after = await db.registration.findUniqueOrThrow({ where: { id: stored.id } })
    expect(after.checkedInAt).toEqual(stored.checkedInAt)
  })

  test('the typed code (without JavaScript) checks in and redirects to the page showing the person', async () => {
    const event = await createEvent(db, programmeId)
    const guest = await person(event.id, 'confirmed', { name: 'Jan de Boer', accessibility: 'rolstoel' })
    const result = await post(event.id, { intent: 'code', code: ` ${guest.checkInCode!.toUpperCase()} ` })
    expect(result.status).toBe(302)
    expect(result.location).toBe(url(event.id, `?ingecheckt=${guest.id}`))
    const page = await load(event.id, `?ingecheckt=${guest.id}`)
    const shown = (page.data as LoaderData).shown
    expect(shown?.kind).toBe('checked-in')
    expect(shown && 'attendee' in shown && shown.attendee).toMatchObject({
      name: 'Jan de Boer',
      accessibility: 'rolstoel',
    })
  })

  test('two hosts scanning the same person at once: exactly one check-in, the others hear when', async () => {
    const event = await createEvent(db, programmeId)
    const guest = await person(event.id)
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        post(event.id, { intent: 'code', code: checkInPayload(guest.checkInCode!), respond: 'data' }),
      ),
    )
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)])
    expect(results.filter((r) => kindOf(r) === 'checked-in')).toHaveLength(1)
    const stored = await db.registration.findUniqueOrThrow({ where: { id: guest.id } })
    const time = formatTime(stored.checkedInAt!, 'Europe/Amsterdam', 'nl')
    for (const r of results.filter((r) => r.status === 409)) expect(messageOf(r)).toBe(`Al ingecheckt om ${time}`)
    expect((await checkInCounts(event.id)).arrived).toBe(1)
  })

  test('the model alone under the same race: one winner, and every loser reports the winner’s time', async () => {
    const event = await createEvent(db, programmeId)
    const guest = await person(event.id)
    const viewer = { userId: users.organiser, sensitive: true }
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => checkInByCode(event.id, guest.checkInCode!, viewer)),
    )
    const winners = outcomes.filter((o) => o.kind === 'checked-in')
    expect(winners).toHaveLength(1)
    const times = new Set(outcomes.map((o) => ('at' in o ? o.at.getTime() : null)))
    expect(times.size).toBe(1)
  })
})

async function checkInCounts(eventId: string) {
  return ((await load(eventId)).data as LoaderData).counts
}

test('a registration flagged for review (a forwarded invitation link) says so to the host', async () => {
  const event = await createEvent(db, programmeId)
  const guest = await person(event.id)
  await db.registration.update({ where: { id: guest.id }, data: { flaggedForReview: true } })
  const result = await post(event.id, { intent: 'code', code: guest.checkInCode!, respond: 'data' })
  expect(result.status).toBe(200)
  expect(
    (result.data as { outcome: { attendee: { flaggedForReview: boolean } } }).outcome.attendee.flaggedForReview,
  ).toBe(true)
})

describe('codes that must not check in', () => {
  test('a code of another event, a waitlisted, pending or cancelled registration: a clear 409', async () => {
    const event = await createEvent(db, programmeId)
    const other = await createEvent(db, programmeId, { title: 'Werkconferentie Rotterdam' })
    const elsewhere = await person(other.id)
    const waiting = await person(event.id, 'waitlisted', { name: 'Wim Wachter' })
    const pending = await person(event.id, 'pending_approval', { name: 'Petra Pending' })
    const cancelled = await person(event.id, 'cancelled', { name: 'Carla Afgemeld' })

    const code = (r: { checkInCode: string | null }) => ({ intent: 'code', code: checkInPayload(r.checkInCode!) })
    const a = await post(event.id, code(elsewhere))
    expect(a.status).toBe(409)
    expect(messageOf(a)).toBe('Deze code hoort bij een andere bijeenkomst: Werkconferentie Rotterdam.')
    const b = await post(event.id, code(waiting))
    expect(b.status).toBe(409)
    expect(messageOf(b)).toBe('Wim Wachter staat op de wachtlijst. Alleen bevestigde aanmeldingen kunnen inchecken.')
    const c = await post(event.id, code(pending))
    expect(c.status).toBe(409)
    expect(messageOf(c)).toContain('wacht nog op goedkeuring')
    const d = await post(event.id, { intent: 'id', registrationId: cancelled.id })
    expect(d.status).toBe(409)
    expect(messageOf(d)).toContain('Carla Afgemeld heeft zich afgemeld')

    const untouched = await db.registration.findMany({
      where: { id: { in: [elsewhere.id, waiting.id, pending.id, cancelled.id] } },
    })
    expect(untouched.every((r) => r.checkedInAt === null)).toBe(true)
  })

  test('unknown and garbage codes: 404 and 400 with "Deze code kennen we niet", never a 500', async () => {
    const event = await createEvent(db, programmeId)
    const unknown = await post(event.id, { intent: 'code', code: checkInPayload('0'.repeat(32)) })
    expect(unknown.status).toBe(404)
    expect(messageOf(unknown)).toBe('Deze code kennen we niet')
    // What was typed comes back, so that the host can correct it.
    expect((unknown.data as { code: string }).code).toBe(checkInPayload('0'.repeat(32)))
    for (const garbage of ['', 'hallo', "bijeen-checkin:' OR 1=1 --", 'https://example.org/x', 'bijeen-checkin:xyz']) {
      const result = await post(event.id, { intent: 'code', code: garbage })
      expect(result.status, garbage).toBe(400)
      expect(messageOf(result)).toBe('Deze code kennen we niet')
    }
    const tooLong = await post(event.id, { intent: 'code', code: 'a'.repeat(5000) })
    expect(tooLong.status).toBe(400)
    const noIntent = await post(event.id, { code: 'abc' })
    expect(noIntent.status).toBe(400)
    expect(messageOf(noIntent)).toContain('Probeer het opnieuw')
    const unknownId = await post(event.id, { intent: 'id', registrationId: 'bestaat-niet' })
    expect(unknownId.status).toBe(404)
    const noEvent = await post('bestaat-niet', { intent: 'code', code: '0'.repeat(32) })
    expect(noEvent.status).toBe(404)
  })

  test('parseCheckInCode takes the payload or the bare code, and nothing else', () => {
    const code = 'a1'.repeat(16)
    expect(parseCheckInCode(checkInPayload(code))).toBe(code)
    expect(parseCheckInCode(` ${code.toUpperCase()} `)).toBe(code)
    expect(parseCheckInCode(`${code}0`)).toBeNull()
    expect(parseCheckInCode('bijeen-checkin:')).toBeNull()
  })
})

describe('search, undo and the count', () => {
  test('search by name, e-mail or organisation finds this event’s people, and a button checks them in', async () => {
    const event = await createEvent(db, programmeId)
    const other = await createEvent(db, programmeId)
    const organisation = await createOrganisation(db, { name: 'Gemeente Utrecht' })
    const anna = await person(event.id, 'confirmed', {
      name: 'Anna de Vries',
      email: 'anna.devries@utrecht.nl',
      organisationId: organisation.id,
      dietary: 'vegetarisch',
    })
    await person(event.id, 'confirmed', { name: 'Bram Jansen', email: 'bram@example.org' })
    await person(event.id, 'cancelled', { name: 'Anna Afgemeld' })
    await person(other.id, 'confirmed', { name: 'Anna Elders' })

    const names = async (q: string, cookie = cookies.organiser) =>
      ((await load(event.id, `?q=${encodeURIComponent(q)}`, cookie)).data as LoaderData).results?.map((r) => r.name)
    expect(await names('anna')).toEqual(['Anna de Vries'])
    expect(await names('DE VRIES')).toEqual(['Anna de Vries'])
    expect(await names('utrecht.nl')).toEqual(['Anna de Vries'])
    expect(await names('gemeente utr')).toEqual(['Anna de Vries'])
    expect(await names('n%')).toEqual([]) // a literal %, not a wildcard
    // Accents and case do not matter, on both databases ("celik" is how a phone keyboard types "Çelik").
    await person(event.id, 'waitlisted', { name: 'Zoë Çelik', email: 'z.celik@example.org' })
    await person(event.id, 'confirmed', { name: 'ÉMILE Müller', email: 'emile@example.org' })
    expect(await names('celik')).toEqual(['Zoë Çelik'])
    expect(await names('zoë')).toEqual(['Zoë Çelik'])
    expect(await names('émile müller')).toEqual(['ÉMILE Müller'])
    expect(await names('MULLER')).toEqual(['ÉMILE Müller'])
    expect(await names('example.org')).toEqual(['Bram Jansen', 'ÉMILE Müller', 'Zoë Çelik'])
    expect(await names('a')).toBeUndefined() // too short: no search

    const result = await post(event.id, { intent: 'id', registrationId: anna.id, q: 'anna' })
    expect(result.status).toBe(302)
    expect(result.location).toBe(url(event.id, `?q=anna&ingecheckt=${anna.id}`))
    const page = (await load(event.id, '?q=anna')).data as LoaderData
    expect(page.results?.[0]).toMatchObject({ name: 'Anna de Vries', dietary: 'vegetarisch' })
    expect(page.results?.[0]?.checkedInAt).toBeInstanceOf(Date)
    expect(page.recent.map((r) => r.name)).toEqual(['Anna de Vries'])

    const again = await post(event.id, { intent: 'id', registrationId: anna.id })
    expect(again.status).toBe(409)
    expect(messageOf(again)).toMatch(/^Al ingecheckt om \d\d\.\d\d$/)
    // A registration of another event cannot be checked in through this event's page.
    const elsewhere = await db.registration.findFirstOrThrow({ where: { eventId: other.id } })
    expect((await post(event.id, { intent: 'id', registrationId: elsewhere.id })).status).toBe(409)
  })

  test('undo takes a check-in back, with an audit entry; undoing twice is a 409', async () => {
    const event = await createEvent(db, programmeId)
    const guest = await person(event.id, 'confirmed', { name: 'Ugo Undo' })
    await post(event.id, { intent: 'id', registrationId: guest.id })
    expect((await checkInCounts(event.id)).arrived).toBe(1)

    const undo = await post(event.id, { intent: 'undo', registrationId: guest.id })
    expect(undo.status).toBe(302)
    expect(undo.location).toBe(url(event.id, `?teruggedraaid=${guest.id}`))
    const stored = await db.registration.findUniqueOrThrow({ where: { id: guest.id } })
    expect(stored.checkedInAt).toBeNull()
    expect(stored.checkedInById).toBeNull()
    const entries = await db.auditEntry.findMany({ where: { entityId: guest.id }, orderBy: { at: 'asc' } })
    expect(entries).toEqual([
      expect.objectContaining({ action: 'registration.checked-in', actorUserId: users.organiser }),
      expect.objectContaining({ action: 'registration.check-in-undone', actorUserId: users.organiser }),
    ])
    const page = (await load(event.id, `?teruggedraaid=${guest.id}`)).data as LoaderData
    expect(page.undoneName).toBe('Ugo Undo')
    expect(page.counts.arrived).toBe(0)

    const twice = await post(event.id, { intent: 'undo', registrationId: guest.id })
    expect(twice.status).toBe(409)
    expect(messageOf(twice)).toBe('Deze persoon was niet ingecheckt.')
    // And the person can check in again.
    expect((await post(event.id, { intent: 'id', registrationId: guest.id })).status).toBe(302)
  })

  test('the count: arrived out of confirmed; others do not count', async () => {
    const event = await createEvent(db, programmeId)
    const guests = await Promise.all([1, 2, 3, 4].map(() => person(event.id)))
    await person(event.id, 'waitlisted')
    await person(event.id, 'cancelled')
    expect(await checkInCounts(event.id)).toEqual({ arrived: 0, expected: 4 })
    await post(event.id, { intent: 'id', registrationId: guests[0]!.id })
    await post(event.id, { intent: 'code', code: guests[1]!.checkInCode!, respond: 'data' })
    expect(await checkInCounts(event.id)).toEqual({ arrived: 2, expected: 4 })
    // Someone who checked in and later cancelled is no longer expected nor arrived.
    await db.registration.update({ where: { id: guests[0]!.id }, data: { status: 'cancelled', activeKey: null } })
    expect(await checkInCounts(event.id)).toEqual({ arrived: 1, expected: 3 })
  })
})

describe('who may do what', () => {
  test('a viewer sees the page and the count, without needs, and cannot check in (403)', async () => {
    const event = await createEvent(db, programmeId)
    const guest = await person(event.id, 'confirmed', { name: 'Vera Kijk', accessibility: 'doventolk' })
    const page = await load(event.id, '?q=vera', cookies.viewer)
    expect(page.status).toBe(200)
    const pageData = page.data as LoaderData
    expect(pageData.canEdit).toBe(false)
    expect(pageData.results?.[0]).toMatchObject({ name: 'Vera Kijk', accessibility: null, dietary: null })

    for (const fields of <Array<Record<string, string>>>[
      { intent: 'code', code: guest.checkInCode! },
      { intent: 'id', registrationId: guest.id },
      { intent: 'undo', registrationId: guest.id },
    ]) {
      expect((await post(event.id, fields, cookies.viewer)).status).toBe(403)
    }
    expect((await db.registration.findUniqueOrThrow({ where: { id: guest.id } })).checkedInAt).toBeNull()
  })

  test('without a session: the page and the action send to the sign-in page', async () => {
    const event = await createEvent(db, programmeId)
    const page = await callRoute(loader, getRequest(url(event.id)), { id: event.id })
    expect(page.status).toBe(302)
    expect(page.location).toContain('/inloggen')
    const posted = await callRoute(action, formRequest(url(event.id), { intent: 'code', code: 'x' }), { id: event.id })
    expect(posted.status).toBe(302)
  })
})
