// "5,000 invitations: time to queue, and mails/s delivered to a local SMTP sink."
// Runs in a child process per database so that DATABASE_URL is set before the app modules load.
import { fork } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { fmt, freshDatabase, median, type Provider } from './support.ts'

const COUNT = 5000
const ROUNDS = 3

export async function benchMail(provider: Provider) {
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
    return {
      name: `mail (${provider}): 5,000 invitations`,
      lines: [
        `queue 5,000 (render + insert), median of ${ROUNDS}: ${fmt(median(queueTimes))} ms  (goal ≤ 3,000 ms; runs ${queueTimes.map((t) => fmt(t)).join(', ')})`,
        `deliver to a local SMTP sink, median of ${ROUNDS}: ${fmt(median(rates))} mails/s  (goal ≥ 300; runs ${rates.map((r) => fmt(r)).join(', ')})`,
      ],
    }
  } finally {
    await db.$disconnect()
    sink.kill()
    database.cleanup()
  }
}
