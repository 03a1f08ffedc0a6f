// The pure part of partners: mapping guesses, row checks and the form schemas.
import { describe, expect, test } from 'vitest'
import {
  checkRows,
  contactSchema,
  guessMapping,
  organisationSchema,
  parseLanguage,
  parseSector,
} from '~/domain/partners'
import { SECTORS } from '~/domain/sectors'
import { en } from '~/i18n/en'
import { nl } from '~/i18n/nl'

describe('guessMapping', () => {
  test('Dutch headers as secretariats write them', () => {
    expect(guessMapping(['Naam', 'E-mailadres', 'Organisatie', 'Functie', 'Taal', 'Sector'])).toEqual({
      name: 0,
      email: 1,
      organisation: 2,
      function: 3,
      language: 4,
      sector: 5,
    })
    expect(guessMapping(['Organisatie', 'Volledige naam', 'E-mail', 'Opmerking'])).toEqual({
      name: 1,
      email: 2,
      organisation: 0,
      function: null,
      language: null,
      sector: null,
    })
  })

  test('English headers, other order, and a header that only contains a known word', () => {
    expect(guessMapping(['Email address', 'Job title', 'Name', 'Organization', 'Preferred language'])).toEqual({
      name: 2,
      email: 0,
      organisation: 3,
      function: 1,
      language: 4,
      sector: null,
    })
    expect(guessMapping(['Kolom 1', 'Kolom 2']).name).toBeNull()
  })
})

describe('checkRows', () => {
  const mapping = { name: 0, email: 1, organisation: 2, function: 3, language: 4, sector: 5 }

  test('reports every problem per row, with the file row numbers', () => {
    const rows = [
      ['Anna', 'anna@example.org', 'GGD', '', 'nl', 'zorg'],
      ['', 'geen-adres', '', '', 'Frans', 'bank'],
      ['Anna twee', ' ANNA@example.org ', 'GGD', 'x'.repeat(201), '', ''],
      ['Bert', '', 'Politie', '', 'English', 'Politie/OM'],
    ]
    const checked = checkRows(rows, [2, 3, 5, 6], mapping)
    expect(checked.map((r) => [r.row, r.errors])).toEqual([
      [2, []],
      [
        3,
        [
          { code: 'nameMissing' },
          { code: 'emailInvalid' },
          { code: 'organisationMissing' },
          { code: 'languageUnknown' },
          { code: 'sectorUnknown' },
        ],
      ],
      [5, [{ code: 'emailDuplicate', row: 2 }, { code: 'functionTooLong' }]],
      [6, [{ code: 'emailMissing' }]],
    ])
    expect(checked[0]).toMatchObject({ email: 'anna@example.org', language: 'nl', sector: 'zorg', function: null })
    expect(checked[3]).toMatchObject({ language: 'en', sector: 'politie_om' })
  })

  test('names up to 200 characters; control characters in a name, job title or organisation are refused', () => {
    const rows = [
      ['a'.repeat(200), 'a@example.org', 'GGD', '', '', ''],
      ['a'.repeat(201), 'b@example.org', 'GGD', '', '', ''],
      ['Anna\tde Vries', 'c@example.org', 'GGD', '', '', ''],
      ['Bert', 'd@example.org', 'GGD\u0000', 'beleid', '', ''],
    ]
    expect(checkRows(rows, [2, 3, 4, 5], mapping).map((r) => r.errors)).toEqual([
      [],
      [{ code: 'nameTooLong' }],
      [{ code: 'controlCharacters' }],
      [{ code: 'controlCharacters' }],
    ])
  })

  test('languages and sectors in Dutch and English', () => {
    expect(['NL', 'Nederlands', 'dutch'].map(parseLanguage)).toEqual(['nl', 'nl', 'nl'])
    expect(['EN', 'Engels', 'English'].map(parseLanguage)).toEqual(['en', 'en', 'en'])
    expect(parseLanguage('Duits')).toBeNull()
    expect(
      ['Rijksoverheid', 'Gemeente', 'politie/OM', 'NGO', 'Onderwijs', 'International', 'Overig'].map(parseSector),
    ).toEqual(['rijksoverheid', 'gemeente', 'politie_om', 'ngo', 'onderwijs', 'internationaal', 'overig'])
    // The labels the app itself shows and exports (nl.sectors, en.sectors) read back as their sector.
    for (const dict of [nl, en]) {
      expect(SECTORS.map((s) => parseSector(dict.sectors[s]))).toEqual([...SECTORS])
    }
    expect(parseSector('bank')).toBeNull()
  })
})

describe('schemas', () => {
  test('organisation: empty quota is no limit, negative or fractional is refused', () => {
    const schema = organisationSchema(nl.partners.organisations.errors)
    expect(schema.parse({ name: ' GGD ', sector: 'zorg' })).toEqual({
      name: 'GGD',
      shortName: '',
      sector: 'zorg',
      seatQuota: null,
    })
    expect(schema.parse({ name: 'GGD', sector: 'zorg', seatQuota: '0' }).seatQuota).toBe(0)
    for (const seatQuota of ['-1', '1.5', 'tien'])
      expect(schema.safeParse({ name: 'GGD', sector: 'zorg', seatQuota }).success).toBe(false)
  })

  test('contact: e-mail trimmed and lower-cased; line breaks refused', () => {
    const schema = contactSchema(nl.partners.contacts.errors)
    const base = { name: 'Anna', organisationId: 'o1' }
    expect(schema.parse({ ...base, email: ' Anna@Example.ORG ' }).email).toBe('anna@example.org')
    expect(schema.safeParse({ ...base, email: 'anna@example.org\nBcc: x@example.org' }).success).toBe(false)
    expect(schema.safeParse({ ...base, email: 'anna@example.org', language: 'de' }).success).toBe(false)
  })

  test('contact: name and function follow the person rules (200 characters, one line)', () => {
    const schema = contactSchema(nl.partners.contacts.errors)
    const base = { email: 'anna@example.org', organisationId: 'o1' }
    const errors = (values: Record<string, string>) => {
      const result = schema.safeParse({ ...base, ...values })
      return result.success ? null : result.error.flatten().fieldErrors
    }
    expect(errors({ name: 'a'.repeat(200) })).toBeNull()
    expect(errors({ name: 'a'.repeat(201) })).toEqual({ name: ['Gebruik hooguit 200 tekens.'] })
    expect(errors({ name: 'Anna\tde Vries' })).toEqual({ name: ['Gebruik geen regeleinden of onzichtbare tekens.'] })
    expect(errors({ name: 'Anna', function: 'beleid\r\n' })).toEqual({
      function: ['Gebruik geen regeleinden of onzichtbare tekens.'],
    })
    expect(errors({ name: '  ' })).toEqual({ name: ['Vul de naam in.'] })
  })

  test('organisation: the name is one line', () => {
    const schema = organisationSchema(nl.partners.organisations.errors)
    expect(schema.safeParse({ name: 'GGD\nRegio', sector: 'zorg' }).success).toBe(false)
    expect(schema.safeParse({ sector: 'zorg' }).error?.flatten().fieldErrors).toEqual({
      name: [nl.partners.organisations.errors.nameRequired],
    })
  })

  test('the English texts have the same keys', () => {
    const keys = (value: object): string[] =>
      Object.entries(value).flatMap(([k, v]) => (typeof v === 'object' ? keys(v).map((s) => `${k}.${s}`) : [k]))
    expect(keys(en.partners)).toEqual(keys(nl.partners))
  })
})
