// The public pages that many people read (event page, programme page, their agenda files, published reports)
// are rendered once per process and served from memory until what they show changes. A change to anything they
// show raises PublicContentVersion.version in the change's own transaction (database triggers, so no write path
// can forget it, in any process, on SQLite and PostgreSQL); each request reads that one row and a page rendered
// at an older version is rendered again. Time also changes these pages (a registration window opens, an event
// becomes past), so an entry lasts until the next full minute at most. Why, and the CSP: ADR 010.
import crypto from 'node:crypto'
import { createRequestHandler, type AppLoadContext, type ServerBuild } from '@remix-run/node'
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from 'express'
import { isLang } from '../i18n/index.ts'
import { langCookie, langOf } from '../i18n/lang.server.ts'
import { getEnv } from '../utils/env.server.ts'
import { select, sqlDriver } from '../utils/sql-driver.server.ts'
import { contentSecurityPolicy, inlineScriptHashes } from './csp.ts'

const CACHED_PATHS = [
  /^\/bijeenkomsten\/[^/]+$/,
  /^\/bijeenkomsten\/[^/]+\/agenda\.ics$/,
  /^\/programmas\/[^/]+$/,
  /^\/programmas\/[^/]+\/agenda\.ics$/,
  /^\/verslagen\/[^/]+$/,
]
// Only these query parameters (and values) make a distinct page; any other query skips the cache, so that
// nobody can fill memory with made-up addresses.
const CACHED_QUERY: Record<string, (value: string) => boolean> = {
  lang: isLang,
  programmaonderdelen: (value) => value === '1',
}
const MAX_ENTRIES = 500
// Response headers that belong to the stored page; the rest (security headers) the server adds per response.
const KEPT_HEADERS = ['content-type', 'content-disposition', 'cache-control', 'vary', 'x-content-type-options']

type Entry = {
  version: number
  expiresAt: number
  etag: string
  body: Buffer
  headers: Array<[string, string]>
}

/** The version the public pages are at now: one indexed read of one row. */
export async function publicContentVersion(): Promise<number> {
  const [row] = await sqlDriver().read(
    select<{ version: number }>('SELECT "version" FROM "PublicContentVersion" WHERE "id" = 1'),
  )
  return Number(row?.version ?? 0)
}

/** The cache key of a request, or null when it must go to Remix as it is (signed in, other query, not GET). */
async function keyOf(req: ExpressRequest): Promise<{ key: string; lang: string; fromQuery: boolean } | null> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null
  if (!CACHED_PATHS.some((pattern) => pattern.test(req.path))) return null
  const cookie = req.headers.cookie ?? ''
  // A secretariat session sees previews and a personal shell: never from the shared cache.
  if (/(?:^|;\s*)(?:__Host-)?bijeen_session=/.test(cookie)) return null
  const query = new URL(req.originalUrl, 'http://x').searchParams
  for (const [name, value] of query) if (!CACHED_QUERY[name]?.(value)) return null
  const fromQuery = query.get('lang')
  // The app's own rule (a browser that asks for English gets English), so the cache serves what Remix would.
  const lang = await langOf(query, cookie, req.headers['accept-language'])
  return { key: `${lang} ${req.originalUrl}`, lang, fromQuery: isLang(fromQuery) }
}

const nextMinute = (now: number) => Math.floor(now / 60_000) * 60_000 + 60_000

function etagOf(body: Buffer, policy: string | null) {
  return `"${crypto
    .createHash('sha256')
    .update(body)
    .update(policy ?? '')
    .digest('base64url')
    .slice(0, 27)}"`
}

/** True when If-None-Match names this entity tag (or is *). */
function matches(ifNoneMatch: string | undefined, etag: string) {
  if (!ifNoneMatch) return false
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*')
}

export function publicPageCache(build: ServerBuild): RequestHandler {
  const handle = createRequestHandler(build, 'production')
  const entries = new Map<string, Entry>()
  // One render per page and version, however many requests arrive while it runs.
  const rendering = new Map<string, Promise<Entry | null>>()

  async function render(path: string, lang: string, fromQuery: boolean, version: number): Promise<Entry | null> {
    // Rendered as an anonymous visitor who chose this language: no cookie but the language, the app's own
    // address (never the Host header of whoever came first), the whole document at once, and no nonce.
    const headers = new Headers()
    if (!fromQuery) headers.set('cookie', (await langCookie.serialize(lang)).split(';')[0]!)
    const request = new Request(new URL(path, getEnv().APP_URL), { headers })
    const context = { cspNonce: undefined, wholeDocument: true } as AppLoadContext
    const response = await handle(request, context)
    const body = Buffer.from(await response.arrayBuffer())
    // Only pages that exist and set no cookie are shared; a 404 for a made-up slug takes no memory.
    if (response.status !== 200 || response.headers.has('set-cookie')) return null
    const kept = KEPT_HEADERS.flatMap((name): Array<[string, string]> => {
      const value = response.headers.get(name)
      return value === null ? [] : [[name, value]]
    })
    const html = response.headers.get('content-type')?.startsWith('text/html')
    const policy = html ? contentSecurityPolicy(inlineScriptHashes(body.toString('utf8'))) : null
    if (policy) kept.push(['content-security-policy', policy])
    return { version, expiresAt: nextMinute(Date.now()), etag: etagOf(body, policy), body, headers: kept }
  }

  function store(key: string, entry: Entry) {
    entries.delete(key)
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!)
    entries.set(key, entry)
  }

  function send(req: ExpressRequest, res: ExpressResponse, entry: Entry) {
    for (const [name, value] of entry.headers) res.setHeader(name, value)
    res.setHeader('ETag', entry.etag)
    if (matches(req.headers['if-none-match'], entry.etag)) {
      res.removeHeader('content-type')
      res.status(304).end()
      return
    }
    res.setHeader('Content-Length', entry.body.length)
    res.status(200).end(req.method === 'HEAD' ? undefined : entry.body)
  }

  return async (req, res, next) => {
    try {
      const key = await keyOf(req)
      if (!key) return next()
      const version = await publicContentVersion()
      let entry = entries.get(key.key)
      if (!entry || entry.version !== version || entry.expiresAt <= Date.now()) {
        const flight = `${version} ${key.key}`
        let pending = rendering.get(flight)
        if (!pending) {
          pending = render(req.originalUrl, key.lang, key.fromQuery, version).finally(() => rendering.delete(flight))
          rendering.set(flight, pending)
        }
        const rendered = await pending
        // Not shareable (a 404, a redirect): Remix answers this request itself.
        if (!rendered) return next()
        entry = rendered
        if (entry.version >= (entries.get(key.key)?.version ?? -1)) store(key.key, entry)
      }
      send(req, res, entry)
    } catch {
      // The version could not be read (the database is away): Remix answers, with its own error page.
      if (!res.headersSent) next()
    }
  }
}
