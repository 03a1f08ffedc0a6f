// Capacity, quotas and promotion under concurrency, over HTTP against the running production server with two
// web processes, on SQLite and on PostgreSQL (issue: "Capacity and quotas hold under any concurrency").
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createPersonalLink } from '~/models/personal-link.server'
import { createDb, type Db } from '~/utils/db.server'
import { createContact, createEvent, createOrganisation, createProgramme } from '../factories.ts'
import { startAppServer, type AppServer } from '../support/app-server.ts'
import { createDatabase, startPgCluster, type PgCluster } from '../support/pg-cluster.ts'

type Answer = { status: number; location: string | null; cookie: string }

let n = 0
const person = (extra: Record<string, string> = {}) => {
  const i = ++n
  return {
    name: `Deelnemer ${i}`,
    email: `deelnemer.${i}.${Date.now()}@example.org`,
    organisationName: 'Gemeente Den Haag',
    function: 'Beleidsmedewerker',
    language: 'nl',
    dietary: '',
    accessibility: '',
    website: '',
    ...extra,
  }
}

describe.each(['sqlite', 'postgresql'] as const)('registration over HTTP, two web processes (%s)', (provider) => {
  let app: AppServer
  let db: Db
  let cluster: PgCluster | null = null
  let dir: string

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bijeen-concurrency-'))
    let url = `file:${path.join(dir, 'app.db')}`
    if (provider === 'postgresql') {
      cluster = await startPgCluster()
      await createDatabase(cluster.url(), 'concurrency')
      url = cluster.url('concurrency')
    }
    app = await startAppServer({
      seed: false,
      env: {
        DATABASE_URL: url,
        WEB_PROCESSES: '2',
        MAIL_WORKER_IN_PROCESS: 'false',
        // Every request here comes from one address; the limit itself is tested in the integration tests.
        REGISTRATION_RATE_LIMIT: '100000',
      },
    })
    db = createDb(url)
  }, 120_000)

  afterAll(async () => {
    await app?.stop()
    await db?.$disconnect()
    cluster?.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  async function post(pathname: string, fields: Record<string, string>, cookie = ''): Promise<Answer> {
    const response = await fetch(app.url + pathname, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: app.url, Cookie: cookie },
      body: new URLSearchParams(fields),
    })
    await response.arrayBuffer()
    const setCookie = response.headers.get('set-cookie') ?? ''
    return { status: response.status, location: response.headers.get('location'), cookie: setCookie.split(';')[0]! }
  }

  async function statuses(eventId: string) {
    const rows = await db.registration.groupBy({ by: ['status'], where: { eventId }, _count: true })
    return Object.fromEntries(rows.map((row) => [row.status, row._count]))
  }

  test('200 at once for the last 10 seats: exactly 10 confirmed and 190 on the waitlist, no 5xx', async () => {
    const programme = await createProgramme(db)
    const event = await createEvent(db, programme.id, { capacity: 30, visibility: 'public' })
    const form = `/bijeenkomsten/${event.slug}/aanmelden`
    for (let i = 0; i < 20; i++) expect((await post(form, person())).status).toBe(303)

    const answers = await Promise.all(Array.from({ length: 200 }, () => post(form, person())))

    expect(answers.filter((a) => a.status >= 500)).toEqual([])
    expect(answers.map((a) => a.status)).toEqual(Array(200).fill(303))
    expect(answers.every((a) => a.location === `${form}?verstuurd=1`)).toBe(true)
    expect(await statuses(event.id)).toEqual({ confirmed: 30, waitlisted: 190 })
    const row = await db.event.findUniqueOrThrow({ where: { id: event.id } })
    expect(row.confirmedCount).toBe(30)
    // The waitlist has one order: 190 distinct places.
    const places = await db.registration.findMany({ where: { eventId: event.id, status: 'waitlisted' } })
    expect(new Set(places.map((r) => r.waitlistSeq)).size).toBe(190)
  }, 120_000)

  test("an organisation's quota of 3 holds against 20 of its invitees at once", async () => {
    const programme = await createProgramme(db)
    const event = await createEvent(db, programme.id, { capacity: 100 })
    const organisation = await createOrganisation(db, { name: `Politie eenheid ${Date.now()}`, seatQuota: 3 })
    const sessions = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const contact = await createContact(db, organisation.id, {
          name: `Agent ${i}`,
          email: `agent.${i}.${Date.now()}@example.org`,
        })
        const invitation = await db.invitation.create({
          data: { eventId: event.id, contactId: contact.id, status: 'sent', sentAt: new Date() },
        })
        const token = await createPersonalLink(
          { kind: 'invitation', subjectId: invitation.id, eventId: event.id, expiresAt: event.endsAt },
          db,
        )
        const opened = await fetch(`${app.url}/uitnodiging/${token}`, { redirect: 'manual' })
        expect(opened.status).toBe(303)
        return {
          contact,
          location: opened.headers.get('location')!,
          cookie: (opened.headers.get('set-cookie') ?? '').split(';')[0]!,
        }
      }),
    )

    const answers = await Promise.all(
      sessions.map(({ contact, location, cookie }) =>
        post(
          location,
          { intent: 'register', name: contact.name, email: contact.email, function: 'Rechercheur', language: 'nl' },
          cookie,
        ),
      ),
    )

    expect(answers.filter((a) => a.status >= 500)).toEqual([])
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(303))
    expect(await statuses(event.id)).toEqual({ confirmed: 3, waitlisted: 17 })
    const seats = await db.organisationSeats.findUniqueOrThrow({
      where: { eventId_organisationId: { eventId: event.id, organisationId: organisation.id } },
    })
    expect(seats.confirmedCount).toBe(3)
    expect(await db.invitation.count({ where: { eventId: event.id, status: 'registered' } })).toBe(20)
  }, 120_000)

  test('5 cancellations at once promote exactly 5 people from the waitlist, in order', async () => {
    const programme = await createProgramme(db)
    const event = await createEvent(db, programme.id, { capacity: 10, visibility: 'public' })
    const form = `/bijeenkomsten/${event.slug}/aanmelden`
    for (let i = 0; i < 18; i++) expect((await post(form, person())).status).toBe(303)
    expect(await statuses(event.id)).toEqual({ confirmed: 10, waitlisted: 8 })
    const firstInLine = await db.registration.findMany({
      where: { eventId: event.id, status: 'waitlisted' },
      orderBy: { waitlistSeq: 'asc' },
      take: 5,
    })

    // Five of the confirmed open the manage link from their mail, and all cancel at once.
    const cancelling = await db.registration.findMany({
      where: { eventId: event.id, status: 'confirmed' },
      orderBy: { createdAt: 'asc' },
      take: 5,
    })
    const sessions = await Promise.all(
      cancelling.map(async (r) => {
        const token = await createPersonalLink(
          { kind: 'registration', subjectId: r.id, eventId: event.id, expiresAt: event.endsAt },
          db,
        )
        const opened = await fetch(`${app.url}/aanmelding/${token}`, { redirect: 'manual' })
        await opened.arrayBuffer()
        return { path: opened.headers.get('location')!, cookie: opened.headers.get('set-cookie')!.split(';')[0]! }
      }),
    )
    const answers = await Promise.all(sessions.map((s) => post(s.path, { intent: 'cancel' }, s.cookie)))

    expect(
      answers.filter((a) => a.status >= 500),
      app.output(),
    ).toEqual([])
    expect(answers.every((a) => a.status < 400)).toBe(true)
    expect(await statuses(event.id)).toEqual({ confirmed: 10, waitlisted: 3, cancelled: 5 })
    const promoted = await db.registration.findMany({ where: { id: { in: firstInLine.map((r) => r.id) } } })
    expect(promoted.map((r) => r.status)).toEqual(Array(5).fill('confirmed'))
    expect(await db.outboxMessage.count({ where: { eventId: event.id, kind: 'registration-promoted' } })).toBe(5)
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).confirmedCount).toBe(10)
  }, 120_000)
})
