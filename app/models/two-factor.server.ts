// The second factor of staff accounts (issue 15, ADR 013): TOTP (RFC 6238: 6 digits, 30 s, SHA-1, which every
// authenticator app reads) with ten one-time recovery codes. Required for admin, optional for the other roles.
// The secret is sealed at rest (app/utils/secret-box.server.ts) and never logged; a code is accepted once
// (the step it belongs to is remembered); recovery codes are stored as SHA-256 and used once; every attempt
// counts against a rate limit per account and per address, as wrong passwords do.
import { randomInt } from 'node:crypto'
import * as OTPAuth from 'otpauth'
import QRCode from 'qrcode'
import { db } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { hitRateLimit } from '~/utils/rate-limit.server'
import { open, seal } from '~/utils/secret-box.server'
import { hashToken } from '~/utils/tokens.server'
import { verifyPassword } from '~/utils/password.server'
import { audit } from './audit.server'

const ISSUER = 'bijeen'
const PERIOD = 30
export const RECOVERY_CODE_COUNT = 10
// Crockford's base32 without I, L, O and U: nothing to misread when typing a code from paper.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

function totp(secret: string, label = '') {
  return new OTPAuth.TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: OTPAuth.Secret.fromBase32(secret),
  })
}

export type Enrolment = { secret: string; uri: string; qrSvg: string }

/** The secret to show for enrolment, kept until a code confirms it (the same one when the page is reloaded). */
export async function startEnrolment(userId: string): Promise<Enrolment | null> {
  const user = await db.user.findUnique({ where: { id: userId } })
  if (!user) return null
  let secret = user.totpPendingSecret ? open(user.totpPendingSecret) : null
  if (!secret) {
    secret = new OTPAuth.Secret({ size: 20 }).base32
    await db.user.update({ where: { id: userId }, data: { totpPendingSecret: seal(secret) } })
  }
  const uri = totp(secret, user.email).toString()
  // An inline SVG (no image request, no data: URL the CSP would have to allow), with a quiet zone of 4 modules.
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })
  return { secret: secret.replace(/(.{4})/g, '$1 ').trim(), uri, qrSvg }
}

/** The 30-second step the code belongs to (the current one, or one either side for a clock that is off). */
function acceptedStep(secret: string, code: string, now: number): number | null {
  const token = code.replace(/\s/g, '')
  if (!/^\d{6}$/.test(token)) return null
  const delta = totp(secret).validate({ token, timestamp: now, window: 1 })
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta
}

async function throttle(userId: string, clientAddress: string) {
  const env = getEnv()
  for (const key of [`2fa:account:${userId}`, `2fa:ip:${clientAddress}`]) {
    const limit = await hitRateLimit(key, env.LOGIN_RATE_LIMIT, env.LOGIN_RATE_WINDOW_SECONDS)
    if (!limit.allowed) return limit.retryAfterSeconds
  }
  return null
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
    return `${chars.slice(0, 5)}-${chars.slice(5)}`
  })
}

/** A recovery code as typed (lower case, spaces, a dash or none) to the form it was hashed in. */
function normaliseRecoveryCode(code: string) {
  const plain = code.toUpperCase().replace(/[\s-]/g, '')
  return /^[0-9A-Z]{10}$/.test(plain) ? plain : null
}

async function storeRecoveryCodes(userId: string, codes: string[], tx: Pick<typeof db, 'recoveryCode'> = db) {
  await tx.recoveryCode.deleteMany({ where: { userId } })
  await tx.recoveryCode.createMany({
    data: codes.map((code) => ({ userId, codeHash: hashToken(normaliseRecoveryCode(code)!) })),
  })
}

export type ConfirmOutcome =
  | { kind: 'ok'; recoveryCodes: string[] }
  | { kind: 'invalid' }
  | { kind: 'no-enrolment' }
  | { kind: 'rate-limited'; retryAfterSeconds: number }

/** The first code from the app confirms the secret: 2FA is on, and the recovery codes are shown once. */
export async function confirmEnrolment(input: {
  userId: string
  code: string
  clientAddress: string
  now?: number
}): Promise<ConfirmOutcome> {
  const retry = await throttle(input.userId, input.clientAddress)
  if (retry !== null) return { kind: 'rate-limited', retryAfterSeconds: retry }
  const user = await db.user.findUnique({ where: { id: input.userId } })
  const secret = user?.totpPendingSecret ? open(user.totpPendingSecret) : null
  if (!user || !secret) return { kind: 'no-enrolment' }
  const step = acceptedStep(secret, input.code, input.now ?? Date.now())
  if (step === null) return { kind: 'invalid' }
  const recoveryCodes = newRecoveryCodes()
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { totpSecret: seal(secret), totpPendingSecret: null, totpLastStep: step },
    })
    await storeRecoveryCodes(user.id, recoveryCodes, tx)
    await audit({ actorUserId: user.id, action: 'two-factor.enabled', entity: 'User', entityId: user.id }, tx)
  })
  return { kind: 'ok', recoveryCodes }
}

