// Signing in: rate limits first, then the password check. The route starts the session (and sets its cookie)
// when the outcome is ok. Wrong passwords are throttled per client address and per account, but the
// per-account limit does not lock out a browser that signed in to that account before (OWASP's device
// cookies): it has its own limit. Someone guessing from many addresses then slows down unknown browsers
// only, and the account's owner still gets in from their own.
import { db } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { hitRateLimit } from '~/utils/rate-limit.server'
import { hashToken, randomToken } from '~/utils/tokens.server'
import { audit } from './audit.server'
import { verifySecondFactor } from './two-factor.server'
import { normaliseEmail, verifyLogin } from './user.server'

export type SignInOutcome =
  | { kind: 'ok'; userId: string; device: { token: string; expiresAt: Date } }
  /** The password was right; the account has 2FA, so the code comes next (completeSignIn). */
  | { kind: 'second-factor'; userId: string }
  | { kind: 'invalid' }
  | { kind: 'rate-limited'; retryAfterSeconds: number }

/** How long a browser stays known after its last sign-in. */
const DEVICE_DAYS = 180

/** The known browser of this device token when it belongs to the account of `email` and has not expired. */
async function knownDevice(deviceToken: string | null, email: string) {
  if (!deviceToken) return null
  const device = await db.trustedDevice.findUnique({
    where: { tokenHash: hashToken(deviceToken) },
    select: { id: true, expiresAt: true, user: { select: { email: true } } },
  })
  if (!device || device.expiresAt <= new Date() || device.user.email !== normaliseEmail(email)) return null
  return device
}

/** Remembers this browser for the account with a fresh token (a new device, or the known one renewed). */
async function rememberDevice(userId: string, known: { id: string } | null) {
  const token = randomToken()
  const expiresAt = new Date(Date.now() + DEVICE_DAYS * 24 * 3600_000)
  const data = { tokenHash: hashToken(token), lastUsedAt: new Date(), expiresAt }
  if (known) await db.trustedDevice.update({ where: { id: known.id }, data })
  else await db.trustedDevice.create({ data: { ...data, userId } })
  return { token, expiresAt }
}

export async function signIn(input: {
  email: string
  password: string
  /** The client's socket address, as the server passed it on (app/utils/request.server.ts). */
  clientAddress: string
  /** The token of the browser's device cookie, if it sent one. */
  deviceToken: string | null
}): Promise<SignInOutcome> {
  const { email, password } = input
  const env = getEnv()
  const device = await knownDevice(input.deviceToken, email)
  // The account key is hashed so that rate-limit rows hold no e-mail addresses.
  const keys = [
    `login:ip:${input.clientAddress}`,
    device ? `login:device:${device.id}` : `login:account:${hashToken(normaliseEmail(email))}`,
  ]
  for (const key of keys) {
    const limit = await hitRateLimit(key, env.LOGIN_RATE_LIMIT, env.LOGIN_RATE_WINDOW_SECONDS)
    if (!limit.allowed) return { kind: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds }
  }
  const user = await verifyLogin(email, password)
  if (!user) return { kind: 'invalid' }
  if (user.totpSecret) return { kind: 'second-factor', userId: user.id }
  const remembered = await rememberDevice(user.id, device)
  await audit({ actorUserId: user.id, action: 'sign-in', entity: 'User', entityId: user.id })
  return { kind: 'ok', userId: user.id, device: remembered }
}

export type CompleteSignInOutcome =
  | { kind: 'ok'; userId: string; device: { token: string; expiresAt: Date }; usedRecoveryCode: boolean }
  | { kind: 'invalid' }
  | { kind: 'rate-limited'; retryAfterSeconds: number }

/**
 * The second step for an account with 2FA: a code from the app or a recovery code. Only then is the browser
 * remembered as a known device (a stolen password alone does not make one).
 */
export async function completeSignIn(input: {
  userId: string
  code: string
  clientAddress: string
  deviceToken: string | null
}): Promise<CompleteSignInOutcome> {
  const outcome = await verifySecondFactor(input)
  if (outcome.kind !== 'ok') return outcome
  const user = await db.user.findUniqueOrThrow({ where: { id: input.userId }, select: { email: true } })
  const device = await knownDevice(input.deviceToken, user.email)
  const remembered = await rememberDevice(input.userId, device)
  await audit({
    actorUserId: input.userId,
    action: 'sign-in',
    entity: 'User',
    entityId: input.userId,
    details: { secondFactor: outcome.usedRecoveryCode ? 'recovery-code' : 'totp' },
  })
  return { kind: 'ok', userId: input.userId, device: remembered, usedRecoveryCode: outcome.usedRecoveryCode }
}
