// The mail worker: claims queued mails, sends them, and records the outcome. Several workers may run
// against one PostgreSQL database: a claim is one UPDATE over rows picked with FOR UPDATE SKIP LOCKED, so
// no two workers hold the same mail. On SQLite the single writer lock makes the same UPDATE atomic.
// A mail left in 'sending' by a crashed worker is claimed again once its lease has passed.
import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import type { MailMerge, OutboxMessage } from '~/generated/prisma/client'
import { db, dbProvider } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { execute, select, sqlDriver } from '~/utils/sql-driver.server'
import { describeError } from '~/utils/redact'
import { dbTime, portableSql } from '~/utils/sql.server'
import { decideAfterFailure, describeFailure, type SendFailure } from './delivery'
import { unsealLinks } from './link-secrets'
import { fillMerge, onMailQueued, type Attachment } from './outbox.server'
import { drawMailParts, eventsForParts, type DrawnParts } from './parts.server'
import { createTransport, type MailTransport, type OutgoingMail } from './transport.server'

export type WorkerOptions = {
  transport?: MailTransport
  /** Mails in flight at most (nodemailer's pool queues them over its connections). */
  concurrency?: number
  pollIntervalMs?: number
  leaseSeconds?: number
  log?: (line: string) => void
}

export async function claimMails(workerId: string, limit: number, leaseSeconds: number): Promise<string[]> {
  const now = dbTime(new Date())
  const lease = dbTime(new Date(Date.now() + leaseSeconds * 1000))
  // SKIP LOCKED lets several PostgreSQL workers claim side by side; SQLite's single writer needs no row locks.
  const lock = dbProvider() === 'postgresql' ? 'FOR UPDATE SKIP LOCKED' : ''
  const time = 'timestamp(3)'
  const sql = portableSql(
    `UPDATE "OutboxMessage" SET "status" = 'sending', "attempts" = "attempts" + 1, "leaseUntil" = ?, "lockedBy" = ?, "updatedAt" = ?
        WHERE "id" IN (
          SELECT "id" FROM "OutboxMessage"
           WHERE ("status" IN ('queued', 'retry') AND "nextAttemptAt" <= ?)
              OR ("status" = 'sending' AND "leaseUntil" < ?)
           ORDER BY "nextAttemptAt"
           LIMIT ?
           ${lock})
        RETURNING "id"`,
    [time, null, time, time, time, 'integer'],
  )
  const rows = await sqlDriver().write(() => select<{ id: string }>(sql, lease, workerId, now, now, now, limit))
  return rows.map((r) => r.id)
}

type MergeTemplate = Pick<MailMerge, 'subject' | 'html' | 'text' | 'fields'>
type Claimed = { rows: OutboxMessage[]; events: Awaited<ReturnType<typeof eventsForParts>> }

export function toOutgoingMail(
  row: OutboxMessage,
  merge?: MergeTemplate | null,
  drawn: DrawnParts = { attachments: [] },
): OutgoingMail {
  const attachments = (row.attachments as Attachment[] | null) ?? []
  const ics = row.icsContent && row.icsMethod ? { method: row.icsMethod, content: row.icsContent } : drawn.ics
  const body = merge
    ? fillMerge(
        { ...merge, fields: merge.fields as Record<string, string> },
        (row.mergeValues ?? {}) as Record<string, string>,
      )
    : { subject: row.subject, html: row.html ?? undefined, text: row.text ?? undefined }
  // The personal links' tokens are filled in only now (ADR 004); markSent clears them from the row.
  const secrets = row.linkSecrets
  return {
    from: getEnv().MAIL_FROM,
    to: { name: row.toName, address: row.to },
    subject: unsealLinks(body.subject, secrets),
    html: unsealLinks(body.html, secrets),
    text: unsealLinks(body.text, secrets),
    messageId: row.messageId,
    date: row.createdAt,
    headers: { 'X-Bijeen-Kind': row.kind, 'Auto-Submitted': 'auto-generated' },
    icalEvent: ics
      ? {
          method: ics.method,
          content: unsealLinks(ics.content, secrets),
          filename: ics.method === 'CANCEL' ? 'afzegging.ics' : 'uitnodiging.ics',
        }
      : undefined,
    attachments: [
      ...attachments.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: Buffer.from(a.contentBase64, 'base64'),
        cid: a.cid,
      })),
      ...drawn.attachments,
    ],
  }
}

/**
 * Records many successful sends in one statement (each with its own server response), and drops their
 * personal links' tokens: a sent mail keeps no key to anyone's page (ADR 004).
 */
async function markSent(workerId: string, results: Array<{ id: string; response: string }>) {
  if (!results.length) return
  const now = dbTime(new Date())
  const cases = results.map(() => 'WHEN ? THEN ?').join(' ')
  const ids = results.map(() => '?').join(', ')
  const sql = portableSql(
    `UPDATE "OutboxMessage" SET "status" = 'sent', "sentAt" = ?, "updatedAt" = ?, "leaseUntil" = NULL,
            "lastError" = NULL, "linkSecrets" = NULL, "serverResponse" = CASE "id" ${cases} END
      WHERE "id" IN (${ids}) AND "lockedBy" = ?`,
    ['timestamp(3)', 'timestamp(3)'],
  )
  const params = [
    now,
    now,
    ...results.flatMap((r) => [r.id, r.response.slice(0, 500)]),
    ...results.map((r) => r.id),
    workerId,
  ]
  await sqlDriver().write(() => execute(sql, ...params))
}

