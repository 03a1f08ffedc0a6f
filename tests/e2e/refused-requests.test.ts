// Hostile requests against the production build, on every route with an action (the list is read from
// app/routes, so a new action is covered the day it lands): another origin, no origin, a spoofed
// X-Forwarded-Host, a body that is not a form, a broken multipart body, too large a body, and methods no form
// uses. Each is refused with a 4xx and a short page in the visitor's language, and nothing changes.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDb } from '~/utils/db.server'
import { EVENT_SLUG } from '../../prisma/seed.ts'
import { ADMIN, startAppServer, type AppServer } from '../support/app-server.ts'
import { fillPattern, rawRequest, routeFiles } from '../support/probe.ts'
import { signInByFetch } from '../support/sign-in.ts'

let app: AppServer
let db: ReturnType<typeof createDb>
let cookie = ''
let ids: Record<string, string> = {}

const BODY_LIMIT = 64 * 1024
const UPLOAD_LIMIT = 1024 * 1024

beforeAll(async () => {
  app = await startAppServer({
    env: { BODY_LIMIT_BYTES: String(BODY_LIMIT), UPLOAD_LIMIT_BYTES: String(UPLOAD_LIMIT) },
  })
  db = createDb(app.databaseUrl)
  const event = await db.event.findUniqueOrThrow({ where: { slug: EVENT_SLUG } })
  const organisation = await db.organisation.findFirstOrThrow()
  const speaker = await db.speaker.findFirstOrThrow()
  const programme = await db.programme.findFirstOrThrow()
  const item = await db.agendaItem.findFirstOrThrow({ where: { eventId: event.id } })
  ids = {
    event: event.id,
    slug: event.slug,
    organisation: organisation.id,
    speaker: speaker.id,
    programme: programme.id,
    item: item.id,
  }
  cookie = await signInByFetch(app.url, ADMIN)
}, 120_000)

afterAll(async () => {
  await db?.$disconnect()
  await app?.stop()
})

/** A concrete URL for a route pattern: real ids where the seed has them, a well-formed unknown id otherwise. */
function urlFor(pattern: string) {
  return fillPattern(pattern, (name, p) => {
    if (name === 'slug') return ids.slug
    if (name === 'token') return 'a'.repeat(43)
    if (name === 'itemId') return ids.item
    if (name === 'id') {
      if (p.startsWith('/beheer/bijeenkomsten/')) return ids.event
      if (p.startsWith('/beheer/organisaties/')) return ids.organisation
      if (p.startsWith('/beheer/sprekers/')) return ids.speaker
      if (p.startsWith('/beheer/programmas/')) return ids.programme
      return 'cunknownid0000000000000000'
    }
    return 'cunknownid0000000000000000'
  })
}

/** What the database holds, to show that refused requests changed nothing. */
async function snapshot() {
  const [organisations, events, contacts, registrations, sessions, outbox, programmes, speakers] = await Promise.all([
    db.organisation.findMany({ orderBy: { id: 'asc' } }),
    db.event.findMany({ orderBy: { id: 'asc' } }),
    db.contact.count(),
    db.registration.count(),
    db.session.findMany({ select: { id: true, revokedAt: true }, orderBy: { id: 'asc' } }),
    db.outboxMessage.count(),
    db.programme.findMany({ orderBy: { id: 'asc' } }),
    db.speaker.findMany({ orderBy: { id: 'asc' } }),
  ])
  return JSON.stringify({ organisations, events, contacts, registrations, sessions, outbox, programmes, speakers })
}

const actions = routeFiles().filter((r) => r.hasAction)
const form = 'application/x-www-form-urlencoded'

type Probe = {
  name: string
  method?: string
  headers: (origin: string) => Record<string, string | number>
  body?: string | Buffer
  status: number
  title: string
}

