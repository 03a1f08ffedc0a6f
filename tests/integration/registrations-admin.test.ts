// The secretariat's registrations pages through their real loaders and actions (SQLite here, PostgreSQL with
// BIJEEN_TEST_DB=postgresql): counts and filters, the actions with their mails and automatic promotion, the
// checks (foreign id 404, state conflict 409, viewer 403), and the exports with and without sensitive columns.
import { beforeAll, describe, expect, test } from 'vitest'
import { register, cancelRegistration, type RegistrationInput } from '~/models/registration.server'
import { loader as listLoader } from '~/routes/beheer.bijeenkomsten.$id.aanmeldingen._index'
import {
  action as detailAction,
  loader as detailLoader,
} from '~/routes/beheer.bijeenkomsten.$id.aanmeldingen.$registrationId'
import { loader as exportLoader } from '~/routes/beheer.bijeenkomsten.$id.aanmeldingen.exporteren'
import { loader as attendeeListLoader } from '~/routes/beheer.bijeenkomsten.$id.aanmeldingen.lijst'
import { loader as badgesLoader } from '~/routes/beheer.bijeenkomsten.$id.aanmeldingen.badges'
import { action as loginAction } from '~/routes/inloggen'
import { db } from '~/utils/db.server'
import { readSpreadsheet } from '~/utils/spreadsheet.server'
import { createEvent, createOrganisation, createProgramme, createUser, type EventInput } from '../factories.ts'
import { callRoute, cookieFrom, formRequest, getRequest } from '../support/remix.ts'

let organiserCookie: string
let viewerCookie: string
let organiserId: string
let programmeId: string

async function cookieFor(role: 'organiser' | 'viewer') {
  const { user, password } = await createUser(db, { role })
  const cookie = cookieFrom(
    await callRoute(
      loginAction,
      formRequest('/inloggen', { email: user.email, password }, { 'x-bijeen-client-ip': `10.8.0.${role.length}` }),
    ),
  )
  return { cookie, id: user.id }
}

beforeAll(async () => {
  const organiser = await cookieFor('organiser')
  organiserCookie = organiser.cookie
  organiserId = organiser.id
  viewerCookie = (await cookieFor('viewer')).cookie
  programmeId = (await createProgramme(db)).id
})

const newEvent = (input: EventInput = {}) => createEvent(db, programmeId, input)
let n = 0
async function registered(eventId: string, input: Partial<RegistrationInput> = {}) {
  n++
  const result = await register(eventId, {
    name: `Deelnemer ${n}`,
    email: `deelnemer-${n}-${eventId.slice(-6)}@example.org`,
    language: 'nl',
    ...input,
  })
  if (!('registrationId' in result)) throw new Error(`not registered: ${result.kind}`)
  return { ...result, id: result.registrationId }
}

const status = async (id: string) => (await db.registration.findUniqueOrThrow({ where: { id } })).status

type ListData = {
  counts: Record<string, number | null>
  total: number
  page: number
  pages: number
  registrations: Array<{ id: string; name: string; status: string; waitlistPosition: number | null; flagged: boolean }>
}

async function list(eventId: string, query = '', cookie = organiserCookie) {
  const result = await callRoute(
    listLoader,
    getRequest(`/beheer/bijeenkomsten/${eventId}/aanmeldingen${query}`, { cookie }),
    { id: eventId },
  )
  expect(result.status).toBe(200)
  return result.data as ListData
}

const detailUrl = (eventId: string, registrationId: string) =>
  `/beheer/bijeenkomsten/${eventId}/aanmeldingen/${registrationId}`

function act(eventId: string, registrationId: string, fields: Record<string, string>, cookie = organiserCookie) {
  return callRoute(detailAction, formRequest(detailUrl(eventId, registrationId), fields, { cookie }), {
    id: eventId,
    registrationId,
  })
}

const mailsTo = (eventId: string, email: string) =>
  db.outboxMessage.findMany({ where: { eventId, to: email }, orderBy: { createdAt: 'asc' } })

