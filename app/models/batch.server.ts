// Bulk sends (MailBatch) and how far they are: for the secretariat's progress view.
import { batchesProgress } from '~/mail/outbox.server'
import { db } from '~/utils/db.server'

export async function listBatches() {
  const batches = await db.mailBatch.findMany({
    orderBy: { createdAt: 'desc' },
    take: 100,
    include: { event: { select: { title: true } } },
  })
  const progress = await batchesProgress(batches)
  return batches.map((b) => ({ ...b, progress: progress.get(b.id)! }))
}

const RECIPIENT_LIMIT = 500
const statusOrder = ['failed', 'retry', 'sending', 'queued', 'sent'] as const

export async function getBatch(id: string, status?: (typeof statusOrder)[number]) {
  const batch = await db.mailBatch.findUnique({ where: { id }, include: { event: { select: { title: true } } } })
  if (!batch) return null
  const progress = (await batchesProgress([batch])).get(batch.id)!
  // Problems first, so that the secretariat sees what needs attention.
  const recipients = []
  for (const s of status ? [status] : statusOrder) {
    if (recipients.length >= RECIPIENT_LIMIT) break
    recipients.push(
      ...(await db.outboxMessage.findMany({
        where: { batchId: id, status: s },
        orderBy: { to: 'asc' },
        take: RECIPIENT_LIMIT - recipients.length,
        select: {
          id: true,
          to: true,
          toName: true,
          status: true,
          attempts: true,
          lastError: true,
          nextAttemptAt: true,
          sentAt: true,
        },
      })),
    )
  }
  return { batch, progress, recipients, truncated: progress.total > recipients.length && !status }
}
