// The programme view through its routes, on the seeded programme: a viewer reads the page and both downloads,
// the anonymous visitor is sent to sign in, an unknown programme is 404. The .xlsx is read back with exceljs
// and the .docx with mammoth: the quotes (one with "<b>" and a line break, as text) and the numbers are there.
// Quotes come from the published snapshot: editing the authorised text afterwards changes nothing.
import ExcelJS from 'exceljs'
import mammoth from 'mammoth'
import { beforeAll, describe, expect, test } from 'vitest'
import type { ProgrammeOverview } from '~/domain/programme-overview'
import { publishReport, reportEditor, saveReportDraft } from '~/models/report.server'
import { loader as docxLoader } from '~/routes/beheer.programmas.$id.overzicht[.]docx'
import { loader as xlsxLoader } from '~/routes/beheer.programmas.$id.overzicht[.]xlsx'
import { loader as pageLoader } from '~/routes/beheer.programmas.$id.overzicht'
import { action as loginAction } from '~/routes/inloggen'
import { db } from '~/utils/db.server'
import { articleQuotes, EVENT_SLUG, seed } from '../../prisma/seed.ts'
import { createEvent, createUser } from '../factories.ts'
import { callRoute, cookieFrom, formRequest, getRequest } from '../support/remix.ts'

const marked = 'Eerst <b>vet</b> & *sterren*\nen dan een tweede regel.'
let programmeId: string
let eventId: string
let cookie: string

beforeAll(async () => {
  await seed(db, {
    adminEmail: 'admin@example.org',
    adminPassword: 'Overview-Test-1',
    now: new Date('2026-11-29T08:00:00Z'),
  })
  const event = await db.event.findUniqueOrThrow({ where: { slug: EVENT_SLUG } })
  eventId = event.id
  programmeId = event.programmeId
  const statement = await db.statement.findFirstOrThrow({
    where: { eventId, authorisedVersion: { text: articleQuotes.vanArk } },
  })
  await db.statementVersion.update({ where: { id: statement.authorisedVersionId! }, data: { text: marked } })
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
  const admin = await db.user.findFirstOrThrow()
  const editor = (await reportEditor(eventId))!
  await saveReportDraft(
    eventId,
    {
      title: editor.draft.title,
      lead: editor.draft.lead,
      titleEn: '',
      leadEn: '',
      visibility: 'public',
      photoCredits: '',
      layout: editor.layout,
    },
    admin.id,
  )
  await publishReport(eventId, admin.id)
  // After publishing: the authorised text changes; the overview must still show what was published.
  await db.statementVersion.update({
    where: { id: statement.authorisedVersionId! },
    data: { text: 'Later gewijzigd, pas in versie 2 gepubliceerd.' },
  })
  const { user, password } = await createUser(db, { role: 'viewer' })
  cookie = cookieFrom(
    await callRoute(
      loginAction,
      formRequest('/inloggen', { email: user.email, password }, { 'x-bijeen-client-ip': '10.9.3.1' }),
    ),
  )
})

const path = (suffix = '') => `/beheer/programmas/${programmeId}/overzicht${suffix}`

