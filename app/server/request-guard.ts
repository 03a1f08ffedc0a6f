// The one place where a request is refused before any route sees it: a method no route accepts (405), a
// non-GET from another site (403), a body that is not a form (415), too large (413, before it is read) or
// broken (400). Each refusal is a short page in the visitor's language; none of them can become a 500.
// It replaces @remix-run/express's handler so that the body Remix reads is the one that was checked here.
import type { AppLoadContext, ServerBuild } from '@remix-run/node'
import { createRequestHandler as createRemixHandler, writeReadableStreamToWritable } from '@remix-run/node'
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'
import { securityEn, securityNl, type RefusalReason } from '../i18n/areas/security.ts'

export type Refusal = { status: 400 | 403 | 405 | 411 | 413 | 415; reason: RefusalReason }

export type GuardConfig = {
  /** The address people use (APP_URL): its origin is always the site's own. */
  appUrl: string
  /** Believe X-Forwarded-Host (and Express's X-Forwarded-Proto) only behind a proxy we configured. */
  trustProxy: boolean
  /** Every form body. */
  bodyLimit: number
  /** Routes that take a file upload (uploadLimitFor). */
  uploadLimit: number
}

const DRAIN_LIMIT = 64 * 1024 * 1024

export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST'] as const
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data']

// Routes with a file field: the secretariat's speaker form (photo) and contact import (CSV/XLSX), and the
// speaker's own portal (photo). Everything else is a small form.
const uploadRoutes = /^\/(beheer\/sprekers\/[^/]+|beheer\/contacten\/importeren|spreker\/[^/]+(\/[^/]+)?)$/

export function bodyLimitFor(pathname: string, config: Pick<GuardConfig, 'bodyLimit' | 'uploadLimit'>) {
  const path = pathname.replace(/\.data$/, '').replace(/\/+$/, '')
  return uploadRoutes.test(path) ? Math.max(config.uploadLimit, config.bodyLimit) : config.bodyLimit
}

type Head = {
  method: string
  pathname: string
  /** Lower-case header names. */
  headers: Record<string, string | undefined>
  /**
   * The origins this request may come from: the one it was addressed to (Host, or a trusted X-Forwarded-Host,
   * which behind the proxy is APP_URL's). Remix compares Origin with the same host and throws on a mismatch, so
   * the guard must accept no more than that: APP_URL's origin on another Host would pass here and crash there.
   */
  siteOrigins: string[]
}

/** The checks that need only the request line and headers: pure, so every rule is unit-tested. */
export function checkHead(head: Head, config: Pick<GuardConfig, 'bodyLimit' | 'uploadLimit'>): Refusal | null {
  const method = head.method.toUpperCase()
  if (!(ALLOWED_METHODS as readonly string[]).includes(method)) return { status: 405, reason: 'method' }
  if (method === 'GET' || method === 'HEAD') return null

  // CSRF: a browser sends Origin on every POST, and Sec-Fetch-Site on every request; one of them must say
  // "this site". Origin "null" (sandboxed frames, some redirects, and every form on a page served with
  // Referrer-Policy: no-referrer, as the personal-link pages are) counts only with Sec-Fetch-Site: same-origin,
  // which the browser sets itself and no page can forge.
  const origin = head.headers['origin']
  const fetchSite = head.headers['sec-fetch-site']
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return { status: 403, reason: 'origin' }
  if (origin === 'null') {
    if (fetchSite !== 'same-origin') return { status: 403, reason: 'origin' }
  } else if (origin !== undefined) {
    if (!head.siteOrigins.includes(origin)) return { status: 403, reason: 'origin' }
  } else if (fetchSite !== 'same-origin') return { status: 403, reason: 'origin' }

  const length = head.headers['content-length']
  const chunked = head.headers['transfer-encoding'] !== undefined
  const limit = bodyLimitFor(head.pathname, config)
  if (length !== undefined) {
    if (!/^\d+$/.test(length)) return { status: 400, reason: 'malformed' }
    if (Number(length) > limit) return { status: 413, reason: 'too-large' }
  }
  // Browsers always send a length with a form; without one a limit cannot be checked before reading.
  if (chunked && length === undefined) return { status: 411, reason: 'length-required' }

  const hasBody = Number(length ?? 0) > 0
  const type = head.headers['content-type']?.split(';')[0]?.trim().toLowerCase()
  if (hasBody && (!type || !FORM_TYPES.includes(type))) return { status: 415, reason: 'content-type' }
  if (type === 'multipart/form-data' && !/;\s*boundary=/i.test(head.headers['content-type'] ?? '')) {
    return { status: 400, reason: 'malformed' }
  }
  return null
}

/** Reads at most `limit` bytes; more than announced or more than the limit is a refusal. */
function readBody(req: ExpressRequest, limit: number): Promise<Buffer | Refusal> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    const finish = (value: Buffer | Refusal) => {
      if (done) return
      done = true
      req.off('data', onData)
      resolve(value)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength
      if (size > limit) {
        req.pause()
        finish({ status: 413, reason: 'too-large' })
      } else chunks.push(chunk)
    }
    req.on('data', onData)
    req.once('end', () => finish(Buffer.concat(chunks)))
    req.once('error', () => finish({ status: 400, reason: 'malformed' }))
    req.once('close', () => finish({ status: 400, reason: 'malformed' }))
  })
}

