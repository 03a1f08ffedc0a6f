// Reading and writing the lists secretariats keep in Excel: CSV (as Dutch Excel writes it: `;`, UTF-8 with a
// BOM) and XLSX.
import ExcelJS from 'exceljs'
import Papa from 'papaparse'

export type Column<Row> = { header: string; value: (row: Row) => string | number | boolean | Date | null }
// rowNumbers[i] is the line of rows[i] in the file as Excel numbers it (header = 1), empty lines counted.
export type Table = { headers: string[]; rows: string[][]; rowNumbers: number[] }

export const CSV_TYPE = 'text/csv; charset=utf-8'
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

// A cell that starts like a formula is run by Excel when the file is opened (CSV injection); a leading
// apostrophe makes it text. Tabs and CR are included because Excel skips them before a formula.
const formulaStart = /^[=+\-@\t\r]/

export function neutraliseFormula(value: string) {
  return formulaStart.test(value) ? `'${value}` : value
}

function cellText(value: string | number | boolean | Date | null): string {
  if (value === null) return ''
  if (value instanceof Date) return value.toISOString()
  return String(value)
}

/** CSV with `;` and a BOM, so that Excel in a Dutch locale opens it in columns with the accents intact. */
export function toCsv<Row>(columns: Column<Row>[], rows: Row[]): string {
  const data = rows.map((row) =>
    columns.map((column) => {
      const value = column.value(row)
      return typeof value === 'string' ? neutraliseFormula(value) : cellText(value)
    }),
  )
  return `\uFEFF${Papa.unparse({ fields: columns.map((column) => column.header), data }, { delimiter: ';', newline: '\r\n' })}`
}

/** An XLSX workbook with one sheet; strings are written as text, so formulas never run. */
export async function toXlsx<Row>(sheetName: string, columns: Column<Row>[], rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'bijeen'
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31))
  sheet.columns = columns.map((column) => ({ header: column.header, width: Math.max(12, column.header.length + 2) }))
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  for (const row of rows) sheet.addRow(columns.map((column) => column.value(row)))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export class SpreadsheetError extends Error {
  constructor(readonly reason: 'unreadable' | 'empty' | 'unsupported') {
    super(`spreadsheet: ${reason}`)
  }
}

const isXlsx = (name: string, bytes: Uint8Array) =>
  name.toLowerCase().endsWith('.xlsx') || (bytes[0] === 0x50 && bytes[1] === 0x4b) // "PK": a zip

/** The first sheet of an XLSX file, or a CSV file (delimiter detected), as trimmed text cells. */
export async function readSpreadsheet(fileName: string, bytes: Uint8Array): Promise<Table> {
  let matrix: string[][]
  if (isXlsx(fileName, bytes)) matrix = await readXlsx(bytes)
  else if (/\.(csv|txt)$/i.test(fileName) || !fileName.includes('.')) matrix = readCsv(bytes)
  else throw new SpreadsheetError('unsupported')
  const nonEmpty = matrix
    .map((row, index) => ({ row, number: index + 1 }))
    .filter(({ row }) => row.some((cell) => cell !== ''))
  if (nonEmpty.length === 0) throw new SpreadsheetError('empty')
  const [header, ...rest] = nonEmpty
  const rows = rest.map(({ row }) => row)
  const width = Math.max(header!.row.length, ...rows.map((row) => row.length))
  const pad = (row: string[]) => Array.from({ length: width }, (_, i) => row[i] ?? '')
  return { headers: pad(header!.row), rows: rows.map(pad), rowNumbers: rest.map(({ number }) => number) }
}

function readCsv(bytes: Uint8Array): string[][] {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    // Older Excel versions save CSV in Windows-1252.
    text = new TextDecoder('windows-1252').decode(bytes)
  }
  // Empty lines are kept here (and dropped by the caller) so that row numbers match the file.
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false })
  if (parsed.errors.some((error) => error.type === 'Quotes')) throw new SpreadsheetError('unreadable')
  return parsed.data.map((row) => row.map((cell) => cell.trim()))
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  } catch {
    throw new SpreadsheetError('unreadable')
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new SpreadsheetError('empty')
  const matrix: string[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = xlsxCellText(cell).trim()
    })
    matrix[rowNumber - 1] = Array.from(cells, (cell) => cell ?? '')
  })
  return Array.from(matrix, (row) => row ?? [])
}

function xlsxCellText(cell: ExcelJS.Cell): string {
  const value = cell.value
  if (value === null || value === undefined) return ''
  if (typeof value === 'object' && 'hyperlink' in value) {
    // An e-mail address typed into Excel becomes a mailto: link; its text is the address.
    const text = (value as ExcelJS.CellHyperlinkValue).text
    return typeof text === 'string' ? text : cell.text
  }
  if (value instanceof Date) return value.toISOString()
  return cell.text
}
