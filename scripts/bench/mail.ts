// "5,000 invitations: time to queue, and mails/s delivered to a local SMTP sink."
// Runs in a child process per database so that DATABASE_URL is set before the app modules load.
import { SMTPServer } from 'smtp-server'
import type { AddressInfo } from 'node:net'
import { fmt, freshDatabase, median, type Provider } from './support.ts'

const COUNT = 5000
const ROUNDS = 3

export async function benchMail(provider: Provider) {
  const database = await freshDatabase(provider)
  process.env.DATABASE_URL = database.url
  process.env.LOG_LEVEL = 'silent'
  let received = 0
  // A sink that accepts and counts: it reads every byte but does not parse, so the sink is not the bottleneck.
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {})
      stream.on('end', () => {
        received++
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve))
  process.env.SMTP_URL = `smtp://127.0.0.1:${(sink.server.address() as AddressInfo).port}`
  process.env.SMTP_MAX_CONNECTIONS = '5'

  const { enqueue, prepareBulk, createBatch } = await import('~/mail/outbox.server')
  const { MailWorker } = await import('~/mail/worker.server')
  const { db } = await import('~/utils/db.server')
  const { sample } = await import('../../emails/invitation.tsx')

  const queueTimes: number[] = []
  const rates: number[] = []
  try {
    for (let round = 0; round < ROUNDS; round++) {
      received = 0
      const shared = sample('nl')
      const started = performance.now()
      const batch = await createBatch({ kind: 'invitation', total: COUNT })
      const mails = await prepareBulk('invitation', {
        language: 'nl',
        fields: ['recipientName', 'registerUrl'] as const,
        props: (f) => ({ ...shared, recipientName: f.recipientName, registerUrl: f.registerUrl }),
        recipients: Array.from({ length: COUNT }, (_, i) => ({
          to: `genodigde-${round}-${i}@example.org`,
          toName: `Genodigde ${i}`,
          fields: { recipientName: `Genodigde ${i}`, registerUrl: `https://bijeen.example.org/uitnodiging/token-${round}-${i}` },
        })),
      })
      await enqueue(mails.map((m, i) => ({ ...m, idempotencyKey: `bench:${round}:${i}`, batchId: batch.id })))
      queueTimes.push(performance.now() - started)

      const worker = new MailWorker({ pollIntervalMs: 50 })
      const sendStart = performance.now()
      worker.start()
      while ((await db.outboxMessage.count({ where: { batchId: batch.id, status: 'sent' } })) < COUNT) {
        await new Promise((r) => setTimeout(r, 20))
      }
      const seconds = (performance.now() - sendStart) / 1000
      await worker.stop()
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
    await new Promise<void>((resolve) => sink.close(() => resolve()))
    database.cleanup()
  }
}
