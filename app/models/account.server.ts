// A staff member's own account: choosing a password through the invitation link, changing it, name and
// language, and the list of their sessions, any of which they can end. Password rules: app/domain/password-rules.ts.
import { passwordProblem, type PasswordProblem } from '~/domain/password-rules'
import type { Language } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import { hashPassword, verifyPassword } from '~/utils/password.server'
import { hashToken } from '~/utils/tokens.server'
import { audit } from './audit.server'

const tokenShape = /^[A-Za-z0-9_-]{43}$/

/** The account behind an invitation link that still works, or null (unknown, used, revoked or expired). */
export async function accountLinkOwner(token: string, now = new Date()) {
  if (!tokenShape.test(token)) return null
  const link = await db.accountLink.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { id: true, name: true, email: true, disabledAt: true } } },
  })
  if (!link || link.usedAt || link.revokedAt || link.expiresAt <= now || link.user.disabledAt) return null
  return { linkId: link.id, userId: link.user.id, name: link.user.name, email: link.user.email }
}

export type SetPasswordOutcome =
  { kind: 'ok'; userId: string } | { kind: 'gone' } | { kind: 'weak'; problem: PasswordProblem }

/** Sets the password through the link, which is then used up (a second use, even at the same moment, fails). */
export async function setPasswordWithLink(token: string, password: string): Promise<SetPasswordOutcome> {
  const problem = passwordProblem(password)
  if (problem) return { kind: 'weak', problem }
  const owner = await accountLinkOwner(token)
  if (!owner) return { kind: 'gone' }
  const passwordHash = await hashPassword(password)
  const now = new Date()
  return db.$transaction(async (tx) => {
    const claimed = await tx.accountLink.updateMany({
      where: { tokenHash: hashToken(token), usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    })
    if (claimed.count !== 1) return { kind: 'gone' as const }
    await tx.user.update({ where: { id: owner.userId }, data: { passwordHash } })
    await tx.accountLink.updateMany({
      where: { userId: owner.userId, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    })
    await audit(
      { actorUserId: owner.userId, action: 'account.password-set', entity: 'User', entityId: owner.userId },
      tx,
    )
    return { kind: 'ok' as const, userId: owner.userId }
  })
}

export type ChangePasswordOutcome =
  { kind: 'ok' } | { kind: 'wrong-current' } | { kind: 'weak'; problem: PasswordProblem }

/** A new password, after the current one; the account's other sessions end (someone else may have had it). */
export async function changePassword(input: {
  userId: string
  sessionId: string
  current: string
  next: string
}): Promise<ChangePasswordOutcome> {
  const user = await db.user.findUnique({ where: { id: input.userId } })
  if (!user || !user.passwordHash || !(await verifyPassword(user.passwordHash, input.current))) {
    return { kind: 'wrong-current' }
  }
  const problem = passwordProblem(input.next)
  if (problem) return { kind: 'weak', problem }
  const passwordHash = await hashPassword(input.next)
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } })
    await tx.session.updateMany({
      where: { userId: user.id, revokedAt: null, id: { not: input.sessionId } },
      data: { revokedAt: new Date() },
    })
    await audit({ actorUserId: user.id, action: 'account.password-changed', entity: 'User', entityId: user.id }, tx)
  })
  return { kind: 'ok' }
}

export async function getAccount(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, language: true, totpSecret: true },
  })
}

export async function updateProfile(userId: string, input: { name: string; language: Language }) {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { name: input.name, language: input.language } })
    await audit(
      {
        actorUserId: userId,
        action: 'account.profile-changed',
        entity: 'User',
        entityId: userId,
        details: { fields: ['name', 'language'] },
      },
      tx,
    )
  })
}

export type AccountSession = {
  id: string
  device: string | null
  ipSummary: string | null
  createdAt: Date
  lastSeenAt: Date
  current: boolean
}

/** The account's sessions that still work (signed in, not ended, not expired), the current one first. */
export async function listSessions(
  userId: string,
  currentSessionId: string,
  now = new Date(),
): Promise<AccountSession[]> {
  const sessions = await db.session.findMany({
    where: { userId, revokedAt: null, awaitingSecondFactor: false, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: 'desc' },
    select: { id: true, userAgent: true, ipSummary: true, createdAt: true, lastSeenAt: true },
  })
  return sessions
    .map((s) => ({
      id: s.id,
      device: s.userAgent,
      ipSummary: s.ipSummary,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      current: s.id === currentSessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current))
}

/** Ends one of the account's own sessions (another account's id changes nothing). */
export async function endSession(userId: string, sessionId: string) {
  const ended = await db.session.updateMany({
    where: { id: sessionId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  })
  if (ended.count === 1)
    await audit({
      actorUserId: userId,
      action: 'session.ended',
      entity: 'User',
      entityId: userId,
      details: { sessionId },
    })
  return ended.count === 1
}

/** Ends every session of the account but the current one. */
export async function endOtherSessions(userId: string, currentSessionId: string) {
  const ended = await db.session.updateMany({
    where: { userId, revokedAt: null, id: { not: currentSessionId } },
    data: { revokedAt: new Date() },
  })
  if (ended.count)
    await audit({
      actorUserId: userId,
      action: 'session.others-ended',
      entity: 'User',
      entityId: userId,
      details: { sessions: ended.count },
    })
  return ended.count
}
