import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDevMail } from '~/models/mailbox.server'
import { requireUserWithRole } from '~/utils/permissions.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithRole(request, 'admin')
  const mail = await getDevMail(params.id ?? '')
  const attachment = mail?.attachments[Number(params.index)]
  if (!attachment) throw new Response('Not found', { status: 404 })
  const safeName = attachment.filename.replace(/[^\w.-]+/g, '_')
  return new Response(new Uint8Array(attachment.content), {
    headers: {
      'Content-Type': attachment.contentType,
      'Content-Disposition': `attachment; filename="${safeName}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  })
}
