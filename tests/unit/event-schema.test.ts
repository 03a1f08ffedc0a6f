import { parseWithZod } from '@conform-to/zod'
import { describe, expect, test } from 'vitest'
import { eventFormSchema, slugify } from '~/domain/event-schema'
import { nl } from '~/i18n/nl'

const schema = eventFormSchema(nl.eventAdmin.errors)

function submit(fields: Record<string, string | string[]>) {
  const form = new FormData()
  for (const [k, v] of Object.entries({
    programmeId: 'p1',
    title: 'Formele start',
    date: '2026-12-04',
    startTime: '14:00',
    endTime: '17:00',
    ...fields,
  })) {
    for (const value of Array.isArray(v) ? v : [v]) form.append(k, value)
  }
  return parseWithZod(form, { schema })
}

/** The field errors of a submission, or undefined when it passed. */
const errorsOf = (fields: Record<string, string | string[]>) => {
  const result = submit(fields)
  return result.status === 'success' ? undefined : result.error
}

describe('event form', () => {
  test('turns Dutch wall-clock times into UTC and leaves optional fields empty', () => {
    const result = submit({ venuePostcode: '', onlineUrl: '', capacity: '' })
    expect(result.status).toBe('success')
    if (result.status !== 'success') return
    expect(result.value.startsAt.toISOString()).toBe('2026-12-04T13:00:00.000Z')
    expect(result.value.endsAt.toISOString()).toBe('2026-12-04T16:00:00.000Z')
    expect(result.value.venuePostcode).toBe('')
    expect(result.value.capacity).toBeUndefined()
  })

  test('normalises a postcode and refuses a wrong one', () => {
    const ok = submit({ venuePostcode: '2511dp' })
    expect(ok.status === 'success' && ok.value.venuePostcode).toBe('2511 DP')
    expect(errorsOf({ venuePostcode: '25 11' })?.venuePostcode).toEqual([nl.eventAdmin.errors.postcodeInvalid])
  })

  test('dates in the years 0000 or 1900, or past 2100, are refused with a clear message; 2000–2100 pass', () => {
    const message = 'Kies een datum in de jaren 2000 tot en met 2100.'
    expect(nl.eventAdmin.errors.dateOutOfRange(2000, 2100)).toBe(message)
    for (const date of ['0000-12-04', '1900-01-01', '1999-12-31', '2101-01-01', '9999-12-31']) {
      expect(errorsOf({ date })?.date, date).toEqual([message])
    }
    for (const date of ['2000-01-01', '2100-12-31']) expect(errorsOf({ date }), date).toBeUndefined()
    const window = errorsOf({
      opensDate: '1900-01-01',
      opensTime: '09:00',
      closesDate: '0000-01-01',
      closesTime: '10:00',
    })
    expect(window?.opensDate).toContain(message)
    expect(window?.closesDate).toContain(message)
  })

  test('end before start, a missing title, a time that does not exist, a bad window', () => {
    expect(errorsOf({ endTime: '13:00' })?.endTime).toEqual([nl.eventAdmin.errors.endBeforeStart])
    expect(errorsOf({ title: '' })?.title).toEqual([nl.eventAdmin.errors.titleRequired])
    expect(errorsOf({ date: '2027-03-28', startTime: '02:30', endTime: '04:00' })?.startTime).toEqual([
      nl.eventAdmin.errors.timeInvalid,
    ])
    expect(errorsOf({ opensDate: '2026-11-01' })?.opensTime).toEqual([nl.eventAdmin.errors.windowIncomplete])
    expect(errorsOf({ closesDate: '2026-12-05', closesTime: '10:00' })?.closesDate).toEqual([
      nl.eventAdmin.errors.windowAfterEvent,
    ])
    expect(errorsOf({ capacity: '0' })?.capacity).toEqual([nl.eventAdmin.errors.capacityInvalid])
    expect(errorsOf({ onlineUrl: 'http://example.org' })?.onlineUrl).toEqual([nl.eventAdmin.errors.urlInvalid])
    expect(errorsOf({ title: 'x'.repeat(1_000_000) })?.title).toEqual([nl.eventAdmin.errors.tooLong(200)])
  })

  test('slugs are readable ASCII', () => {
    expect(slugify('Formele start Samen tegen mensenhandel')).toBe('formele-start-samen-tegen-mensenhandel')
    expect(slugify('Café “Ontmoeting” — 2027!')).toBe('cafe-ontmoeting-2027')
    expect(slugify('!!!')).toBe('bijeenkomst')
  })
})
