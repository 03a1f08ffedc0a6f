// A published report version as files: HTML with print CSS for A4, PDF printed by Chromium from that same HTML
// (what you print is what you see), Markdown, plain text and Word (.docx). Quotes are text in every one.
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
  ExternalHyperlink,
  WidthType,
} from 'docx'
import { chromium } from 'playwright-core'
import { renderToStaticMarkup } from 'react-dom/server'
import { reportTexts, ReportDocument } from '~/components/report-document'
import type { ReportSnapshot } from '~/domain/report'
import { reportMarkdown, reportOutline, reportPlainText, type OutlineNode } from '~/domain/report-text'
import reportCss from '~/styles/report.css?raw'
import { getEnv } from '~/utils/env.server'

type Lang = 'nl' | 'en'

export const EXPORT_FORMATS = ['html', 'pdf', 'md', 'txt', 'docx'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

const CONTENT_TYPES: Record<ExportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}

const BASE_CSS = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1a1a1a;line-height:1.5;margin:2rem}
table{border-collapse:collapse;margin-block:1rem}th,td{border:1px solid #b4b4b4;padding:.25rem .5rem;text-align:left}
caption{text-align:left;font-weight:600}a{color:#154273}.muted{color:#4b4b4b}`

/** A standalone HTML document: the same component as the page, links made absolute, the print CSS inline. */
export function reportHtml(snapshot: ReportSnapshot, lang: Lang, base = getEnv().APP_URL) {
  const texts = reportTexts(snapshot, lang)
  const body = renderToStaticMarkup(<ReportDocument snapshot={snapshot} lang={lang} base={base} />)
  const title = renderToStaticMarkup(<title>{texts.title}</title>)
  return `<!doctype html>\n<html lang="${texts.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${title}<style>${BASE_CSS}\n${reportCss}</style></head><body><main>${body}</main></body></html>\n`
}

/** The HTML printed to PDF on A4 by Chromium, without any network: the document holds all it needs. */
export async function reportPdf(snapshot: ReportSnapshot, lang: Lang, base = getEnv().APP_URL) {
  const browser = await chromium.launch({
    executablePath: getEnv().CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-sync',
    ],
  })
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
    const page = await context.newPage()
    await page.setContent(reportHtml(snapshot, lang, base), { waitUntil: 'load' })
    return await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true })
  } finally {
    await browser.close()
  }
}

function docxNode(node: OutlineNode): Array<Paragraph | Table> {
  const runs = (lines: string[], options: { italics?: boolean } = {}) =>
    lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, ...options }))
  switch (node.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: node.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          children: runs([node.text]),
        }),
      ]
    case 'paragraph':
      return [new Paragraph({ children: runs(node.lines) })]
    case 'quote':
      return [
        new Paragraph({ children: [new TextRun({ text: `${node.attribution}:`, bold: true })], keepNext: true }),
        ...node.paragraphs.map((lines, i) => {
          const marked = [...lines]
          if (i === 0) marked[0] = `„${marked[0]}`
          if (i === node.paragraphs.length - 1) marked[marked.length - 1] = `${marked[marked.length - 1]}”`
          return new Paragraph({ style: 'Quote', children: runs(marked) })
        }),
      ]
    case 'list':
      return node.items.map(
        (item) =>
          new Paragraph({
            bullet: { level: 0 },
            children: item.url
              ? [
                  new ExternalHyperlink({
                    link: item.url,
                    children: [new TextRun({ text: item.text, style: 'Hyperlink' })],
                  }),
                ]
              : [new TextRun(item.text)],
          }),
      )
    case 'table':
      return [
        new Paragraph({ children: [new TextRun({ text: node.caption, bold: true })], keepNext: true }),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({
              tableHeader: true,
              children: node.header.map(
                (h, i) =>
                  new TableCell({
                    children: [
                      new Paragraph({
                        alignment: i ? AlignmentType.RIGHT : AlignmentType.LEFT,
                        children: [new TextRun({ text: h, bold: true })],
                      }),
                    ],
                  }),
              ),
            }),
            ...node.rows.map(
              (r) =>
                new TableRow({
                  children: r.map(
                    (c, i) =>
                      new TableCell({
                        children: [new Paragraph({ alignment: i ? AlignmentType.RIGHT : AlignmentType.LEFT, text: c })],
                      }),
                  ),
                }),
            ),
          ],
        }),
      ]
  }
}

/** Word: headings as headings, quotes in Word's own Quote style, the attendance tables as tables. */
export async function reportDocx(snapshot: ReportSnapshot, lang: Lang, base = getEnv().APP_URL) {
  const texts = reportTexts(snapshot, lang)
  const doc = new Document({
    title: texts.title,
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
    sections: [{ children: reportOutline(snapshot, lang, base).flatMap(docxNode) }],
  })
  return Packer.toBuffer(doc)
}

/** The file of one format, with its content type and a download name. */
export async function reportExport(snapshot: ReportSnapshot, format: ExportFormat, lang: Lang, slug: string) {
  const base = getEnv().APP_URL
  const body =
    format === 'html'
      ? reportHtml(snapshot, lang, base)
      : format === 'pdf'
        ? await reportPdf(snapshot, lang, base)
        : format === 'md'
          ? reportMarkdown(snapshot, lang, base)
          : format === 'txt'
            ? reportPlainText(snapshot, lang, base)
            : await reportDocx(snapshot, lang, base)
  const suffix = lang === 'en' && snapshot.en ? '-en' : ''
  return {
    body,
    contentType: CONTENT_TYPES[format],
    fileName: `verslag-${slug}-versie-${snapshot.version}${suffix}.${format}`,
  }
}
