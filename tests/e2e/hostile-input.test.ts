// Hostile input (issue 15), against the production build: every public, personal-link and secretariat form
// and every upload, with its fields read from the rendered page (so a new field is probed the day it lands),
// gets oversized values, CR/LF, NUL bytes, HTML/JS, SQL-looking text, wrong types, bad dates, unknown ids and
// missing fields. Each answer is a 4xx with a message, or a 2xx/3xx where the input is fine to keep as text;
// never a 5xx; a refused one changes nothing; no page renders the markup unescaped. Other origins, content
// types, broken multipart, oversized bodies and methods are tests/e2e/refused-requests.test.ts.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createPersonalLink } from '~/models/personal-link.server'
import { createDb } from '~/utils/db.server'
import { hashToken, randomToken } from '~/utils/tokens.server'
import { EVENT_SLUG } from '../../prisma/seed.ts'
import { addParticipation, createContact, createEvent, createSpeaker } from '../factories.ts'
import { ADMIN, startAppServer, type AppServer } from '../support/app-server.ts'
type RawResponse = { status: number; headers: Record<string, string>; body: string }
import { signInByFetch } from '../support/sign-in.ts'

let app: AppServer
let db: ReturnType<typeof createDb>
let admin = ''
let probes = 0
const links: Record<string, { path: string; cookie: string }> = {}
let eventId = ''
let publicSlug = ''

// The markup that must never come back unescaped.
const SCRIPT = '<script>alert("bijeen-xss")</script><img src=x onerror=alert(1)>'
const RAW_MARKERS = ['<script>alert("bijeen-xss")', '<img src=x onerror']

type Field = { name: string; type: string; value: string; options: string[] }
type Form = { page: string; action: string; multipart: boolean; fields: Field[] }

/** The post forms on a page, with their fields, as a browser would submit them. */
function formsOf(html: string, page: string): Form[] {
  const forms: Form[] = []
  for (const match of html.matchAll(/<form([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = match[1]!
    if (!/method="post"/i.test(attrs)) continue
    const action = /action="([^"]*)"/.exec(attrs)?.[1]?.replaceAll('&amp;', '&') ?? page
    const fields: Field[] = []
    const buttons: Field[] = []
    const body = match[2]!
    for (const input of body.matchAll(/<(input|textarea|button)\b([^>]*)>|<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const tag = input[1] ?? 'select'
      const a = input[2] ?? input[3]!
      const name = /\bname="([^"]+)"/.exec(a)?.[1]
      if (!name) continue
      const type = tag === 'input' ? (/\btype="([^"]+)"/.exec(a)?.[1] ?? 'text') : tag === 'button' ? 'submit' : tag
      const value = (/\bvalue="([^"]*)"/.exec(a)?.[1] ?? '').replaceAll('&amp;', '&')
      const options = [...(input[4] ?? '').matchAll(/<option[^>]*value="([^"]*)"/g)].map((o) => o[1]!)
      if (type === 'submit' || type === 'button') {
        buttons.push({ name, type: 'hidden', value, options })
        continue
      }
      fields.push({ name, type, value, options })
    }
    // Each named submit button sends the form with its own value (an intent): each is a form of its own.
    const multipart = /multipart\/form-data/.test(attrs)
    // A submit button without a name sends no intent (the form's main action).
    const plain = [...body.matchAll(/<button\b([^>]*)>/g)].some(
      (m) => !/\bname=/.test(m[1]!) && !/type="button"/.test(m[1]!),
    )
    if (buttons.length === 0 || plain) forms.push({ page, action, multipart, fields })
    for (const button of buttons) forms.push({ page, action, multipart, fields: [...fields, button] })
  }
  return forms
}

/** A plausible value for each field, as a person would fill it in. */
function validValue(field: Field): string {
  if (field.type === 'hidden') return field.value
  if (field.type === 'email') return 'proef@example.org'
  if (field.type === 'date') return '2027-03-15'
  if (field.type === 'time') return '10:00'
  if (field.type === 'datetime-local') return '2027-03-15T10:00'
  if (field.type === 'number') return '5'
  if (field.type === 'checkbox' || field.type === 'radio') return field.value || 'on'
  if (field.type === 'select') return field.options.find((o) => o !== '') ?? ''
  if (field.type === 'password') return 'een lange zin van allerlei woorden'
  if (field.type === 'file') return ''
  if (field.value) return field.value
  return /mail/i.test(field.name) ? 'proef@example.org' : 'Proefwaarde'
}

