import { describe, expect, test } from 'vitest'
import { can } from '~/utils/permissions.server'
import { redactPath } from '~/utils/redact'
import { safeRedirect } from '~/utils/safe-redirect'
import { hashToken, randomToken } from '~/utils/tokens.server'

describe('tokens', () => {
  test('are at least 128 bits, URL-safe, and stored only as a hash', () => {
    const token = randomToken()
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128)
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/)
    expect(hashToken(token)).not.toContain(token)
    expect(new Set(Array.from({ length: 1000 }, randomToken)).size).toBe(1000)
  })
})

describe('log redaction', () => {
  test('removes personal-link tokens and query strings', () => {
    expect(redactPath('/uitnodiging/abcDEF123_-')).toBe('/uitnodiging/:token')
    expect(redactPath('/aanmelding/xyz/annuleren')).toBe('/aanmelding/:token/annuleren')
    expect(redactPath('/spreker/tok?x=1')).toBe('/spreker/:token')
    expect(redactPath('/verslag/tok/pdf')).toBe('/verslag/:token/pdf')
    expect(redactPath('/verslagen/formele-start')).toBe('/verslagen/formele-start')
    expect(redactPath('/beheer?email=a@b.nl')).toBe('/beheer')
  })
})

describe('safeRedirect', () => {
  test('keeps same-site paths and refuses everything else', () => {
    expect(safeRedirect('/beheer/bijeenkomsten')).toBe('/beheer/bijeenkomsten')
    expect(safeRedirect('//evil.example/x', '/beheer')).toBe('/beheer')
    expect(safeRedirect('https://evil.example', '/beheer')).toBe('/beheer')
    expect(safeRedirect('/\\evil.example', '/beheer')).toBe('/beheer')
    expect(safeRedirect(null, '/x')).toBe('/x')
  })
})

describe('roles', () => {
  test('a viewer reads, an organiser edits, only an admin manages accounts', () => {
    expect(can({ role: 'viewer' }, 'read')).toBe(true)
    expect(can({ role: 'viewer' }, 'edit')).toBe(false)
    expect(can({ role: 'viewer' }, 'read-sensitive')).toBe(false)
    expect(can({ role: 'organiser' }, 'edit')).toBe(true)
    expect(can({ role: 'organiser' }, 'manage-users')).toBe(false)
    expect(can({ role: 'admin' }, 'manage-users')).toBe(true)
  })
})