export class MailWorker {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`
  private transport: MailTransport
  private concurrency: number
  private pollIntervalMs: number
  private leaseSeconds: number
  private log: (line: string) => void
  private inFlight = new Set<Promise<void>>()
  private sentBuffer: Array<{ id: string; response: string }> = []
  private flushing: Promise<void> = Promise.resolve()
  private stopping = false
  private loop: Promise<void> | null = null
  private wake: (() => void) | null = null
  private unsubscribe: (() => void) | null = null

  constructor(options: WorkerOptions = {}) {
    const env = getEnv()
    this.transport = options.transport ?? createTransport()
    this.concurrency = options.concurrency ?? Math.max(20, env.SMTP_MAX_CONNECTIONS * 10)
    this.pollIntervalMs = options.pollIntervalMs ?? 1000
    this.leaseSeconds = options.leaseSeconds ?? env.MAIL_LEASE_SECONDS
    this.log = options.log ?? (() => {})
  }

  get transportKind() {
    return this.transport.kind
  }

  start() {
    if (this.loop) return
    this.unsubscribe = onMailQueued(() => this.wake?.())
    this.loop = this.run()
  }

  /** Stops claiming, lets the mails in flight finish, records them, and closes the connections. */
  async stop() {
    this.stopping = true
    this.wake?.()
    await this.loop
    await Promise.allSettled(this.inFlight)
    await this.flush()
    this.unsubscribe?.()
    this.transport.close()
  }

  /** Claims and sends until nothing is due (for tests and scripts). Returns how many were attempted. */
  async drain(): Promise<number> {
    let total = 0
    for (;;) {
      const { rows, events } = await this.claim(this.concurrency)
      if (!rows.length) break
      total += rows.length
      await Promise.all(rows.map((row) => this.deliver(row, events)))
      await this.flush()
    }
    return total
  }

  private merges = new Map<string, MergeTemplate>()

  private async claim(limit: number): Promise<Claimed> {
    const ids = await claimMails(this.id, limit, this.leaseSeconds)
    if (!ids.length) return { rows: [], events: { events: new Map(), cancelledAt: new Map() } }
    const rows = await db.outboxMessage.findMany({ where: { id: { in: ids }, lockedBy: this.id } })
    // Bulk mails share a template: load each one once (a small cache; templates never change).
    const missing = [...new Set(rows.map((r) => r.mergeId).filter((id): id is string => !!id && !this.merges.has(id)))]
    if (missing.length) {
      if (this.merges.size > 50) this.merges.clear()
      for (const m of await db.mailMerge.findMany({ where: { id: { in: missing } } })) this.merges.set(m.id, m)
    }
    // Calendar invitations show the event as it is now: read per batch, not kept.
    return { rows, events: await eventsForParts(rows) }
  }

  private async run() {
    let lastFlush = Date.now()
    while (!this.stopping) {
      const room = this.concurrency - this.inFlight.size
      let batch: Claimed = { rows: [], events: { events: new Map(), cancelledAt: new Map() } }
      // Claim in chunks, not one by one: each claim is a write.
      if (room >= Math.min(10, this.concurrency)) {
        try {
          batch = await this.claim(room)
        } catch (error) {
          this.log(`mail worker: claim failed: ${describeError(error)}`)
        }
      }
      for (const row of batch.rows) {
        const job: Promise<void> = this.deliver(row, batch.events).finally(() => {
          this.inFlight.delete(job)
          this.wake?.()
        })
        this.inFlight.add(job)
      }
      if (this.sentBuffer.length >= 50 || (this.sentBuffer.length && Date.now() - lastFlush > 100)) {
        lastFlush = Date.now()
        await this.flush()
      }
      if (batch.rows.length && this.inFlight.size < this.concurrency) continue
      // Wait for a finished send, a newly queued mail, or the next poll.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.sentBuffer.length ? 100 : this.pollIntervalMs)
        this.wake = () => {
          clearTimeout(timer)
          this.wake = null
          resolve()
        }
      })
    }
  }

  private flush() {
    const batch = this.sentBuffer.splice(0)
    if (!batch.length) return this.flushing
    this.flushing = this.flushing
      .then(() => markSent(this.id, batch))
      .catch((error: unknown) => {
        // The lease runs out and the mails are sent again: a duplicate rather than a loss.
        this.log(`mail worker: recording ${batch.length} sent mails failed: ${describeError(error)}`)
      })
    return this.flushing
  }

  private async deliver(row: OutboxMessage, events: Claimed['events']) {
    try {
      const merge = row.mergeId ? this.merges.get(row.mergeId) : null
      if (row.mergeId && !merge) throw Object.assign(new Error('mail merge template not found'), { responseCode: 554 })
      const drawn = drawMailParts(row, events)
      const { response } = await this.transport.send(toOutgoingMail(row, merge, drawn))
      this.sentBuffer.push({ id: row.id, response })
    } catch (error) {
      const failure = error as SendFailure
      const decision = decideAfterFailure(failure, row.attempts)
      const lastError = describeFailure(failure)
      await db.outboxMessage.updateMany({
        where: { id: row.id, lockedBy: this.id },
        data:
          decision.kind === 'retry'
            ? {
                status: 'retry',
                nextAttemptAt: new Date(Date.now() + decision.delaySeconds * 1000),
                lastError,
                leaseUntil: null,
              }
            : { status: 'failed', lastError, leaseUntil: null },
      })
      // The reason only: never the recipient or the content.
      this.log(`mail ${row.id}: ${decision.kind} after attempt ${row.attempts}: ${lastError}`)
    }
  }
}
