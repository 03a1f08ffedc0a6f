// The outbox: the only way mail leaves bijeen. Code that causes a mail writes an OutboxMessage in the same
// transaction as its change; the worker sends it later. An idempotency key makes a repeated request queue
// the mail once; the Message-ID is fixed here, so a re-send after a crash carries the same id.
import { createHash, randomUUID } from 'node:crypto'
import { renderMail, type MailKind, type MailProps } from '../../emails'
import type { Db } from '~/utils/db.server'
import { db } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { sqlDriver, type Sql } from '~/utils/sql-driver.server'
import { insertIgnoringDuplicates, insertRows, type ColumnSpec } from '~/utils/sql.server'
import { headerSafe } from './delivery'
import { linkSealer, unsealLinks } from './link-secrets'

export type Language = 'nl' | 'en'
export type Attachment = { filename: string; contentType: string; contentBase64: string; cid?: string }
export type IcsPart = { method: 'REQUEST' | 'CANCEL' | 'PUBLISH'; content: string }
/**
 * Parts the worker draws when it sends the mail (app/mail/parts.server.ts), so that the request that
 * queues a mail does not wait for them: a QR code costs ~0.5 ms, a calendar file ~0.3 ms (ADR 009).
 */
export type MailParts = {
  /** An inline PNG of this text as a QR code. */
  qrCode?: { text: string; filename: string; cid: string }
  /** The calendar invitation (METHOD:REQUEST) of the mail's event, with the recipient as the attendee. */
  eventRequest?: boolean
  /**
   * The calendar cancellation (METHOD:CANCEL) of the mail's event for the recipient alone, with this SEQUENCE:
   * one above every REQUEST they were sent (the caller raised the event's sequence past it).
   */
  eventCancel?: { sequence: number }
  /** Files stored once for a whole bulk send (MailAttachment rows), such as a report's PDF. */
  storedAttachmentIds?: string[]
}

export type PreparedMail = {
  kind: MailKind
  to: string
  toName: string
  language: Language
  subject: string
  html: string
  text: string
  ics?: IcsPart
  attachments?: Attachment[]
  parts?: MailParts
  /**
   * Set when the mail was filled in from a stored template (cachedMerge): the queue then keeps only the
   * template's id and the personal values, not the bodies (a confirmation's HTML is tens of kilobytes).
   */
  merge?: { id: string; values: Record<string, string> }
}

export type EnqueueMeta = { idempotencyKey: string; batchId?: string | null; eventId?: string | null }

type Tx = Pick<Db, '$queryRawUnsafe' | '$executeRawUnsafe'>

const addressPattern = /^[^\s@<>()"',;:\\]+@[^\s@<>()"',;:\\]+\.[^\s@<>()"',;:\\]+$/

function checkAddress(address: string) {
  if (!addressPattern.test(address) || address.length > 254) throw new Error('invalid recipient address')
  return address.toLowerCase()
}

/** Renders a mail (HTML and text from one component) and makes its headers safe. No IO. */
export async function prepareMail<K extends MailKind>(
  kind: K,
  input: {
    to: string
    toName: string
    language: Language
    props: MailProps<K>
    ics?: IcsPart
    attachments?: Attachment[]
  },
): Promise<PreparedMail> {
  const rendered = await renderMail(kind, input.props)
  return {
    kind,
    to: checkAddress(input.to),
    toName: headerSafe(input.toName),
    language: input.language,
    subject: headerSafe(rendered.subject),
    html: rendered.html,
    text: rendered.text,
    ics: input.ics,
    attachments: input.attachments,
  }
}

const escapeHtml = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;')

/** A template rendered once for a bulk send: placeholder tokens stand where the personal fields go. */
export type PreparedMerge = {
  kind: MailKind
  language: Language
  subject: string
  html: string
  text: string
  /** Field name → token. */
  fields: Record<string, string>
  /** The stored MailMerge row, for templates from cachedMerge. */
  id?: string
}

/**
 * Mail merge for bulk sends: renders the template once with placeholder tokens for the personal fields
 * (name, personal link). Rendering 5,000 mails one by one would take most of a minute; filling in the
 * tokens takes microseconds and gives the same output (tests/integration/mail.test.ts checks this).
 */
export async function prepareBulk<K extends MailKind, F extends string>(
  kind: K,
  input: { language: Language; fields: readonly F[]; props: (fields: Record<F, string>) => MailProps<K> },
): Promise<PreparedMerge> {
  const tokens = Object.fromEntries(input.fields.map((f, i) => [f, `XBIJEENMERGE${i}X`])) as Record<F, string>
  const rendered = await renderMail(kind, input.props(tokens))
  return { kind, language: input.language, ...rendered, fields: tokens }
}