type Mutation = { label: string; value?: string; drop?: boolean; twice?: boolean }

/** The hostile values for one field; which apply depends on its type. */
function mutations(field: Field): Mutation[] {
  const all: Mutation[] = [
    { label: 'missing', drop: true },
    { label: 'oversized', value: 'x'.repeat(20_000) },
    { label: 'HTML/JS', value: SCRIPT },
    { label: 'NUL byte', value: 'Naam\u0000met nul' },
  ]
  if (['text', 'email', 'textarea', 'search', 'tel', 'url'].includes(field.type)) {
    all.push(
      { label: 'CR/LF', value: 'Naam\r\nBcc: kaper@example.org\r\n\r\nInhoud' },
      { label: 'SQL', value: `' OR 1=1; DROP TABLE "User"; --` },
      { label: 'twice', twice: true },
    )
  }
  if (['date', 'time', 'datetime-local'].includes(field.type)) {
    all.push({ label: 'bad date', value: '2026-02-31' }, { label: 'not a date', value: 'gisteren' })
  }
  if (field.type === 'number') all.push({ label: 'wrong type', value: 'veel' }, { label: 'negative', value: '-1e309' })
  if (field.type === 'select' || (field.type === 'hidden' && /id$/i.test(field.name))) {
    all.push({ label: 'unknown value', value: 'cunknownid0000000000000000' })
  }
  if (field.type === 'hidden' && field.name === 'intent') return [{ label: 'unknown intent', value: 'verwijder-alles' }]
  if (field.type === 'file') return []
  return all
}

/** The form's body (multipart where the page's form is) and content type. */
async function encode(form: Form, values: Array<[string, string | Blob, string?]>) {
  if (!form.multipart) {
    const body = new URLSearchParams(values.map(([k, v]) => [k, String(v)])).toString()
    return { body: Buffer.from(body), type: 'application/x-www-form-urlencoded' }
  }
  const data = new FormData()
  for (const [k, v, filename] of values) {
    if (typeof v === 'string') data.append(k, v)
    else data.append(k, v, filename)
  }
  const encoded = new Request('http://x/', { method: 'POST', body: data })
  return { body: Buffer.from(await encoded.arrayBuffer()), type: encoded.headers.get('content-type')! }
}

/**
 * One request with fetch, which reads a chunked answer whole (the raw socket of tests/support/probe.ts would
 * leave the chunk sizes in the markup); the bodies here are well-formed, only their values are hostile.
 */
async function rawRequest(
  baseUrl: string,
  input: { method: string; path: string; headers?: Record<string, string>; body?: Buffer },
): Promise<RawResponse> {
  const response = await fetch(baseUrl + input.path, {
    method: input.method,
    headers: input.headers,
    body: input.body ? new Uint8Array(input.body) : undefined,
    redirect: 'manual',
  })
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers.entries()),
    body: await response.text(),
  }
}

async function post(form: Form, cookie: string, values: Array<[string, string | Blob, string?]>) {
  probes++
  const { body, type } = await encode(form, values)
  const headers: Record<string, string> = { Origin: app.url, 'Content-Type': type }
  if (cookie) headers.Cookie = cookie
  return rawRequest(app.url, { method: 'POST', path: form.action, headers, body })
}

/** What the database holds (rows of the tables a form writes), to show that a refusal changed nothing. */
async function snapshot() {
  const order = { orderBy: { id: 'asc' as const } }
  return JSON.stringify([
    await db.organisation.findMany(order),
    await db.contact.findMany(order),
    await db.speaker.findMany(order),
    await db.registration.findMany(order),
    await db.event.findMany(order),
    await db.agendaItem.findMany(order),
    await db.programme.findMany(order),
    await db.statement.findMany(order),
    await db.statementVersion.count(),
    await db.user.findMany({ ...order, select: { id: true, name: true, email: true, role: true } }),
    await db.registrationQuestion.count(),
    await db.importJob.count(),
  ])
}

