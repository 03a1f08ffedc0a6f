import type { LoaderFunctionArgs } from '@remix-run/node'
import { isLang } from '~/i18n'
import { EXPORT_FORMATS, reportExport, type ExportFormat } from '~/models/report-export.server'
import { publishedReportOfEvent } from '~/models/report.server'
import { requirePermission } from '~/utils/permissions.server'

// A published version of the report as a file: html, pdf, md, txt or docx (?versie=N, else the latest;
// ?taal=en for the English version where there is one).
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'read')
  const format = params.format as ExportFormat
  if (!EXPORT_FORMATS.includes(format)) throw new Response('Not found', { status: 404 })
  const query = new URL(request.url).searchParams
  const versie = query.get('versie')
  if (versie !== null && !/^[1-9][0-9]{0,5}$/.test(versie)) throw new Response('Not found', { status: 404 })
  const taal = query.get('taal')
  const report = await publishedReportOfEvent(params.id ?? '', versie ? Number(versie) : undefined)
  if (!report) throw new Response('Not found', { status: 404 })
  const file = await reportExport(report.snapshot, format, isLang(taal) ? taal : 'nl', report.slug)
  return new Response(typeof file.body === 'string' ? file.body : new Uint8Array(file.body), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