const probes: Probe[] = [
  {
    name: 'another origin',
    headers: () => ({ Origin: 'http://evil.example', 'Content-Type': form }),
    body: 'intent=x',
    status: 403,
    title: 'Verzoek geweigerd',
  },
  {
    name: 'Origin: null',
    headers: () => ({ Origin: 'null', 'Content-Type': form }),
    body: 'intent=x',
    status: 403,
    title: 'Verzoek geweigerd',
  },
  {
    name: 'no Origin, Sec-Fetch-Site: cross-site',
    headers: () => ({ 'Sec-Fetch-Site': 'cross-site', 'Content-Type': form }),
    body: 'intent=x',
    status: 403,
    title: 'Verzoek geweigerd',
  },
  {
    name: 'neither Origin nor Sec-Fetch-Site',
    headers: () => ({ 'Content-Type': form }),
    body: 'intent=x',
    status: 403,
    title: 'Verzoek geweigerd',
  },
  {
    // Without TRUST_PROXY a client cannot make another origin look like ours.
    name: 'X-Forwarded-Host set to the attacker',
    headers: () => ({ Origin: 'http://evil.example', 'X-Forwarded-Host': 'evil.example', 'Content-Type': form }),
    body: 'intent=x',
    status: 403,
    title: 'Verzoek geweigerd',
  },
  {
    name: 'JSON body',
    headers: (origin) => ({ Origin: origin, 'Content-Type': 'application/json' }),
    body: '{"email":"a@example.org"}',
    status: 415,
    title: 'Dit formulier kunnen we niet lezen',
  },
  {
    name: 'raw text without a content type',
    headers: (origin) => ({ Origin: origin }),
    body: 'just some text',
    status: 415,
    title: 'Dit formulier kunnen we niet lezen',
  },
  {
    name: 'broken multipart',
    headers: (origin) => ({ Origin: origin, 'Content-Type': 'multipart/form-data; boundary=xyz' }),
    body: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated',
    status: 400,
    title: 'Dit formulier kunnen we niet lezen',
  },
  {
    name: 'multipart without a boundary',
    headers: (origin) => ({ Origin: origin, 'Content-Type': 'multipart/form-data' }),
    body: 'a=b',
    status: 400,
    title: 'Dit formulier kunnen we niet lezen',
  },
  {
    // Announced larger than any limit: refused before a byte of it is read.
    name: 'a body larger than the limit',
    headers: (origin) => ({ Origin: origin, 'Content-Type': form, 'Content-Length': 50 * 1024 * 1024 }),
    status: 413,
    title: 'Te veel gegevens',
  },
  { name: 'DELETE', method: 'DELETE', headers: (origin) => ({ Origin: origin }), status: 405, title: 'Dit kan niet' },
  {
    name: 'PUT',
    method: 'PUT',
    headers: (origin) => ({ Origin: origin, 'Content-Type': form }),
    body: 'name=x',
    status: 405,
    title: 'Dit kan niet',
  },
  { name: 'PATCH', method: 'PATCH', headers: (origin) => ({ Origin: origin }), status: 405, title: 'Dit kan niet' },
]

