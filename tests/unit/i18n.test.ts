import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { metaTitle } from '~/i18n'
import { en } from '~/i18n/en'
import { nl } from '~/i18n/nl'
import { meta as dashboardMeta } from '~/routes/beheer._index'
import { meta as eventAdminMeta } from '~/routes/beheer.bijeenkomsten.$id._index'
import { meta as contactsMeta } from '~/routes/beheer.contacten._index'
import { meta as invitationsMeta } from '~/routes/beheer.bijeenkomsten.$id.uitnodigingen._index'
import { meta as programmeMeta } from '~/routes/programmas.$slug._index'

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
    // strings(en) once: calling it per Dutch text made this test quadratic (and slow past the timeout).
    const english = strings(en)
    const same = strings(nl).filter((t, i) => t === english[i] && t.length > 12)
    expect(same).toEqual([])
  })

  test('interpolations read naturally in both languages', () => {
    expect(nl.login.tooMany(1)).toContain('1 minuut')
    expect(nl.login.tooMany(15)).toContain('15 minuten')
    const none = { confirmed: 0, waitlisted: 0, pending_approval: 0, cancelled: 0, rejected: 0 }
    expect(en.dashboard.registrations({ ...none, confirmed: 3 }, 150)).toBe('3 of 150 seats confirmed')
    expect(nl.dashboard.registrations({ ...none, confirmed: 3 }, null)).toBe('3 bevestigd')
    // Confirmed, waiting and cancelled apart (issue 17, point 5): never "5 aanmeldingen" for 3 seats.
    const mixed = { confirmed: 3, waitlisted: 1, pending_approval: 2, cancelled: 1, rejected: 0 }
    expect(nl.dashboard.registrations(mixed, 3)).toBe(
      '3 van 3 plaatsen bevestigd · 1 op de wachtlijst · 2 wachten op goedkeuring · 1 geannuleerd',
    )
    expect(en.dashboard.registrations(mixed, null)).toBe(
      '3 confirmed · 1 on the waiting list · 2 awaiting approval · 1 cancelled',
    )
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
    expect(dashboardMeta(args('en'))).toEqual([{ title: 'Secretariat · bijeen' }])
    expect(dashboardMeta(args('nl'))).toEqual([{ title: 'Beheer · bijeen' }])
    expect(eventAdminMeta(args('en', data))).toEqual([{ title: 'Voorjaarsoverleg · Secretariat · bijeen' }])
    const programme = { programme: { name: 'Veilig thuis', nameEn: 'Safe at home' } }
    expect(programmeMeta(args('en', programme))).toEqual([{ title: 'Safe at home · bijeen' }])
    expect(programmeMeta(args('nl', programme))).toEqual([{ title: 'Veilig thuis · bijeen' }])
  })

  // A title written into `meta` stays Dutch on an English page. Every route's `meta` goes through metaTitle, which
  // takes the text from the dictionary of the page's language; only loader data may be put in as it is.
  test('no route writes its title into meta itself', () => {
    const dir = path.resolve(import.meta.dirname, '../../app/routes')
    const metas = fs
      .readdirSync(dir)
      .filter((file) => file.endsWith('.tsx'))
      .flatMap((file) => {
        const source = fs.readFileSync(path.join(dir, file), 'utf8')
        const start = source.indexOf('export const meta')
        if (start === -1) return []
        const end = source.indexOf('\n\n', start)
        return [{ file, meta: source.slice(start, end === -1 ? undefined : end) }]
      })
    expect(metas.length).toBeGreaterThan(40)
    const wrong = metas
      .filter(({ meta }) => !meta.includes('metaTitle(matches') || /\btitle\s*:/.test(meta))
      .map(({ file }) => file)
    expect(wrong).toEqual([])
  })
})