describe('the list: counts, filters, order and paging', () => {
  test('counts per status, free seats, checked in and flagged; filters by status, organisation, sector, flag and search', async () => {
    const gemeente = await createOrganisation(db, { name: `Gemeente Zwolle ${Date.now()}`, sector: 'gemeente' })
    const zorg = await createOrganisation(db, { name: `Zorggroep Noord ${Date.now()}`, sector: 'zorg' })
    const event = await newEvent({ capacity: 2 })
    const anna = await registered(event.id, { name: 'Anna Bakker', organisationId: gemeente.id })
    const bram = await registered(event.id, { name: 'Bram de Wit', organisationId: zorg.id })
    const carla = await registered(event.id, { name: 'Carla Jansen', organisationId: gemeente.id })
    const daan = await registered(event.id, { name: 'Daan Smit' })
    const eva = await registered(event.id, { name: 'Eva Visser', organisationId: zorg.id })
    expect([anna.kind, bram.kind, carla.kind, daan.kind, eva.kind]).toEqual([
      'confirmed',
      'confirmed',
      'waitlisted',
      'waitlisted',
      'waitlisted',
    ])
    expect((await cancelRegistration(carla.id, 'self')).kind).toBe('cancelled')
    await db.event.update({ where: { id: event.id }, data: { requiresApproval: true } })
    const frank = await registered(event.id, { name: 'Frank Mulder', organisationId: gemeente.id })
    const gerda = await registered(event.id, { name: 'Gerda Bos' })
    expect(frank.kind).toBe('pending_approval')
    expect((await act(event.id, gerda.id, { intent: 'reject' })).status).toBe(302)
    // Set by the check-in and invitation pages, which other code owns.
    await db.registration.update({ where: { id: anna.id }, data: { checkedInAt: new Date() } })
    await db.registration.update({ where: { id: daan.id }, data: { flaggedForReview: true } })

    const all = await list(event.id)
    expect(all.counts).toMatchObject({
      confirmed: 2,
      capacity: 2,
      free: 0,
      waitlisted: 2,
      pending_approval: 1,
      cancelled: 1,
      rejected: 1,
      checkedIn: 1,
      flagged: 1,
    })
    expect(all.total).toBe(7)
    // Everyone by name.
    expect(all.registrations.map((r) => r.name)).toEqual([
      'Anna Bakker',
      'Bram de Wit',
      'Carla Jansen',
      'Daan Smit',
      'Eva Visser',
      'Frank Mulder',
      'Gerda Bos',
    ])

    // The waitlist in its order, with positions.
    const waiting = await list(event.id, '?status=waitlisted')
    expect(waiting.registrations.map((r) => [r.name, r.waitlistPosition])).toEqual([
      ['Daan Smit', 1],
      ['Eva Visser', 2],
    ])
    const byOrganisation = await list(event.id, `?organisatie=${gemeente.id}`)
    expect(byOrganisation.registrations.map((r) => r.name)).toEqual(['Anna Bakker', 'Carla Jansen', 'Frank Mulder'])
    const bySector = await list(event.id, '?sector=zorg')
    expect(bySector.registrations.map((r) => r.name)).toEqual(['Bram de Wit', 'Eva Visser'])
    const confirmedZorg = await list(event.id, '?sector=zorg&status=confirmed')
    expect(confirmedZorg.registrations.map((r) => r.name)).toEqual(['Bram de Wit'])
    const flagged = await list(event.id, '?doorgestuurd=1')
    expect(flagged.registrations.map((r) => [r.name, r.flagged])).toEqual([['Daan Smit', true]])
    // Search ignores case, by name or e-mail.
    expect((await list(event.id, '?zoek=visser')).registrations.map((r) => r.name)).toEqual(['Eva Visser'])
    expect((await list(event.id, '?zoek=BAKKER')).registrations.map((r) => r.name)).toEqual(['Anna Bakker'])
    const email = (await db.registration.findUniqueOrThrow({ where: { id: bram.id } })).email
    expect((await list(event.id, `?zoek=${encodeURIComponent(email)}`)).registrations.map((r) => r.name)).toEqual([
      'Bram de Wit',
    ])
    // Accents do not matter either, on both databases.
    await db.registration.update({ where: { id: gerda.id }, data: { name: 'Gerda Bös-Çelik' } })
    expect((await list(event.id, '?zoek=bos-celik')).registrations.map((r) => r.name)).toEqual(['Gerda Bös-Çelik'])
    expect((await list(event.id, `?zoek=${encodeURIComponent('BÖS')}`)).registrations.map((r) => r.name)).toEqual([
      'Gerda Bös-Çelik',
    ])
    await db.registration.update({ where: { id: gerda.id }, data: { name: 'Gerda Bos' } })
    // Nonsense in the URL is ignored, not an error.
    expect((await list(event.id, '?status=kapot&sector=maan&pagina=-3')).total).toBe(7)
    // A viewer may read the list.
    expect((await list(event.id, '', viewerCookie)).total).toBe(7)
  })

  test('5,000 registrations are paged by 100', async () => {
    const event = await newEvent({ capacity: null })
    const now = Date.now()
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      eventId: event.id,
      name: `Persoon ${String(i).padStart(4, '0')}`,
      email: `persoon${i}@example.org`,
      status: 'confirmed' as const,
      activeKey: `${event.id}:persoon${i}@example.org`,
      holdsSeat: true,
      createdAt: new Date(now + i),
    }))
    for (let i = 0; i < rows.length; i += 1000) await db.registration.createMany({ data: rows.slice(i, i + 1000) })
    const first = await list(event.id)
    expect([first.total, first.pages, first.page, first.registrations.length]).toEqual([5000, 50, 1, 100])
    expect(first.registrations[0]!.name).toBe('Persoon 0000')
    const last = await list(event.id, '?pagina=50')
    expect(last.registrations.map((r) => r.name).at(-1)).toBe('Persoon 4999')
    // Past the end: the last page.
    expect((await list(event.id, '?pagina=999')).page).toBe(50)
  })

  test('a search is counted and paged in the database, ignoring case and accents; waitlist places on a later page', async () => {
    const event = await newEvent({ capacity: null })
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      eventId: event.id,
      // Every third person is a Çelik; the search types it without the cedilla and in capitals.
      name: i % 3 === 0 ? `Çelik ${String(i).padStart(4, '0')}` : `Jansen ${String(i).padStart(4, '0')}`,
      email: `persoon${i}@example.org`,
      status: i % 2 === 0 ? ('waitlisted' as const) : ('confirmed' as const),
      waitlistSeq: i % 2 === 0 ? i : null,
      activeKey: `${event.id}:persoon${i}@example.org`,
      holdsSeat: i % 2 !== 0,
    }))
    for (let i = 0; i < rows.length; i += 1000) await db.registration.createMany({ data: rows.slice(i, i + 1000) })
    const first = await list(event.id, '?zoek=CELIK')
    expect([first.total, first.pages, first.registrations.length]).toEqual([1000, 10, 100])
    expect(first.registrations[0]!.name).toBe('Çelik 0000')
    const third = await list(event.id, '?zoek=celik&pagina=3')
    expect(third.registrations.map((r) => r.name).slice(0, 2)).toEqual(['Çelik 0600', 'Çelik 0603'])
    // Çelik 0600 waits behind the 300 waitlisted with a lower number (0, 2, …, 598): place 301.
    expect(third.registrations[0]!.waitlistPosition).toBe(301)
    expect(third.registrations[1]!.waitlistPosition).toBeNull()
    const waiting = await list(event.id, '?zoek=celik&status=waitlisted&pagina=2')
    expect(waiting.total).toBe(500)
    expect(waiting.registrations[0]).toMatchObject({ name: 'Çelik 0600', waitlistPosition: 301 })
    // A % or _ in the query is a character, not a wildcard.
    expect((await list(event.id, '?zoek=%25')).total).toBe(0)
  })

  test('an unknown event is 404; without an account the sign-in page', async () => {
    const missing = await callRoute(listLoader, getRequest('/beheer/bijeenkomsten/bestaat-niet/aanmeldingen'), {
      id: 'bestaat-niet',
    })
    expect(missing.status).toBe(302)
    expect(missing.location).toMatch(/^\/inloggen/)
    const unknown = await callRoute(
      listLoader,
      getRequest('/beheer/bijeenkomsten/bestaat-niet/aanmeldingen', { cookie: organiserCookie }),
      { id: 'bestaat-niet' },
    )
    expect(unknown.status).toBe(404)
  })
})

