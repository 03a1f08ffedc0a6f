// Staff accounts (issue 15), for administrators: the list, inviting a colleague by mail with a one-time link to
// choose a password (72 hours, only its SHA-256 stored, through the outbox like every mail), changing a role,
// and deactivating an account, which ends its sessions at once. There is always at least one active admin.
import type { Language, Role } from '~/generated/prisma/enums'
import { enqueue, prepareMail } from '~/mail/outbox.server'
import { db } from '~/utils/db.server'
import { appUrl, secretariat } from '~/utils/env.server'
import { hashToken, randomToken } from '~/utils/tokens.server'
import { audit } from './audit.server'
import { getShellProgramme } from './programme.server'
import { normaliseEmail } from './user.server'

/** How long an invitation's link to choose a password works. */
export const ACCOUNT_LINK_HOURS = 72

export type StaffStatus = 'invited' | 'active' | 'deactivated'

export type StaffMember = {
  id: string
  name: string
  email: string
  role: Role
  language: Language
  twoFactor: boolean
  lastLoginAt: Date | null
  status: StaffStatus
  /** Until when the newest invitation link works (an invited account only). */
  invitationExpiresAt: Date | null
}

const memberSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  language: true,
  totpSecret: true,
  lastLoginAt: true,
  disabledAt: true,
  passwordHash: true,
  accountLinks: {
    where: { usedAt: null, revokedAt: null },
    orderBy: { createdAt: 'desc' as const },
    take: 1,
    select: { expiresAt: true },
  },
}

function toMember(user: {
  id: string
  name: string
  email: string
  role: Role
  language: Language
  totpSecret: string | null
  lastLoginAt: Date | null
  disabledAt: Date | null
  passwordHash: string
  accountLinks: Array<{ expiresAt: Date }>
}): StaffMember {
  const status: StaffStatus = user.disabledAt ? 'deactivated' : user.passwordHash ? 'active' : 'invited'
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    language: user.language,
    twoFactor: user.totpSecret !== null,
    lastLoginAt: user.lastLoginAt,
    status,
    invitationExpiresAt: status === 'invited' ? (user.accountLinks[0]?.expiresAt ?? null) : null,
  }
}

export async function listStaff(): Promise<StaffMember[]> {
  const users = await db.user.findMany({ orderBy: [{ disabledAt: 'asc' }, { name: 'asc' }], select: memberSelect })
  // Active and invited first, then the deactivated (SQLite and PostgreSQL sort nulls differently).
  return users.map(toMember).sort((a, b) => Number(a.status === 'deactivated') - Number(b.status === 'deactivated'))
}

export async function getStaffMember(id: string): Promise<StaffMember | null> {
  const user = await db.user.findUnique({ where: { id }, select: memberSelect })
  return user ? toMember(user) : null
}

type Actor = { id: string; name: string }

async function queueInvitation(
  user: { id: string; email: string; name: string; role: Role; language: Language },
  actor: Actor,
) {
  const token = randomToken()
  const expiresAt = new Date(Date.now() + ACCOUNT_LINK_HOURS * 3600_000)
  const programme = await getShellProgramme()
  const lang = user.language
  const mail = await prepareMail('account-invitation', {
    to: user.email,
    toName: user.name,
    language: lang,
    props: {
      lang,
      programmeName: (lang === 'en' ? programme?.nameEn : null) ?? programme?.name ?? 'bijeen',
      secretariatEmail: secretariat().email,
      recipientName: user.name,
      invitedByName: actor.name,
      role: user.role,
      acceptUrl: appUrl(`/activeren/${token}`),
      expiresAt: expiresAt.toISOString(),
    },
  })
  return { token, expiresAt, mail }
}

export type InviteOutcome = { kind: 'ok'; userId: string } | { kind: 'exists' }

