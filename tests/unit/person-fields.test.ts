// One set of rules for a person's details: the registration form, the manage page and the secretariat's
// contact form give the same answer for the same name, function, organisation and e-mail address.
import { parseWithZod } from '@conform-to/zod'
import { describe, expect, test } from 'vitest'
import { registrationDetailsSchema } from '~/domain/manage-schema'
import { contactSchema } from '~/domain/partners'
import { isEmail, PERSON_LIMITS } from '~/domain/person-fields'
import { registrationSchema } from '~/domain/registration-form'
import { nl } from '~/i18n/nl'

const valid = { name: 'Sanne de Vries', email: 'sanne@example.org', language: 'nl', organisationId: 'o1' }

/** The fields each schema refuses for these values (null: accepted). */
function verdicts(values: Record<string, string>) {
  const form = new FormData()
  for (const [k, v] of Object.entries({ ...valid, ...values })) form.append(k, v)
  const refused = (schema: Parameters<typeof parseWithZod>[1]['schema'], fields: string[]) => {
    const result = parseWithZod(form, { schema })
    if (result.status === 'success') return []
    const error = result.reply().error ?? {}
    return fields.filter((f) => error[f]?.length)
  }
  return {
    registration: refused(registrationSchema(nl.registration.errors, []), [
      'name',
      'email',
      'function',
      'organisationName',
    ]),
    manage: refused(registrationDetailsSchema(nl.manage.errors), ['name', 'function', 'organisationName']),
    contact: refused(contactSchema(nl.partners.contacts.errors), ['name', 'email', 'function']),
  }
}

describe('person fields', () => {
  test('names: up to 200 characters, one line, not empty — the same in all three forms', () => {
    const all = (fields: string[]) => ({ registration: fields, manage: fields, contact: fields })
    expect(verdicts({ name: 'a'.repeat(PERSON_LIMITS.name) })).toEqual(all([]))
    expect(verdicts({ name: 'a'.repeat(PERSON_LIMITS.name + 1) })).toEqual(all(['name']))
    for (const name of ['Jan\r\nBcc: x@example.org', 'Jan\n', 'Jan\tSmit', 'Jan\u0000', 'Jan\u0085Smit', '   '])
      expect(verdicts({ name })).toEqual(all(['name']))
  })

  test('function and organisation name: up to 200 characters, one line', () => {
    expect(verdicts({ function: 'f'.repeat(200), organisationName: 'o'.repeat(200) })).toEqual({
      registration: [],
      manage: [],
      contact: [],
    })
    expect(verdicts({ function: 'f'.repeat(201) })).toEqual({
      registration: ['function'],
      manage: ['function'],
      contact: ['function'],
    })
    expect(verdicts({ function: 'beleid\u0007' })).toEqual({
      registration: ['function'],
      manage: ['function'],
      contact: ['function'],
    })
    // The contact form has no typed organisation name (it picks an organisation).
    expect(verdicts({ organisationName: 'Gemeente\rUtrecht' })).toEqual({
      registration: ['organisationName'],
      manage: ['organisationName'],
      contact: [],
    })
  })

  test('e-mail: one check for the registration and contact forms', () => {
    for (const email of [
      'geen-adres',
      'a@b',
      'a b@example.org',
      'a@example.org\nBcc: b@example.org',
      '"a"@example.org',
    ])
      expect(verdicts({ email })).toMatchObject({ registration: ['email'], contact: ['email'] })
    expect(verdicts({ email: ' Eva.de-Vries+bijeen@Example.ORG ' })).toMatchObject({ registration: [], contact: [] })
    expect(isEmail(`${'a'.repeat(64)}@${'b'.repeat(186)}.nl`)).toBe(true) // 254
    expect(isEmail(`${'a'.repeat(64)}@${'b'.repeat(187)}.nl`)).toBe(false) // 255
  })
})