describe('actions through the route', () => {
  test('approve confirms and mails; when full the next approval goes to the waitlist; twice is 409', async () => {
    const event = await newEvent({ capacity: 1, requiresApproval: true })
    const a = await registered(event.id)
    const b = await registered(event.id)

    const approved = await act(event.id, a.id, { intent: 'approve' })
    expect(approved.status).toBe(302)
    expect(approved.location).toBe(`${detailUrl(event.id, a.id)}?gedaan=confirmed`)
    expect(await status(a.id)).toBe('confirmed')
    const aEmail = (await db.registration.findUniqueOrThrow({ where: { id: a.id } })).email
    expect((await mailsTo(event.id, aEmail)).map((m) => m.kind)).toEqual([
      'registration-awaiting-approval',
      'registration-confirmed',
    ])
    expect(
      await db.auditEntry.count({
        where: { action: 'registration.confirmed', entityId: a.id, actorUserId: organiserId },
      }),
    ).toBe(1)

    const again = await act(event.id, a.id, { intent: 'approve' })
    expect(again.status).toBe(409)
    expect(again.data).toMatchObject({ conflict: 'notPending' })
    expect((await mailsTo(event.id, aEmail)).length).toBe(2)

    const full = await act(event.id, b.id, { intent: 'approve' })
    expect(full.location).toBe(`${detailUrl(event.id, b.id)}?gedaan=waitlisted&plaats=1`)
    expect(await status(b.id)).toBe('waitlisted')
    const bEmail = (await db.registration.findUniqueOrThrow({ where: { id: b.id } })).email
    expect((await mailsTo(event.id, bEmail)).at(-1)?.kind).toBe('registration-waitlisted')
    const waitingDetail = await callRoute(
      detailLoader,
      getRequest(detailUrl(event.id, b.id), { cookie: organiserCookie }),
      { id: event.id, registrationId: b.id },
    )
    expect(waitingDetail.data).toMatchObject({ registration: { waitlistPosition: 1 } })

    // Cancelling on someone's behalf frees the seat: the first on the waitlist is promoted and mailed.
    const cancelled = await act(event.id, a.id, { intent: 'cancel' })
    expect(cancelled.location).toBe(`${detailUrl(event.id, a.id)}?gedaan=cancelled&geplaatst=1`)
    expect(await status(a.id)).toBe('cancelled')
    expect((await mailsTo(event.id, aEmail)).at(-1)?.kind).toBe('registration-cancelled')
    expect((await mailsTo(event.id, aEmail)).at(-1)?.text).toBeTruthy()
    expect(await status(b.id)).toBe('confirmed')
    expect((await mailsTo(event.id, bEmail)).at(-1)?.kind).toBe('registration-promoted')
    expect((await act(event.id, a.id, { intent: 'cancel' })).status).toBe(409)
  })

  test('reject mails the reason; a too long reason is 400 and changes nothing; rejecting twice is 409', async () => {
    const event = await newEvent({ capacity: 10, requiresApproval: true })
    const c = await registered(event.id)
    const tooLong = await act(event.id, c.id, { intent: 'reject', reason: 'x'.repeat(1001) })
    expect(tooLong.status).toBe(400)
    expect(tooLong.data).toMatchObject({ invalid: 'reasonTooLong' })
    expect(await status(c.id)).toBe('pending_approval')

    const rejected = await act(event.id, c.id, { intent: 'reject', reason: 'Alleen voor gemeenten.' })
    expect(rejected.location).toBe(`${detailUrl(event.id, c.id)}?gedaan=rejected`)
    expect(await status(c.id)).toBe('rejected')
    const email = (await db.registration.findUniqueOrThrow({ where: { id: c.id } })).email
    const mail = (await mailsTo(event.id, email)).at(-1)!
    expect(mail.kind).toBe('registration-rejected')
    expect(mail.text).toContain('Alleen voor gemeenten.')
    expect((await act(event.id, c.id, { intent: 'reject' })).status).toBe(409)
    expect((await act(event.id, c.id, { intent: 'approve' })).status).toBe(409)
  })

  test('promotion by hand: 409 with the reason when the event or the quota is full, else out of order with a mail', async () => {
    const event = await newEvent({ capacity: 1 })
    const x = await registered(event.id)
    const y = await registered(event.id)
    const z = await registered(event.id)
    expect([x.kind, y.kind, z.kind]).toEqual(['confirmed', 'waitlisted', 'waitlisted'])

    const full = await act(event.id, z.id, { intent: 'promote' })
    expect(full.status).toBe(409)
    expect(full.data).toMatchObject({ conflict: 'eventFull' })
    expect(await status(z.id)).toBe('waitlisted')

    await db.event.update({ where: { id: event.id }, data: { capacity: 2 } })
    const promoted = await act(event.id, z.id, { intent: 'promote' })
    expect(promoted.location).toBe(`${detailUrl(event.id, z.id)}?gedaan=promoted`)
    expect(await status(z.id)).toBe('confirmed')
    expect(await status(y.id)).toBe('waitlisted')
    const zEmail = (await db.registration.findUniqueOrThrow({ where: { id: z.id } })).email
    expect((await mailsTo(event.id, zEmail)).at(-1)?.kind).toBe('registration-promoted')
    // Not on the waitlist (any more).
    const notWaiting = await act(event.id, z.id, { intent: 'promote' })
    expect([notWaiting.status, notWaiting.data]).toEqual([409, expect.objectContaining({ conflict: 'notWaitlisted' })])

    const organisation = await createOrganisation(db, { seatQuota: 1 })
    const roomy = await newEvent({ capacity: 10 })
    const q1 = await registered(roomy.id, { organisationId: organisation.id })
    const q2 = await registered(roomy.id, { organisationId: organisation.id })
    expect([q1.kind, q2.kind]).toEqual(['confirmed', 'waitlisted'])
    const quota = await act(roomy.id, q2.id, { intent: 'promote' })
    expect(quota.status).toBe(409)
    expect(quota.data).toMatchObject({ conflict: 'organisationFull' })
    expect(await status(q2.id)).toBe('waitlisted')
  })

  test('a registration of another event is 404 and unchanged; a viewer gets 403; a bad intent 400', async () => {
    const event = await newEvent({ capacity: 10, requiresApproval: true })
    const other = await newEvent({ capacity: 10, requiresApproval: true })
    const foreign = await registered(other.id)
    const mailsBefore = await db.outboxMessage.count({ where: { eventId: other.id } })
    for (const intent of ['approve', 'reject', 'cancel', 'promote', 'review']) {
      expect((await act(event.id, foreign.id, { intent })).status).toBe(404)
    }
    expect(await status(foreign.id)).toBe('pending_approval')
    expect(await db.outboxMessage.count({ where: { eventId: other.id } })).toBe(mailsBefore)
    const detail = await callRoute(
      detailLoader,
      getRequest(detailUrl(event.id, foreign.id), { cookie: organiserCookie }),
      { id: event.id, registrationId: foreign.id },
    )
    expect(detail.status).toBe(404)

    const own = await registered(event.id)
    for (const intent of ['approve', 'reject', 'cancel']) {
      expect((await act(event.id, own.id, { intent }, viewerCookie)).status).toBe(403)
    }
    expect(await status(own.id)).toBe('pending_approval')
    expect((await act(event.id, own.id, { intent: 'delete' })).status).toBe(400)
    expect(await status(own.id)).toBe('pending_approval')
  })

  test('a flagged registration is marked as reviewed, with an audit entry; twice is 409', async () => {
    const event = await newEvent({ capacity: 10 })
    const r = await registered(event.id)
    await db.registration.update({ where: { id: r.id }, data: { flaggedForReview: true } })
    const reviewed = await act(event.id, r.id, { intent: 'review' })
    expect(reviewed.location).toBe(`${detailUrl(event.id, r.id)}?gedaan=reviewed`)
    expect((await db.registration.findUniqueOrThrow({ where: { id: r.id } })).flaggedForReview).toBe(false)
    expect(await db.auditEntry.count({ where: { action: 'registration.reviewed', entityId: r.id } })).toBe(1)
    expect((await act(event.id, r.id, { intent: 'review' })).status).toBe(409)
  })
})

