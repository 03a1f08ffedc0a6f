// How an invitation looks to the secretariat. The stored Invitation.status says pending/sent/registered/declined;
// whether the mail actually arrived is read from the outbox message of the latest send (invitation or reminder),
// so that a failed delivery shows as failed, and as sent again after a successful resend. Pure.

export const invitationViewStatuses = ['pending', 'sent', 'failed', 'registered', 'declined', 'revoked'] as const
export type InvitationViewStatus = (typeof invitationViewStatuses)[number]

export type SendKind = 'invitation' | 'reminder'

/** Idempotency keys of invitation mails: `invitation:<invitationId>:<n>` and `reminder:<invitationId>:<n>`. */
export function sendKey(kind: SendKind, invitationId: string, n: number) {
  return `${kind}:${invitationId}:${n}`
}

export function parseSendKey(key: string): { kind: SendKind; invitationId: string; n: number } | null {
  const match = /^(invitation|reminder):([^:]+):(\d+)$/.exec(key)
  if (!match) return null
  return { kind: match[1] as SendKind, invitationId: match[2]!, n: Number(match[3]) }
}

export type SendRecord = { kind: SendKind; n: number; status: string; createdAt: Date }

export type SendHistory = {
  /** The most recent send (invitation or reminder). */
  latest: SendRecord | null
  /** The highest number used per kind, to pick the next idempotency key. */
  highest: Record<SendKind, number>
}

const emptyHistory = (): SendHistory => ({ latest: null, highest: { invitation: 0, reminder: 0 } })

function isLater(a: SendRecord, b: SendRecord) {
  if (a.createdAt.getTime() !== b.createdAt.getTime()) return a.createdAt > b.createdAt
  // Same millisecond: a reminder follows its invitation; a higher number follows a lower one.
  if (a.kind !== b.kind) return a.kind === 'reminder'
  return a.n > b.n
}

/** Groups outbox messages (by their idempotency key) into a send history per invitation. */
export function sendHistories(
  messages: Array<{ idempotencyKey: string; status: string; createdAt: Date }>,
): Map<string, SendHistory> {
  const histories = new Map<string, SendHistory>()
  for (const message of messages) {
    const key = parseSendKey(message.idempotencyKey)
    if (!key) continue
    const history = histories.get(key.invitationId) ?? emptyHistory()
    const record: SendRecord = { kind: key.kind, n: key.n, status: message.status, createdAt: message.createdAt }
    history.highest[key.kind] = Math.max(history.highest[key.kind], key.n)
    if (!history.latest || isLater(record, history.latest)) history.latest = record
    histories.set(key.invitationId, history)
  }
  return histories
}

export function nextSendNumber(history: SendHistory | undefined, kind: SendKind) {
  return (history?.highest[kind] ?? 0) + 1
}

export function invitationViewStatus(
  invitation: { status: string; revokedAt: Date | string | null },
  history: SendHistory | undefined,
): InvitationViewStatus {
  if (invitation.revokedAt) return 'revoked'
  if (invitation.status === 'registered' || invitation.status === 'declined') return invitation.status
  if (invitation.status === 'pending') return 'pending'
  return history?.latest?.status === 'failed' ? 'failed' : 'sent'
}

/** Not answered yet: invited (sent or failed), not registered or declined, not revoked. */
export function awaitsAnswer(status: InvitationViewStatus) {
  return status === 'sent' || status === 'failed'
}
