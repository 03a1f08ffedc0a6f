// The Content-Security-Policy of every page. Scripts: the app's own files, plus the inline scripts Remix writes,
// allowed either by a nonce unique to the response or, on pages served from the public page cache, by the
// hash of each inline script of that stored page (docs/decisions/010-public-page-cache.md).
import crypto from 'node:crypto'

export function contentSecurityPolicy(scriptSources: string[]) {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptSources].join(' '),
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ')
}

export const nonceSource = (nonce: string) => `'nonce-${nonce}'`

// An inline script: a <script> element without src. Its text is hashed exactly as written, as browsers do.
const inlineScript = /<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi

/** 'sha256-…' sources for every inline script of a page, in the order they appear. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>()
  for (const match of html.matchAll(inlineScript)) {
    hashes.add(`'sha256-${crypto.createHash('sha256').update(match[1]!, 'utf8').digest('base64')}'`)
  }
  return [...hashes]
}
