// A published report version as files: HTML with print CSS for A4, PDF printed by Chromium from that same HTML
// (what you print is what you see), Markdown, plain text and Word (.docx). Quotes are text in every one.
import { chromium } from 'playwright-core'
import { renderToStaticMarkup } from 'react-dom/server'
import { reportTexts, ReportDocument } from '~/components/report-document'
import type { ReportSnapshot } from '~/domain/report'
import { reportMarkdown, reportPlainText } from '~/domain/report-text'
import reportCss from '~/styles/report.css?raw'
import { getEnv } from '~/utils/env.server'
import { reportDocx } from './report-docx.server'

export { reportDocx }

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
