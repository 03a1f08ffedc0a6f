// The invitation list as a spreadsheet (CSV for Dutch Excel, or XLSX), with the same filters as the page.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { formatDateTime } from '~/domain/format'
import { dictionary } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { filterFromUrl, listInvitations, type InvitationRow } from '~/models/invitation.server'
import { requirePermission } from '~/utils/permissions.server'
import { CSV_TYPE, toCsv, toXlsx, XLSX_TYPE, type Column } from '~/utils/spreadsheet.server'

const format = z.enum(['csv', 'xlsx'])

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'read')
  const url = new URL(request.url)
  const chosen = format.safeParse(url.searchParams.get('formaat') ?? 'csv')
  if (!chosen.success) throw new Response('Bad request', { status: 400 })
  const list = await listInvitations(params.id ?? '', filterFromUrl(url))
  if (!list) throw new Response('Not found', { status: 404 })
  const lang = await getLang(request)
  const t = dictionary(lang).invitations
  const zone = list.event.timeZone
  const when = (date: Date | null) => (date ? formatDateTime(date, zone, lang) : '')
  const columns: Column<InvitationRow>[] = [
    { header: t.columns.name, value: (r) => r.name },
    { header: t.columns.email, value: (r) => r.email },
    { header: t.columns.organisation, value: (r) => r.organisation },
    { header: t.columns.sector, value: (r) => t.sectors[r.sector] },
    { header: t.columns.status, value: (r) => t.status[r.status] },
    { header: t.columns.sentAt, value: (r) => when(r.sentAt) },
    { header: t.columns.remindedAt, value: (r) => when(r.remindedAt) },
    { header: t.columns.respondedAt, value: (r) => when(r.respondedAt) },
  ]
  const name = `uitnodigingen-${list.event.slug}`
  const headers = (type: string, ext: string) => ({
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${name}.${ext}"`,
    'Cache-Control': 'no-store',
  })
  if (chosen.data === 'xlsx') {
    const body = await toXlsx(t.export.sheet, columns, list.rows)
    return new Response(new Uint8Array(body), { headers: headers(XLSX_TYPE, 'xlsx') })
  }
  return new Response(toCsv(columns, list.rows), { headers: headers(CSV_TYPE, 'csv') })
}