// Templates of mails that go out one at a time but look alike (confirmations, waitlist notices): rendered
// once per shape, stored once as a MailMerge row (a deterministic id, so every process finds the same row),
// and filled in per person. Bounded, so a long-running process does not grow without end.
const mergeCache = new Map<string, Promise<PreparedMerge & { id: string }>>()
const MERGE_CACHE_SIZE = 200

const mergeColumns: ColumnSpec = {
  id: 'text',
  kind: 'text',
  language: { enum: 'Language' },
  subject: 'text',
  html: 'text',
  text: 'text',
  fields: 'json',
  createdAt: 'time',
}

/**
 * `prepareBulk`, remembered under `key`, which must hold every prop that is not a merge field (a changed event
 * title then renders anew). Run it outside a transaction: the first call stores the template.
 */
export function cachedMerge<K extends MailKind, F extends string>(
  key: unknown,
  kind: K,
  input: { language: Language; fields: readonly F[]; props: (fields: Record<F, string>) => MailProps<K> },
): Promise<PreparedMerge & { id: string }> {
  const cacheKey = JSON.stringify([getEnv().DATABASE_URL, kind, input.language, input.fields, key])
  let merge = mergeCache.get(cacheKey)
  if (!merge) {
    if (mergeCache.size >= MERGE_CACHE_SIZE) mergeCache.delete(mergeCache.keys().next().value!)
    merge = prepareBulk(kind, input).then(async (prepared) => {
      // Same template, same id: the rendered text is part of the hash, so a new rendering is a new row.
      const id = `m${createHash('sha256')
        .update(JSON.stringify([cacheKey, prepared]))
        .digest('hex')
        .slice(0, 24)}`
      const row = { id, ...prepared, createdAt: new Date() }
      await sqlDriver().write(() => insertRows('MailMerge', mergeColumns, [row], 'id'))
      return { ...prepared, id }
    })
    merge.catch(() => mergeCache.delete(cacheKey))
    mergeCache.set(cacheKey, merge)
  }
  return merge
}

/** The mail of one recipient: tokens replaced, HTML-escaped in the HTML part. Pure. */
export function fillMerge(
  merge: Pick<PreparedMerge, 'subject' | 'html' | 'text' | 'fields'>,
  values: Record<string, string>,
) {
  const fill = (text: string, escape: (v: string) => string) =>
    Object.entries(merge.fields).reduce(
      (out, [field, token]) => out.split(token).join(escape(values[field] ?? '')),
      text,
    )
  return {
    subject: headerSafe(fill(merge.subject, (v) => v)),
    html: fill(merge.html, escapeHtml),
    text: fill(merge.text, (v) => v),
  }
}

/** One person's mail from a merge template, ready to enqueue like a rendered one. */
export function mergedMail(
  merge: PreparedMerge,
  to: { to: string; toName: string },
  values: Record<string, string>,
  extras: { ics?: IcsPart; attachments?: Attachment[]; parts?: MailParts } = {},
): PreparedMail {
  return {
    kind: merge.kind,
    to: checkAddress(to.to),
    toName: headerSafe(to.toName),
    language: merge.language,
    ...fillMerge(merge, values),
    ...extras,
    merge: merge.id ? { id: merge.id, values } : undefined,
  }
}

/**
 * What a queued mail says: its own bodies, or its stored template filled in with its personal values, with
 * its personal links while it is not yet sent (a sent mail keeps placeholders where the tokens were).
 */
export async function queuedMailBody(row: {
  html: string | null
  text: string | null
  mergeId: string | null
  mergeValues: unknown
  linkSecrets: unknown
}): Promise<{ html: string; text: string }> {
  if (!row.mergeId)
    return { html: unsealLinks(row.html ?? '', row.linkSecrets), text: unsealLinks(row.text ?? '', row.linkSecrets) }
  const merge = await db.mailMerge.findUniqueOrThrow({ where: { id: row.mergeId } })
  const filled = fillMerge(
    { ...merge, fields: merge.fields as Record<string, string> },
    (row.mergeValues ?? {}) as Record<string, string>,
  )
  return { html: unsealLinks(filled.html, row.linkSecrets), text: unsealLinks(filled.text, row.linkSecrets) }
}

export function mailDomain() {
  const from = getEnv().MAIL_FROM
  const match = /@([^>\s]+)/.exec(from)
  return match?.[1] ?? new URL(getEnv().APP_URL).hostname
}

