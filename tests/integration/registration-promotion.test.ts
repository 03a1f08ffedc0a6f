// Seats that free up without a cancellation: a higher capacity, a higher quota for this event, or a higher
// default quota of the organisation. The first people waiting get them at once, with their mail.
import { beforeAll, describe, expect, test } from 'vitest'
import { saveOrganisation, setEventQuota } from '~/models/partners.server'
import { register, sweepWaitlists } from '~/models/registration.server'
import { action as editEventAction } from '~/routes/beheer.bijeenkomsten.$id.bewerken'
import { action as loginAction } from '~/routes/inloggen'
import { db } from '~/utils/db.server'
import { createEvent, createOrganisation, createProgramme, createUser } from '../factories.ts'
import { callRoute, cookieFrom, formRequest } from '../support/remix.ts'

let programmeId: string
let userId: string
let cookie: string

beforeAll(async () => {
  programmeId = (await createProgramme(db)).id
  const { user, password } = await createUser(db, { role: 'organiser' })
  userId = user.id
  cookie = cookieFrom(
    await callRoute(
      loginAction,
      formRequest('/inloggen', { email: user.email, password }, { 'x-bijeen-client-ip': '10.77.0.1' }),
    ),
  )
})

let n = 0
async function registerPeople(eventId: string, count: number, organisationId: string | null = null) {
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const email = `wachtende.${++n}@example.org`
    const result = await register(eventId, { name: `Wachtende ${n}`, email, language: 'nl', organisationId })
    if (!('registrationId' in result)) throw new Error(result.kind)
    ids.push(result.registrationId)
  }
  return ids
}

async function statusesOf(ids: string[]) {
  const rows = await db.registration.findMany({ where: { id: { in: ids } }, orderBy: { waitlistSeq: 'asc' } })
  return ids.map((id) => rows.find((r) => r.id === id)!.status)
}

const promotedMails = (eventId: string) => db.outboxMessage.count({ where: { eventId, kind: 'registration-promoted' } })

describe('freed seats without a cancellation', () => {
  test('a higher capacity in the event form promotes the first in line', async () => {
    const host = await createOrganisation(db, { sector: 'rijksoverheid' })
    const event = await createEvent(db, programmeId, {
      capacity: 1,
      date: '2026-12-10',
      startTime: '10:00',
      endTime: '12:00',
      venueCity: 'Den Haag',
      hostIds: [host.id],
    })
    const people = await registerPeople(event.id, 3)
    expect(await statusesOf(people)).toEqual(['confirmed', 'waitlisted', 'waitlisted'])

    const result = await callRoute(
      editEventAction,
      formRequest(
        `/beheer/bijeenkomsten/${event.id}/bewerken`,
        {
          intent: 'save',
          programmeId,
          title: event.title,
          date: '2026-12-10',
          startTime: '10:00',
          endTime: '12:00',
          venueCity: 'Den Haag',
          hostIds: host.id,
          capacity: '2',
        },
        { cookie },
      ),
      { id: event.id },
    )
    expect(result.status).toBeLessThan(400)
    expect(await statusesOf(people)).toEqual(['confirmed', 'confirmed', 'waitlisted'])
    expect(await promotedMails(event.id)).toBe(1)
  })

  test("a higher quota for this event, then a higher default quota, promote the organisation's people", async () => {
    const organisation = await createOrganisation(db, { name: `Gemeente Deventer ${n}`, seatQuota: 1 })
    const event = await createEvent(db, programmeId, { capacity: 50 })
    const people = await registerPeople(event.id, 4, organisation.id)
    expect(await statusesOf(people)).toEqual(['confirmed', 'waitlisted', 'waitlisted', 'waitlisted'])

    await setEventQuota(event.id, organisation.id, 2, userId)
    expect(await statusesOf(people)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted'])

    // Back to the organisation's default for this event, and that default raised to 3.
    await setEventQuota(event.id, organisation.id, null, userId)
    const saved = await saveOrganisation(
      organisation.id,
      { name: organisation.name, shortName: '', sector: 'gemeente', seatQuota: 3 },
      userId,
    )
    expect(saved.kind).toBe('saved')
    expect(await statusesOf(people)).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted'])
    expect(await promotedMails(event.id)).toBe(2)
  })

  test('the sweep fills a seat that a stopped process freed without promoting anyone', async () => {
    const event = await createEvent(db, programmeId, { capacity: 2 })
    const people = await registerPeople(event.id, 3)
    expect(await statusesOf(people)).toEqual(['confirmed', 'confirmed', 'waitlisted'])
    // What a cancellation leaves when its process dies right after its transaction: a free seat, nobody moved up.
    await db.registration.update({
      where: { id: people[0]! },
      data: { status: 'cancelled', activeKey: null, holdsSeat: false },
    })
    await db.event.update({ where: { id: event.id }, data: { confirmedCount: { decrement: 1 } } })

    expect(await sweepWaitlists()).toBeGreaterThanOrEqual(1)
    expect(await statusesOf(people)).toEqual(['cancelled', 'confirmed', 'confirmed'])
    // Nothing left to do: a second sweep promotes nobody here.
    await sweepWaitlists()
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).confirmedCount).toBe(2)
  })
})
