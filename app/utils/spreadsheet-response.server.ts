// A download of a list as CSV or XLSX, built with toCsv/toXlsx: the one way every export builds its file.
import { CSV_TYPE, toCsv, toXlsx, XLSX_TYPE, type Column } from './spreadsheet.server'

/**
 * The file is named `<fileBase>-<date>.<format>`; the date is today's (UTC) unless one is given, such as the
 * day of the event. Lists of people are personal data, so no browser or proxy may keep a copy.
 */
export async function spreadsheetResponse<Row>(
  format: 'csv' | 'xlsx',
  fileBase: string,
  sheetName: string,
  columns: Column<Row>[],
  rows: Row[],
  options: { date?: string } = {},
) {
  const stamp = options.date ?? new Date().toISOString().slice(0, 10)
  const headers = {
    'content-disposition': `attachment; filename="${fileBase}-${stamp}.${format}"`,
    'cache-control': 'no-store',
  }
  if (format === 'xlsx')
    return new Response(new Uint8Array(await toXlsx(sheetName, columns, rows)), {
      headers: { ...headers, 'content-type': XLSX_TYPE },
    })
  return new Response(toCsv(columns, rows), { headers: { ...headers, 'content-type': CSV_TYPE } })
}