export type SecondFactorOutcome =
  { kind: 'ok'; usedRecoveryCode: boolean } | { kind: 'invalid' } | { kind: 'rate-limited'; retryAfterSeconds: number }

/** Checks a code from the app, or a recovery code (which is then used up), for a user with 2FA. */
export async function verifySecondFactor(input: {
  userId: string
  code: string
  clientAddress: string
  now?: number
}): Promise<SecondFactorOutcome> {
  const retry = await throttle(input.userId, input.clientAddress)
  if (retry !== null) return { kind: 'rate-limited', retryAfterSeconds: retry }
  const user = await db.user.findUnique({ where: { id: input.userId } })
  const secret = user?.totpSecret ? open(user.totpSecret) : null
  if (!user || !secret || user.disabledAt) return { kind: 'invalid' }
  const step = acceptedStep(secret, input.code, input.now ?? Date.now())
  if (step !== null) {
    // Conditional, so that one code lets in one request, even when two arrive together.
    const claimed = await db.user.updateMany({
      where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    })
    return claimed.count === 1 ? { kind: 'ok', usedRecoveryCode: false } : { kind: 'invalid' }
  }
  const recovery = normaliseRecoveryCode(input.code)
  if (!recovery) return { kind: 'invalid' }
  const used = await db.recoveryCode.updateMany({
    where: { userId: user.id, codeHash: hashToken(recovery), usedAt: null },
    data: { usedAt: new Date() },
  })
  if (used.count !== 1) return { kind: 'invalid' }
  await audit({ actorUserId: user.id, action: 'two-factor.recovery-code-used', entity: 'User', entityId: user.id })
  return { kind: 'ok', usedRecoveryCode: true }
}

export async function twoFactorStatus(userId: string) {
  const [user, left] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, role: true } }),
    db.recoveryCode.count({ where: { userId, usedAt: null } }),
  ])
  return { enabled: Boolean(user?.totpSecret), required: user?.role === 'admin', recoveryCodesLeft: left }
}

export type ReauthOutcome<T> = { kind: 'ok'; value: T } | { kind: 'wrong-password' } | { kind: 'not-allowed' }

async function passwordOk(userId: string, password: string) {
  const user = await db.user.findUnique({ where: { id: userId } })
  return user && user.passwordHash ? verifyPassword(user.passwordHash, password) : false
}

/** New recovery codes (the old ones stop working), after the password is given again. */
export async function regenerateRecoveryCodes(userId: string, password: string): Promise<ReauthOutcome<string[]>> {
  const status = await twoFactorStatus(userId)
  if (!status.enabled) return { kind: 'not-allowed' }
  if (!(await passwordOk(userId, password))) return { kind: 'wrong-password' }
  const codes = newRecoveryCodes()
  await db.$transaction(async (tx) => {
    await storeRecoveryCodes(userId, codes, tx)
    await audit(
      { actorUserId: userId, action: 'two-factor.recovery-codes-renewed', entity: 'User', entityId: userId },
      tx,
    )
  })
  return { kind: 'ok', value: codes }
}

/** Turns 2FA off, after the password is given again; an administrator cannot (it is required for them). */
export async function disableTwoFactor(userId: string, password: string): Promise<ReauthOutcome<null>> {
  const status = await twoFactorStatus(userId)
  if (!status.enabled || status.required) return { kind: 'not-allowed' }
  if (!(await passwordOk(userId, password))) return { kind: 'wrong-password' }
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { totpSecret: null, totpPendingSecret: null, totpLastStep: null },
    })
    await tx.recoveryCode.deleteMany({ where: { userId } })
    await audit({ actorUserId: userId, action: 'two-factor.disabled', entity: 'User', entityId: userId }, tx)
  })
  return { kind: 'ok', value: null }
}

/** For the seed and tests: enrols a user with a known secret (base32), as if they had scanned it. */
export async function enrolWithSecret(userId: string, secret: string, tx: Pick<typeof db, 'user'> = db) {
  await tx.user.update({ where: { id: userId }, data: { totpSecret: seal(secret), totpPendingSecret: null } })
}
