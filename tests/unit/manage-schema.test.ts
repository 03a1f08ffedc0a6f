import { parseWithZod } from '@conform-to/zod'
import { describe, expect, test } from 'vitest'
import { registrationDetailsSchema } from '~/domain/manage-schema'
import { nl } from '~/i18n/nl'

const schema = registrationDetailsSchema(nl.manage.errors)

function submit(fields: Record<string, string>) {
  const form = new FormData()
  for (const [k, v] of Object.entries({ name: 'Sanne de Vries', language: 'nl', ...fields })) form.append(k, v)
  return parseWithZod(form, { schema })
}

const errorsOf = (result: ReturnType<typeof submit>) => (result.status === 'success' ? null : result.reply().error)

describe('the details a registrant may change', () => {
  test('trimmed values, an unchecked box is no consent, and the organisation is left out when not sent', () => {
    const result = submit({ name: '  Sanne de Vries ', function: ' beleidsmedewerker ', photoConsent: 'on' })
    expect(result.status).toBe('success')
    if (result.status !== 'success') return
    expect(result.value).toEqual({
      name: 'Sanne de Vries',
      function: 'beleidsmedewerker',
      dietary: '',
      accessibility: '',
      photoConsent: true,
      language: 'nl',
    })
    const unchecked = submit({})
    expect(unchecked.status === 'success' && unchecked.value.photoConsent).toBe(false)
  })

  test('line breaks and other control characters in one-line fields are refused, also at the end', () => {
    expect(errorsOf(submit({ name: 'Jan\r\nBcc: x@example.org' }))).toEqual({
      name: ['Gebruik geen regeleinden of onzichtbare tekens.'],
    })
    expect(errorsOf(submit({ name: 'Jan\n' }))).toEqual({ name: ['Gebruik geen regeleinden of onzichtbare tekens.'] })
    expect(errorsOf(submit({ organisationName: 'Gemeente\rUtrecht' }))).toEqual({
      organisationName: ['Gebruik geen regeleinden of onzichtbare tekens.'],
    })
    // Not only CR/LF: the same rule as the registration form (a tab, NUL or C1 character is refused too).
    for (const name of ['Jan\tSmit', 'Jan\u0000', 'Jan\u0085Smit'])
      expect(errorsOf(submit({ name }))).toEqual({ name: ['Gebruik geen regeleinden of onzichtbare tekens.'] })
    expect(errorsOf(submit({ function: 'beleid\u0007' }))).toEqual({
      function: ['Gebruik geen regeleinden of onzichtbare tekens.'],
    })
    // Dietary and access needs may take several lines.
    expect(submit({ dietary: 'vegetarisch\nnotenallergie' }).status).toBe('success')
  })

  test('lengths, an empty name and an unknown language', () => {
    expect(submit({ name: 'x'.repeat(200) }).status).toBe('success')
    expect(errorsOf(submit({ name: 'x'.repeat(201) }))).toEqual({ name: ['Gebruik hoogstens 200 tekens.'] })
    expect(errorsOf(submit({ name: '   ' }))).toEqual({ name: ['Vul uw naam in.'] })
    expect(errorsOf(submit({ name: '' }))).toEqual({ name: ['Vul uw naam in.'] })
    expect(errorsOf(submit({ accessibility: 'x'.repeat(1001) }))).toEqual({
      accessibility: ['Gebruik hoogstens 1000 tekens.'],
    })
    expect(errorsOf(submit({ language: 'de' }))).toEqual({ language: ['Kies Nederlands of Engels.'] })
  })
})
