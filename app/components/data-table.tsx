// The secretariat's lists: one table with a caption for screen readers, column headers, and the first cell
// of each row as its row header (so that a screen reader names the row when moving along it). An empty list
// shows its sentence instead of an empty table.
import type { ReactNode } from 'react'

export type Column<Row> = { header: ReactNode; cell: (row: Row) => ReactNode }

export function DataTable<Row extends { id: string }>({
  caption,
  columns: [first, ...rest],
  rows,
  empty,
}: {
  caption: string
  columns: [Column<Row>, ...Array<Column<Row>>]
  rows: Row[]
  empty: ReactNode
}) {
  if (!rows.length) return <p>{empty}</p>
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {[first, ...rest].map((column, i) => (
              <th key={i} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{first.cell(row)}</th>
              {rest.map((column, i) => (
                <td key={i}>{column.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** "Download this list as CSV · Excel", keeping the list's filters. */
export function ExportLinks({
  intro,
  href,
  labels,
}: {
  intro: ReactNode
  href: (format: 'csv' | 'xlsx') => string
  labels: { csv: ReactNode; xlsx: ReactNode }
}) {
  return (
    <p>
      {intro} <a href={href('csv')}>{labels.csv}</a> · <a href={href('xlsx')}>{labels.xlsx}</a>
    </p>
  )
}
