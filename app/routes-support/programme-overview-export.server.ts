// The programme view's downloads (.xlsx and .docx): one loader for both route files.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { isLang } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { programmeOverviewFile, type OverviewFormat } from '~/models/programme-overview-export.server'
import { programmeOverview } from '~/models/programme-overview.server'
import { requirePermission } from '~/utils/permissions.server'

/** The overview of programme `:id` as a file; ?taal=en for English headers, else the reader's language. */
export async function overviewDownload({ request, params }: LoaderFunctionArgs, format: OverviewFormat) {
  await requirePermission(request, 'read')
  const overview = await programmeOverview(params.id ?? '')
  if (!overview) throw new Response('Not found', { status: 404 })
  const taal = new URL(request.url).searchParams.get('taal')
  const file = await programmeOverviewFile(overview, format, isLang(taal) ? taal : await getLang(request))
  return new Response(new Uint8Array(file.body), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