/** A 4xx must say what is wrong: a page with a heading, or the form with its field messages. */
function hasMessage(response: RawResponse) {
  // A resource route (the language switch) answers in plain text, in both languages.
  if (response.headers['content-type']?.startsWith('text/plain')) return /kies nl of en/.test(response.body)
  return /<h1|role="alert"|aria-invalid="true"|class="[^"]*error/.test(response.body)
}

const failures: string[] = []

/** Posts the form valid but for one hostile value per field, and checks each answer. */
async function probeForm(form: Form, cookie: string) {
  const base = form.fields.filter((f) => f.type !== 'file')
  for (const target of base) {
    for (const m of mutations(target)) {
      const values: Array<[string, string]> = []
      for (const f of base) {
        if (f === target) {
          if (m.drop) continue
          values.push([f.name, m.twice ? validValue(f) : (m.value ?? '')])
          if (m.twice) values.push([f.name, 'Tweede waarde'])
        } else if (f.type !== 'checkbox' || !values.some(([n]) => n === f.name)) {
          values.push([f.name, validValue(f)])
        }
      }
      const before = await snapshot()
      const response = await post(form, cookie, values)
      await check(`${form.action} ${target.name} ${m.label}`, response, before)
    }
  }
}

const statuses: Record<string, Record<number, number>> = {}

async function check(label: string, response: RawResponse, before: string) {
  const key = label.split(' ')[0]!
  statuses[key] ??= {}
  statuses[key][response.status] = (statuses[key][response.status] ?? 0) + 1
  if (response.status >= 500) failures.push(`${label}: ${response.status}`)
  for (const marker of RAW_MARKERS) if (response.body.includes(marker)) failures.push(`${label}: unescaped markup`)
  if (response.status >= 400 && response.status < 500) {
    if (!hasMessage(response)) failures.push(`${label}: ${response.status} without a message`)
    if ((await snapshot()) !== before) failures.push(`${label}: refused with ${response.status} but changed data`)
  }
}

async function page(path: string, cookie: string) {
  const response = await rawRequest(app.url, { method: 'GET', path, headers: cookie ? { Cookie: cookie } : {} })
  expect(response.status, path).toBe(200)
  return formsOf(response.body, path)
}

beforeAll(async () => {
  // The rate limits are tested elsewhere (tests/e2e/sign-in.test.ts, register.test.ts); here they would only
  // turn the later probes into 429s.
  app = await startAppServer({ env: { REGISTRATION_RATE_LIMIT: '100000', LOGIN_RATE_LIMIT: '100000' } })
  db = createDb(app.databaseUrl)
  const event = await db.event.findUniqueOrThrow({ where: { slug: EVENT_SLUG } })
  eventId = event.id
  const organisation = await db.organisation.findFirstOrThrow()
  const item = await db.agendaItem.findFirstOrThrow({ where: { eventId } })
  const contact = await createContact(db, organisation.id, { name: 'Proef Genodigde' })
  const invitation = await db.invitation.create({ data: { eventId, contactId: contact.id } })
  const registration = await db.registration.create({
    data: { eventId, name: 'Proef Deelnemer', email: 'deelnemer@example.org', status: 'confirmed' },
  })
  const speaker = await createSpeaker(db, { name: 'Proef Spreker', email: 'spreker@example.org' })
  await addParticipation(db, { agendaItemId: item.id, speakerId: speaker.id, confirmed: true })
  const programme = await db.programme.findFirstOrThrow()
  publicSlug = (await createEvent(db, programme.id, { visibility: 'public', title: 'Open proefbijeenkomst' })).slug
  const expiresAt = new Date(Date.now() + 30 * 24 * 3600 * 1000)
  const open = async (path: string) => {
    const opened = await fetch(app.url + path, { redirect: 'manual' })
    expect(opened.status, path).toBe(303)
    const cookie = opened.headers.getSetCookie().find((c) => /^bijeen_(link|activation)/.test(c))!
    return { path: opened.headers.get('location')!, cookie: cookie.split(';')[0]! }
  }
  for (const [kind, subjectId, base] of [
    ['invitation', invitation.id, '/uitnodiging'],
    ['registration', registration.id, '/aanmelding'],
    ['speaker', speaker.id, '/spreker'],
  ] as const) {
    links[kind] = await open(`${base}/${await createPersonalLink({ kind, subjectId, eventId, expiresAt }, db)}`)
  }
  const invited = await db.user.create({
    data: { email: 'nieuw@example.org', name: 'Proef Collega', role: 'viewer', passwordHash: '' },
  })
  const token = randomToken()
  await db.accountLink.create({ data: { userId: invited.id, tokenHash: hashToken(token), expiresAt } })
  links.activation = await open(`/activeren/${token}`)
  admin = await signInByFetch(app.url, ADMIN)
}, 120_000)

