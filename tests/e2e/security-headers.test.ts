// Headers and cookies of the production build: no-store on every secretariat page and every page behind a
// personal link, no-referrer behind a personal link, HSTS over https (APP_URL, or X-Forwarded-Proto from a
// trusted proxy), and cookies with __Host-/__Secure- names and Secure over https.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createPersonalLink } from '~/models/personal-link.server'
import { createDb } from '~/utils/db.server'
import { EVENT_SLUG } from '../../prisma/seed.ts'
import { ADMIN, startAppServer, type AppServer } from '../support/app-server.ts'
import { fillPattern, routeFiles } from '../support/probe.ts'
import { signInResponse } from '../support/sign-in.ts'

type Db = ReturnType<typeof createDb>

// Both steps: the seeded admin has 2FA (tests/support/sign-in.ts).
function signIn(app: AppServer) {
  return signInResponse(app.url, ADMIN)
}

/** A personal invitation link for the seeded event: its token and the app's database. */
async function invitationToken(db: Db) {
  const event = await db.event.findUniqueOrThrow({ where: { slug: EVENT_SLUG } })
  const contact = await db.contact.findFirstOrThrow()
  const invitation = await db.invitation.create({ data: { eventId: event.id, contactId: contact.id, status: 'sent' } })
  return createPersonalLink(
    { kind: 'invitation', subjectId: invitation.id, eventId: event.id, expiresAt: event.endsAt },
    db,
  )
}

describe('served over http, behind a trusted proxy', () => {
  let app: AppServer
  let db: Db
  let cookie: string

  beforeAll(async () => {
    app = await startAppServer({ env: { TRUST_PROXY: 'true' } })
    db = createDb(app.databaseUrl)
    cookie = (await signIn(app)).headers.get('set-cookie')!.split(';')[0]!
  }, 120_000)
  afterAll(async () => {
    await db?.$disconnect()
    await app?.stop()
  })

  test('every secretariat page is no-store', async () => {
    const event = await db.event.findUniqueOrThrow({ where: { slug: EVENT_SLUG } })
    const pages = routeFiles().filter((r) => r.pattern.startsWith('/beheer'))
    expect(pages.length).toBeGreaterThan(30)
    const seen: string[] = []
    for (const page of pages) {
      const url = fillPattern(page.pattern, (name) => (name === 'id' ? event.id : 'cunknownid0000000000000000'))
      const response = await fetch(app.url + url, { headers: { cookie }, redirect: 'manual' })
      await response.arrayBuffer()
      expect(response.status, url).toBeLessThan(500)
      expect(response.headers.get('cache-control'), url).toContain('no-store')
      seen.push(`${response.status} ${url}`)
    }
    // Signed out too: the redirect to the sign-in page is not stored either.
    const anonymous = await fetch(`${app.url}/beheer`, { redirect: 'manual' })
    expect(anonymous.headers.get('cache-control')).toContain('no-store')
    expect(seen.filter((s) => s.startsWith('200')).length).toBeGreaterThan(10)
  })

  test('behind a personal link: no-store and no-referrer, from the token exchange to the page and its forms', async () => {
    const token = await invitationToken(db)
    const opened = await fetch(`${app.url}/uitnodiging/${token}`, { redirect: 'manual' })
    expect(opened.status).toBe(303)
    expect(opened.headers.get('referrer-policy')).toBe('no-referrer')
    expect(opened.headers.get('cache-control')).toContain('no-store')
    const page = app.url + opened.headers.get('location')!
    const linkCookie = opened.headers.get('set-cookie')!.split(';')[0]!
    const shown = await fetch(page, { headers: { cookie: linkCookie } })
    expect(shown.status).toBe(200)
    expect(await shown.text()).toContain('<form')
    expect(shown.headers.get('referrer-policy')).toBe('no-referrer')
    expect(shown.headers.get('cache-control')).toContain('no-store')
    // With no-referrer a browser posts the page's own forms with Origin "null" and Sec-Fetch-Site: same-origin.
    const post = (headers: Record<string, string>) =>
      fetch(page, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', cookie: linkCookie, ...headers },
        body: new URLSearchParams({ intent: 'decline' }),
      })
    const forged = await post({ Origin: 'null', 'Sec-Fetch-Site': 'cross-site' })
    expect(forged.status).toBe(403)
    const own = await post({ Origin: 'null', 'Sec-Fetch-Site': 'same-origin' })
    expect(own.status).toBe(303)
    expect(own.headers.get('referrer-policy')).toBe('no-referrer')
    // An unknown link is no-store too.
    const unknown = await fetch(`${app.url}/aanmelding/${'a'.repeat(43)}`, { redirect: 'manual' })
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get('cache-control')).toContain('no-store')
    expect(unknown.headers.get('referrer-policy')).toBe('no-referrer')
  })

  test('HSTS only when the trusted proxy says the request came over https', async () => {
    const plain = await fetch(`${app.url}/`)
    expect(plain.headers.get('strict-transport-security')).toBeNull()
    const https = await fetch(`${app.url}/`, { headers: { 'X-Forwarded-Proto': 'https' } })
    expect(https.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/)
  })

  test('cookies over http: HttpOnly, SameSite=Lax, no prefix and no Secure (browsers refuse them on http)', async () => {
    const cookies = (await signIn(app)).headers.getSetCookie()
    expect(cookies.map((c) => c.split('=')[0])).toEqual(['bijeen_session', 'bijeen_device'])
    for (const c of cookies) {
      expect(c).toMatch(/; HttpOnly/)
      expect(c).toMatch(/; SameSite=Lax/)
      expect(c).not.toMatch(/; Secure/)
    }
  })
})

