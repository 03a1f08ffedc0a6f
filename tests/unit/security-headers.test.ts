import { afterEach, describe, expect, test } from 'vitest'
import { checkHead } from '~/server/request-guard'
import { HSTS, pageSecurityHeaders } from '~/server/security-headers'
import { cookieName, secureCookies } from '~/utils/cookie-names.server'
import { resetEnvCache } from '~/utils/env.server'

afterEach(() => {
  delete process.env.APP_URL
  resetEnvCache()
})

describe('page security headers', () => {
  test('no-store on the secretariat, sign-in and personal-link pages; no-referrer behind a personal link', () => {
    for (const path of ['/beheer', '/beheer/contacten/abc', '/inloggen', '/uitloggen']) {
      expect(pageSecurityHeaders({ path, https: false }), path).toEqual({ 'Cache-Control': 'private, no-store' })
    }
    for (const path of ['/uitnodiging/abc', '/aanmelding/abc/agenda.ics', '/spreker/x']) {
      expect(pageSecurityHeaders({ path, https: false }), path).toEqual({
        'Cache-Control': 'private, no-store',
        'Referrer-Policy': 'no-referrer',
      })
    }
    // Public pages keep their own caching (the public page cache, ADR 010).
    for (const path of ['/', '/bijeenkomsten/formele-start', '/beheerder', '/aanmeldingen']) {
      expect(pageSecurityHeaders({ path, https: false }), path).toEqual({})
    }
  })

  test('HSTS only over https', () => {
    expect(pageSecurityHeaders({ path: '/', https: true })).toEqual({ 'Strict-Transport-Security': HSTS })
    expect(HSTS).toMatch(/^max-age=\d{8,}$/)
  })
})

describe('cookie names', () => {
  test('over https: __Host- for site-wide cookies, __Secure- for path-scoped ones; over http: no prefix', () => {
    process.env.APP_URL = 'https://bijeen.example.org'
    resetEnvCache()
    expect(secureCookies()).toBe(true)
    expect(cookieName('bijeen_session', 'site')).toBe('__Host-bijeen_session')
    expect(cookieName('bijeen_link_x', 'path')).toBe('__Secure-bijeen_link_x')
    process.env.APP_URL = 'http://localhost:3000'
    resetEnvCache()
    expect(secureCookies()).toBe(false)
    expect(cookieName('bijeen_session', 'site')).toBe('bijeen_session')
  })
})

describe('Origin "null" (forms on a no-referrer page)', () => {
  const head = (headers: Record<string, string>) =>
    checkHead(
      {
        method: 'POST',
        pathname: '/aanmelding/abc',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '3', ...headers },
        siteOrigins: ['http://127.0.0.1:3000'],
      },
      { bodyLimit: 1000, uploadLimit: 1000 },
    )

  test('is this site only with Sec-Fetch-Site: same-origin', () => {
    expect(head({ origin: 'null', 'sec-fetch-site': 'same-origin' })).toBeNull()
    expect(head({ origin: 'null', 'sec-fetch-site': 'cross-site' })).toEqual({ status: 403, reason: 'origin' })
    expect(head({ origin: 'null', 'sec-fetch-site': 'none' })).toEqual({ status: 403, reason: 'origin' })
    expect(head({ origin: 'null' })).toEqual({ status: 403, reason: 'origin' })
    expect(head({ origin: 'http://evil.example', 'sec-fetch-site': 'same-origin' })).toEqual({
      status: 403,
      reason: 'origin',
    })
    expect(head({ origin: 'http://127.0.0.1:3000' })).toBeNull()
  })
})
