// Where the request being handled came from, for the audit log, without passing a Request into the models.
// The HTTP server runs every request inside `withRequestContext`; work outside a request (the mail worker,
// the purge, scripts) has no context and is recorded as "system". The store lives on globalThis so that the
// development server (tsx) and the app (Vite's module graph) share one.
import { AsyncLocalStorage } from 'node:async_hooks'

export type RequestContext = {
  /** A coarse summary of the client, as Session.ipSummary: never the full address. */
  origin: string
}

const key = Symbol.for('bijeen.request-context')
const store: AsyncLocalStorage<RequestContext> = ((globalThis as Record<symbol, unknown>)[key] ??=
  new AsyncLocalStorage<RequestContext>()) as AsyncLocalStorage<RequestContext>

export function withRequestContext<T>(context: RequestContext, run: () => T): T {
  return store.run(context, run)
}

/** The origin of the request being handled, or "system" outside a request. */
export function currentOrigin(): string {
  return store.getStore()?.origin ?? 'system'
}

/** The first three parts of an IPv4 address, the first three groups of an IPv6 one. */
export function coarseAddress(address: string): string {
  if (address.includes('.')) return address.split('.').slice(0, 3).join('.') + '.x'
  if (address.includes(':')) return address.split(':').slice(0, 3).join(':') + ':…'
  return 'unknown'
}

/** "Firefox op Linux": the browser and system families only. */
export function clientKind(userAgent: string): string {
  const ua = userAgent
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
  return `${browser} op ${os}`
}

/** The origin as the audit log records it: "127.0.0.x · Chrome op Linux". */
export function describeOrigin(address: string, userAgent: string): string {
  return `${coarseAddress(address)} · ${clientKind(userAgent)}`
}
