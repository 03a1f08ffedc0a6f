import { describe, expect, test } from 'vitest'
import { linkSealer, unsealLinks } from '~/mail/link-secrets'
import { randomToken } from '~/utils/tokens.server'

describe('link secrets', () => {
  test('tokens in links become placeholders, one per token across the parts of a mail, and come back', () => {
    const a = randomToken()
    const b = randomToken()
    const html = `<a href="https://bijeen.example.org/uitnodiging/${a}">Aanmelden</a> <a href="http://localhost:3000/aanmelding/${b}?welkom=1">`
    const text = `Aanmelden: https://bijeen.example.org/uitnodiging/${a}\nAgenda: http://localhost:3000/aanmelding/${b}/agenda.ics`
    const { seal, secrets } = linkSealer()
    const sealedHtml = seal(html)
    const sealedText = seal(text)
    expect(secrets).toEqual([a, b])
    expect(sealedHtml + sealedText).not.toContain(a)
    expect(sealedHtml + sealedText).not.toContain(b)
    expect(sealedText).toContain('https://bijeen.example.org/uitnodiging/XBIJEENLINK0X')
    expect(unsealLinks(sealedHtml, secrets)).toBe(html)
    expect(unsealLinks(sealedText, secrets)).toBe(text)
  })

  test('text without a personal link, shorter or longer ids, and null stay as they are', () => {
    const { seal, secrets } = linkSealer()
    const text = `https://bijeen.example.org/bijeenkomsten/formele-start ${'x'.repeat(43)} https://x.example/${'y'.repeat(44)}`
    expect(seal(text)).toBe(text)
    expect(seal(null)).toBeNull()
    expect(secrets).toEqual([])
  })

  test('a sent mail (no secrets) keeps its placeholders', () => {
    expect(unsealLinks('https://x.example/a/XBIJEENLINK0X', null)).toBe('https://x.example/a/XBIJEENLINK0X')
    expect(unsealLinks(undefined, ['t'])).toBeUndefined()
  })
})
