import { describe, expect, test } from 'vitest'
import { en } from '~/i18n/en'
import { nl } from '~/i18n/nl'

function shape(value: unknown, prefix = ''): string[] {
  if (typeof value === 'function') return [`${prefix}()`]
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => shape(v, prefix ? `${prefix}.${key}` : key))
  }
  return [prefix]
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings)
  return []
}

describe('dictionaries', () => {
  test('English has exactly the Dutch keys, with the same kinds of value', () => {
    expect(shape(en).sort()).toEqual(shape(nl).sort())
  })

  test('no text is left empty or untranslated by accident', () => {
    for (const text of [...strings(nl), ...strings(en)]) expect(text.trim()).not.toBe('')
    const same = strings(nl).filter((t, i) => t === strings(en)[i] && t.length > 12)
    expect(same).toEqual([])
  })

  test('interpolations read naturally in both languages', () => {
    expect(nl.login.tooMany(1)).toContain('1 minuut')
    expect(nl.login.tooMany(15)).toContain('15 minuten')
    expect(en.dashboard.registrations(3, 150)).toBe('3 of 150 seats')
    expect(nl.dashboard.registrations(3, null)).toBe('3 bevestigd')
  })
})
