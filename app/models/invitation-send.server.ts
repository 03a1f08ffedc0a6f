// Invitations and reminders, secretariat side, what changes them: creating Invitation rows for the chosen
// contacts, sending them and reminders as one bulk batch each, revoking and inviting again. The list and its
// export are in invitation-list.server.ts.
//
// - A send renders each mail kind once per language (mail merge) and writes everything for all recipients in one
//   transaction with a handful of chunked statements: the batch, the personal links (only their hashes), the
//   outbox rows and the status update. No per-contact round trips, so thousands queue in seconds.
// - The personal link's token exists only in memory and in the queued mail; it is never logged.
// - Idempotency keys `invitation:<id>:<n>` / `reminder:<id>:<n>` make a concurrent double send queue each mail
//   once: when another send took a key first, this whole send is rolled back (nothing half-done).
import { randomUUID } from 'node:crypto'
import type { Language, Sector } from '~/generated/prisma/enums'
import {
  awaitsAnswer,
  invitationViewStatus,
  nextSendNumber,
  sendKey,
  type InvitationViewStatus,
  type SendKind,
} from '~/domain/invitations'
import { enqueueBulk, prepareBulk, type PreparedMerge } from '~/mail/outbox.server'
import { db } from '~/utils/db.server'
import { dbTime, portableSql } from '~/utils/sql.server'
import { hashToken, randomToken } from '~/utils/tokens.server'
import { audit } from './audit.server'
import { appUrl, secretariat } from '~/utils/env.server'
import { eventSummary, programmeName } from './event-mail.server'
import { getInvitationEvent, historiesOf } from './invitation-list.server'
import { revokePersonalLinks } from './personal-link.server'

const CHUNK = 400
// A send of thousands takes a few seconds of writes; the defaults (5 s) are too tight for that.
const TX_OPTIONS = { maxWait: 30_000, timeout: 120_000 }

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

export const invitationUrl = (token: string) => appUrl(`/uitnodiging/${token}`)

export type InviteSelection = { contactIds: string[]; organisationIds: string[]; sectors: Sector[] }

export type InviteResult =
  | { kind: 'invited'; created: number; existing: number; reinvited: number }
  | { kind: 'not-found' }
  | { kind: 'closed' }
  | { kind: 'empty' }

/**
 * Creates one invitation per chosen contact (one per contact per event: existing ones are skipped). A revoked
 * invitation of a chosen contact is opened again; it gets a new link on the next send.
 */
export async function inviteContacts(
  eventId: string,
  selection: InviteSelection,
  actorUserId: string | null,
): Promise<InviteResult> {
  const event = await getInvitationEvent(eventId)
  if (!event) return { kind: 'not-found' }
  if (event.status === 'cancelled' || event.status === 'completed') return { kind: 'closed' }
  const contactIds = await resolveContacts(selection)
  if (!contactIds.length) return { kind: 'empty' }

  return db.$transaction(async (tx) => {
    // All of the event's invitations, filtered here: a list of thousands of ids would exceed the database's
    // parameter limit in one IN.
    const chosenIds = new Set(contactIds)
    const existing = (
      await tx.invitation.findMany({ where: { eventId }, select: { id: true, contactId: true, revokedAt: true } })
    ).filter((i) => chosenIds.has(i.contactId))
    const known = new Set(existing.map((i) => i.contactId))
    const now = new Date()
    let created = 0
    for (const chunk of chunks(contactIds.filter((id) => !known.has(id)))) {
      // ON CONFLICT on the unique (eventId, contactId): a concurrent invite of the same contact is skipped.
      const sql = portableSql(
        `INSERT INTO "Invitation" ("id", "eventId", "contactId", "status", "createdAt") VALUES ${chunk
          .map(() => '(?, ?, ?, ?, ?)')
          .join(', ')} ON CONFLICT ("eventId", "contactId") DO NOTHING RETURNING "id"`,
        chunk.flatMap(() => [null, null, null, '"InvitationStatus"', 'timestamp(3)']),
      )
      const inserted = await tx.$queryRawUnsafe<Array<{ id: string }>>(
        sql,
        ...chunk.flatMap((contactId) => [randomUUID(), eventId, contactId, 'pending', dbTime(now)]),
      )
      created += inserted.length
    }
    const revoked = existing.filter((i) => i.revokedAt).map((i) => i.id)
    const reinvited = revoked.length ? await reopen(tx, eventId, revoked) : 0
    await audit(
      {
        actorUserId,
        action: 'invitation.created',
        entity: 'Event',
        entityId: eventId,
        details: { created, existing: existing.length - reinvited, reinvited },
      },
      tx,
    )
    return { kind: 'invited' as const, created, existing: existing.length - reinvited, reinvited }
  }, TX_OPTIONS)
}

