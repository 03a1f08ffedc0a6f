// The mail worker: claims queued mails, sends them, and records the outcome. Several workers may run
// against one PostgreSQL database: a claim is one UPDATE over rows picked with FOR UPDATE SKIP LOCKED, so
// no two workers hold the same mail. On SQLite the single writer lock makes the same UPDATE atomic.
// A mail left in 'sending' by a crashed worker is claimed again once its lease has passed.
import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import type { OutboxMessage } from '~/generated/prisma/client'
import { db, dbProvider } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { dbTime } from '~/utils/sql.server'
import { decideAfterFailure, describeFailure, type SendFailure } from './delivery'
import { onMailQueued, type Attachment } from './outbox.server'
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
  const now = new Date()
  const lease = new Date(now.getTime() + leaseSeconds * 1000)
  if (dbProvider() === 'postgresql') {
    return (
      await db.$queryRawUnsafe<Array<{ id: string }>>(
        `UPDATE "OutboxMessage" SET "status" = 'sending', "attempts" = "attempts" + 1, "leaseUntil" = CAST($1 AS timestamp(3)),
                "lockedBy" = $2, "updatedAt" = CAST($3 AS timestamp(3))
          WHERE "id" IN (
            SELECT "id" FROM "OutboxMessage"
             WHERE ("status" IN ('queued', 'retry') AND "nextAttemptAt" <= CAST($3 AS timestamp(3)))
                OR ("status" = 'sending' AND "leaseUntil" < CAST($3 AS timestamp(3)))
             ORDER BY "nextAttemptAt"
             LIMIT CAST($4 AS integer)
             FOR UPDATE SKIP LOCKED)
          RETURNING "id"`,
        dbTime(lease),
        workerId,
        dbTime(now),
        limit,
      )
    ).map((r) => r.id)
  }
  return (
    await db.$queryRawUnsafe<Array<{ id: string }>>(
      `UPDATE "OutboxMessage" SET "status" = 'sending', "attempts" = "attempts" + 1, "leaseUntil" = ?, "lockedBy" = ?, "updatedAt" = ?
        WHERE "id" IN (
          SELECT "id" FROM "OutboxMessage"
           WHERE ("status" IN ('queued', 'retry') AND "nextAttemptAt" <= ?)
              OR ("status" = 'sending' AND "leaseUntil" < ?)
           ORDER BY "nextAttemptAt"
           LIMIT ?)
        RETURNING "id"`,
      dbTime(lease),
      workerId,
      dbTime(now),
      dbTime(now),
      dbTime(now),
      limit,
    )
  ).map((r) => r.id)
}

export function toOutgoingMail(row: OutboxMessage): OutgoingMail {
  const attachments = (row.attachments as Attachment[] | null) ?? []
  return {
    from: getEnv().MAIL_FROM,
    to: { name: row.toName, address: row.to },
    subject: row.subject,
    html: row.html ?? undefined,
    text: row.text ?? undefined,
    messageId: row.messageId,
    date: row.createdAt,
    headers: { 'X-Bijeen-Kind': row.kind, 'Auto-Submitted': 'auto-generated' },
    icalEvent:
      row.icsContent && row.icsMethod
        ? { method: row.icsMethod, content: row.icsContent, filename: row.icsMethod === 'CANCEL' ? 'afzegging.ics' : 'uitnodiging.ics' }
        : undefined,
    attachments: attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.contentBase64, 'base64'),
      cid: a.cid,
    })),
  }
}

export class MailWorker {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`
  private transport: MailTransport
  private concurrency: number
  private pollIntervalMs: number
  private leaseSeconds: number
  private log: (line: string) => void
  private inFlight = new Set<Promise<void>>()
  private stopping = false
  private loop: Promise<void> | null = null
  private wake: (() => void) | null = null
  private unsubscribe: (() => void) | null = null

  constructor(options: WorkerOptions = {}) {
    const env = getEnv()
    this.transport = options.transport ?? createTransport()
    this.concurrency = options.concurrency ?? Math.max(10, env.SMTP_MAX_CONNECTIONS * 10)
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

  /** Stops claiming, lets the mails in flight finish, and closes the connections. */
  async stop() {
    this.stopping = true
    this.wake?.()
    await this.loop
    await Promise.allSettled(this.inFlight)
    this.unsubscribe?.()
    this.transport.close()
  }

  /** Claims and sends until nothing is due (for tests and scripts). Returns how many were attempted. */
  async drain(): Promise<number> {
    let total = 0
    for (;;) {
      const ids = await claimMails(this.id, this.concurrency, this.leaseSeconds)
      if (!ids.length) break
      total += ids.length
      await Promise.all(ids.map((id) => this.deliver(id)))
    }
    return total
  }

  private async run() {
    while (!this.stopping) {
      const room = this.concurrency - this.inFlight.size
      let claimed: string[] = []
      if (room > 0) {
        try {
          claimed = await claimMails(this.id, room, this.leaseSeconds)
        } catch (error) {
          this.log(`mail worker: claim failed: ${error instanceof Error ? error.message : String(error)}`)
        }
      }
      for (const id of claimed) {
        const job: Promise<void> = this.deliver(id).finally(() => {
          this.inFlight.delete(job)
          this.wake?.()
        })
        this.inFlight.add(job)
      }
      if (claimed.length && this.inFlight.size < this.concurrency) continue
      // Wait for a finished send, a newly queued mail, or the next poll.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.pollIntervalMs)
        this.wake = () => {
          clearTimeout(timer)
          this.wake = null
          resolve()
        }
      })
    }
  }

  private async deliver(id: string) {
    const row = await db.outboxMessage.findUnique({ where: { id } })
    if (!row || row.status !== 'sending' || row.lockedBy !== this.id) return
    try {
      const { response } = await this.transport.send(toOutgoingMail(row))
      await db.outboxMessage.updateMany({
        where: { id, lockedBy: this.id },
        data: { status: 'sent', sentAt: new Date(), serverResponse: response.slice(0, 500), leaseUntil: null, lastError: null },
      })
    } catch (error) {
      const failure = error as SendFailure
      const decision = decideAfterFailure(failure, row.attempts)
      const lastError = describeFailure(failure)
      await db.outboxMessage.updateMany({
        where: { id, lockedBy: this.id },
        data:
          decision.kind === 'retry'
            ? { status: 'retry', nextAttemptAt: new Date(Date.now() + decision.delaySeconds * 1000), lastError, leaseUntil: null }
            : { status: 'failed', lastError, leaseUntil: null },
      })
      // The reason only: never the recipient or the content.
      this.log(`mail ${id}: ${decision.kind} after attempt ${row.attempts}: ${lastError}`)
    }
  }
}
