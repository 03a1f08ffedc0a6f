// The organisations list as CSV or XLSX, with the list's filters applied.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseListFilter } from '~/domain/partners'
import { dictionary } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { listOrganisations } from '~/models/partners.server'
import { organisationColumns } from '~/routes-support/exports.server'
import { requirePermission } from '~/utils/permissions.server'
import { spreadsheetResponse } from '~/utils/spreadsheet-response.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'edit')
  const filter = parseListFilter(new URL(request.url))
  const t = dictionary(await getLang(request))
  const rows = await listOrganisations({ q: filter.q, sector: filter.sector })
  return spreadsheetResponse(
    filter.formaat ?? 'csv',
    'organisaties',
    t.partners.organisations.title,
    organisationColumns(t),
    rows,
  )
}