/** The contacts behind a selection of contacts, organisations and sectors, each once (IN lists in chunks). */
async function resolveContacts(selection: InviteSelection): Promise<string[]> {
  const ids = new Set<string>()
  const add = (rows: Array<{ id: string }>) => rows.forEach((r) => ids.add(r.id))
  for (const chunk of chunks([...new Set(selection.contactIds)]))
    add(await db.contact.findMany({ where: { id: { in: chunk } }, select: { id: true } }))
  for (const chunk of chunks([...new Set(selection.organisationIds)]))
    add(await db.contact.findMany({ where: { organisationId: { in: chunk } }, select: { id: true } }))
  if (selection.sectors.length)
    add(
      await db.contact.findMany({
        where: { organisation: { sector: { in: [...new Set(selection.sectors)] } } },
        select: { id: true },
      }),
    )
  return [...ids]
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0]

/** Opens revoked invitations again: not yet sent, so the next send mails a new link. */
async function reopen(tx: Tx, eventId: string, ids: string[]) {
  let count = 0
  for (const chunk of chunks(ids)) {
    // Someone who registered stays registered; everyone else is invited afresh.
    const registered = await tx.invitation.updateMany({
      where: { id: { in: chunk }, eventId, revokedAt: { not: null }, status: 'registered' },
      data: { revokedAt: null },
    })
    const others = await tx.invitation.updateMany({
      where: { id: { in: chunk }, eventId, revokedAt: { not: null } },
      data: { revokedAt: null, status: 'pending', respondedAt: null },
    })
    count += registered.count + others.count
  }
  return count
}

// ─── Sending invitations and reminders ──────────────────────────────────────────────────────────────────

export type SendResult =
  | { kind: 'sent'; batchId: string; count: number; skipped: number }
  | { kind: 'not-found' }
  | { kind: 'not-published' }
  | { kind: 'nothing' }
  | { kind: 'conflict' }

class SendConflict extends Error {}

type Recipient = {
  id: string
  contact: { name: string; email: string; language: Language; organisation: { name: string } }
}

async function renderMerges(kind: SendKind, event: NonNullable<Awaited<ReturnType<typeof getInvitationEvent>>>) {
  const merges = new Map<Language, PreparedMerge>()
  for (const lang of ['nl', 'en'] as const) {
    const programme = await programmeName(event.programmeId, lang)
    merges.set(
      lang,
      await prepareBulk(kind, {
        language: lang,
        fields: ['recipientName', 'organisationName', 'registerUrl'] as const,
        props: (f) => ({
          lang,
          programmeName: programme,
          secretariatEmail: secretariat().email,
          recipientName: f.recipientName,
          organisationName: f.organisationName,
          event: eventSummary(event),
          registerUrl: f.registerUrl,
          respondBefore: event.registrationClosesAt?.toISOString(),
        }),
      }),
    )
  }
  return merges
}

/**
 * One bulk send (invitations or reminders) to the given invitations: a batch, a new personal link each, the
 * mails, and the status update, all in one transaction.
 */
async function sendBatch(
  kind: SendKind,
  event: NonNullable<Awaited<ReturnType<typeof getInvitationEvent>>>,
  recipients: Recipient[],
  histories: Awaited<ReturnType<typeof historiesOf>>,
  actorUserId: string | null,
): Promise<{ batchId: string }> {
  const merges = await renderMerges(kind, event)
  const personal = recipients.map((r) => ({
    ...r,
    token: randomToken(),
    key: sendKey(kind, r.id, nextSendNumber(histories.get(r.id), kind)),
  }))
  const now = new Date()
  return db.$transaction(async (tx) => {
    const batch = await tx.mailBatch.create({
      data: { kind, eventId: event.id, total: personal.length, createdById: actorUserId },
    })
    for (const chunk of chunks(personal)) {
      await tx.personalLink.createMany({
        data: chunk.map((r) => ({
          kind: 'invitation' as const,
          subjectId: r.id,
          eventId: event.id,
          expiresAt: event.endsAt,
          tokenHash: hashToken(r.token),
        })),
      })
    }
    let queued = 0
    for (const [lang, merge] of merges) {
      const group = personal.filter((r) => r.contact.language === lang)
      if (!group.length) continue
      const ids = await enqueueBulk(
        merge,
        group.map((r) => ({
          to: r.contact.email,
          toName: r.contact.name,
          values: {
            recipientName: r.contact.name,
            organisationName: r.contact.organisation.name,
            registerUrl: invitationUrl(r.token),
          },
          idempotencyKey: r.key,
        })),
        { batchId: batch.id, eventId: event.id },
        tx,
      )
      queued += ids.length
    }
    // Another send took some of these keys a moment ago: undo this one whole rather than send half.
    if (queued !== personal.length) throw new SendConflict()
    for (const chunk of chunks(personal)) {
      const ids = chunk.map((r) => r.id)
      await tx.invitation.updateMany({
        where: { id: { in: ids }, eventId: event.id },
        data: kind === 'invitation' ? { status: 'sent', sentAt: now } : { remindedAt: now },
      })
    }
    await audit(
      {
        actorUserId,
        action: kind === 'invitation' ? 'invitation.sent' : 'invitation.reminded',
        entity: 'Event',
        entityId: event.id,
        details: { batchId: batch.id, count: personal.length },
      },
      tx,
    )
    return { batchId: batch.id }
  }, TX_OPTIONS)
}

