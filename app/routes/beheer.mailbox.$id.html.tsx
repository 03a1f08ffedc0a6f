import type { LoaderFunctionArgs } from '@remix-run/node'
import { devMailHtml } from '~/models/mailbox.server'
import { requireUserWithRole } from '~/utils/permissions.server'

// The mail's own HTML, shown in a sandboxed frame: no scripts, no outside requests, inline styles only.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithRole(request, 'admin')
  const html = await devMailHtml(params.id ?? '')
  if (html === null) throw new Response('Not found', { status: 404 })
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
