// Signing in: rate limits first (per client address and per account), then the password check. The route
// starts the session (and sets its cookie) when the outcome is ok.
import { getEnv } from '~/utils/env.server'
import { hitRateLimit } from '~/utils/rate-limit.server'
import { hashToken } from '~/utils/tokens.server'
import { audit } from './audit.server'
import { normaliseEmail, verifyLogin } from './user.server'

export type SignInOutcome =
  { kind: 'ok'; userId: string } | { kind: 'invalid' } | { kind: 'rate-limited'; retryAfterSeconds: number }

export async function signIn(input: {
  email: string
  password: string
  /** The client's socket address, as the server passed it on (app/utils/request.server.ts). */
  clientAddress: string
}): Promise<SignInOutcome> {
  const { email, password } = input
  const env = getEnv()
  // The account key is hashed so that rate-limit rows hold no e-mail addresses.
  const keys = [`login:ip:${input.clientAddress}`, `login:account:${hashToken(normaliseEmail(email))}`]
  for (const key of keys) {
    const limit = await hitRateLimit(key, env.LOGIN_RATE_LIMIT, env.LOGIN_RATE_WINDOW_SECONDS)
    if (!limit.allowed) return { kind: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds }
  }
  const user = await verifyLogin(email, password)
  if (!user) return { kind: 'invalid' }
  await audit({ actorUserId: user.id, action: 'sign-in', entity: 'User', entityId: user.id })
  return { kind: 'ok', userId: user.id }
}
