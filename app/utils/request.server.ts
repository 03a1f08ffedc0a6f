import { getEnv } from './env.server'

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
  const address = clientAddress(request)
  const ipSummary = address.includes('.')
    ? address.split('.').slice(0, 3).join('.') + '.x'
    : address.split(':').slice(0, 3).join(':') + ':…'
  const ua = request.headers.get('user-agent') ?? ''
  const browser = /Firefox\//.test(ua)
    ? 'Firefox'
    : /Edg\//.test(ua)
      ? 'Edge'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'onbekend'
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /Mac OS X|Macintosh/.test(ua)
      ? 'macOS'
      : /Android/.test(ua)
        ? 'Android'
        : /iPhone|iPad/.test(ua)
          ? 'iOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : 'onbekend'
  return { ipSummary, userAgent: `${browser} op ${os}` }
}
