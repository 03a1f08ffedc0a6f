// "5,000 invitations: time to queue ≤ 2 s, and ≥ 500 mails/s delivered to a local SMTP sink."
// Runs in a child process per database so that DATABASE_URL is set before the app modules load.
import { fork } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freshDatabase, median, RUNS, type Provider, type SuiteResult } from './support.ts'

const COUNT = 5000
const ROUNDS = RUNS

export async function benchMail(provider: Provider): Promise<SuiteResult> {
  const database = await freshDatabase(provider)
  process.env.DATABASE_URL = database.url
  process.env.LOG_LEVEL = 'silent'
  const sink = fork(path.join(path.dirname(fileURLToPath(import.meta.url)), 'sinkproc.mjs'))
  const port = await new Promise<number>((resolve) => sink.once('message', (m: { port: number }) => resolve(m.port)))
  const ask = () =>
    new Promise<number>((resolve) => {
      sink.once('message', (m: { count: number }) => resolve(m.count))
      sink.send('count')
    })
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`
  process.env.SMTP_MAX_CONNECTIONS = '5'

  const { enqueueBulk, prepareBulk, createBatch } = await import('~/mail/outbox.server')
  const { MailWorker } = await import('~/mail/worker.server')
  const { db } = await import('~/utils/db.server')
  const { sample } = await import('../../emails/invitation.tsx')

  const queueTimes: number[] = []
  const rates: number[] = []
  try {
    for (let round = 0; round < ROUNDS; round++) {
      sink.send('reset')
      const shared = sample('nl')
      const started = performance.now()
      const batch = await createBatch({ kind: 'invitation', total: COUNT })
      const merge = await prepareBulk('invitation', {
        language: 'nl',
        fields: ['recipientName', 'registerUrl'] as const,
        props: (f) => ({ ...shared, recipientName: f.recipientName, registerUrl: f.registerUrl }),
      })
      await enqueueBulk(
        merge,
        Array.from({ length: COUNT }, (_, i) => ({
          to: `genodigde-${round}-${i}@example.org`,
          toName: `Genodigde ${i}`,
          values: {
            recipientName: `Genodigde ${i}`,
            registerUrl: `https://bijeen.example.org/uitnodiging/token-${round}-${i}`,
          },
          idempotencyKey: `bench:${round}:${i}`,
        })),
        { batchId: batch.id },
      )
      queueTimes.push(performance.now() - started)

      const worker = new MailWorker({ pollIntervalMs: 50 })
      const sendStart = performance.now()
      worker.start()
      while ((await db.outboxMessage.count({ where: { batchId: batch.id, status: 'sent' } })) < COUNT) {
        await new Promise((r) => setTimeout(r, 20))
      }
      const seconds = (performance.now() - sendStart) / 1000
      await worker.stop()
      const received = await ask()
      if (received < COUNT) throw new Error(`sink received ${received} of ${COUNT}`)
      rates.push(COUNT / seconds)
    }
    const queued = median(queueTimes)
    const rate = median(rates)
    return {
      name: `mail (${provider})`,
      figures: [
        {
          figure: '5,000 invitations: time to queue (render + insert)',
          value: queued,
          unit: 'ms',
          goal: '≤ 2,000 ms',
          met: queued <= 2000,
          runs: queueTimes,
        },
        {
          figure: '5,000 invitations: delivered to a local SMTP sink',
          value: rate,
          unit: 'mails/s',
          goal: '≥ 500',
          met: rate >= 500,
          runs: rates,
        },
      ],
    }
  } finally {
    await db.$disconnect()
    sink.kill()
    database.cleanup()
  }
}
