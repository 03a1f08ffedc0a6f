import type { Prisma } from '~/generated/prisma/client'
import {
  AUDIT_PAGE_SIZE,
  auditCursor,
  unsafeDetail,
  type AuditAction,
  type AuditActorLabel,
  type AuditEntity,
  type AuditQuery,
} from '~/domain/audit'
import { db } from '~/utils/db.server'
import { currentOrigin } from '~/utils/request-context.server'

type AuditInput = {
  actorUserId?: string | null
  actorLabel?: AuditActorLabel
  action: AuditAction
  entity: AuditEntity
  entityId: string
  // Ids, counts, flags and field names only: no personal data, so the audit trail can be kept and shown.
  details?: Prisma.InputJsonValue
}

/**
 * Writes an audit entry, inside the caller's transaction when one is given (or as part of a batch: the
 * result is Prisma's own promise). "From where" is the request being handled (app/utils/request-context),
 * or "system" for the worker's jobs.
 */
export function audit(entry: AuditInput, tx: Pick<typeof db, 'auditEntry'> = db) {
  const bad = unsafeDetail(entry.details)
  if (bad) throw new Error(`audit ${entry.action}: ${bad} is not an id, count, flag or code`)
  return tx.auditEntry.create({
    data: {
      ...entry,
      actorUserId: entry.actorUserId ?? null,
      actorLabel: entry.actorLabel ?? (entry.actorUserId ? '' : 'system'),
      origin: currentOrigin(),
    },
  })
}

/**
 * One page of the audit log, newest first, by keyset on (at, id): each filter uses an index that starts
 * with its column and ends with (at, id), so a page reads at most `limit + 1` rows whatever the log's size.
 */
export async function listAuditEntries(query: AuditQuery, limit = AUDIT_PAGE_SIZE) {
  const at: Prisma.DateTimeFilter = {}
  if (query.from) at.gte = query.from
  if (query.until) at.lt = query.until
  const where: Prisma.AuditEntryWhereInput = {
    ...(query.actorUserId ? { actorUserId: query.actorUserId } : {}),
    ...(query.actorLabel ? { actorLabel: query.actorLabel, actorUserId: null } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.entity ? { entity: query.entity } : {}),
    ...(query.from || query.until ? { at } : {}),
    ...(query.before
      ? { OR: [{ at: { lt: query.before.at } }, { at: query.before.at, id: { lt: query.before.id } }] }
      : {}),
  }
  const rows = await db.auditEntry.findMany({
    where,
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    select: {
      id: true,
      at: true,
      action: true,
      entity: true,
      entityId: true,
      details: true,
      origin: true,
      actorLabel: true,
      actor: { select: { id: true, name: true } },
    },
  })
  const entries = rows.slice(0, limit)
  const last = entries.at(-1)
  return { entries, next: rows.length > limit && last ? auditCursor(last) : null }
}

/** The staff accounts, for the "who" filter. */
export function auditActors() {
  return db.user.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } })
}
