// The page language (issue 17, point 4): ?lang=, then the switch's choice, then the language of the person whose
// link it is, then the browser's Accept-Language, then Dutch.
import { describe, expect, test } from 'vitest'
import { langCookie, langFromAcceptLanguage, langOf, linkLangCookie } from '~/i18n/lang.server'

describe('Accept-Language', () => {
  test.each([
    ['en-GB,en;q=0.9,nl;q=0.8', 'en'],
    ['nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7', 'nl'],
    ['de-DE,de;q=0.9,en;q=0.5', 'en'],
    ['fr, nl;q=0.4, en;q=0.3', 'nl'],
    ['en;q=0.2, nl;q=0.8', 'nl'],
    ['EN-us', 'en'],
    ['en;q=0, nl;q=0.1', 'nl'],
    ['de, fr', null],
    ['*', null],
    ['', null],
    [null, null],
    [';;;,q=,', null],
    ['en;q=abc', 'en'],
  ] as const)('%s → %s', (header, expected) => {
    expect(langFromAcceptLanguage(header)).toBe(expected)
  })
})

describe('langOf', () => {
  const none = new URLSearchParams()
  const chosen = async (lang: string) => (await langCookie.serialize(lang)).split(';')[0]!
  const ofLink = async (lang: string) =>
    (await linkLangCookie('/uitnodiging', 60, false).serialize(lang)).split(';')[0]!

  test('a browser that asks for English gets English when nothing was chosen', async () => {
    expect(await langOf(none, null, 'en-US,en;q=0.9')).toBe('en')
    expect(await langOf(none, null, null)).toBe('nl')
  })

  test("a personal link's language beats the browser; the switch's choice and ?lang= beat both", async () => {
    expect(await langOf(none, await ofLink('en'), 'nl-NL')).toBe('en')
    expect(await langOf(none, `${await ofLink('en')}; ${await chosen('nl')}`, 'en')).toBe('nl')
    expect(await langOf(new URLSearchParams('lang=en'), await chosen('nl'), 'nl')).toBe('en')
    expect(await langOf(none, 'bijeen_lang=rubbish', 'en')).toBe('en')
  })
})
