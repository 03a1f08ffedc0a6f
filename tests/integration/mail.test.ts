// The mail pipeline against a real SMTP server in this process: templates, calendar parts, retries,
// permanent failures, header injection, idempotency, leases, batches and the dev mailbox.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { mailKinds, mailTemplates, renderMail, type MailKind, type MailProps } from '../../emails'
import { buildRequest } from '~/domain/calendar'
import {
  batchProgress,
  createBatch,
  enqueue,
  enqueueBulk,
  fillMerge,
  prepareBulk,
  prepareMail,
  resendAllFailed,
  type IcsPart,
  resendFailed,
} from '~/mail/outbox.server'
import { MailWorker } from '~/mail/worker.server'
import { getDevMail, sendTestMail } from '~/models/mailbox.server'
import { db } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import { createUser } from '../factories.ts'
import { allowConsoleError } from '../setup/test-env.ts'
import { startSmtpSink, type SmtpSink } from '../support/smtp.ts'

let sink: SmtpSink
let key = 0
const nextKey = () => `test-${++key}-${Date.now()}`

beforeAll(async () => {
  sink = await startSmtpSink()
})
afterAll(async () => {
  await sink.close()
})
beforeEach(() => {
  sink.messages.length = 0
  process.env.SMTP_URL = sink.url
  resetEnvCache()
})

/** A worker on the real SMTP transport, run until nothing is due. */
async function deliver() {
  const worker = new MailWorker({ concurrency: 20 })
  try {
    return await worker.drain()
  } finally {
    await worker.stop()
  }
}

async function queue<K extends MailKind>(kind: K, props: MailProps<K>, extra: { ics?: IcsPart; toName?: string } = {}) {
  const mail = await prepareMail(kind, {
    to: 'ontvanger@example.org',
    toName: 'Sanne de Vries',
    language: props.lang,
    props,
    ...extra,
  })
  const [id] = await enqueue([{ ...mail, idempotencyKey: nextKey() }])
  return id!
}

describe('templates over SMTP', () => {
  test.each(mailKinds.flatMap((kind) => (['nl', 'en'] as const).map((lang) => [kind, lang] as const)))(
    '%s (%s) arrives as multipart HTML + text with its subject',
    async (kind, lang) => {
      const props = mailTemplates[kind].sample(lang) as MailProps<typeof kind>
      const expected = await renderMail(kind, props)
      await queue(kind, props)
      await deliver()
      const [mail] = await sink.waitFor(1)
      expect(mail!.parsed!.subject).toBe(expected.subject)
      expect(mail!.raw).toMatch(/Content-Type: multipart\/alternative/i)
      expect(mail!.parsed!.text?.trim().length).toBeGreaterThan(50)
      expect(mail!.parsed!.html).toContain(`lang="${lang}"`)
      expect(mail!.parsed!.headers.get('x-bijeen-kind')).toBe(kind)
    },
  )
})

describe('calendar parts', () => {
  test('an attached REQUEST has the MIME method of the file', async () => {
    const ics = buildRequest({
      item: {
        uid: 'event-abc@localhost',
        sequence: 0,
        title: 'Formele start Samen tegen mensenhandel',
        description: '',
        url: 'http://localhost:3000/bijeenkomsten/formele-start',
        startsAt: new Date('2026-12-04T13:00:00Z'),
        endsAt: new Date('2026-12-04T16:00:00Z'),
        timeZone: 'Europe/Amsterdam',
        status: 'confirmed',
      },
      organizer: { name: 'Secretariaat', email: 'secretariaat@example.org' },
      attendee: { name: 'Sanne de Vries', email: 'ontvanger@example.org' },
    })
    await queue('registration-confirmed', mailTemplates['registration-confirmed'].sample('nl'), {
      ics: { method: 'REQUEST', content: ics },
    })
    await deliver()
    const [mail] = await sink.waitFor(1)
    expect(mail!.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i)
    const part = mail!.parsed!.attachments.find((a) => a.contentType === 'text/calendar')
    expect(part?.content.toString()).toContain('METHOD:REQUEST')
  })
})