/** Creates the account (without a password) and queues the invitation with its one-time link. */
export async function inviteStaff(
  input: { email: string; name: string; role: Role; language: Language },
  actor: Actor,
): Promise<InviteOutcome> {
  const email = normaliseEmail(input.email)
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) return { kind: 'exists' }
  const draft = { id: '', email, name: input.name, role: input.role, language: input.language }
  const { token, expiresAt, mail } = await queueInvitation(draft, actor)
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email, name: input.name, role: input.role, language: input.language, passwordHash: '' },
      })
      const link = await tx.accountLink.create({
        data: { userId: user.id, tokenHash: hashToken(token), expiresAt, createdById: actor.id },
      })
      await enqueue([{ ...mail, idempotencyKey: `account-invitation:${link.id}` }], tx)
      await audit(
        {
          actorUserId: actor.id,
          action: 'staff.invited',
          entity: 'User',
          entityId: user.id,
          details: { role: input.role },
        },
        tx,
      )
      return { kind: 'ok' as const, userId: user.id }
    })
  } catch (error) {
    // Two admins inviting the same address at once: the unique e-mail decides.
    if ((error as { code?: string }).code === 'P2002') return { kind: 'exists' }
    throw error
  }
}

export type StaffChangeOutcome =
  { kind: 'ok' } | { kind: 'not-found' } | { kind: 'last-admin' } | { kind: 'not-invited' }

/** A new invitation for an account that has no password yet: earlier links stop working. */
export async function resendInvitation(userId: string, actor: Actor): Promise<StaffChangeOutcome> {
  const user = await db.user.findUnique({ where: { id: userId } })
  if (!user) return { kind: 'not-found' }
  if (user.passwordHash || user.disabledAt) return { kind: 'not-invited' }
  const { token, expiresAt, mail } = await queueInvitation(user, actor)
  await db.$transaction(async (tx) => {
    await tx.accountLink.updateMany({
      where: { userId, usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    })
    const link = await tx.accountLink.create({
      data: { userId, tokenHash: hashToken(token), expiresAt, createdById: actor.id },
    })
    await enqueue([{ ...mail, idempotencyKey: `account-invitation:${link.id}` }], tx)
    await audit({ actorUserId: actor.id, action: 'staff.reinvited', entity: 'User', entityId: userId }, tx)
  })
  return { kind: 'ok' }
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0]

/** Whether another active administrator than `userId` remains. */
async function anotherAdmin(tx: Tx, userId: string) {
  return (await tx.user.count({ where: { role: 'admin', disabledAt: null, id: { not: userId } } })) > 0
}

export async function changeRole(userId: string, role: Role, actor: Actor): Promise<StaffChangeOutcome> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } })
    if (!user) return { kind: 'not-found' as const }
    if (user.role === role) return { kind: 'ok' as const }
    if (user.role === 'admin' && !user.disabledAt && !(await anotherAdmin(tx, userId))) {
      return { kind: 'last-admin' as const }
    }
    await tx.user.update({ where: { id: userId }, data: { role } })
    await audit(
      { actorUserId: actor.id, action: 'staff.role-changed', entity: 'User', entityId: userId, details: { role } },
      tx,
    )
    return { kind: 'ok' as const }
  })
}

/** Deactivates an account: it cannot sign in, and every session it has ends now (the next request is signed out). */
export async function deactivateStaff(userId: string, actor: Actor): Promise<StaffChangeOutcome> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } })
    if (!user) return { kind: 'not-found' as const }
    if (user.disabledAt) return { kind: 'ok' as const }
    if (user.role === 'admin' && !(await anotherAdmin(tx, userId))) return { kind: 'last-admin' as const }
    const now = new Date()
    await tx.user.update({ where: { id: userId }, data: { disabledAt: now } })
    await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } })
    await tx.accountLink.updateMany({ where: { userId, usedAt: null, revokedAt: null }, data: { revokedAt: now } })
    await audit({ actorUserId: actor.id, action: 'staff.deactivated', entity: 'User', entityId: userId }, tx)
    return { kind: 'ok' as const }
  })
}

export async function reactivateStaff(userId: string, actor: Actor): Promise<StaffChangeOutcome> {
  const user = await db.user.findUnique({ where: { id: userId } })
  if (!user) return { kind: 'not-found' }
  if (!user.disabledAt) return { kind: 'ok' }
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { disabledAt: null } })
    await audit({ actorUserId: actor.id, action: 'staff.reactivated', entity: 'User', entityId: userId }, tx)
  })
  return { kind: 'ok' }
}
