import type { Prisma } from '~/generated/prisma/client'
import { db } from '~/utils/db.server'

type AuditInput = {
  actorUserId?: string | null
  actorLabel?: string
  action: string
  entity: string
  entityId: string
  // Ids and field names only: no personal data, so the audit trail can be kept and shown.
  details?: Prisma.InputJsonValue
}

/** Writes an audit entry, inside the caller's transaction when one is given. */
export function audit(entry: AuditInput, tx: Pick<typeof db, 'auditEntry'> = db) {
  return tx.auditEntry.create({ data: { ...entry, actorUserId: entry.actorUserId ?? null } })
}