const outboxColumns: ColumnSpec = {
  id: 'text',
  kind: 'text',
  to: 'text',
  toName: 'text',
  language: { enum: 'Language' },
  subject: 'text',
  html: 'text',
  text: 'text',
  attachments: 'json',
  icsMethod: 'text',
  icsContent: 'text',
  parts: 'json',
  status: { enum: 'OutboxStatus' },
  attempts: 'int',
  nextAttemptAt: 'time',
  messageId: 'text',
  idempotencyKey: 'text',
  batchId: 'text',
  mergeId: 'text',
  mergeValues: 'json',
  linkSecrets: 'json',
  eventId: 'text',
  createdAt: 'time',
  updatedAt: 'time',
}

type OutboxRow = {
  kind: string
  to: string
  toName: string
  language: Language
  subject: string
  html: string | null
  text: string | null
  attachments?: Attachment[]
  ics?: IcsPart
  parts?: MailParts
  mergeId?: string
  mergeValues?: Record<string, string>
} & EnqueueMeta

function outboxRecords(rows: OutboxRow[]) {
  const now = new Date()
  const domain = mailDomain()
  return rows.map((mail) => {
    // The personal links' tokens leave the stored mail for linkSecrets, which the worker clears once it is
    // sent (ADR 004).
    const { seal, secrets } = linkSealer()
    const sealed = {
      subject: seal(mail.subject),
      html: seal(mail.html),
      text: seal(mail.text),
      icsContent: seal(mail.ics?.content ?? null),
      mergeValues: mail.mergeValues
        ? Object.fromEntries(Object.entries(mail.mergeValues).map(([field, value]) => [field, seal(value)]))
        : null,
    }
    return outboxRecord(mail, { ...sealed, linkSecrets: secrets.length ? secrets : null }, now, domain)
  })
}

function outboxRecord(
  mail: OutboxRow,
  sealed: {
    subject: string
    html: string | null
    text: string | null
    icsContent: string | null
    mergeValues: Record<string, string> | null
    linkSecrets: string[] | null
  },
  now: Date,
  domain: string,
) {
  return {
    id: randomUUID(),
    kind: mail.kind,
    to: mail.to,
    toName: mail.toName,
    language: mail.language,
    subject: sealed.subject,
    html: sealed.html,
    text: sealed.text,
    attachments: mail.attachments?.length ? mail.attachments : null,
    // A REQUEST or CANCEL the worker draws is recorded as one now: cancellationRecipients and the worker look
    // for them.
    icsMethod: mail.ics?.method ?? (mail.parts?.eventRequest ? 'REQUEST' : mail.parts?.eventCancel ? 'CANCEL' : null),
    icsContent: sealed.icsContent,
    parts: mail.parts ?? null,
    status: 'queued',
    attempts: 0,
    nextAttemptAt: now,
    messageId: `<${randomUUID()}@${domain}>`,
    idempotencyKey: mail.idempotencyKey,
    batchId: mail.batchId ?? null,
    mergeId: mail.mergeId ?? null,
    mergeValues: sealed.mergeValues,
    linkSecrets: sealed.linkSecrets,
    eventId: mail.eventId ?? null,
    createdAt: now,
    updatedAt: now,
  }
}

async function insertOutboxRows(rows: OutboxRow[], tx: Tx) {
  const ids = await insertIgnoringDuplicates(tx, 'OutboxMessage', outboxColumns, outboxRecords(rows), 'idempotencyKey')
  if (ids.length) notifyWorkers()
  return ids
}

const outboxRowOf = ({ merge, ...mail }: PreparedMail & EnqueueMeta): OutboxRow =>
  merge ? { ...mail, html: null, text: null, mergeId: merge.id, mergeValues: merge.values } : mail

/**
 * Queues mails inside the caller's transaction (or on its own). A mail whose idempotency key is already
 * queued is skipped. Returns the ids of the mails that were newly queued.
 */
export function enqueue(mails: Array<PreparedMail & EnqueueMeta>, tx: Tx = db): Promise<string[]> {
  return insertOutboxRows(mails.map(outboxRowOf), tx)
}

/**
 * `enqueue` as statements of a SQL driver transaction (app/utils/sql-driver.server.ts). Call `mailQueued()`
 * after the commit.
 */
export function queueMails(mails: Array<PreparedMail & EnqueueMeta>): Sql<string[]> {
  return insertRows('OutboxMessage', outboxColumns, outboxRecords(mails.map(outboxRowOf)), 'idempotencyKey')
}