describe('the programme view', () => {
  test('a viewer reads it: events, attendance, action lines and the published quotes verbatim', async () => {
    const result = await callRoute(pageLoader, getRequest(path(), { cookie }), { id: programmeId })
    expect(result.status).toBe(200)
    const { overview } = result.data as { overview: ProgrammeOverview }
    const start = overview.events.find((e) => e.id === eventId)!
    expect(start.attendance).toMatchObject({ registered: 5, checkedIn: 4, noShows: 1 })
    expect(start.reportVersion).toBe(1)
    // Gemeente 4/3 named; the one NGO person only counted.
    expect(start.attendance.bySector).toEqual([{ sector: 'gemeente', registered: 4, checkedIn: 3 }])
    expect(start.attendance.otherSectors).toEqual({ count: 1, registered: 1, checkedIn: 1 })
    const texts = overview.quotes.map((q) => q.text)
    expect(texts).toContain(marked)
    expect(texts).toContain(articleQuotes.harbers)
    expect(texts.join()).not.toContain('Later gewijzigd')
    expect(overview.quotes.find((q) => q.text === marked)!.attribution).toMatch(/Van Ark/)
    expect(overview.actionLines.length).toBeGreaterThan(0)
    expect(overview.actionLines.some((l) => l.events.some((e) => e.id === eventId))).toBe(true)
  })

  test('anonymous: sent to sign in; unknown programme: 404 for the page and both downloads', async () => {
    for (const loader of [pageLoader, xlsxLoader, docxLoader]) {
      const anonymous = await callRoute(loader, getRequest(path()), { id: programmeId })
      expect(anonymous.status).toBe(302)
      expect(anonymous.location).toMatch(/^\/inloggen/)
      const unknown = await callRoute(loader, getRequest('/beheer/programmas/cunknown/overzicht', { cookie }), {
        id: 'cunknownid0000000000000000',
      })
      expect(unknown.status).toBe(404)
    }
  })

  test('a programme without events shows empty tables', async () => {
    const programme = await db.programme.create({ data: { slug: 'leeg', name: 'Leeg programma' } })
    const result = await callRoute(pageLoader, getRequest(`/beheer/programmas/${programme.id}/overzicht`, { cookie }), {
      id: programme.id,
    })
    expect(result.status).toBe(200)
    const { overview } = result.data as { overview: ProgrammeOverview }
    expect(overview.events).toEqual([])
    expect(overview.quotes).toEqual([])
  })

  test('the .xlsx holds the numbers and every quote as a text cell', async () => {
    // A second, later event in the programme without a report: a row with its own numbers, no quotes.
    const later = await createEvent(db, programmeId, { title: 'Werkconferentie' })
    const result = await callRoute(xlsxLoader, getRequest(path('.xlsx'), { cookie }), { id: programmeId })
    expect(result.status).toBe(200)
    expect(result.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(result.headers.get('cache-control')).toContain('no-store')
    expect(result.headers.get('content-disposition')).toMatch(/^attachment; filename="programma-overzicht-.+\.xlsx"$/)
    const response = await xlsxLoader({
      request: getRequest(path('.xlsx'), { cookie }),
      params: { id: programmeId },
      context: {},
    })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await response.arrayBuffer()) as ArrayBuffer)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Bijeenkomsten', 'Sectoren', 'Actielijnen', 'Citaten'])
    const rows = (name: string) => {
      const out: unknown[][] = []
      workbook.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)))
      return out
    }
    const events = rows('Bijeenkomsten')
    expect(events[0]).toEqual(['Datum', 'Bijeenkomst', 'Uitgenodigd', 'Aangemeld', 'Aanwezig', 'Niet gekomen'])
    const startRow = events.find((r) => r[1] === 'Formele start Samen tegen mensenhandel')!
    expect(startRow.slice(3)).toEqual([5, 4, 1])
    expect(events.some((r) => r[1] === later.title)).toBe(true)
    const sectors = rows('Sectoren')
    expect(sectors[0]).toContain('Gemeente')
    expect(sectors.flat()).toContain('4 / 3')
    const quotes = rows('Citaten')
    const cells = quotes.flat()
    expect(cells).toContain(marked)
    expect(cells).toContain(articleQuotes.harbers)
    expect(cells.some((c) => typeof c === 'string' && /Van Ark/.test(c))).toBe(true)
    expect(cells.join()).not.toContain('Later gewijzigd')
  })

  test('the .docx holds the tables and the quotes as text, "<b>" and the line break included', async () => {
    const response = await docxLoader({
      request: getRequest(path('.docx?taal=nl'), { cookie }),
      params: { id: programmeId },
      context: {},
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    const buffer = Buffer.from(await response.arrayBuffer())
    const { value: html } = await mammoth.convertToHtml(
      { buffer },
      { styleMap: ["p[style-name='Quote'] => blockquote > p:fresh"] },
    )
    expect(html).toContain('<h2>Citaten uit de gepubliceerde verslagen</h2>')
    expect(html).toContain(
      '<blockquote><p>„Eerst &lt;b&gt;vet&lt;/b&gt; &amp; *sterren*<br />en dan een tweede regel.”</p>',
    )
    expect(html).not.toContain('<b>vet')
    expect(html).toContain(`„${articleQuotes.harbers}”`)
    expect(html).toMatch(
      /<td><p>Formele start Samen tegen mensenhandel<\/p><\/td><td><p>\d+<\/p><\/td><td><p>5<\/p><\/td><td><p>4<\/p><\/td><td><p>1<\/p><\/td>/,
    )
    const { value: text } = await mammoth.extractRawText({ buffer })
    expect(text).toContain('4 / 3')
    expect(text).not.toContain('Later gewijzigd')
    // English headers on request.
    const en = await docxLoader({
      request: getRequest(path('.docx?taal=en'), { cookie }),
      params: { id: programmeId },
      context: {},
    })
    const { value: enText } = await mammoth.extractRawText({ buffer: Buffer.from(await en.arrayBuffer()) })
    expect(enText).toContain('Quotes from the published reports')
  })

  test('publishing again: the overview follows the latest published version, with its text', async () => {
    const admin = await db.user.findFirstOrThrow({ where: { email: 'admin@example.org' } })
    await publishReport(eventId, admin.id)
    const result = await callRoute(pageLoader, getRequest(path(), { cookie }), { id: programmeId })
    const { overview } = result.data as { overview: ProgrammeOverview }
    expect(overview.events.find((e) => e.id === eventId)!.reportVersion).toBe(2)
    const texts = overview.quotes.map((q) => q.text)
    expect(texts).toContain('Later gewijzigd, pas in versie 2 gepubliceerd.')
    expect(texts).not.toContain(marked)
    expect(new Set(overview.quotes.map((q) => q.reportVersion))).toEqual(new Set([2]))
  })
})