describe('delivery outcomes', () => {
  test('a 421 answer is retried after 10 seconds and then delivered', async () => {
    sink.failNext(1, 421, 'Try again later')
    const id = await queue('test', mailTemplates.test.sample('nl'))
    await deliver()
    const retry = await db.outboxMessage.findUniqueOrThrow({ where: { id } })
    expect(retry.status).toBe('retry')
    expect(retry.lastError).toMatch(/^421/)
    const wait = retry.nextAttemptAt.getTime() - Date.now()
    expect(wait).toBeGreaterThan(8_000)
    expect(wait).toBeLessThanOrEqual(10_000)
    // Not due yet: nothing is sent.
    expect(await deliver()).toBe(0)
    // Ten seconds later (moved, not waited):
    await db.outboxMessage.update({ where: { id }, data: { nextAttemptAt: new Date() } })
    await deliver()
    const sent = await db.outboxMessage.findUniqueOrThrow({ where: { id } })
    expect(sent.status).toBe('sent')
    expect(sent.attempts).toBe(2)
    expect(sent.serverResponse).toMatch(/^250/)
    expect(sink.messages).toHaveLength(1)
  })

  test('a 550 answer fails at once with its reason', async () => {
    sink.failNext(1, 550, 'Mailbox unavailable')
    const id = await queue('test', mailTemplates.test.sample('nl'))
    await deliver()
    const failed = await db.outboxMessage.findUniqueOrThrow({ where: { id } })
    expect(failed.status).toBe('failed')
    expect(failed.attempts).toBe(1)
    expect(failed.lastError).toContain('550')
    expect(failed.lastError).toContain('Mailbox unavailable')
  })

  test('a name with CR/LF adds no header', async () => {
    const evil = 'x\r\nBcc: evil@example.org'
    const props = {
      ...mailTemplates.test.sample('nl'),
      recipientName: evil,
      programmeName: `Programma\r\nX-Injected: 1`,
    }
    await queue('test', props, { toName: evil })
    await deliver()
    const [mail] = await sink.waitFor(1)
    const headerBlock = mail!.raw.split(/\r?\n\r?\n/)[0]!
    expect(headerBlock).not.toMatch(/^Bcc:/im)
    expect(headerBlock).not.toMatch(/^X-Injected:/im)
    expect(mail!.envelope.to).toEqual(['ontvanger@example.org'])
    expect(mail!.parsed!.headers.get('bcc')).toBeUndefined()
  })

  test('the Message-ID is fixed when the mail is queued', async () => {
    const id = await queue('test', mailTemplates.test.sample('en'))
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id } })
    expect(row.messageId).toMatch(/^<[0-9a-f-]+@example\.org>$/)
    await deliver()
    const [mail] = await sink.waitFor(1)
    expect(mail!.parsed!.messageId).toBe(row.messageId)
  })

  test('a mail asked for twice at once is queued once', async () => {
    const mail = await prepareMail('test', {
      to: 'dubbel@example.org',
      toName: 'D',
      language: 'nl',
      props: mailTemplates.test.sample('nl'),
    })
    const results = await Promise.all(
      Array.from({ length: 8 }, () => enqueue([{ ...mail, idempotencyKey: 'double-click-1' }])),
    )
    expect(results.flat()).toHaveLength(1)
    expect(await db.outboxMessage.count({ where: { idempotencyKey: 'double-click-1' } })).toBe(1)
  })

  test('the outbox row is written in the caller’s transaction: a rollback leaves no mail', async () => {
    const mail = await prepareMail('test', {
      to: 'rollback@example.org',
      toName: 'R',
      language: 'nl',
      props: mailTemplates.test.sample('nl'),
    })
    await expect(
      db.$transaction(async (tx) => {
        await enqueue([{ ...mail, idempotencyKey: 'rolled-back' }], tx)
        throw new Error('the business change failed')
      }),
    ).rejects.toThrow('the business change failed')
    expect(await db.outboxMessage.count({ where: { idempotencyKey: 'rolled-back' } })).toBe(0)
  })

  test('a mail stuck in "sending" past its lease is claimed again and delivered', async () => {
    const id = await queue('test', mailTemplates.test.sample('nl'))
    await db.outboxMessage.update({
      where: { id },
      data: { status: 'sending', attempts: 1, lockedBy: 'crashed-worker', leaseUntil: new Date(Date.now() - 1000) },
    })
    await deliver()
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id } })
    expect(row.status).toBe('sent')
    expect(row.lockedBy).not.toBe('crashed-worker')
    // A lease that has not yet passed is left alone.
    const held = await queue('test', mailTemplates.test.sample('nl'))
    await db.outboxMessage.update({
      where: { id: held },
      data: { status: 'sending', lockedBy: 'busy-worker', leaseUntil: new Date(Date.now() + 60_000) },
    })
    expect(await deliver()).toBe(0)
  })

  test('an unreachable server is a temporary failure', async () => {
    process.env.SMTP_URL = 'smtp://127.0.0.1:9'
    resetEnvCache()
    const id = await queue('test', mailTemplates.test.sample('nl'))
    await deliver()
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id } })
    expect(row.status).toBe('retry')
    expect(row.lastError).toMatch(/ECONNREFUSED|ECONNECTION/)
  })
})