/** Wakes the in-process mail worker after mails were queued through `queueMails`. */
export const mailQueued = () => notifyWorkers()

/**
 * Queues a bulk send: the merge template once, and one small row per recipient with its personal values.
 * The values are checked here, so that a mail that cannot be filled in never reaches the queue.
 */
export async function enqueueBulk(
  merge: PreparedMerge,
  recipients: Array<{
    to: string
    toName: string
    values: Record<string, string>
    idempotencyKey: string
    ics?: IcsPart
    parts?: MailParts
  }>,
  meta: { batchId?: string | null; eventId?: string | null } = {},
  tx: Pick<Db, '$queryRawUnsafe' | '$executeRawUnsafe' | 'mailMerge'> = db,
): Promise<string[]> {
  const stored = await tx.mailMerge.create({
    data: {
      kind: merge.kind,
      language: merge.language,
      subject: merge.subject,
      html: merge.html,
      text: merge.text,
      fields: merge.fields,
    },
  })
  const rows = recipients.map((r) => {
    const missing = Object.keys(merge.fields).filter((f) => typeof r.values[f] !== 'string')
    if (missing.length) throw new Error(`merge values missing: ${missing.join(', ')}`)
    return {
      kind: merge.kind,
      to: checkAddress(r.to),
      toName: headerSafe(r.toName),
      language: merge.language,
      // The personal subject is kept on the row for lists and logs; the bodies come from the merge.
      subject: fillMerge(merge, r.values).subject,
      html: null,
      text: null,
      mergeId: stored.id,
      mergeValues: r.values,
      ics: r.ics,
      parts: r.parts,
      idempotencyKey: r.idempotencyKey,
      batchId: meta.batchId,
      eventId: meta.eventId,
    }
  })
  return insertOutboxRows(rows, tx)
}

// In-process workers wake up at once instead of at their next poll.
const listeners = new Set<() => void>()
export function onMailQueued(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
function notifyWorkers() {
  for (const listener of listeners) listener()
}

export async function createBatch(input: {
  kind: string
  eventId?: string | null
  createdById?: string | null
  total: number
}) {
  return db.mailBatch.create({
    data: {
      kind: input.kind,
      eventId: input.eventId ?? null,
      createdById: input.createdById ?? null,
      total: input.total,
    },
  })
}

export type BatchProgress = {
  total: number
  queued: number
  sending: number
  sent: number
  retry: number
  failed: number
  done: boolean
}

/** Progress of several batches with one grouped count, not one query per batch. */
export async function batchesProgress(
  batches: Array<{ id: string; total: number }>,
): Promise<Map<string, BatchProgress>> {
  const groups = batches.length
    ? await db.outboxMessage.groupBy({
        by: ['batchId', 'status'],
        where: { batchId: { in: batches.map((b) => b.id) } },
        _count: { _all: true },
      })
    : []
  return new Map(
    batches.map((batch) => {
      const count = (status: string) =>
        groups.find((g) => g.batchId === batch.id && g.status === status)?._count._all ?? 0
      const progress = {
        total: batch.total,
        queued: count('queued'),
        sending: count('sending'),
        sent: count('sent'),
        retry: count('retry'),
        failed: count('failed'),
      }
      return [batch.id, { ...progress, done: progress.sent + progress.failed >= progress.total }]
    }),
  )
}

export async function batchProgress(batchId: string): Promise<BatchProgress | null> {
  const batch = await db.mailBatch.findUnique({ where: { id: batchId }, select: { id: true, total: true } })
  return batch ? (await batchesProgress([batch])).get(batch.id)! : null
}

/** Failed mails back in the queue as if new (their Message-ID kept, so a resend is still the same mail). */
async function requeueFailed(where: { id?: string; batchId?: string }) {
  const result = await db.outboxMessage.updateMany({
    where: { ...where, status: 'failed' },
    data: {
      status: 'queued',
      attempts: 0,
      nextAttemptAt: new Date(),
      lastError: null,
      leaseUntil: null,
      lockedBy: null,
    },
  })
  if (result.count) notifyWorkers()
  return result.count
}

/** Puts a failed mail back in the queue, keeping its Message-ID. Returns false when it was not failed. */
export async function resendFailed(messageId: string, batchId?: string) {
  return (await requeueFailed({ id: messageId, ...(batchId ? { batchId } : {}) })) === 1
}

export async function resendAllFailed(batchId: string) {
  return requeueFailed({ batchId })
}
