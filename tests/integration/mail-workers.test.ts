// The worker as separate processes: killed with SIGKILL in the middle of 2,000 mails and started again,
// and two workers side by side. Real SMTP server, real database (SQLite or PostgreSQL).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { enqueueBulk, prepareBulk } from '~/mail/outbox.server'
import { db } from '~/utils/db.server'
import { startSmtpSink, type SmtpSink } from '../support/smtp.ts'
import { startWorkerProcess, waitUntil } from '../support/worker-process.ts'

let sink: SmtpSink

beforeAll(async () => {
  sink = await startSmtpSink({ parse: false })
})
afterAll(async () => {
  await sink.close()
})

async function queue(count: number, batch: string) {
  const merge = await prepareBulk('test', {
    language: 'nl',
    fields: ['recipientName'] as const,
    props: (f) => ({
      lang: 'nl',
      programmeName: 'Samen tegen mensenhandel',
      recipientName: f.recipientName,
      sentAt: '2026-12-01T09:00:00.000Z',
    }),
  })
  await enqueueBulk(
    merge,
    Array.from({ length: count }, (_, i) => ({
      to: `ontvanger-${batch}-${i}@example.org`,
      toName: `Ontvanger ${i}`,
      values: { recipientName: `Ontvanger ${i}` },
      idempotencyKey: `${batch}:${i}`,
    })),
  )
}

const workerEnv = () => ({
  DATABASE_URL: process.env.DATABASE_URL!,
  SMTP_URL: sink.url,
  SMTP_MAX_CONNECTIONS: '4',
  MAIL_LEASE_SECONDS: '3',
})

// Correctness, not speed: on a busy machine 2,000 mails through real processes can take longer than the
// project's 30 s, and a timed-out test would leave its worker running into the next one.
describe('mail workers as processes', { timeout: 120_000 }, () => {
  test('kill -9 in the middle of 2,000 mails: all arrive, duplicates only from the mails in flight, same Message-ID', async () => {
    sink.messages.length = 0
    await queue(2000, 'crash')
    const first = startWorkerProcess(workerEnv())
    await waitUntil(() => sink.messages.length >= 500, 60_000, '500 mails before the crash')
    first.child.kill('SIGKILL')
    await first.exited
    // What was claimed but not recorded as sent when the worker died: at most these can arrive twice.
    const inFlight = await db.outboxMessage.count({
      where: { kind: 'test', idempotencyKey: { startsWith: 'crash:' }, status: 'sending' },
    })
    const receivedAtCrash = sink.messages.length
    expect(receivedAtCrash).toBeLessThan(2000)

    const second = startWorkerProcess(workerEnv())
    await waitUntil(
      async () =>
        (await db.outboxMessage.count({ where: { idempotencyKey: { startsWith: 'crash:' }, status: 'sent' } })) ===
        2000,
      120_000,
      'all 2,000 mails sent',
    )
    second.child.kill('SIGTERM')
    expect(await second.exited).toBe(0)

    const rows = await db.outboxMessage.findMany({
      where: { idempotencyKey: { startsWith: 'crash:' } },
      select: { messageId: true },
    })
    const expectedIds = new Set(rows.map((r) => r.messageId))
    const received = sink.messages.map((m) => m.messageId)
    const counts = new Map<string, number>()
    for (const id of received) counts.set(id, (counts.get(id) ?? 0) + 1)
    // Every mail arrived, and nothing arrived that was not queued.
    expect([...expectedIds].every((id) => counts.has(id))).toBe(true)
    expect([...counts.keys()].every((id) => expectedIds.has(id))).toBe(true)
    // Duplicates: at most the number in flight, and a duplicate carries the Message-ID of its first copy
    // (the counts are per Message-ID, so a copy with another id would show up as an unexpected id above).
    const duplicates = received.length - counts.size
    console.info(
      `crash test: ${receivedAtCrash} received before kill -9, ${inFlight} in flight, ${duplicates} duplicates`,
    )
    expect(duplicates).toBeLessThanOrEqual(inFlight)
  })

  test('two workers at once deliver a batch of 1,000 with no mail sent twice', async () => {
    sink.messages.length = 0
    await queue(1000, 'pair')
    const workers = [startWorkerProcess(workerEnv()), startWorkerProcess(workerEnv())]
    await waitUntil(
      async () =>
        (await db.outboxMessage.count({ where: { idempotencyKey: { startsWith: 'pair:' }, status: 'sent' } })) === 1000,
      120_000,
      'all 1,000 mails sent',
    )
    for (const w of workers) w.child.kill('SIGTERM')
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0])
    const ids = sink.messages.map((m) => m.messageId)
    expect(ids).toHaveLength(1000)
    expect(new Set(ids).size).toBe(1000)
    // Both workers took part.
    const byWorker = await db.outboxMessage.groupBy({
      by: ['lockedBy'],
      where: { idempotencyKey: { startsWith: 'pair:' } },
      _count: { _all: true },
    })
    expect(byWorker.length).toBe(2)
  })

  test('SIGTERM lets the mails in flight finish and claims nothing new', async () => {
    sink.messages.length = 0
    await queue(300, 'term')
    const worker = startWorkerProcess({ ...workerEnv(), MAIL_LEASE_SECONDS: '600' })
    // Its own signal handler is in place once it says it started.
    await waitUntil(() => worker.output().includes('started'), 60_000, 'the worker to start')
    await waitUntil(() => sink.messages.length >= 20, 60_000, 'the first mails')
    worker.child.kill('SIGTERM')
    expect(await worker.exited).toBe(0)
    // Nothing was left half-done: no mail is stuck in 'sending' with a 10-minute lease.
    expect(
      await db.outboxMessage.count({ where: { idempotencyKey: { startsWith: 'term:' }, status: 'sending' } }),
    ).toBe(0)
    const sent = await db.outboxMessage.count({ where: { idempotencyKey: { startsWith: 'term:' }, status: 'sent' } })
    expect(sent).toBe(sink.messages.length)
    expect(sent).toBeLessThan(300)
  })
})
