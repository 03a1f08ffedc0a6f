// The report editor and the published report, through their loaders and actions with real requests: a
// viewer may look but not publish; saving keeps paragraphs and the arrangement; publishing freezes a version
// that later changes to quotes do not touch; publishing again adds a version and keeps the old one; what is
// unpublished or for partners only is not found by the public.
import { beforeAll, describe, expect, test } from 'vitest'
import type { LayoutEntry, ReportSnapshot } from '~/domain/report'
import { action as loginAction } from '~/routes/inloggen'
import { action, loader } from '~/routes/beheer.bijeenkomsten.$id.verslag'
import { loader as publicLoader } from '~/routes/verslagen.$slug._index'
import { loader as versionLoader } from '~/routes/verslagen.$slug.versie.$version'
import { publicContentVersion } from '~/server/public-cache'
import { db } from '~/utils/db.server'
import { articleQuotes, EVENT_SLUG, seed } from '../../prisma/seed.ts'
import { createUser } from '../factories.ts'
import { BASE, callRoute, cookieFrom, formRequest, getRequest } from '../support/remix.ts'

let eventId: string
let organiser: string
let viewer: string
const path = () => `/beheer/bijeenkomsten/${eventId}/verslag`

async function cookieFor(role: 'organiser' | 'viewer') {
  const { user, password } = await createUser(db, { role })
  return cookieFrom(
    await callRoute(
      loginAction,
      formRequest('/inloggen', { email: user.email, password }, { 'x-bijeen-client-ip': `10.9.1.${role.length}` }),
    ),
  )
}

type Editor = {
  saved: boolean
  canEdit: boolean
  draft: { title: string; lead: string }
  layout: LayoutEntry[]
  preview: { entries: Array<{ type: string; block?: { kind: string; text?: string } }> }
  warnings: Array<{ code: string }>
  versions: Array<{ version: number }>
}

async function editor(cookie = organiser) {
  const result = await callRoute(loader, getRequest(path(), { cookie }), { id: eventId })
  expect(result.status).toBe(200)
  return result.data as Editor
}

/** The editor's form as the page posts it: every entry of the arrangement, with the fields given. */
function form(layout: LayoutEntry[], fields: Record<string, string>) {
  const body = new URLSearchParams({
    title: 'Formele start Samen tegen mensenhandel',
    lead: 'Het programma Samen tegen mensenhandel is op 4 december formeel gestart.',
    titleEn: '',
    leadEn: '',
    visibility: 'public',
    photoCredits: 'Robert Huiberts',
  })
  for (const e of layout) {
    body.append('entry', `${e.type === 'block' ? 'b' : 'p'}:${e.id}`)
    if (e.type === 'block' && e.included) body.append('include', e.id)
    if (e.type === 'paragraph') {
      body.append(`text:${e.id}`, e.text)
      body.append(`textEn:${e.id}`, e.textEn)
    }
  }
  for (const [k, v] of Object.entries(fields)) body.set(k, v)
  return body
}

function post(body: URLSearchParams, cookie = organiser) {
  return callRoute(
    action,
    new Request(BASE + path(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: body.toString(),
    }),
    { id: eventId },
  )
}

const publicPage = async (slug = EVENT_SLUG) => callRoute(publicLoader, getRequest(`/verslagen/${slug}`), { slug })
const quoteTexts = (snapshot: ReportSnapshot) =>
  snapshot.entries.flatMap((e) => (e.type === 'block' && e.block.kind === 'quote' ? [e.block.text] : []))

beforeAll(async () => {
  await seed(db, {
    adminEmail: 'admin@example.org',
    adminPassword: 'Verslag-Test-2',
    now: new Date('2026-11-29T08:00:00Z'),
  })
  eventId = (await db.event.findUniqueOrThrow({ where: { slug: EVENT_SLUG } })).id
  organiser = await cookieFor('organiser')
  viewer = await cookieFor('viewer')
})