describe('served over https (APP_URL), without a trusted proxy', () => {
  let app: AppServer
  let db: Db

  beforeAll(async () => {
    app = await startAppServer({ env: { APP_URL: 'https://bijeen.example.org' } })
    db = createDb(app.databaseUrl)
  }, 120_000)
  afterAll(async () => {
    await db?.$disconnect()
    await app?.stop()
  })

  test('HSTS on every answer', async () => {
    for (const path of ['/', '/inloggen', `/bijeenkomsten/${EVENT_SLUG}`]) {
      const response = await fetch(app.url + path, { redirect: 'manual' })
      expect(response.headers.get('strict-transport-security'), path).toMatch(/^max-age=\d+/)
    }
  })

  test('cookies: __Host- on the whole site, __Secure- where scoped to a path, all Secure, HttpOnly, Lax', async () => {
    const signedIn = await signIn(app)
    const cookies = signedIn.headers.getSetCookie()
    const session = cookies.find((c) => c.startsWith('__Host-bijeen_session='))!
    expect(session).toMatch(/; Path=\/(;|$)/)
    expect(session).not.toMatch(/Domain=/i)
    const device = cookies.find((c) => c.startsWith('__Secure-bijeen_device='))!
    expect(device).toMatch(/; Path=\/inloggen(;|$)/)
    for (const c of [session, device]) {
      expect(c).toMatch(/; HttpOnly/)
      expect(c).toMatch(/; Secure/)
      expect(c).toMatch(/; SameSite=Lax/)
    }
    // The prefixed session cookie is the one the app reads.
    const dashboard = await fetch(`${app.url}/beheer`, {
      headers: { cookie: session.split(';')[0]! },
      redirect: 'manual',
    })
    expect(dashboard.status).toBe(200)

    const token = await invitationToken(db)
    const opened = await fetch(`${app.url}/uitnodiging/${token}`, { redirect: 'manual' })
    const link = opened.headers.get('set-cookie')!
    expect(link).toMatch(/^__Secure-bijeen_link_[a-z0-9]+=/)
    expect(link).toMatch(/; Path=\/uitnodiging(;|$)/)
    expect(link).toMatch(/; HttpOnly/)
    expect(link).toMatch(/; Secure/)
    expect(link).toMatch(/; SameSite=Lax/)
    const shown = await fetch(app.url + opened.headers.get('location')!, { headers: { cookie: link.split(';')[0]! } })
    expect(shown.status).toBe(200)

    const lang = await fetch(`${app.url}/taal`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: app.url },
      body: new URLSearchParams({ lang: 'en', redirectTo: '/' }),
    })
    const langCookie = lang.headers.get('set-cookie')!
    expect(langCookie).toMatch(/^__Host-bijeen_lang=/)
    for (const part of [/; Path=\/(;|$)/, /; HttpOnly/, /; Secure/, /; SameSite=Lax/]) expect(langCookie).toMatch(part)
  })
})
