// The contacts list as CSV or XLSX, with the list's filters applied (all pages).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseListFilter } from '~/domain/partners'
import { dictionary } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { contactsForExport } from '~/models/partners.server'
import { contactColumns } from '~/routes-support/exports.server'
import { requirePermission } from '~/utils/permissions.server'
import { spreadsheetResponse } from '~/utils/spreadsheet-response.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'edit')
  const filter = parseListFilter(new URL(request.url))
  const t = dictionary(await getLang(request))
  const rows = await contactsForExport({ q: filter.q, sector: filter.sector, organisationId: filter.organisatie })
  return spreadsheetResponse(
    filter.formaat ?? 'csv',
    'contactpersonen',
    t.partners.contacts.title,
    contactColumns(t),
    rows,
  )
}
