// Dates as people read them, in the event's time zone. Pure: no IO, no server clock zone.
import { DateTime } from 'luxon'

export type Lang = 'nl' | 'en'

function zoned(date: Date, zone: string, lang: Lang) {
  return DateTime.fromJSDate(date, { zone }).setLocale(lang === 'nl' ? 'nl-NL' : 'en-GB')
}

/** "14.00" (Dutch government style) or "14:00". */
export function formatTime(date: Date, zone: string, lang: Lang = 'nl') {
  return zoned(date, zone, lang).toFormat(lang === 'nl' ? 'HH.mm' : 'HH:mm')
}

/** "vrijdag 4 december 2026" / "Friday 4 December 2026". */
export function formatDate(date: Date, zone: string, lang: Lang = 'nl') {
  return zoned(date, zone, lang).toFormat('cccc d MMMM yyyy')
}

/** "4 december 2026, 14.00 uur" / "4 December 2026, 14:00". */
export function formatDateTime(date: Date, zone: string, lang: Lang = 'nl') {
  const d = zoned(date, zone, lang)
  return lang === 'nl' ? `${d.toFormat('d MMMM yyyy')}, ${d.toFormat('HH.mm')} uur` : d.toFormat('d MMMM yyyy, HH:mm')
}

/**
 * "vrijdag 4 december 2026, 14.00–17.00 uur". An event that runs past midnight names both days:
 * "vrijdag 4 december 2026, 20.00 uur tot zaterdag 5 december 2026, 02.00 uur".
 */
export function formatEventPeriod(startsAt: Date, endsAt: Date, zone: string, lang: Lang = 'nl') {
  const start = zoned(startsAt, zone, lang)
  const end = zoned(endsAt, zone, lang)
  const t = (d: DateTime) => d.toFormat(lang === 'nl' ? 'HH.mm' : 'HH:mm')
  const day = (d: DateTime) => d.toFormat('cccc d MMMM yyyy')
  if (start.hasSame(end, 'day')) {
    return lang === 'nl' ? `${day(start)}, ${t(start)}–${t(end)} uur` : `${day(start)}, ${t(start)}–${t(end)}`
  }
  return lang === 'nl'
    ? `${day(start)}, ${t(start)} uur tot ${day(end)}, ${t(end)} uur`
    : `${day(start)}, ${t(start)} to ${day(end)}, ${t(end)}`
}

/** A wall-clock time in a zone ("2026-12-04", "14:00", "Europe/Amsterdam") as the UTC instant. */
export function zonedToUtc(date: string, time: string, zone: string): Date | null {
  const d = DateTime.fromISO(`${date}T${time}`, { zone })
  if (!d.isValid) return null
  // Reject times that do not exist in the zone (the hour skipped when summer time starts).
  if (d.toFormat('yyyy-MM-dd') !== date || d.toFormat('HH:mm') !== time.slice(0, 5)) return null
  return d.toUTC().toJSDate()
}