describe('bulk sends', () => {
  test('the mail merge gives exactly what rendering each mail would, and arrives so', async () => {
    const shared = mailTemplates.invitation.sample('nl')
    const recipients = [
      {
        to: 'a@example.org',
        toName: 'Ahmet Yılmaz',
        values: { recipientName: 'Ahmet Yılmaz', registerUrl: 'http://localhost:3000/uitnodiging/aaa' },
      },
      {
        to: 'b@example.org',
        toName: 'Eva & <Smit>',
        values: { recipientName: 'Eva & <Smit>', registerUrl: 'http://localhost:3000/uitnodiging/b?x=1&y=2' },
      },
    ]
    const merge = await prepareBulk('invitation', {
      language: 'nl',
      fields: ['recipientName', 'registerUrl'] as const,
      props: (f) => ({ ...shared, ...f }),
    })
    for (const r of recipients) {
      const single = await renderMail('invitation', { ...shared, ...r.values })
      const merged = fillMerge(merge, r.values)
      expect(merged.html).toBe(single.html)
      expect(merged.text).toBe(single.text)
      expect(merged.subject).toBe(single.subject)
    }
    const ids = await enqueueBulk(
      merge,
      recipients.map((r, i) => ({ ...r, idempotencyKey: `merge-${i}-${nextKey()}` })),
    )
    const rows = await db.outboxMessage.findMany({ where: { id: { in: ids } } })
    // The bodies are stored once, in the merge, not per mail.
    expect(rows.every((r) => r.html === null && r.mergeId)).toBe(true)
    await deliver()
    const received = await sink.waitFor(2)
    const eva = received.find((m) => m.envelope.to[0] === 'b@example.org')!
    expect(eva.parsed!.html).toBe((await renderMail('invitation', { ...shared, ...recipients[1]!.values })).html)
    expect(eva.parsed!.text).toContain('http://localhost:3000/uitnodiging/b?x=1&y=2')
  })

  test('a merge with a missing personal value is refused before anything is queued', async () => {
    const merge = await prepareBulk('test', {
      language: 'nl',
      fields: ['recipientName'] as const,
      props: (f) => ({ ...mailTemplates.test.sample('nl'), ...f }),
    })
    await expect(
      enqueueBulk(merge, [{ to: 'x@example.org', toName: 'X', values: {}, idempotencyKey: 'missing-value' }]),
    ).rejects.toThrow(/missing/)
    expect(await db.outboxMessage.count({ where: { idempotencyKey: 'missing-value' } })).toBe(0)
  })

  test('progress per batch, failures per recipient, and resending one or all failed', async () => {
    const batch = await createBatch({ kind: 'invitation', total: 4 })
    const merge = await prepareBulk('test', {
      language: 'nl',
      fields: ['recipientName'] as const,
      props: (f) => ({ ...mailTemplates.test.sample('nl'), recipientName: f.recipientName }),
    })
    await enqueueBulk(
      merge,
      [1, 2, 3, 4].map((i) => ({
        to: `p${i}@example.org`,
        toName: `P ${i}`,
        values: { recipientName: `P ${i}` },
        idempotencyKey: `batch-${batch.id}-${i}`,
      })),
      { batchId: batch.id },
    )
    expect(await batchProgress(batch.id)).toMatchObject({ total: 4, queued: 4, sent: 0, done: false })
    sink.failNext(2, 550, 'No such user')
    await deliver()
    expect(await batchProgress(batch.id)).toMatchObject({ total: 4, sent: 2, failed: 2, done: true })
    const failed = await db.outboxMessage.findMany({ where: { batchId: batch.id, status: 'failed' } })
    expect(await resendFailed(failed[0]!.id, batch.id)).toBe(true)
    // A mail of another batch cannot be resent through this one.
    expect(await resendFailed(failed[1]!.id, 'another-batch')).toBe(false)
    await deliver()
    expect(await batchProgress(batch.id)).toMatchObject({ sent: 3, failed: 1 })
    expect(await resendAllFailed(batch.id)).toBe(1)
    await deliver()
    expect(await batchProgress(batch.id)).toMatchObject({ sent: 4, failed: 0, done: true })
    // The resent mail kept its Message-ID.
    const again = await db.outboxMessage.findUniqueOrThrow({ where: { id: failed[0]!.id } })
    expect(sink.messages.map((m) => m.parsed!.messageId)).toContain(again.messageId)
  })
})

describe('the dev mailbox', () => {
  test('without SMTP, mail is stored as the real message and can be read back', async () => {
    delete process.env.SMTP_URL
    resetEnvCache()
    const before = await db.devMail.count()
    // A real account: the test mail is audited under its sender.
    const { user } = await createUser(db, { name: 'Beheerder', role: 'admin' })
    const queued = await sendTestMail(
      { id: user.id, email: user.email, name: user.name },
      'nl',
      'Samen tegen mensenhandel',
      'request-key-123456789012',
    )
    expect(queued).toBe(true)
    // The same form submitted twice queues one mail.
    expect(
      await sendTestMail(
        { id: user.id, email: user.email, name: user.name },
        'nl',
        'Samen tegen mensenhandel',
        'request-key-123456789012',
      ),
    ).toBe(false)
    await deliver()
    expect(await db.devMail.count()).toBe(before + 1)
    const stored = await db.devMail.findFirstOrThrow({ orderBy: { receivedAt: 'desc' } })
    const mail = await getDevMail(stored.id)
    expect(mail?.to).toBe(user.email)
    expect(mail?.html).toContain('lang="nl"')
    expect(mail?.text).toContain('Beheerder')
    expect(mail?.headers.find((h) => h.name.toLowerCase() === 'message-id')?.value).toBe(stored.messageId)
    expect(sink.messages).toHaveLength(0)
  })

  test('a failing SMTP server never throws into the caller', async () => {
    allowConsoleError(0)
    sink.failNext(1, 554, 'Transaction failed')
    const id = await queue('test', mailTemplates.test.sample('nl'))
    await expect(deliver()).resolves.toBe(1)
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id } })).status).toBe('failed')
  })
})