describe('the detail page', () => {
  test('all fields, answers by question label, who registered whom; sensitive needs only for organisers', async () => {
    const organisation = await createOrganisation(db, { sector: 'politie_om' })
    const event = await newEvent({ capacity: 10 })
    const [workshop, lunch] = await Promise.all([
      db.registrationQuestion.create({ data: { eventId: event.id, label: 'Welke workshop?', type: 'text', order: 1 } }),
      db.registrationQuestion.create({
        data: { eventId: event.id, label: 'Blijft u lunchen?', type: 'yes_no', order: 2 },
      }),
    ])
    const invitee = await registered(event.id, {
      name: 'Ilse de Groot',
      organisationId: organisation.id,
      function: 'rechercheur',
      dietary: 'vegetarisch',
      accessibility: 'rolstoel',
      answers: { [workshop.id]: 'Ketenaanpak', [lunch.id]: false },
    })
    const colleague = await registered(event.id, {
      name: 'Jan Kok',
      organisationId: organisation.id,
      registeredById: invitee.id,
    })
    const read = async (cookie: string) => {
      const result = await callRoute(detailLoader, getRequest(detailUrl(event.id, invitee.id), { cookie }), {
        id: event.id,
        registrationId: invitee.id,
      })
      expect(result.status).toBe(200)
      return result.data as {
        registration: Record<string, unknown> & {
          answers: Array<{ label: string; answer: unknown }>
          colleagues: Array<{ id: string; name: string }>
        }
        actions: string[]
      }
    }
    const asOrganiser = await read(organiserCookie)
    expect(asOrganiser.registration).toMatchObject({
      name: 'Ilse de Groot',
      function: 'rechercheur',
      sector: 'politie_om',
      dietary: 'vegetarisch',
      accessibility: 'rolstoel',
      status: 'confirmed',
    })
    expect(asOrganiser.registration.answers.map((a) => [a.label, a.answer])).toEqual([
      ['Welke workshop?', 'Ketenaanpak'],
      ['Blijft u lunchen?', false],
    ])
    expect(asOrganiser.registration.colleagues.map((c) => c.name)).toEqual(['Jan Kok'])
    expect(asOrganiser.actions).toEqual(['cancel'])

    const asViewer = await read(viewerCookie)
    expect(asViewer.registration.dietary).toBeNull()
    expect(asViewer.registration.accessibility).toBeNull()
    expect(JSON.stringify(asViewer)).not.toContain('vegetarisch')
    expect(asViewer.actions).toEqual([])

    const colleagueDetail = await callRoute(
      detailLoader,
      getRequest(detailUrl(event.id, colleague.id), { cookie: viewerCookie }),
      { id: event.id, registrationId: colleague.id },
    )
    expect(
      (colleagueDetail.data as { registration: { registeredBy: { name: string } } }).registration.registeredBy.name,
    ).toBe('Ilse de Groot')
  })
})

