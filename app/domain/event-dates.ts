import { DateTime } from 'luxon'

/** The next 4 December on or after `now` (used by the seed: "the next 4 December"), as a date string. */
export function nextOccurrence(month: number, day: number, now: Date, zone = 'Europe/Amsterdam'): string {
  const today = DateTime.fromJSDate(now, { zone }).startOf('day')
  let candidate = DateTime.fromObject({ year: today.year, month, day }, { zone })
  if (candidate < today) candidate = candidate.plus({ years: 1 })
  return candidate.toFormat('yyyy-MM-dd')
}