/** A multipart body that undici cannot parse would otherwise throw inside an action (a 500). */
async function checkBody(body: Buffer, contentType: string | undefined): Promise<Refusal | null> {
  if (!contentType?.toLowerCase().startsWith('multipart/form-data')) return null
  try {
    await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData()
    return null
  } catch {
    return { status: 400, reason: 'malformed' }
  }
}

/** The visitor's language for the refusal page: ?lang=, then the language cookie, then Accept-Language. */
export function refusalLang(url: URL, cookieHeader: string | undefined, acceptLanguage: string | undefined) {
  const query = url.searchParams.get('lang')
  if (query === 'nl' || query === 'en') return query
  // The cookie is Remix's encoding of a JSON string: base64 of "\"en\"".
  const raw = /(?:^|;\s*)(?:__Host-)?bijeen_lang=([^;]*)/.exec(cookieHeader ?? '')?.[1]
  if (raw) {
    try {
      const value: unknown = JSON.parse(Buffer.from(decodeURIComponent(raw), 'base64').toString('utf8'))
      if (value === 'nl' || value === 'en') return value
    } catch {
      // an unreadable cookie: fall through
    }
  }
  return /^\s*en\b/i.test(acceptLanguage ?? '') ? 'en' : 'nl'
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export function refusalPage(refusal: Refusal, lang: 'nl' | 'en') {
  const t = lang === 'en' ? securityEn : securityNl
  const { title, text } = t.refusals[refusal.reason]
  return `<!DOCTYPE html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · bijeen</title></head>
<body><main id="inhoud"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>
<p><a href="/">${escapeHtml(t.backHome)}</a></p></main></body>
</html>
`
}

function sendRefusal(req: ExpressRequest, res: ExpressResponse, refusal: Refusal) {
  const url = new URL(req.originalUrl, 'http://x')
  const lang = refusalLang(url, req.headers.cookie, req.headers['accept-language'])
  res.status(refusal.status)
  res.setHeader('Content-Type', 'text/html; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  if (refusal.status === 405) res.setHeader('Allow', ALLOWED_METHODS.join(', '))
  // An unread body is never buffered. Up to DRAIN_LIMIT it is read and thrown away, so that the client sees
  // this answer (closing on unread data makes the kernel reset the connection, losing the answer); beyond that
  // the connection closes.
  if (!req.complete) {
    if (Number(req.headers['content-length'] ?? Infinity) <= DRAIN_LIMIT) {
      req.on('data', () => {})
      req.resume()
    } else res.setHeader('Connection', 'close')
  }
  res.end(req.method === 'HEAD' ? undefined : refusalPage(refusal, lang))
}

/** The origin the request was addressed to, or null when its Host header is not a host. */
function siteOf(req: ExpressRequest, config: GuardConfig): string | null {
  const forwarded = config.trustProxy ? req.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined
  const host = forwarded || req.get('host')
  if (!host) return new URL(config.appUrl).origin
  try {
    const url = new URL(`${req.protocol}://${host}`)
    return url.host === host.toLowerCase() ? url.origin : null
  } catch {
    return null
  }
}

/** The Express handler for every request Remix answers. */
export function createGuardedRequestHandler(options: {
  build: ServerBuild | (() => Promise<ServerBuild>)
  mode: string
  getLoadContext?: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext
  config: () => GuardConfig
}) {
  const handleRequest = createRemixHandler(options.build, options.mode)
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const config = options.config()
      const self = siteOf(req, config)
      if (!self) return sendRefusal(req, res, { status: 400, reason: 'malformed' })
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]),
      )
      const pathname = req.path
      const refusal = checkHead({ method: req.method, pathname, headers, siteOrigins: [self] }, config)
      if (refusal) return sendRefusal(req, res, refusal)

      let body: Buffer | undefined
      if (req.method === 'POST') {
        const read = await readBody(req, bodyLimitFor(pathname, config))
        if (!Buffer.isBuffer(read)) return sendRefusal(req, res, read)
        const broken = await checkBody(read, req.headers['content-type'])
        if (broken) return sendRefusal(req, res, broken)
        body = read
      }

      const remixHeaders = new Headers()
      for (const [name, value] of Object.entries(req.headers)) {
        for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) remixHeaders.append(name, v)
      }
      // Remix compares Origin with X-Forwarded-Host when present: without a trusted proxy it must not see one.
      if (!config.trustProxy) remixHeaders.delete('x-forwarded-host')
      // Remix would take Origin "null" for another site; checkHead has accepted it by Sec-Fetch-Site.
      if (remixHeaders.get('origin') === 'null') remixHeaders.delete('origin')
      // An empty POST (a sign-out button) reads as an empty form rather than failing on a missing type.
      if (body && body.byteLength === 0 && !remixHeaders.has('content-type')) {
        remixHeaders.set('content-type', 'application/x-www-form-urlencoded')
      }
      const controller = new AbortController()
      res.on('close', () => {
        if (!res.writableFinished) controller.abort()
      })
      const request = new Request(new URL(req.originalUrl, self).href, {
        method: req.method,
        headers: remixHeaders,
        body: body ? new Uint8Array(body) : null,
        signal: controller.signal,
      })
      const response = await handleRequest(request, options.getLoadContext?.(req, res))
      res.statusMessage = response.statusText
      res.status(response.status)
      for (const [name, value] of response.headers.entries()) res.append(name, value)
      if (response.body) await writeReadableStreamToWritable(response.body, res)
      else res.end()
    } catch (error) {
      next(error)
    }
  }
}
