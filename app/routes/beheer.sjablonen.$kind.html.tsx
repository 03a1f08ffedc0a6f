import type { LoaderFunctionArgs } from '@remix-run/node'
import { mailFrameResponse } from '~/routes-support/mail-frame.server'
import { previewKind, renderPreview } from '~/models/mail-templates.server'
import { requirePermission } from '~/utils/permissions.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'read')
  const kind = params.kind ?? ''
  if (!previewKind(kind)) throw new Response('Not found', { status: 404 })
  const lang = new URL(request.url).searchParams.get('taal') === 'en' ? 'en' : 'nl'
  const { html } = await renderPreview(kind, lang)
  return mailFrameResponse(html)
}