afterAll(async () => {
  console.info(`hostile input: ${probes} probes`, JSON.stringify(statuses))
  await db?.$disconnect()
  await app?.stop()
})

describe('hostile input on every form', () => {
  test('public forms: registration and sign-in', async () => {
    // The seeded event is by invitation only; the public form is that of an open event.
    const event = await page(`/bijeenkomsten/${publicSlug}/aanmelden`, '')
    expect(event.length).toBeGreaterThan(0)
    for (const form of event) await probeForm(form, '')
    // Sign-in: the password step only (a right password would sign in); language switch.
    for (const form of await page('/inloggen', '')) await probeForm(form, '')
    expect(failures).toEqual([])
  })

  test('personal-link forms: invitation, manage registration, speaker portal, account activation', async () => {
    const pages = [
      [links.invitation!.path, links.invitation!.cookie],
      [links.registration!.path, links.registration!.cookie],
      [`${links.speaker!.path}/citaten`, links.speaker!.cookie],
      [`${links.speaker!.path}/profiel`, links.speaker!.cookie],
      [links.activation!.path, links.activation!.cookie],
    ] as const
    for (const [path, cookie] of pages) {
      const forms = (await page(path, cookie)).filter((f) => !f.action.startsWith('/taal'))
      expect(forms.length, path).toBeGreaterThan(0)
      for (const form of forms) await probeForm(form, cookie)
    }
    expect(failures).toEqual([])
  })

  test('secretariat forms', async () => {
    const pages = [
      '/beheer/organisaties/nieuw',
      '/beheer/contacten/nieuw',
      '/beheer/sprekers/nieuw',
      '/beheer/bijeenkomsten/nieuw',
      '/beheer/medewerkers/nieuw',
      `/beheer/bijeenkomsten/${eventId}/programma`,
      `/beheer/bijeenkomsten/${eventId}/vragen`,
    ]
    for (const path of pages) {
      const forms = (await page(path, admin)).filter((f) => !f.action.startsWith('/taal') && f.action !== '/uitloggen')
      expect(forms.length, path).toBeGreaterThan(0)
      for (const form of forms) await probeForm(form, admin)
    }
    expect(failures).toEqual([])
  })

  test('uploads: a photo that is no image, an empty file, hostile file names; a CSV with hostile cells', async () => {
    const photoForms = [
      ...(await page('/beheer/sprekers/nieuw', admin)).map((f) => [f, admin] as const),
      ...(await page(`${links.speaker!.path}/profiel`, links.speaker!.cookie)).map(
        (f) => [f, links.speaker!.cookie] as const,
      ),
    ].filter(([f]) => f.fields.some((x) => x.type === 'file'))
    expect(photoForms.length).toBe(2)
    const files: Array<[string, Blob, string]> = [
      ['text as a JPEG', new Blob(['dit is geen foto'], { type: 'image/jpeg' }), 'foto.jpg'],
      [
        'SVG with script',
        new Blob([`<svg xmlns="http://www.w3.org/2000/svg">${SCRIPT}</svg>`], { type: 'image/svg+xml' }),
        'x.svg',
      ],
      ['HTML', new Blob([SCRIPT], { type: 'text/html' }), 'x.html'],
      ['path in the name', new Blob(['GIF89a'], { type: 'image/gif' }), '../../etc/passwd'],
      ['CR/LF in the name', new Blob(['\u0089PNG'], { type: 'image/png' }), 'a\r\nContent-Type: text/html.png'],
      [
        'truncated PNG',
        new Blob([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')], { type: 'image/png' }),
        'kapot.png',
      ],
    ]
    // (An empty file part is what a browser sends when no photo was chosen: the form is saved without one.)
    for (const [form, cookie] of photoForms) {
      const fileField = form.fields.find((f) => f.type === 'file')!.name
      const rest = form.fields.filter((f) => f.type !== 'file').map((f) => [f.name, validValue(f)] as [string, string])
      for (const [label, blob, name] of files) {
        const before = await snapshot()
        const response = await post(form, cookie, [...rest, [fileField, blob, name]])
        await check(`${form.action} photo ${label}`, response, before)
        if (response.status < 400) failures.push(`${form.action} photo ${label}: accepted with ${response.status}`)
      }
    }
    const importForm = (await page('/beheer/contacten/importeren', admin)).find((f) =>
      f.fields.some((x) => x.type === 'file'),
    )
    const fileField = importForm!.fields.find((f) => f.type === 'file')!.name
    const rest = importForm!.fields
      .filter((f) => f.type !== 'file')
      .map((f) => [f.name, validValue(f)] as [string, string])
    const csvs: Array<[string, string | Uint8Array<ArrayBuffer>]> = [
      ['empty', ''],
      ['binary', new Uint8Array([0, 159, 146, 150, 255, 0, 1, 2])],
      ['NUL in a cell', 'naam,email\nPiet\u0000Jan,piet@example.org\n'],
      ['formula and markup', `naam,email,organisatie\n=HYPERLINK("http://evil"),a@example.org,${SCRIPT}\n`],
      ['CR/LF in a quoted cell', 'naam,email\n"Piet\r\nBcc: x@example.org",piet@example.org\n'],
      ['unterminated quote', 'naam,email\n"Piet,piet@example.org\n'],
      ['one huge cell', `naam,email\n${'x'.repeat(200_000)},a@example.org\n`],
      ['SQL', `naam,email\n"' OR 1=1; --",b@example.org\n`],
    ]
    for (const [label, content] of csvs) {
      const before = await snapshot()
      const response = await post(importForm!, admin, [
        ...rest,
        [fileField, new Blob([content], { type: 'text/csv' }), 'lijst.csv'],
      ])
      await check(`import ${label}`, response, before)
      // An accepted file is only a job to map and check: its page renders the cells as text.
      if (response.status === 302) {
        const job = await rawRequest(app.url, {
          method: 'GET',
          path: response.headers['location']!,
          headers: { Cookie: admin },
        })
        await check(`import ${label} (job page)`, job, before)
      }
    }
    expect(failures).toEqual([])
  })

  test('what was accepted is stored as text and shown escaped', async () => {
    // Every list a probe could have added to, read back: the markup is escaped wherever it is shown.
    const lists = [
      '/beheer/organisaties',
      '/beheer/contacten',
      '/beheer/sprekers',
      '/beheer/medewerkers',
      `/beheer/bijeenkomsten/${eventId}/aanmeldingen`,
      `/beheer/bijeenkomsten/${eventId}/programma`,
      `/beheer/bijeenkomsten/${eventId}/vragen`,
      `/bijeenkomsten/${EVENT_SLUG}`,
      '/beheer',
    ]
    for (const path of lists) {
      const response = await rawRequest(app.url, { method: 'GET', path, headers: { Cookie: admin } })
      await check(`GET ${path}`, response, '')
      expect(response.status, path).toBe(200)
    }
    // Somewhere the markup was kept as text: it is stored verbatim, not cleaned into something else.
    const where = { name: { contains: '<script>' } }
    const stored = {
      organisations: await db.organisation.count({ where }),
      contacts: await db.contact.count({ where }),
      speakers: await db.speaker.count({ where }),
      registrations: await db.registration.count({ where }),
    }
    console.info('hostile input kept as text:', stored)
    expect(Object.values(stored).reduce((a, b) => a + b)).toBeGreaterThan(0)
    expect(failures).toEqual([])
    expect(probes).toBeGreaterThanOrEqual(100)
  })
})
