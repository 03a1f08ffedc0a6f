import type { LoaderFunctionArgs } from '@remix-run/node'
import { mailFrameResponse } from '~/routes-support/mail-frame.server'
import { devMailHtml } from '~/models/mailbox.server'
import { requireUserWithRole } from '~/utils/permissions.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithRole(request, 'admin')
  const html = await devMailHtml(params.id ?? '')
  if (html === null) throw new Response('Not found', { status: 404 })
  return mailFrameResponse(html)
}
