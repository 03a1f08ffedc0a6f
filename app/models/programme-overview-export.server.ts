// The programme view as files a secretariat reports upward with: an Excel workbook (one sheet per table, every
// quote as a text cell) and a Word document (headings, the tables, quotes in Word's Quote style). Quotes are
// written as text runs and cells, never as markup, so "<b>" stays "<b>".
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import ExcelJS from 'exceljs'
import { DateTime } from 'luxon'
import type { ProgrammeOverview } from '~/domain/programme-overview'
import { dictionary, type Lang } from '~/i18n'
import type { Dictionary } from '~/i18n/nl'
import { XLSX_TYPE } from '~/utils/spreadsheet.server'

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
export type OverviewFormat = 'xlsx' | 'docx'

type Cell = string | number
type Grid = { title: string; caption: string; header: string[]; rows: Cell[][] }

const day = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toFormat('yyyy-MM-dd')

/** The tables of the overview, in the reader's language: the same cells in the workbook and the document. */
export function overviewTables(o: ProgrammeOverview, t: Dictionary, lang: Lang) {
  const p = t.programmeOverview
  const c = p.columns
  const events: Grid = {
    title: p.file.sheets.events,
    caption: p.eventsCaption,
    header: [c.date, c.event, c.invited, c.registered, c.checkedIn, c.noShows],
    rows: [
      ...o.events.map((e) => [
        day(e.startsAt, e.timeZone),
        e.title,
        e.attendance.invited,
        e.attendance.registered,
        e.attendance.checkedIn,
        e.attendance.noShows,
      ]),
      ...(o.events.length
        ? [[p.total, '', o.totals.invited, o.totals.registered, o.totals.checkedIn, o.totals.noShows]]
        : []),
    ],
  }
  const pair = (cell: { registered: number; checkedIn: number } | null) =>
    cell ? `${cell.registered} / ${cell.checkedIn}` : '–'
  const sectors: Grid = {
    title: p.file.sheets.sectors,
    caption: p.sectorsCaption,
    header: [c.date, c.event, ...o.sectorsOverTime.map((s) => t.sectors[s.sector]), c.other],
    rows: o.events.map((e, i) => [
      day(e.startsAt, e.timeZone),
      e.title,
      ...o.sectorsOverTime.map((s) => pair(s.cells[i] ?? null)),
      e.attendance.otherSectors ? pair(e.attendance.otherSectors) : '',
    ]),
  }
  const actionLines: Grid = {
    title: p.file.sheets.actionLines,
    caption: p.actionLinesCaption,
    header: [c.actionLine, c.agendaItems, c.events, c.invited, c.registered, c.checkedIn, c.noShows],
    rows: o.actionLines.map((l) => [
      `${l.code} ${lang === 'en' && l.titleEn ? l.titleEn : l.title}`,
      l.agendaItems,
      l.events.map((e) => e.title).join('; ') || p.none,
      l.invited,
      l.registered,
      l.checkedIn,
      l.noShows,
    ]),
  }
  const quotes: Grid = {
    title: p.file.sheets.quotes,
    caption: p.headings.quotes,
    header: [c.date, c.event, c.attribution, c.quote, c.agendaItem, c.language, c.report],
    rows: o.quotes.map((q) => [
      day(q.eventStartsAt, q.timeZone),
      q.eventTitle,
      q.attribution,
      q.text,
      q.agendaItemTitle ?? '',
      t.languages[q.language],
      p.reportVersion(q.reportVersion),
    ]),
  }
  return { events, sectors, actionLines, quotes }
}

async function overviewXlsx(o: ProgrammeOverview, t: Dictionary, lang: Lang) {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'bijeen'
  for (const grid of Object.values(overviewTables(o, t, lang))) {
    const sheet = workbook.addWorksheet(grid.title.slice(0, 31))
    sheet.columns = grid.header.map((h) => ({ header: h, width: Math.max(12, h.length + 2) }))
    sheet.getRow(1).font = { bold: true }
    sheet.views = [{ state: 'frozen', ySplit: 1 }]
    // Strings are written as plain text cells: a quote starting with "=" is never a formula.
    for (const row of grid.rows) sheet.addRow(row)
  }
  const quotes = workbook.getWorksheet(t.programmeOverview.file.sheets.quotes.slice(0, 31))
  if (quotes) {
    quotes.getColumn(4).width = 80
    quotes.getColumn(4).alignment = { wrapText: true, vertical: 'top' }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

const runs = (text: string, options: { bold?: boolean } = {}) =>
  text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, ...options }))

function docxTable(grid: Grid) {
  const cell = (value: Cell, i: number, bold = false) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: typeof value === 'number' && i ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: runs(String(value), { bold }),
        }),
      ],
    })
  return [
    new Paragraph({ children: [new TextRun({ text: grid.caption, bold: true })], keepNext: true }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: grid.header.map((h, i) => cell(h, i, true)) }),
        ...grid.rows.map((r) => new TableRow({ children: r.map((v, i) => cell(v, i)) })),
      ],
    }),
  ]
}

async function overviewDocx(o: ProgrammeOverview, t: Dictionary, lang: Lang) {
  const p = t.programmeOverview
  const name = lang === 'en' && o.programme.nameEn ? o.programme.nameEn : o.programme.name
  const tables = overviewTables(o, t, lang)
  const heading = (text: string, level: 1 | 2) =>
    new Paragraph({ heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: runs(text) })
  const children: Array<Paragraph | Table> = [heading(p.title(name), 1), new Paragraph({ children: runs(p.intro) })]
  if (!o.events.length) children.push(new Paragraph({ children: runs(p.noEvents) }))
  else {
    children.push(heading(p.headings.events, 2), ...docxTable(tables.events))
    children.push(heading(p.headings.sectors, 2), ...docxTable(tables.sectors))
    children.push(new Paragraph({ children: runs(p.belowThresholdNote(o.threshold)) }))
  }
  children.push(heading(p.headings.actionLines, 2))
  children.push(...(o.actionLines.length ? docxTable(tables.actionLines) : [new Paragraph(p.noActionLines)]))
  children.push(heading(p.headings.quotes, 2))
  if (!o.quotes.length) children.push(new Paragraph({ children: runs(p.noQuotes) }))
  for (const q of o.quotes) {
    children.push(
      new Paragraph({
        children: [new TextRun({ text: `${q.attribution}:`, bold: true })],
        keepNext: true,
      }),
      new Paragraph({ style: 'Quote', children: runs(`„${q.text}”`) }),
      new Paragraph({
        children: runs(`${q.eventTitle}, ${day(q.eventStartsAt, q.timeZone)} (${p.reportVersion(q.reportVersion)})`),
      }),
    )
  }
  const doc = new Document({
    title: p.title(name),
    creator: 'bijeen',
    styles: {
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true },
          paragraph: { indent: { left: 567 }, spacing: { after: 120 } },
        },
      ],
    },
    sections: [{ children }],
  })
  return Packer.toBuffer(doc)
}

/** The overview as a file in `format`, named after the programme and today's date. */
export async function programmeOverviewFile(
  o: ProgrammeOverview,
  format: OverviewFormat,
  lang: Lang,
  now = new Date(),
) {
  const t = dictionary(lang)
  const fileName = `${t.programmeOverview.file.name}-${o.programme.slug}-${now.toISOString().slice(0, 10)}.${format}`
  if (format === 'xlsx') return { body: await overviewXlsx(o, t, lang), contentType: XLSX_TYPE, fileName }
  return { body: await overviewDocx(o, t, lang), contentType: DOCX_TYPE, fileName }
}
