import { afterEach, describe, expect, test } from 'vitest'
import { resetEnvCache } from '~/utils/env.server'
import { open, seal } from '~/utils/secret-box.server'

afterEach(() => {
  delete process.env.TOTP_ENCRYPTION_KEY
  resetEnvCache()
})

describe('sealing the TOTP secret (ADR 013)', () => {
  test('without a key the secret is stored as it is', () => {
    expect(seal('JBSWY3DPEHPK3PXP')).toBe('JBSWY3DPEHPK3PXP')
    expect(open('JBSWY3DPEHPK3PXP')).toBe('JBSWY3DPEHPK3PXP')
  })

  test('with a key it is sealed (AES-256-GCM, a fresh IV each time) and opens only with that key', () => {
    process.env.TOTP_ENCRYPTION_KEY = 'k'.repeat(40)
    resetEnvCache()
    const a = seal('JBSWY3DPEHPK3PXP')
    const b = seal('JBSWY3DPEHPK3PXP')
    expect(a).toMatch(/^v1:/)
    expect(a).not.toContain('JBSWY3DPEHPK3PXP')
    expect(a).not.toBe(b)
    expect(open(a)).toBe('JBSWY3DPEHPK3PXP')
    // Tampered: refused rather than misread.
    expect(open(a.slice(0, -2) + (a.endsWith('A') ? 'B' : 'A') + 'A')).toBeNull()
    // A secret stored before the key was set still opens.
    expect(open('PLAINSECRET')).toBe('PLAINSECRET')
    process.env.TOTP_ENCRYPTION_KEY = 'another-key-of-at-least-thirty-two-chars'
    resetEnvCache()
    expect(open(a)).toBeNull()
  })

  test('a key shorter than 32 characters is refused at start-up', () => {
    process.env.TOTP_ENCRYPTION_KEY = 'short'
    resetEnvCache()
    expect(() => seal('x')).toThrow()
  })
})
