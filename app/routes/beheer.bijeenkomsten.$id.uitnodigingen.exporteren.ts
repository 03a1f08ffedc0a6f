// The invitation list as a spreadsheet (CSV for Dutch Excel, or XLSX), with the same filters as the page.
// Every export is audited (counts only).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { dictionary } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { exportInvitations, filterFromUrl } from '~/models/invitation-list.server'
import { invitationsFile } from '~/routes-support/exports.server'
import { requirePermission } from '~/utils/permissions.server'

const formatSchema = z.enum(['csv', 'xlsx'])

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read')
  const url = new URL(request.url)
  const lang = await getLang(request)
  const t = dictionary(lang)
  const format = formatSchema.safeParse(url.searchParams.get('formaat') ?? 'csv')
  if (!format.success) throw new Response(t.invitations.export.badFormat, { status: 400 })
  const exported = await exportInvitations({
    eventId: params.id ?? '',
    filter: filterFromUrl(url),
    format: format.data,
    actorUserId: user.id,
  })
  if (!exported) throw new Response('Not found', { status: 404 })
  return invitationsFile(exported, format.data, t, lang)
}