describe('report editor and publishing', () => {
  test('before anything is saved: a suggestion, not found for the public', async () => {
    const e = await editor(viewer)
    expect(e).toMatchObject({ saved: false, canEdit: false, versions: [] })
    expect(e.draft.lead).toBe(
      'Het programma Samen tegen mensenhandel is op 4 december formeel gestart. Staatssecretaris Harbers opende de bijeenkomst in Den Haag.',
    )
    expect(e.warnings).toContainEqual(expect.objectContaining({ code: 'speaker-without-quote' }))
    expect((await publicPage()).status).toBe(404)
  })

  test('a viewer cannot save or publish (403); nothing is written', async () => {
    const e = await editor(viewer)
    for (const intent of ['save', 'publish']) {
      expect((await post(form(e.layout, { intent }), viewer)).status).toBe(403)
    }
    expect(await db.report.count()).toBe(0)
  })

  test('refused input: a broken form is 400, a missing title or half an English version says why', async () => {
    const e = await editor()
    expect((await post(new URLSearchParams({ title: 'x' }))).status).toBe(400)
    expect((await post(form(e.layout, { intent: 'save', entry: 'x:<script>' }))).status).toBe(400)
    const empty = await post(form(e.layout, { intent: 'save', title: '  ' }))
    expect(empty.status).toBe(400)
    expect(empty.data).toMatchObject({ fieldErrors: { title: ['Vul een titel in.'] } })
    const half = await post(form(e.layout, { intent: 'save', titleEn: 'Formal start' }))
    expect(half.data).toMatchObject({ fieldErrors: { leadEn: [expect.stringContaining('Engelse versie')] } })
    expect(await db.report.count()).toBe(0)
  })

  test('a paragraph added below the opening, moved, and a block left out, all kept by a save', async () => {
    let e = await editor()
    const added = await post(form(e.layout, { intent: 'add:opening' }))
    expect(added.status).toBe(302)
    e = await editor()
    expect(e.saved).toBe(true)
    const paragraph = e.layout[1]!
    expect(paragraph).toMatchObject({ type: 'paragraph', text: '' })
    const layout = e.layout.map((entry) =>
      entry.type === 'paragraph'
        ? { ...entry, text: 'Het programma is tot stand gekomen met veel partners.' }
        : entry.id === 'links'
          ? { ...entry, included: false }
          : entry,
    )
    expect((await post(form(layout, { intent: `up:${paragraph.id}` }))).status).toBe(302)
    e = await editor()
    expect(e.layout.slice(0, 2).map((x) => x.id)).toEqual([paragraph.id, 'opening'])
    expect(e.layout.find((x) => x.id === 'links')).toMatchObject({ included: false })
    expect(e.preview.entries[0]).toMatchObject({ type: 'paragraph' })
    expect(e.preview.entries.some((x) => x.block?.kind === 'links')).toBe(false)
  })

  test('publishing freezes a version; a later change to a quote leaves it as published', async () => {
    const before = await publicContentVersion()
    const e = await editor()
    const published = await post(form(e.layout, { intent: 'publish' }))
    expect(published).toMatchObject({ status: 302, location: path() })
    expect(await publicContentVersion()).toBeGreaterThan(before)

    const page = await publicPage()
    expect(page.status).toBe(200)
    const v1 = (page.data as { report: { snapshot: ReportSnapshot } }).report.snapshot
    expect(v1.version).toBe(1)
    expect(quoteTexts(v1)).toEqual([
      articleQuotes.harbers,
      articleQuotes.vanArk,
      articleQuotes.blokhuis,
      articleQuotes.tazelaar,
    ])
    expect(v1.entries.some((x) => x.type === 'block' && x.block.kind === 'photoCredits')).toBe(true)

    // The authorised text changes under the report (and a speaker's function too).
    const statement = await db.statement.findFirstOrThrow({
      where: { eventId, authorisedVersion: { text: articleQuotes.vanArk } },
    })
    await db.statementVersion.update({
      where: { id: statement.authorisedVersionId! },
      data: { text: 'Een andere tekst <b>vet</b>\nop twee regels.' },
    })
    await db.speaker.updateMany({ where: { name: 'Blokhuis' }, data: { function: 'oud-staatssecretaris' } })
    const again = (await publicPage()).data as { report: { snapshot: ReportSnapshot } }
    expect(again.report.snapshot).toEqual(v1)
    // The draft's preview shows the change.
    const preview = await editor()
    expect(preview.preview.entries.some((x) => x.block?.text === 'Een andere tekst <b>vet</b>\nop twee regels.')).toBe(
      true,
    )
  })

  test('publishing again adds version 2; version 1 stays readable; both are listed', async () => {
    const e = await editor()
    expect((await post(form(e.layout, { intent: 'publish' }))).location).toBe(path())
    const latest = (await publicPage()).data as {
      report: { snapshot: ReportSnapshot; versions: Array<{ version: number }>; latest: number }
    }
    expect(latest.report.latest).toBe(2)
    expect(latest.report.versions.map((v) => v.version)).toEqual([2, 1])
    expect(quoteTexts(latest.report.snapshot)).toContain('Een andere tekst <b>vet</b>\nop twee regels.')
    const old = await callRoute(versionLoader, getRequest(`/verslagen/${EVENT_SLUG}/versie/1`), {
      slug: EVENT_SLUG,
      version: '1',
    })
    expect(old.status).toBe(200)
    expect(quoteTexts((old.data as { report: { snapshot: ReportSnapshot } }).report.snapshot)).toContain(
      articleQuotes.vanArk,
    )
    for (const version of ['3', '0', 'abc', '1e3']) {
      const missing = await callRoute(versionLoader, getRequest(`/verslagen/${EVENT_SLUG}/versie/${version}`), {
        slug: EVENT_SLUG,
        version,
      })
      expect(missing.status).toBe(404)
    }
    expect((await editor()).versions.map((v) => v.version)).toEqual([2, 1])
  })

  test('for partners only: the public page is not found; unknown slugs are not found', async () => {
    const e = await editor()
    expect((await post(form(e.layout, { intent: 'save', visibility: 'partners' }))).status).toBe(302)
    expect((await publicPage()).status).toBe(404)
    expect((await publicPage('bestaat-niet')).status).toBe(404)
    await post(form(e.layout, { intent: 'save', visibility: 'public' }))
    expect((await publicPage()).status).toBe(200)
  })
})
