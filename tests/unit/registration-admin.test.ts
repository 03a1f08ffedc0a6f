// The registrations pages' pure rules: filters from a URL (nonsense ignored, never an error) and back, and
// which actions fit which state.
import { describe, expect, test } from 'vitest'
import { actionsFor, filterQuery, parseRegistrationFilter } from '~/domain/registration-admin'

describe('registration filters', () => {
  test('Dutch query parameters become a filter and back again', () => {
    const filter = parseRegistrationFilter(
      new URLSearchParams('status=waitlisted&organisatie=org1&sector=zorg&doorgestuurd=1&zoek=%20Bakker%20&pagina=3'),
    )
    expect(filter).toEqual({
      status: 'waitlisted',
      organisation: 'org1',
      sector: 'zorg',
      flagged: true,
      q: 'Bakker',
      page: 3,
    })
    expect(filterQuery(filter)).toBe('status=waitlisted&organisatie=org1&sector=zorg&doorgestuurd=1&zoek=Bakker')
    expect(filterQuery(filter, { formaat: 'csv' })).toContain('&formaat=csv')
  })

  test('unknown or malformed values mean no filter, not an error', () => {
    const filter = parseRegistrationFilter(
      new URLSearchParams('status=kapot&sector=maan&doorgestuurd=ja&pagina=-2&zoek=' + 'x'.repeat(300)),
    )
    expect(filter).toEqual({ flagged: false, page: 1, status: undefined, sector: undefined, q: undefined })
    expect(parseRegistrationFilter(new URLSearchParams(''))).toEqual({ flagged: false, page: 1 })
    expect(filterQuery(parseRegistrationFilter(new URLSearchParams('')))).toBe('')
  })
})

describe('actions per state', () => {
  test('approve and reject only while pending; promote only from the waitlist; cancel while active; review when flagged', () => {
    expect(actionsFor({ status: 'pending_approval', flagged: false })).toEqual(['approve', 'reject', 'cancel'])
    expect(actionsFor({ status: 'waitlisted', flagged: false })).toEqual(['promote', 'cancel'])
    expect(actionsFor({ status: 'confirmed', flagged: true })).toEqual(['cancel', 'review'])
    expect(actionsFor({ status: 'cancelled', flagged: false })).toEqual([])
    expect(actionsFor({ status: 'rejected', flagged: true })).toEqual(['review'])
  })
})
