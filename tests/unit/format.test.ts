import { describe, expect, test } from 'vitest'
import { nextOccurrence } from '~/domain/event-dates'
import { formatDateTime, formatEventPeriod, formatTime, zonedToUtc } from '~/domain/format'

const zone = 'Europe/Amsterdam'

describe('Dutch date formatting', () => {
  const start = new Date('2026-12-04T13:00:00Z')
  const end = new Date('2026-12-04T16:00:00Z')

  test('an afternoon event reads as the article does', () => {
    expect(formatEventPeriod(start, end, zone, 'nl')).toBe('vrijdag 4 december 2026, 14.00–17.00 uur')
    expect(formatEventPeriod(start, end, zone, 'en')).toBe('Friday 4 December 2026, 14:00–17:00')
  })

  test('a single moment, in Dutch government style', () => {
    expect(formatDateTime(start, zone, 'nl')).toBe('4 december 2026, 14.00 uur')
    expect(formatTime(start, zone, 'nl')).toBe('14.00')
    expect(formatTime(start, zone, 'en')).toBe('14:00')
  })

  test('an event past midnight names both days', () => {
    const late = new Date('2026-12-04T19:00:00Z')
    const after = new Date('2026-12-05T01:00:00Z')
    expect(formatEventPeriod(late, after, zone, 'nl')).toBe(
      'vrijdag 4 december 2026, 20.00 uur tot zaterdag 5 december 2026, 02.00 uur',
    )
  })

  test('shows the event zone, whatever the server clock zone is', () => {
    // Summer time: 10.00 in Amsterdam is 08:00Z.
    expect(formatTime(new Date('2027-03-28T08:00:00Z'), zone)).toBe('10.00')
    expect(formatTime(new Date('2027-10-31T09:00:00Z'), zone)).toBe('10.00')
  })
})

describe('wall-clock input to UTC', () => {
  test('winter and summer time', () => {
    expect(zonedToUtc('2026-12-04', '14:00', zone)?.toISOString()).toBe('2026-12-04T13:00:00.000Z')
    expect(zonedToUtc('2027-03-28', '10:00', zone)?.toISOString()).toBe('2027-03-28T08:00:00.000Z')
    expect(zonedToUtc('2027-10-31', '10:00', zone)?.toISOString()).toBe('2027-10-31T09:00:00.000Z')
  })

  test('refuses a time that does not exist (the hour skipped in March) and nonsense', () => {
    expect(zonedToUtc('2027-03-28', '02:30', zone)).toBeNull()
    expect(zonedToUtc('2026-02-30', '10:00', zone)).toBeNull()
    expect(zonedToUtc('2026-12-04', '25:00', zone)).toBeNull()
  })
})

describe('the next 4 December', () => {
  test('is this year before or on the day, next year after it', () => {
    expect(nextOccurrence(12, 4, new Date('2026-11-29T10:00:00Z'))).toBe('2026-12-04')
    expect(nextOccurrence(12, 4, new Date('2026-12-04T22:30:00Z'))).toBe('2026-12-04')
    expect(nextOccurrence(12, 4, new Date('2026-12-05T10:00:00Z'))).toBe('2027-12-04')
  })
})
