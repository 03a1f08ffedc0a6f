import { describe, expect, test } from 'vitest'
import { decideAfterFailure, describeFailure, headerSafe, MAX_ATTEMPTS } from '~/mail/delivery'

describe('after a failed send', () => {
  test('temporary failures are retried after 10 s, 30 s, 60 s, 5 min, 15 min, then the mail has failed', () => {
    const greylisted = { message: 'Try again later', responseCode: 421 }
    const delays = [1, 2, 3, 4, 5].map((attempt) => decideAfterFailure(greylisted, attempt))
    expect(delays).toEqual([10, 30, 60, 300, 900].map((delaySeconds) => ({ kind: 'retry', delaySeconds })))
    expect(decideAfterFailure(greylisted, MAX_ATTEMPTS)).toEqual({ kind: 'failed' })
  })

  test('connection errors are temporary', () => {
    expect(decideAfterFailure({ message: 'connect ECONNREFUSED', code: 'ECONNECTION' }, 1)).toEqual({
      kind: 'retry',
      delaySeconds: 10,
    })
    expect(decideAfterFailure({ message: 'Timeout', code: 'ETIMEDOUT' }, 2)).toEqual({
      kind: 'retry',
      delaySeconds: 30,
    })
  })

  test('a 5xx answer fails at once, with its reason', () => {
    const refused = { message: 'Mailbox unavailable', responseCode: 550, response: '550 5.1.1 User unknown' }
    expect(decideAfterFailure(refused, 1)).toEqual({ kind: 'failed' })
    expect(describeFailure(refused)).toBe('550 550 5.1.1 User unknown')
    expect(describeFailure({ message: 'connect ECONNREFUSED 127.0.0.1:25', code: 'ECONNECTION' })).toBe(
      'ECONNECTION: connect ECONNREFUSED 127.0.0.1:25',
    )
  })

  test('the recipient quoted in an answer is reduced to the domain: the reason is logged and shown', () => {
    const quoted = {
      message: 'Recipient refused',
      responseCode: 550,
      response:
        '550 5.1.1 <jan.de.vries@gemeente.example.nl>: Recipient address rejected (jan.de.vries@gemeente.example.nl)',
    }
    const text = describeFailure(quoted)
    expect(text).not.toContain('jan.de.vries')
    expect(text).toBe('550 550 5.1.1 <…@gemeente.example.nl>: Recipient address rejected (…@gemeente.example.nl)')
  })
})

describe('header values', () => {
  test('never carry CR or LF, so no header can be added through a name or title', () => {
    expect(headerSafe('x\r\nBcc: evil@example.org')).toBe('x Bcc: evil@example.org')
    expect(headerSafe('Titel\nmet\rregels\u2028')).toBe('Titel met regels')
    expect(headerSafe('a\u0000b\u0007c')).toBe('abc')
  })
})
