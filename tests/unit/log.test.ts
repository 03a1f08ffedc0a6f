// The structured log (pino): one JSON object a line, with no token, password, e-mail address or name in it,
// whether they come in the message, an argument or a field.
import { Writable } from 'node:stream'
import { expect, test } from 'vitest'
import { createLogger } from '~/utils/log.server'
import { randomToken } from '~/utils/tokens.server'

function capture() {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean))
      done()
    },
  })
  return { logger: createLogger(stream, 'debug'), lines }
}

test('messages, arguments and fields are scrubbed; lines are JSON', async () => {
  const { logger, lines } = capture()
  const token = randomToken()
  logger.info(`opened /uitnodiging/${token} for eva.smit@example.org`)
  logger.warn('mail %s failed: 550 <%s> unknown', 'cm1', 'jan@gemeente.example.nl')
  logger.error(
    {
      path: `/spreker/${token}/citaten`,
      email: 'eva.smit@example.org',
      name: 'Eva Smit',
      password: 'Geheim-Wachtwoord-1',
      nested: { to: 'x@y.nl', note: `see ${token}`, list: ['a@b.org'] },
      url: `https://bijeen.example.org/verslag/${token}`,
    },
    'failed',
  )
  await new Promise((resolve) => setImmediate(resolve))
  expect(lines).toHaveLength(3)
  const all = lines.join('\n')
  for (const secret of [
    token,
    'eva.smit@example.org',
    'jan@gemeente.example.nl',
    'Eva Smit',
    'Geheim',
    'x@y.nl',
    'a@b.org',
  ]) {
    expect(all).not.toContain(secret)
  }
  const [first, second, third] = lines.map((l) => JSON.parse(l) as Record<string, unknown>)
  expect(first).toMatchObject({ level: 'info', msg: 'opened /uitnodiging/:token for [e-mail]' })
  expect(second).toMatchObject({ level: 'warn', msg: 'mail cm1 failed: 550 <[e-mail]> unknown' })
  expect(third).toMatchObject({
    level: 'error',
    msg: 'failed',
    path: '/spreker/:token/citaten',
    email: '[redacted]',
    name: '[redacted]',
    password: '[redacted]',
    nested: { to: '[redacted]', note: 'see [token]', list: ['[e-mail]'] },
    url: 'https://bijeen.example.org/verslag/:token',
  })
  expect(typeof third!.time).toBe('string')
})