describe('every action refuses hostile requests with a 4xx and a page, and changes nothing', () => {
  test('the list of actions comes from the route files', () => {
    expect(actions.map((a) => a.file)).toContain('uitloggen.tsx')
    expect(actions.map((a) => a.file)).toContain('taal.tsx')
    expect(actions.length).toBeGreaterThan(25)
  })

  for (const probe of probes) {
    test(`${probe.name}: ${probe.status} on every action, signed in as admin`, async () => {
      const before = await snapshot()
      const failures: string[] = []
      for (const route of actions) {
        for (const suffix of ['', '.data']) {
          const path = urlFor(route.pattern) + suffix
          const response = await rawRequest(app.url, {
            method: probe.method ?? 'POST',
            path,
            headers: { Cookie: cookie, ...probe.headers(app.url) },
            body: probe.body,
          })
          if (response.status !== probe.status || !response.body.includes(probe.title)) {
            failures.push(`${path}: ${response.status} ${response.body.slice(0, 120)}`)
          }
        }
      }
      expect(failures).toEqual([])
      expect(await snapshot()).toBe(before)
    })
  }

  test("the site's own address under another Host name is refused with 403, not passed on to crash", async () => {
    // APP_URL is http://127.0.0.1:<port>; the same server reached as localhost has another Host, which is what
    // Remix compares Origin with, so APP_URL's origin must not pass there.
    const other = app.url.replace('127.0.0.1', 'localhost')
    const response = await fetch(`${other}/inloggen`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: app.url },
      body: new URLSearchParams({ email: ADMIN.email, password: ADMIN.password }),
    })
    expect(response.status).toBe(403)
    expect(response.headers.get('set-cookie')).toBeNull()
  })

  test('TRACE and OPTIONS get 405 with an Allow header, anywhere', async () => {
    for (const method of ['TRACE', 'OPTIONS']) {
      for (const path of ['/', '/inloggen', `/beheer/organisaties/${ids.organisation}`]) {
        const response = await rawRequest(app.url, { method, path })
        expect(response.status, `${method} ${path}`).toBe(405)
        expect(response.headers['allow']).toBe('GET, HEAD, POST')
      }
    }
  })

  test('a DELETE as admin on an organisation does not change it', async () => {
    const before = await db.organisation.findUniqueOrThrow({ where: { id: ids.organisation } })
    const response = await rawRequest(app.url, {
      method: 'DELETE',
      path: `/beheer/organisaties/${ids.organisation}`,
      headers: { Cookie: cookie, Origin: app.url, 'Content-Type': form },
      body: new URLSearchParams({ name: 'Veranderd', sector: 'ngo' }).toString(),
    })
    expect(response.status).toBe(405)
    expect(await db.organisation.findUniqueOrThrow({ where: { id: ids.organisation } })).toEqual(before)
  })

  test('a 20 MB body to the sign-in page and the public form is cut off with 413 while it streams in', async () => {
    for (const path of ['/inloggen', `/bijeenkomsten/${ids.slug}/aanmelden`]) {
      // The first megabyte of it is on its way when the answer comes; the client then stops sending.
      const response = await rawRequest(app.url, {
        method: 'POST',
        path,
        // Kept alive, so the server reads and discards the rest instead of resetting the connection.
        headers: {
          Origin: app.url,
          'Content-Type': form,
          'Content-Length': 20 * 1024 * 1024,
          Connection: 'keep-alive',
        },
        body: 'a=' + 'x'.repeat(1024 * 1024),
      })
      expect(response.status).toBe(413)
      expect(response.body).toContain('Te veel gegevens')
    }
  })

  test('an upload route takes a larger body than a form, up to its own limit', async () => {
    const path = `/beheer/sprekers/${ids.speaker}`
    const big = (size: number) => ({
      method: 'POST',
      path,
      headers: { Origin: app.url, Cookie: cookie, 'Content-Type': form, 'Content-Length': size },
    })
    expect((await rawRequest(app.url, big(UPLOAD_LIMIT + 1))).status).toBe(413)
    expect((await rawRequest(app.url, { ...big(BODY_LIMIT + 1), path: '/inloggen' })).status).toBe(413)
    // Between the two limits: the upload route reads it (and answers as a form would), the sign-in page does not.
    expect((await rawRequest(app.url, { ...big(BODY_LIMIT + 1), path: '/inloggen' })).status).toBe(413)
  })

  test('the refusal page is in English for a visitor who chose English', async () => {
    const response = await rawRequest(app.url, {
      method: 'POST',
      path: '/uitloggen',
      headers: { Origin: 'http://evil.example', Cookie: `${cookie}; bijeen_lang=${encodeURIComponent(btoa('"en"'))}` },
    })
    expect(response.status).toBe(403)
    expect(response.body).toContain('<html lang="en">')
    expect(response.body).toContain('Request refused')
  })

  test('same-origin forms still work: the language switch, and sign-out ends the session', async () => {
    const lang = await rawRequest(app.url, {
      method: 'POST',
      path: '/taal',
      headers: { Origin: app.url, 'Content-Type': form },
      body: 'lang=en&redirectTo=/',
    })
    expect(lang.status).toBe(302)
    expect(lang.headers['set-cookie']).toContain('bijeen_lang=')
    // An empty sign-out form, without a content type, is a form too.
    const out = await rawRequest(app.url, {
      method: 'POST',
      path: '/uitloggen',
      headers: { 'Sec-Fetch-Site': 'same-origin', Cookie: cookie },
    })
    expect(out.status).toBe(302)
    const replay = await rawRequest(app.url, { method: 'GET', path: '/beheer', headers: { Cookie: cookie } }).catch(
      (e: unknown) => {
        throw new Error(`${String(e)}\n${app.output()}`)
      },
    )
    expect(replay.status).toBe(302)
    expect(replay.headers['location']).toMatch(/^\/inloggen/)
  })
})