describe('exports', () => {
  async function exportEvent() {
    const organisation = await createOrganisation(db, { name: `Gemeente Almere ${Date.now()}`, sector: 'gemeente' })
    const event = await newEvent({ capacity: 2, date: '2027-03-18' })
    const [workshop, track, lunch] = await Promise.all([
      db.registrationQuestion.create({ data: { eventId: event.id, label: 'Welke workshop?', type: 'text', order: 1 } }),
      db.registrationQuestion.create({
        data: {
          eventId: event.id,
          label: 'Welk spoor?',
          type: 'choice',
          options: ['Preventie', 'Opsporing'],
          order: 2,
        },
      }),
      db.registrationQuestion.create({
        data: { eventId: event.id, label: 'Blijft u lunchen?', type: 'yes_no', order: 3 },
      }),
    ])
    await registered(event.id, {
      name: 'Karin Dekker',
      email: `karin-${event.id}@example.org`,
      organisationId: organisation.id,
      function: 'beleidsadviseur',
      dietary: 'halal',
      accessibility: 'gebarentolk',
      photoConsent: true,
      answers: { [workshop.id]: 'Ketenaanpak', [track.id]: 'Opsporing', [lunch.id]: true },
    })
    await registered(event.id, {
      name: '=HYPERLINK("http://evil.example","klik")',
      email: `lars-${event.id}@example.org`,
      language: 'en',
      answers: { [lunch.id]: false },
    })
    await registered(event.id, { name: 'Mila Wachter', email: `mila-${event.id}@example.org` })
    return event
  }

  async function download(eventId: string, query: string, cookie: string) {
    const result = await exportLoader({
      request: getRequest(`/beheer/bijeenkomsten/${eventId}/aanmeldingen/exporteren${query}`, { cookie }),
      params: { id: eventId },
      context: {},
    })
    return result as Response
  }

  const sensitiveHeaders = ['Dieetwensen (vertrouwelijk)', 'Toegankelijkheid (vertrouwelijk)']

  test("a viewer's CSV has no sensitive columns; an organiser's has them, marked; custom answers in their columns", async () => {
    const event = await exportEvent()
    const viewer = await download(event.id, '?formaat=csv', viewerCookie)
    expect(viewer.status).toBe(200)
    expect(viewer.headers.get('cache-control')).toBe('no-store')
    expect(viewer.headers.get('content-type')).toContain('text/csv')
    expect(viewer.headers.get('content-disposition')).toBe(
      `attachment; filename="aanmeldingen-${event.slug}-2027-03-18.csv"`,
    )
    const viewerTable = await readSpreadsheet('export.csv', new Uint8Array(await viewer.arrayBuffer()))
    expect(viewerTable.headers).toEqual([
      'Naam',
      'E-mailadres',
      'Organisatie',
      'Sector',
      'Functie',
      'Taal',
      'Status',
      'Plaats op wachtlijst',
      'Aangemeld op',
      'Ingecheckt om',
      'Toestemming foto’s',
      'Welke workshop?',
      'Welk spoor?',
      'Blijft u lunchen?',
    ])
    expect(JSON.stringify(viewerTable)).not.toMatch(/halal|gebarentolk/)

    const organiser = await download(event.id, '?formaat=csv', organiserCookie)
    const table = await readSpreadsheet('export.csv', new Uint8Array(await organiser.arrayBuffer()))
    expect(table.headers.slice(-2)).toEqual(sensitiveHeaders)
    const byName = Object.fromEntries(table.rows.map((row) => [row[0], row]))
    const karin = byName['Karin Dekker']!
    expect(karin.slice(1, 8)).toEqual([
      `karin-${event.id}@example.org`,
      expect.stringContaining('Gemeente Almere'),
      'Gemeente',
      'beleidsadviseur',
      'Nederlands',
      'Bevestigd',
      '',
    ])
    expect(karin[8]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/)
    expect(karin.slice(9)).toEqual(['', 'ja', 'Ketenaanpak', 'Opsporing', 'ja', 'halal', 'gebarentolk'])
    // The formula is neutralised: text with a leading apostrophe, never run by Excel.
    const lars = table.rows.find((row) => row[1]!.startsWith('lars-'))!
    expect(lars[0]).toBe(`'=HYPERLINK("http://evil.example","klik")`)
    expect(lars.slice(5, 8)).toEqual(['Engels', 'Bevestigd', ''])
    expect(lars.slice(11, 14)).toEqual(['', '', 'nee'])
    expect(byName['Mila Wachter']!.slice(6, 8)).toEqual(['Op de wachtlijst', '1'])

    const audits = await db.auditEntry.findMany({
      where: { action: 'registrations.exported', entityId: event.id },
      orderBy: { at: 'asc' },
    })
    expect(audits.map((a) => a.details)).toEqual([
      { format: 'csv', rows: 3, sensitive: false, filtered: false },
      { format: 'csv', rows: 3, sensitive: true, filtered: false },
    ])
    // No personal data in the audit.
    expect(JSON.stringify(audits)).not.toMatch(/Karin|halal/)
  })

  test('the XLSX reads back to the same rows; the list filters apply; an unknown format is 400', async () => {
    const event = await exportEvent()
    const csv = await readSpreadsheet(
      'export.csv',
      new Uint8Array(await (await download(event.id, '?formaat=csv', organiserCookie)).arrayBuffer()),
    )
    const response = await download(event.id, '?formaat=xlsx', organiserCookie)
    expect(response.headers.get('content-type')).toContain('spreadsheetml')
    expect(response.headers.get('content-disposition')).toContain(`${event.slug}-2027-03-18.xlsx`)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const xlsx = await readSpreadsheet('export.xlsx', new Uint8Array(await response.arrayBuffer()))
    expect(xlsx.headers).toEqual(csv.headers)
    // The same cells; only the CSV needs the apostrophe (XLSX stores the text as text).
    expect(xlsx.rows).toEqual(csv.rows.map((row) => row.map((cell) => cell.replace(/^'=/, '='))))

    const confirmedOnly = await readSpreadsheet(
      'export.csv',
      new Uint8Array(await (await download(event.id, '?formaat=csv&status=waitlisted', organiserCookie)).arrayBuffer()),
    )
    expect(confirmedOnly.rows.map((row) => row[0])).toEqual(['Mila Wachter'])

    const bad = await callRoute(
      exportLoader,
      getRequest(`/beheer/bijeenkomsten/${event.id}/aanmeldingen/exporteren?formaat=pdf`, { cookie: organiserCookie }),
      { id: event.id },
    )
    expect(bad.status).toBe(400)
    const unknown = await callRoute(
      exportLoader,
      getRequest(`/beheer/bijeenkomsten/bestaat-niet/aanmeldingen/exporteren?formaat=csv`, { cookie: organiserCookie }),
      { id: 'bestaat-niet' },
    )
    expect(unknown.status).toBe(404)
  })
})

describe('printing', () => {
  test('the attendee list and the badges hold the confirmed people, by organisation or by name', async () => {
    const a = await createOrganisation(db, { name: `Aa-gemeente ${Date.now()}` })
    const z = await createOrganisation(db, { name: `Zuid-gemeente ${Date.now()}` })
    const event = await newEvent({ capacity: 3 })
    await registered(event.id, { name: 'Yara Zuid', organisationId: z.id })
    await registered(event.id, { name: 'Bert Aa', organisationId: a.id })
    await registered(event.id, { name: 'Anouk Zuid', organisationId: z.id })
    await registered(event.id, { name: 'Wachtende Persoon', organisationId: a.id })
    const names = async (loader: Parameters<typeof callRoute>[0], query = '') => {
      const result = await callRoute(
        loader,
        getRequest(`/beheer/bijeenkomsten/${event.id}/aanmeldingen/lijst${query}`, { cookie: viewerCookie }),
        { id: event.id },
      )
      expect(result.status).toBe(200)
      return (result.data as { attendees: Array<{ name: string }> }).attendees.map((p) => p.name)
    }
    expect(await names(attendeeListLoader)).toEqual(['Bert Aa', 'Anouk Zuid', 'Yara Zuid'])
    expect(await names(attendeeListLoader, '?volgorde=naam')).toEqual(['Anouk Zuid', 'Bert Aa', 'Yara Zuid'])
    expect(await names(badgesLoader)).toEqual(['Anouk Zuid', 'Bert Aa', 'Yara Zuid'])
  })
})