const recipientSelect = {
  id: true,
  status: true,
  revokedAt: true,
  contact: {
    select: { name: true, email: true, language: true, organisation: { select: { name: true } } },
  },
} as const

/**
 * Loads the chosen invitations of this event (all of them when `ids` is absent). An id that is not an
 * invitation of this event makes the whole request not found: nothing is sent.
 */
async function chosen(eventId: string, ids: string[] | undefined) {
  const unique = ids ? [...new Set(ids)] : undefined
  const rows = unique
    ? (
        await Promise.all(
          chunks(unique).map((chunk) =>
            db.invitation.findMany({ where: { eventId, id: { in: chunk } }, select: recipientSelect }),
          ),
        )
      ).flat()
    : await db.invitation.findMany({ where: { eventId }, select: recipientSelect })
  if (unique && rows.length !== unique.length) return null
  return rows
}

async function send(
  kind: SendKind,
  eventId: string,
  ids: string[] | undefined,
  actorUserId: string | null,
  eligible: (status: InvitationViewStatus, selected: boolean) => boolean,
): Promise<SendResult> {
  const event = await getInvitationEvent(eventId)
  if (!event) return { kind: 'not-found' }
  const rows = await chosen(eventId, ids)
  if (!rows) return { kind: 'not-found' }
  if (event.status !== 'published') return { kind: 'not-published' }
  const histories = await historiesOf(eventId)
  const recipients = rows.filter((r) => eligible(invitationViewStatus(r, histories.get(r.id)), Boolean(ids)))
  if (!recipients.length) return { kind: 'nothing' }
  try {
    const { batchId } = await sendBatch(kind, event, recipients, histories, actorUserId)
    return { kind: 'sent', batchId, count: recipients.length, skipped: rows.length - recipients.length }
  } catch (error) {
    if (error instanceof SendConflict) return { kind: 'conflict' }
    throw error
  }
}

/**
 * Sends the invitations that were not sent yet, or the chosen ones (which may include failed ones: they get a
 * new mail with a new link). Only for a published event.
 */
export function sendInvitations(eventId: string, ids: string[] | undefined, actorUserId: string | null) {
  return send('invitation', eventId, ids, actorUserId, (status, selected) =>
    selected ? status === 'pending' || status === 'failed' : status === 'pending',
  )
}

/** Reminds everyone who has not answered, or the chosen ones among them. Each gets a new link. */
export function remindInvitations(eventId: string, ids: string[] | undefined, actorUserId: string | null) {
  return send('reminder', eventId, ids, actorUserId, (status) => awaitsAnswer(status))
}

// ─── Revoking ───────────────────────────────────────────────────────────────────────────────────────────

export async function getInvitation(eventId: string, invitationId: string) {
  return db.invitation.findFirst({
    where: { id: invitationId, eventId },
    select: {
      id: true,
      revokedAt: true,
      status: true,
      event: { select: { id: true, title: true } },
      contact: { select: { name: true, organisation: { select: { name: true } } } },
    },
  })
}

/** Revokes an invitation: its links stop working (410) and it gets no reminders. */
export async function revokeInvitation(eventId: string, invitationId: string, actorUserId: string | null) {
  const invitation = await getInvitation(eventId, invitationId)
  if (!invitation) return { kind: 'not-found' as const }
  if (invitation.revokedAt) return { kind: 'revoked' as const, links: 0 }
  const links = await db.$transaction(async (tx) => {
    const count = await revokePersonalLinks('invitation', invitationId, tx)
    await tx.invitation.update({ where: { id: invitationId }, data: { revokedAt: new Date() } })
    await audit(
      {
        actorUserId,
        action: 'invitation.revoked',
        entity: 'Invitation',
        entityId: invitationId,
        details: { links: count },
      },
      tx,
    )
    return count
  })
  return { kind: 'revoked' as const, links }
}

/** Opens a revoked invitation again; the next send mails a new link. */
export async function reinvite(eventId: string, invitationId: string, actorUserId: string | null) {
  const invitation = await getInvitation(eventId, invitationId)
  if (!invitation) return { kind: 'not-found' as const }
  const count = await db.$transaction(async (tx) => {
    const n = await reopen(tx, eventId, [invitationId])
    if (n) await audit({ actorUserId, action: 'invitation.reopened', entity: 'Invitation', entityId: invitationId }, tx)
    return n
  })
  return { kind: count ? ('reopened' as const) : ('unchanged' as const) }
}
