// A mail's own HTML for a sandboxed frame in the secretariat's pages (the mailbox, the template previews):
// no scripts, no outside requests, inline styles only, never cached.
export function mailFrameResponse(html: string) {
  return new Response(html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox",
      'X-Frame-Options': 'SAMEORIGIN',
      'Cache-Control': 'private, no-store',
    },
  })
}
