// The exports of a published report, read back: Word through mammoth (headings, quotes in the Quote style, the
// attendance table), the PDF through pdf.js (A4 pages, the quotes in its text), Markdown, plain text and HTML.
// One quote holds "<b>", "&", "*" and a line break: every format shows those characters as text.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import mammoth from 'mammoth'
import { beforeAll, describe, expect, test } from 'vitest'
import type { ReportSnapshot } from '~/domain/report'
import { escapeMarkdown, reportMarkdown, reportPlainText } from '~/domain/report-text'
import { reportDocx, reportHtml, reportPdf } from '~/models/report-export.server'
import { publishedReportOfEvent, publishReport, reportEditor, saveReportDraft } from '~/models/report.server'
import { action as loginAction } from '~/routes/inloggen'
import { loader as exportLoader } from '~/routes/beheer.bijeenkomsten.$id.verslag_.$format'
import { db } from '~/utils/db.server'
import { articleQuotes, EVENT_SLUG, seed } from '../../prisma/seed.ts'
import { createUser } from '../factories.ts'
import { callRoute, cookieFrom, formRequest, getRequest } from '../support/remix.ts'

const marked = 'Eerst <b>vet</b> & *sterren*\nen dan een tweede regel.'
const others = [articleQuotes.harbers, articleQuotes.blokhuis, articleQuotes.tazelaar]
const base = 'https://bijeen.example.org'
let eventId: string
let snapshot: ReportSnapshot

const squash = (s: string) => s.replace(/\s+/g, ' ').trim()

beforeAll(async () => {
  await seed(db, {
    adminEmail: 'admin@example.org',
    adminPassword: 'Export-Test-1',
    now: new Date('2026-11-29T08:00:00Z'),
  })
  const event = await db.event.findUniqueOrThrow({ where: { slug: EVENT_SLUG } })
  eventId = event.id
  const statement = await db.statement.findFirstOrThrow({
    where: { eventId, authorisedVersion: { text: articleQuotes.vanArk } },
  })
  await db.statementVersion.update({ where: { id: statement.authorisedVersionId! }, data: { text: marked } })
  // Attendance: four from one municipality (named), one from an NGO (only counted).
  const utrecht = await db.organisation.findUniqueOrThrow({ where: { name: 'Gemeente Utrecht' } })
  const comensha = await db.organisation.findUniqueOrThrow({ where: { name: 'CoMensha' } })
  for (const [i, organisationId] of [utrecht.id, utrecht.id, utrecht.id, utrecht.id, comensha.id].entries()) {
    await db.registration.create({
      data: {
        eventId,
        organisationId,
        name: `Deelnemer ${i}`,
        email: `deelnemer${i}@example.org`,
        status: 'confirmed',
        checkedInAt: i < 3 || i === 4 ? new Date('2026-12-04T13:05:00Z') : null,
      },
    })
  }
  const user = await db.user.findFirstOrThrow()
  const editor = (await reportEditor(eventId))!
  await saveReportDraft(
    eventId,
    {
      title: editor.draft.title,
      lead: editor.draft.lead,
      titleEn: 'Formal start',
      leadEn: 'The programme started.',
      visibility: 'public',
      photoCredits: 'Robert Huiberts',
      layout: editor.layout,
    },
    user.id,
  )
  await publishReport(eventId, user.id)
  snapshot = (await publishedReportOfEvent(eventId))!.snapshot
})

