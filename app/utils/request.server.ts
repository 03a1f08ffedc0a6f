import { getEnv } from './env.server'
import { clientKind, coarseAddress } from './request-context.server'

/**
 * The client address, for rate limits. X-Forwarded-For is only believed behind a proxy that we
 * configured (TRUST_PROXY); otherwise a client could pick its own key. The Express server passes the
 * socket address in the x-bijeen-client-ip header, which it overwrites on every request.
 */
export function clientAddress(request: Request): string {
  const env = getEnv()
  if (env.TRUST_PROXY) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  return request.headers.get('x-bijeen-client-ip') ?? 'unknown'
}

/** A coarse description of the client for the session list: never the full address. */
export function summariseClient(request: Request) {
  return {
    ipSummary: coarseAddress(clientAddress(request)),
    userAgent: clientKind(request.headers.get('user-agent') ?? ''),
  }
}
