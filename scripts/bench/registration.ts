// Registrations per second over HTTP: the production server (two web processes, as on a 2-core machine) takes
// POSTs of the public form from many clients at once. Counted: answers that confirmed a seat (303 to the manage
// page), per second of wall time, beside a bare node:http server answering the same bytes. Afterwards the
// database must show capacity never exceeded. The mail worker is off: the mails are queued in the same
// transaction (that cost is in the figure), sending them is another bench. On SQLite also the ceiling of one
// writer: raw better-sqlite3 doing the same writes.
import fs from 'node:fs'
import http from 'node:http'
import Database from 'better-sqlite3'
import { capture, startBare } from './bare.ts'
import { load } from './load.ts'
import { freshDatabase, median, RUNS, type Provider, type SuiteResult } from './support.ts'

const CONCURRENCY = 32
const ROUNDS = RUNS
const PER_ROUND = Number(process.env.BENCH_REGISTRATIONS ?? 1500)

type Outcome = { seconds: number; statuses: Map<number, number> }

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY })

function post(url: URL, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': Buffer.byteLength(body),
          Origin: url.origin,
        },
      },
      (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
      },
    )
    request.on('error', reject)
    request.end(body)
  })
}

const form = (i: number) =>
  new URLSearchParams({
    name: `Deelnemer ${i}`,
    email: `deelnemer.${i}@example.org`,
    organisationName: 'Gemeente Utrecht',
    function: 'Beleidsadviseur',
    language: 'nl',
    dietary: '',
    accessibility: i % 10 === 0 ? 'Rolstoelplek' : '',
    photoConsent: 'on',
    website: '',
  }).toString()

async function hammer(url: string, count: number, offset: number): Promise<Outcome> {
  const target = new URL(url)
  const statuses = new Map<number, number>()
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const status = await post(target, form(offset + next++))
        statuses.set(status, (statuses.get(status) ?? 0) + 1)
      }
    }),
  )
  return { seconds: (performance.now() - started) / 1000, statuses }
}

/** The registration's writes on raw better-sqlite3: registration, link and mail inserted, seat claimed. */
async function rawSqliteRate(count: number) {
  const database = await freshDatabase('sqlite')
  const { createDb } = await import('~/utils/db.server')
  const { createEvent, createProgramme } = await import('../../tests/factories.ts')
  const db = createDb(database.url)
  const event = await createEvent(db, (await createProgramme(db)).id, { capacity: count, visibility: 'public' })
  await db.$disconnect()
  const raw = new Database(database.url.replace(/^file:/, ''))
  try {
    const claim = raw.prepare(
      `UPDATE "Event" SET "confirmedCount" = "confirmedCount" + 1 WHERE "id" = ? AND ("capacity" IS NULL OR "confirmedCount" < "capacity")`,
    )
    const registration = raw.prepare(
      `INSERT INTO "Registration" ("id", "eventId", "name", "email", "organisationName", "function", "status", "activeKey", "holdsSeat", "checkInCode", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, 'Gemeente Utrecht', 'Beleidsadviseur', 'confirmed', ?, 1, ?, ?, ?)`,
    )
    const link = raw.prepare(
      `INSERT INTO "PersonalLink" ("id", "kind", "tokenHash", "subjectId", "eventId", "expiresAt", "createdAt") VALUES (?, 'registration', ?, ?, ?, ?, ?)`,
    )
    const mail = raw.prepare(
      `INSERT INTO "OutboxMessage" ("id", "kind", "to", "subject", "messageId", "idempotencyKey", "eventId", "createdAt", "updatedAt")
       VALUES (?, 'registration-confirmed', ?, 'Bevestiging', ?, ?, ?, ?, ?)`,
    )
    const write = raw.transaction((i: number) => {
      const at = new Date().toISOString().replace('Z', '+00:00')
      const email = `deelnemer.${i}@example.org`
      registration.run(`r${i}`, event.id, `Deelnemer ${i}`, email, `${event.id}:${email}`, `c${i}`, at, at)
      link.run(`l${i}`, `t${i}`, `r${i}`, event.id, at, at)
      mail.run(`m${i}`, email, `<m${i}@bijeen>`, `k${i}`, event.id, at, at)
      if (claim.run(event.id).changes !== 1) throw new Error('no seat')
    })
    const started = performance.now()
    for (let i = 0; i < count; i++) write.immediate(i)
    return count / ((performance.now() - started) / 1000)
  } finally {
    raw.close()
    database.cleanup()
  }
}