describe('report exports', () => {
  test('Word: headings, every quote in the Quote style as text, the attendance table', async () => {
    const buffer = await reportDocx(snapshot, 'nl', base)
    const { value: html } = await mammoth.convertToHtml(
      { buffer },
      { styleMap: ["p[style-name='Quote'] => blockquote > p:fresh"] },
    )
    expect(html).toContain('<h1>Formele start Samen tegen mensenhandel</h1>')
    expect(html).toContain('<h2>Aanwezigen</h2>')
    const quotes = [...html.matchAll(/<blockquote>(.*?)<\/blockquote>/g)].map((m) => m[1]!)
    expect(quotes).toHaveLength(4)
    for (const quote of others) expect(quotes.some((q) => q.includes(quote))).toBe(true)
    expect(quotes.join('')).toContain('„Eerst &lt;b&gt;vet&lt;/b&gt; &amp; *sterren*<br />en dan een tweede regel.”')
    expect(html).toContain('Staatssecretaris Van Ark van het ministerie van Sociale Zaken en Werkgelegenheid:')
    const { value: text } = await mammoth.extractRawText({ buffer })
    expect(text).toMatch(/Organisatie\s+Aangemeld\s+Aanwezig\s+Gemeente Utrecht\s+4\s+3\s+Eén andere organisatie/)
    expect(html).toContain('<table>')
    expect(text).not.toContain('CoMensha')
  })

  test('PDF: printed on A4, its text holds every quote', async () => {
    const pdf = await reportPdf(snapshot, 'nl', base)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise
    let text = ''
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const [, , width, height] = page.view
      // A4 is 210 × 297 mm: 595.28 × 841.89 points.
      expect(Math.abs(width! - 595.28)).toBeLessThan(1)
      expect(Math.abs(height! - 841.89)).toBeLessThan(1)
      const content = await page.getTextContent()
      text += content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join('')
    }
    await doc.destroy()
    for (const quote of others) expect(squash(text)).toContain(squash(quote))
    expect(squash(text)).toContain('Eerst <b>vet</b> & *sterren* en dan een tweede regel.')
  })

  test('Markdown: every quote as a block quote, markup escaped, the line break kept', () => {
    const md = reportMarkdown(snapshot, 'nl', base)
    expect(md).toContain('# Formele start Samen tegen mensenhandel\n')
    expect(md).toContain(
      'Staatssecretaris Van Ark van het ministerie van Sociale Zaken en Werkgelegenheid:\n\n> „Eerst \\<b\\>vet\\</b\\> \\& \\*sterren\\*\\\n> en dan een tweede regel.”',
    )
    expect(md).not.toContain('<b>')
    for (const quote of others) expect(md).toContain(`> „${escapeMarkdown(quote)}”`)
    expect(md).toContain('| Gemeente Utrecht | 4 | 3 |')
    expect(md).toContain(`[Het programma Samen tegen mensenhandel](<${base}/programmas/samen-tegen-mensenhandel>)`)
  })

  test('plain text and HTML: the characters as authorised, never markup', () => {
    const text = reportPlainText(snapshot, 'nl', base)
    expect(text).toContain(`„${marked}”`)
    for (const quote of [...others]) expect(text).toContain(`„${quote}”`)
    const html = reportHtml(snapshot, 'nl', base)
    expect(html).toContain(
      '„<span>Eerst &lt;b&gt;vet&lt;/b&gt; &amp; *sterren*</span><span><br/>en dan een tweede regel.</span>”',
    )
    expect(html).not.toContain('<b>vet')
    expect(html).toMatch(/@page\s*{\s*size: A4/)
    expect(html).toContain('<html lang="nl">')
    expect(html).toContain(`href="${base}/programmas/samen-tegen-mensenhandel"`)
    // The English version: its own title and lead, the quotes still Dutch.
    const en = reportHtml(snapshot, 'en', base)
    expect(en).toContain('<html lang="en">')
    expect(en).toContain('<h1>Formal start</h1>')
    expect(en).toContain(`<blockquote lang="nl"><p>„<span>${articleQuotes.harbers}</span>”</p></blockquote>`)
  })

  test('the download route: for the secretariat, each format with its type; unknown format or version 404', async () => {
    const { user, password } = await createUser(db, { role: 'viewer' })
    const cookie = cookieFrom(
      await callRoute(
        loginAction,
        formRequest('/inloggen', { email: user.email, password }, { 'x-bijeen-client-ip': '10.9.2.1' }),
      ),
    )
    const path = (format: string, query = '') => `/beheer/bijeenkomsten/${eventId}/verslag/${format}${query}`
    const docx = await callRoute(exportLoader, getRequest(path('docx'), { cookie }), { id: eventId, format: 'docx' })
    expect(docx.status).toBe(200)
    expect(docx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    expect(docx.headers.get('content-disposition')).toBe(`attachment; filename="verslag-${EVENT_SLUG}-versie-1.docx"`)
    const md = await callRoute(exportLoader, getRequest(path('md', '?taal=en'), { cookie }), {
      id: eventId,
      format: 'md',
    })
    expect(md.status).toBe(200)
    expect(String(md.data)).toContain('# Formal start')
    for (const [format, query] of [
      ['exe', ''],
      ['md', '?versie=2'],
      ['md', '?versie=x'],
    ] as const) {
      const result = await callRoute(exportLoader, getRequest(path(format, query), { cookie }), { id: eventId, format })
      expect(result.status).toBe(404)
    }
    const anonymous = await callRoute(exportLoader, getRequest(path('md')), { id: eventId, format: 'md' })
    expect(anonymous.status).toBe(302)
  })
})
