// Signing in: rate limits first (per client address and per account), then the password check.
import { getEnv } from '~/utils/env.server'
import { hitRateLimit } from '~/utils/rate-limit.server'
import { clientAddress } from '~/utils/request.server'
import { createUserSession } from '~/utils/session.server'
import { hashToken } from '~/utils/tokens.server'
import { audit } from './audit.server'
import { normaliseEmail, verifyLogin } from './user.server'

export type SignInOutcome =
  | { kind: 'ok'; cookie: string; userId: string }
  | { kind: 'invalid' }
  | { kind: 'rate-limited'; retryAfterSeconds: number }

export async function signIn(request: Request, email: string, password: string): Promise<SignInOutcome> {
  const env = getEnv()
  // The account key is hashed so that rate-limit rows hold no e-mail addresses.
  const keys = [`login:ip:${clientAddress(request)}`, `login:account:${hashToken(normaliseEmail(email))}`]
  for (const key of keys) {
    const limit = await hitRateLimit(key, env.LOGIN_RATE_LIMIT, env.LOGIN_RATE_WINDOW_SECONDS)
    if (!limit.allowed) return { kind: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds }
  }
  const user = await verifyLogin(email, password)
  if (!user) return { kind: 'invalid' }
  const cookie = await createUserSession(request, user.id)
  await audit({ actorUserId: user.id, action: 'sign-in', entity: 'User', entityId: user.id })
  return { kind: 'ok', cookie, userId: user.id }
}