const others = (statuses: Map<number, number>) =>
  [...statuses].filter(([status]) => status !== 303).reduce((sum, [, n]) => sum + n, 0)

export async function benchRegistration(provider: Provider): Promise<SuiteResult> {
  if (!fs.existsSync('build/server/index.js')) throw new Error('no build')
  const database = await freshDatabase(provider)
  const { createDb } = await import('~/utils/db.server')
  const { createEvent, createProgramme } = await import('../../tests/factories.ts')
  const { startAppServer } = await import('../../tests/support/app-server.ts')
  const db = createDb(database.url)
  const WARM_UP = 50
  const OVERFLOW = Math.min(1500, PER_ROUND)
  const capacity = WARM_UP + ROUNDS * PER_ROUND
  const programme = await createProgramme(db)
  const event = await createEvent(db, programme.id, { capacity, visibility: 'public', status: 'published' })
  const app = await startAppServer({
    seed: false,
    env: {
      DATABASE_URL: database.url,
      WEB_PROCESSES: '2',
      MAIL_WORKER_IN_PROCESS: 'false',
      LOG_LEVEL: 'silent',
      // One address sends everything here; the limit is for robots, not for this measurement.
      REGISTRATION_RATE_LIMIT: '1000000',
    },
  })
  try {
    const url = `${app.url}/bijeenkomsten/${event.slug}/aanmelden`
    let other = others((await hammer(url, WARM_UP - 1, 1_000_000)).statuses)
    // The last warm-up registration's answer is what the bare server sends back, for the limit.
    const shot = (i: number) => ({
      method: 'POST',
      path: new URL(url).pathname,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: app.url },
      body: form(i),
    })
    const answer = await capture(app.url, shot(999_999))
    if (answer.status !== 303) other++
    const bare = await startBare(answer)
    const rates: number[] = []
    const limits: number[] = []
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const { seconds, statuses } = await hammer(url, PER_ROUND, round * PER_ROUND)
        rates.push((statuses.get(303) ?? 0) / seconds)
        other += others(statuses)
        limits.push((await load(bare.url, shot, { connections: CONCURRENCY, count: PER_ROUND })).perSecond)
      }
    } finally {
      bare.stop()
    }
    // The event is full now: these all go on the waitlist, and not one more seat may be given out.
    const overflow = await hammer(url, OVERFLOW, 2_000_000)
    other += others(overflow.statuses)
    const counts = await db.registration.groupBy({ by: ['status'], where: { eventId: event.id }, _count: true })
    const confirmed = counts.find((c) => c.status === 'confirmed')?._count ?? 0
    const waitlisted = counts.find((c) => c.status === 'waitlisted')?._count ?? 0
    const row = await db.event.findUniqueOrThrow({ where: { id: event.id } })
    if (confirmed !== capacity || row.confirmedCount !== confirmed || waitlisted !== OVERFLOW || other) {
      throw new Error(`capacity broken: ${confirmed} confirmed, counter ${row.confirmedCount}, capacity ${capacity}`)
    }
    const goal = provider === 'sqlite' ? 600 : 400
    const rate = median(rates)
    const figures: SuiteResult['figures'] = [
      {
        figure: `confirmed registrations over HTTP, 2 web processes, ${CONCURRENCY} clients, rounds of ${PER_ROUND}; baseline: bare node:http answering the same POSTs`,
        value: rate,
        unit: 'reg/s',
        limit: median(limits),
        ratio: rate / median(limits),
        goal: `≥ ${goal}`,
        met: rate >= goal,
        runs: rates,
      },
      {
        figure: 'once full, waitlisted per second (no goal)',
        value: overflow.statuses.get(303)! / overflow.seconds,
        unit: 'reg/s',
      },
      {
        figure: `capacity ${capacity}: ${confirmed} confirmed, counter ${row.confirmedCount}, ${waitlisted} of ${OVERFLOW} more waitlisted; answers other than 303`,
        value: other,
        unit: '',
        goal: 'exact, 0',
        met: true,
      },
    ]
    if (provider === 'sqlite') {
      const ceiling = await rawSqliteRate(ROUNDS * PER_ROUND)
      figures.push({
        figure: 'the same writes on raw better-sqlite3, one transaction each (ratio: HTTP / raw)',
        value: ceiling,
        unit: 'reg/s',
        ratio: rate / ceiling,
        goal: 'report it',
      })
    }
    return { name: `registration (${provider})`, figures }
  } finally {
    await app.stop()
    await db.$disconnect()
    database.cleanup()
  }
}
