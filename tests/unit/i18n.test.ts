import { describe, expect, test } from 'vitest'
import { metaTitle } from '~/i18n'
import { en } from '~/i18n/en'
import { nl } from '~/i18n/nl'
import { meta as contactsMeta } from '~/routes/beheer.contacten._index'
import { meta as invitationsMeta } from '~/routes/beheer.bijeenkomsten.$id.uitnodigingen._index'

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

describe('page titles', () => {
  const root = (lang: string) => [{ id: 'root', data: { lang } }]
  // The arguments Remix passes to `meta`, reduced to what these routes read.
  const args = (lang: string, data?: unknown) => ({ data, matches: root(lang) }) as never

  test('in the language the root loader chose; Dutch when it is unknown', () => {
    expect(metaTitle(root('en'), (t) => t.partners.contacts.title)).toEqual([{ title: 'Contacts · bijeen' }])
    expect(metaTitle(root('nl'), (t) => t.partners.contacts.title)).toEqual([{ title: 'Contactpersonen · bijeen' }])
    expect(metaTitle([], (t) => t.partners.contacts.title)).toEqual([{ title: 'Contactpersonen · bijeen' }])
  })

  test('routes take their title from the dictionary, with the loader data where there is some', () => {
    expect(contactsMeta(args('en'))).toEqual([{ title: 'Contacts · bijeen' }])
    const data = { event: { title: 'Voorjaarsoverleg' } }
    expect(invitationsMeta(args('en', data))).toEqual([{ title: 'Invitations: Voorjaarsoverleg · bijeen' }])
    expect(invitationsMeta(args('nl', data))).toEqual([{ title: 'Uitnodigingen: Voorjaarsoverleg · bijeen' }])
  })
})
