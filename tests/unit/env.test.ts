import { afterEach, describe, expect, it } from 'vitest'
import { describeMailTransport, getEnv, resetEnvCache } from '~/utils/env.server'

const saved = { ...process.env }
function withEnv(vars: Record<string, string | undefined>) {
  for (const key of ['APP_URL', 'PORT', 'SMTP_URL', 'SMTP_HOST', 'SMTP_PORT']) delete process.env[key]
  Object.assign(process.env, vars)
  resetEnvCache()
  return getEnv()
}

afterEach(() => {
  process.env = { ...saved }
  resetEnvCache()
})

describe('APP_URL', () => {
  it('follows the real port when it is not set, so every link in a mail points at the running app', () => {
    expect(withEnv({ PORT: '3601' }).APP_URL).toBe('http://localhost:3601')
    expect(withEnv({ PORT: '3601', APP_URL: '' }).APP_URL).toBe('http://localhost:3601')
  })

  it('is taken as given when it is set (the public address behind a proxy)', () => {
    expect(withEnv({ PORT: '3601', APP_URL: 'https://bijeen.example.org' }).APP_URL).toBe('https://bijeen.example.org')
  })

  it('refuses an address that is not a URL', () => {
    process.env.APP_URL = 'localhost:3000'
    resetEnvCache()
    expect(() => getEnv()).toThrow(/APP_URL/)
  })
})

describe('describeMailTransport', () => {
  it('names the dev mailbox at the real address when no SMTP is configured', () => {
    expect(describeMailTransport(withEnv({ PORT: '3601' }))).toBe(
      'Mail goes to the dev mailbox at http://localhost:3601/beheer/mailbox (no SMTP configured).',
    )
  })

  it('names the relay without its credentials', () => {
    const text = describeMailTransport(withEnv({ SMTP_URL: 'smtps://user:geheim@smtp.example.org:465' }))
    expect(text).toBe('Mail goes out through SMTP (smtp.example.org:465).')
    expect(text).not.toContain('geheim')
    expect(describeMailTransport(withEnv({ SMTP_HOST: 'relay.example.org', SMTP_PORT: '2525' }))).toBe(
      'Mail goes out through SMTP (relay.example.org:2525).',
    )
  })
})
