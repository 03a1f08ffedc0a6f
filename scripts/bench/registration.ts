// Registrations per second over HTTP: the production server (two web processes, as on a 2-core machine) takes
// POSTs of the public form from many clients at once. Counted: answers that confirmed a seat (303 to the manage
// page), per second of wall time. Afterwards the database must show capacity never exceeded. The mail worker is
// off: the mails are queued in the same transaction (that cost is in the figure), sending them is another bench.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import { fmt, freshDatabase, median, type Provider } from './support.ts'

const CONCURRENCY = 32
const ROUNDS = 3
const PER_ROUND = 1500

type Outcome = { seconds: number; statuses: Map<number, number> }

// The load comes from node:http over kept-alive connections: fetch (undici) spends ~1.2 ms of CPU per request
// on this machine, and the load generator shares the two cores with the server it measures.
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

async function hammer(url: string, count: number, offset: number): Promise<Outcome> {
  const target = new URL(url)
  const statuses = new Map<number, number>()
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = offset + next++
        const status = await post(
          target,
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
          }).toString(),
        )
        statuses.set(status, (statuses.get(status) ?? 0) + 1)
      }
    }),
  )
  return { seconds: (performance.now() - started) / 1000, statuses }
}

export async function benchRegistration(provider: Provider) {
  if (!fs.existsSync('build/server/index.js')) spawnSync('npx', ['remix', 'vite:build'], { stdio: 'ignore' })
  const database = await freshDatabase(provider)
  const { createDb } = await import('~/utils/db.server')
  const { createEvent, createProgramme } = await import('../../tests/factories.ts')
  const { startAppServer } = await import('../../tests/support/app-server.ts')
  const db = createDb(database.url)
  const WARM_UP = 50
  const OVERFLOW = 1500
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
    await hammer(url, WARM_UP, 1_000_000)
    const rates: number[] = []
    let other = 0
    for (let round = 0; round < ROUNDS; round++) {
      const { seconds, statuses } = await hammer(url, PER_ROUND, round * PER_ROUND)
      rates.push((statuses.get(303) ?? 0) / seconds)
      other += [...statuses].filter(([status]) => status !== 303).reduce((sum, [, n]) => sum + n, 0)
    }
    // The event is full now: these all go on the waitlist, and not one more seat may be given out.
    const overflow = await hammer(url, OVERFLOW, 2_000_000)
    other += [...overflow.statuses].filter(([status]) => status !== 303).reduce((sum, [, n]) => sum + n, 0)
    const counts = await db.registration.groupBy({ by: ['status'], where: { eventId: event.id }, _count: true })
    const confirmed = counts.find((c) => c.status === 'confirmed')?._count ?? 0
    const waitlisted = counts.find((c) => c.status === 'waitlisted')?._count ?? 0
    const row = await db.event.findUniqueOrThrow({ where: { id: event.id } })
    if (confirmed !== capacity || row.confirmedCount !== confirmed || waitlisted !== OVERFLOW || other) {
      throw new Error(`capacity broken: ${confirmed} confirmed, counter ${row.confirmedCount}, capacity ${capacity}`)
    }
    const goal = provider === 'sqlite' ? 400 : 300
    return {
      name: `registration (${provider}): public form over HTTP, 2 web processes, ${CONCURRENCY} clients at once`,
      lines: [
        `confirmed registrations per second, median of ${ROUNDS} rounds of ${PER_ROUND}: ${fmt(median(rates))} (goal ≥ ${goal}); rounds ${rates.map((r) => fmt(r)).join(', ')}`,
        `once full, waitlisted per second (no goal): ${fmt((overflow.statuses.get(303) ?? 0) / overflow.seconds)}`,
        `capacity ${capacity}, then ${OVERFLOW} more: ${confirmed} confirmed, ${waitlisted} on the waitlist, seat counter ${row.confirmedCount}; answers other than 303: ${other}`,
      ],
    }
  } finally {
    await app.stop()
    await db.$disconnect()
    database.cleanup()
  }
}
