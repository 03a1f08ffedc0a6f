// `npm start` runs one module graph: the routes, the server and its in-process mail worker are built together
// (vite.config.ts) and share one outbox module. A mail that a route queues calls the outbox's mailQueued(),
// which wakes this process's worker at once. With the poll set to a minute here, a confirmation that arrives
// within seconds can only have come from that wake-up; with a second copy of the outbox (the worker from
// another graph), it would wait for the minute and this test would time out.
import http from 'node:http'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createDb, type Db } from '~/utils/db.server'
import { createEvent, createProgramme } from '../factories.ts'
import { startAppServer, type AppServer } from '../support/app-server.ts'
import { startSmtpSink, type SmtpSink } from '../support/smtp.ts'

const POLL_MS = 60_000
// Well under the poll, with room for a loaded 2-core machine (the first mail draws its QR code and calendar).
const WAKE_WITHIN_MS = 15_000

let app: AppServer
let smtp: SmtpSink
let db: Db

beforeAll(async () => {
  smtp = await startSmtpSink()
  app = await startAppServer({
    seed: false,
    env: { SMTP_URL: smtp.url, MAIL_WORKER_IN_PROCESS: 'true', MAIL_POLL_INTERVAL_MS: String(POLL_MS) },
  })
  db = createDb(app.databaseUrl)
})

afterAll(async () => {
  await db?.$disconnect()
  await app?.stop()
  await smtp?.close()
})

function register(url: string, email: string): Promise<number> {
  const body = new URLSearchParams({ name: 'Eva Smit', email, language: 'nl', website: '' }).toString()
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': Buffer.byteLength(body),
          Origin: new URL(url).origin,
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

test('a mail queued by a route wakes the in-process worker without waiting for its poll', async () => {
  const programme = await createProgramme(db)
  const event = await createEvent(db, programme.id, { visibility: 'public', status: 'published', capacity: 10 })
  const url = `${app.url}/bijeenkomsten/${event.slug}/aanmelden`

  // Two in a row: the second is queued while the worker, having sent the first, is idle in its minute-long wait
  // (the first might also have been found by the worker's first claim at start-up).
  for (const [i, email] of ['eva.smit@example.org', 'jan.jansen@example.org'].entries()) {
    const started = Date.now()
    expect(await register(url, email)).toBe(303)
    const [mail] = (await smtp.waitFor(i + 1, WAKE_WITHIN_MS)).slice(i)
    expect(Date.now() - started).toBeLessThan(WAKE_WITHIN_MS)
    expect(mail!.envelope.to).toEqual([email])
    expect(mail!.parsed?.subject).toMatch(/aanmelding/i)
  }
  // Recorded as sent (in a batch, moments after the send) by that same worker.
  await expect
    .poll(async () => (await db.outboxMessage.findMany({ select: { status: true } })).map((m) => m.status))
    .toEqual(['sent', 'sent'])
})
