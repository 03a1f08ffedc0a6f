// The public page cache (app/server/public-cache.ts, ADR 010) over HTTP against the built server: two web
// processes on one database, a change written by a third process, ETag and 304, and the CSP rule (hashes of
// the stored page's own inline scripts on cached pages, a nonce unique per response everywhere else).
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDb, type Db } from '~/utils/db.server'
import { startAppServer, type AppServer } from '../support/app-server.ts'
import { createDatabase, startPgCluster, type PgCluster } from '../support/pg-cluster.ts'

const slug = 'formele-start-samen-tegen-mensenhandel'
const page = `/bijeenkomsten/${slug}`

const inlineScripts = (html: string) =>
  [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!)
const sha256 = (text: string) => `'sha256-${crypto.createHash('sha256').update(text).digest('base64')}'`
const title = (html: string) => /<h1>([^<]*)<\/h1>/.exec(html)?.[1]

describe.each(['sqlite', 'postgresql'] as const)('public page cache (%s)', (provider) => {
  let first: AppServer
  let second: AppServer
  let db: Db
  let cluster: PgCluster | undefined
  let dir: string

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bijeen-cache-'))
    let url = `file:${path.join(dir, 'cache.db')}`
    if (provider === 'postgresql') {
      cluster = await startPgCluster()
      await createDatabase(cluster.url(), 'cache')
      url = cluster.url('cache')
    }
    // Two processes of one deployment: one database, one public address.
    const env = { DATABASE_URL: url, MAIL_WORKER_IN_PROCESS: 'false', APP_URL: 'https://bijeen.example.org' }
    first = await startAppServer({ env })
    second = await startAppServer({ seed: false, env })
    db = createDb(url)
  })

  afterAll(async () => {
    await db?.$disconnect()
    await Promise.all([first?.stop(), second?.stop()])
    cluster?.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  test('a change written by another process shows on both web processes at the next request', async () => {
    for (const app of [first, second]) {
      // Twice: the second answer comes from the cache.
      for (let i = 0; i < 2; i++) {
        const response = await fetch(app.url + page)
        expect(response.status).toBe(200)
        expect(response.headers.get('etag')).toBeTruthy()
        expect(title(await response.text())).toBe('Formele start Samen tegen mensenhandel')
      }
    }
    await db.event.update({ where: { slug }, data: { title: 'Formele start (nieuwe titel)' } })
    for (const app of [first, second]) {
      expect(title(await fetch(app.url + page).then((r) => r.text()))).toBe('Formele start (nieuwe titel)')
    }
    // An agenda change, in another table, also reaches the agenda file.
    const item = await db.agendaItem.findFirstOrThrow({ where: { event: { slug } }, orderBy: { startsAt: 'asc' } })
    const withItems = `${page}/agenda.ics?programmaonderdelen=1`
    expect(await fetch(second.url + withItems).then((r) => r.text())).toContain(`SUMMARY:${item.title}`)
    await db.agendaItem.update({ where: { id: item.id }, data: { title: 'Welkom en opening' } })
    expect(await fetch(first.url + withItems).then((r) => r.text())).toContain('SUMMARY:Welkom en opening')
    expect(await fetch(second.url + withItems).then((r) => r.text())).toContain('SUMMARY:Welkom en opening')
  })

  test('ETag and 304 Not Modified, until the page changes', async () => {
    const response = await fetch(first.url + page)
    const etag = response.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    const again = await fetch(first.url + page, { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(etag)
    // The other process rendered the same page: the same tag.
    expect((await fetch(second.url + page, { headers: { 'If-None-Match': etag } })).status).toBe(304)
    await db.event.update({ where: { slug }, data: { subtitle: 'Met een nieuwe ondertitel' } })
    const changed = await fetch(first.url + page, { headers: { 'If-None-Match': etag } })
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).not.toBe(etag)
    expect(await changed.text()).toContain('Met een nieuwe ondertitel')
  })

  test('cached pages allow their own inline scripts by hash; other pages get a nonce unique per response', async () => {
    const cached = await fetch(first.url + page)
    const html = await cached.text()
    const policy = cached.headers.get('content-security-policy')!
    expect(policy).not.toContain('nonce-')
    const scripts = inlineScripts(html)
    expect(scripts.length).toBeGreaterThan(0)
    const allowed = /script-src ([^;]*)/.exec(policy)![1]!.split(' ')
    expect(allowed.sort()).toEqual(["'self'", ...new Set(scripts.map(sha256))].sort())
    // A 304 carries the same policy as the body the browser keeps.
    const revalidated = await fetch(first.url + page, { headers: { 'If-None-Match': cached.headers.get('etag')! } })
    expect(revalidated.headers.get('content-security-policy')).toBe(policy)

    const nonces = await Promise.all(
      [1, 2].map(async () => {
        const response = await fetch(first.url + '/inloggen')
        const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy')!)![1]!
        expect(await response.text()).toContain(`nonce="${nonce}"`)
        expect(response.headers.get('etag')).toBeNull()
        return nonce
      }),
    )
    expect(nonces[0]).not.toBe(nonces[1])
  })

  test("the build's own files are served from disk; every other path goes to the app", async () => {
    const favicon = await fetch(first.url + '/favicon.svg')
    expect(favicon.status).toBe(200)
    expect(favicon.headers.get('cache-control')).toBe('public, max-age=3600')
    expect(await favicon.text()).toContain('<svg')
    const asset = fs.readdirSync(path.resolve('build/client/assets'))[0]!
    const fingerprinted = await fetch(`${first.url}/assets/${asset}`)
    expect(fingerprinted.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const missing = await fetch(first.url + '/niet-bestaand.svg')
    expect(missing.status).toBe(404)
    expect(await missing.text()).toContain('<html lang="nl"')
  })

  test('the language is part of the key, and other queries are not cached', async () => {
    // APP_URL is https here, so the language cookie carries the __Host- prefix.
    const english = await fetch(first.url + page, { headers: { Cookie: '__Host-bijeen_lang=ImVuIg%3D%3D' } }).then(
      (r) => r.text(),
    )
    expect(english).toContain('<html lang="en"')
    expect(await fetch(first.url + page).then((r) => r.text())).toContain('<html lang="nl"')
    expect(await fetch(first.url + `${page}?lang=en`).then((r) => r.text())).toContain('<html lang="en"')
    const other = await fetch(first.url + `${page}?utm_source=mail`)
    expect(other.status).toBe(200)
    expect(other.headers.get('etag')).toBeNull()
    expect(other.headers.get('content-security-policy')).toContain('nonce-')
  })
})
