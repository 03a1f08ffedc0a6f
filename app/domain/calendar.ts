// Calendar files (.ics, RFC 5545 / RFC 5546 iTIP). Pure: no IO; the clock is read only when `now` is not given.
//
//   buildPublish({ calendarName, items, organizer, refreshIntervalMinutes?, url?, productId?, now? }): string
//     METHOD:PUBLISH for downloads and feeds: ORGANIZER, no ATTENDEE; cancelled items keep STATUS:CANCELLED.
//   buildRequest({ item, organizer, attendee, calendarName?, now? }): string
//     METHOD:REQUEST for an invitation mail: ORGANIZER + exactly one ATTENDEE (RSVP=FALSE: we do not process replies).
//   buildCancel({ item, organizer, attendee, now? }): string
//     METHOD:CANCEL: same UID, the caller's already increased SEQUENCE, STATUS:CANCELLED.
//   calendarContentType(ics): string → 'text/calendar; charset=utf-8; method=PUBLISH' (method= as in the file)
//   calendarFileName(title): string  → 'formele-start-samen-tegen-mensenhandel.ics'
//   eventToCalendarItem(event, appUrl), agendaItemToCalendarItem(item, event, appUrl): rows as calendar items
//
// Times are written as TZID=<zone> wall-clock times (from Luxon, never from the server clock) with a VTIMEZONE
// for every TZID. Exception: a start or end in the repeated hour when summer time ends (02.00–03.00 on the last
// Sunday of October in Amsterdam) is written in UTC for that event. RFC 5545 says such a TZID time means the
// first occurrence, but ical.js, Luxon and Python's pytz all read the second; UTC is read the same everywhere.
//
// Builders throw on input that cannot be written safely (e-mail addresses with CR/LF, unknown zones, bad UIDs).
import ical, {
  type ICalAttendeeData,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalAttendeeType,
  type ICalCalendar,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator'
import { getVtimezoneComponent } from '@touch4it/ical-timezones'
import { DateTime, IANAZone } from 'luxon'
import type { AgendaItem, Event } from '~/generated/prisma/client'

export type CalendarLocation = {
  name: string
  address: string
  postcode: string
  city: string
  latitude?: number | null
  longitude?: number | null
}

export type CalendarItem = {
  /** Stable and immutable, e.g. 'event-<id>@<host>'; never derived from mutable data. */
  uid: string
  /** event.icsSequence; callers bump it on each change of time, place or status. */
  sequence: number
  title: string
  /** Plain text from users; the builder appends the online URL and the item URL on their own lines. */
  description: string
  url: string
  startsAt: Date
  endsAt: Date
  /** IANA zone, e.g. 'Europe/Amsterdam'. */
  timeZone: string
  location?: CalendarLocation | null
  onlineUrl?: string | null
  status: 'confirmed' | 'tentative' | 'cancelled'
  created?: Date
  lastModified?: Date
}

export type Person = { name: string; email: string }

// ─── Rows as calendar items ───────────────────────────────────────────────────────────────────────────────

/** The columns of an event that its calendar item shows. */
export type CalendarEventRow = Pick<
  Event,
  | 'slug'
  | 'title'
  | 'subtitle'
  | 'description'
  | 'startsAt'
  | 'endsAt'
  | 'timeZone'
  | 'venueName'
  | 'venueAddress'
  | 'venuePostcode'
  | 'venueCity'
  | 'latitude'
  | 'longitude'
  | 'onlineUrl'
  | 'status'
  | 'icsUid'
  | 'icsSequence'
  | 'createdAt'
  | 'updatedAt'
>

function venueOf(event: CalendarEventRow) {
  const hasVenue = event.venueName || event.venueAddress || event.venueCity
  return hasVenue
    ? {
        name: event.venueName,
        address: event.venueAddress,
        postcode: event.venuePostcode,
        city: event.venueCity,
        latitude: event.latitude,
        longitude: event.longitude,
      }
    : null
}

/** An event as a calendar item; `appUrl` is APP_URL, for the link to the event page. */
export function eventToCalendarItem(event: CalendarEventRow, appUrl: string, titleSuffix = ''): CalendarItem {
  return {
    uid: event.icsUid,
    sequence: event.icsSequence,
    title: event.title + titleSuffix,
    description: [event.subtitle, event.description].filter(Boolean).join('\n\n'),
    url: new URL(`/bijeenkomsten/${event.slug}`, appUrl).toString(),
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    location: venueOf(event),
    onlineUrl: event.onlineUrl,
    status: event.status === 'cancelled' ? 'cancelled' : 'confirmed',
    created: event.createdAt,
    lastModified: event.updatedAt,
  }
}

export function agendaItemToCalendarItem(
  item: Pick<
    AgendaItem,
    'icsUid' | 'icsSequence' | 'title' | 'description' | 'startsAt' | 'endsAt' | 'room' | 'createdAt' | 'updatedAt'
  >,
  event: CalendarEventRow,
  appUrl: string,
  summary = item.title,
): CalendarItem {
  const venue = venueOf(event)
  return {
    uid: item.icsUid,
    // An agenda item follows its event: a change of the event's time, place or status bumps both; moving
    // the item itself bumps its own counter. Both only go up, so their sum does too.
    sequence: event.icsSequence + item.icsSequence,
    title: summary,
    description: [`${event.title}`, item.description].filter(Boolean).join('\n\n'),
    url: new URL(`/bijeenkomsten/${event.slug}`, appUrl).toString(),
    startsAt: item.startsAt,
    endsAt: item.endsAt,
    timeZone: event.timeZone,
    location: venue ? { ...venue, name: [item.room, venue.name].filter(Boolean).join(', ') } : null,
    onlineUrl: event.onlineUrl,
    status: event.status === 'cancelled' ? 'cancelled' : 'confirmed',
    created: item.createdAt,
    lastModified: item.updatedAt,
  }
}

export const DEFAULT_PRODUCT_ID = '-//bijeen//bijeen 1.0//NL'

const statuses = {
  confirmed: ICalEventStatus.CONFIRMED,
  tentative: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
} as const

export function buildPublish(input: {
  calendarName: string
  items: CalendarItem[]
  organizer: Person
  refreshIntervalMinutes?: number
  url?: string
  productId?: string
  now?: Date
}): string {
  const cal = newCalendar(ICalCalendarMethod.PUBLISH, input.productId)
  // ical-generator writes NAME and X-WR-CALNAME unescaped, so we escape them here.
  cal.name(escapeText(singleLine(input.calendarName)))
  if (input.url) cal.url(safeUrl(input.url))
  let calendarProps = ''
  if (input.refreshIntervalMinutes !== undefined) {
    const minutes = input.refreshIntervalMinutes
    if (!Number.isInteger(minutes) || minutes <= 0) throw new Error('refreshIntervalMinutes must be a positive integer')
    // Written by us: ical-generator's ttl() puts these after the VTIMEZONEs, where RFC 5545 allows no property.
    calendarProps = `REFRESH-INTERVAL;VALUE=DURATION:PT${minutes}M\r\nX-PUBLISHED-TTL:PT${minutes}M\r\n`
  }
  const stamp = input.now ?? new Date()
  for (const item of input.items) {
    addEvent(cal, item, { organizer: input.organizer, status: statuses[item.status], stamp })
  }
  return finish(cal, calendarProps)
}

export function buildRequest(input: {
  item: CalendarItem
  organizer: Person
  attendee: Person
  calendarName?: string
  now?: Date
}): string {
  if (input.item.status === 'cancelled') throw new Error('A cancelled item is sent with buildCancel, not buildRequest')
  const cal = newCalendar(ICalCalendarMethod.REQUEST)
  if (input.calendarName) cal.name(escapeText(singleLine(input.calendarName)))
  addEvent(cal, input.item, {
    organizer: input.organizer,
    attendee: input.attendee,
    status: statuses[input.item.status],
    stamp: input.now ?? new Date(),
  })
  return finish(cal)
}

export function buildCancel(input: { item: CalendarItem; organizer: Person; attendee: Person; now?: Date }): string {
  const cal = newCalendar(ICalCalendarMethod.CANCEL)
  addEvent(cal, input.item, {
    organizer: input.organizer,
    attendee: input.attendee,
    status: ICalEventStatus.CANCELLED,
    stamp: input.now ?? new Date(),
  })
  return finish(cal)
}

/** The MIME type for a built file; its method= must match the file's METHOD, or mail clients ignore it. */
export function calendarContentType(ics: string): string {
  const method = /^METHOD:([A-Z]+)\r$/m.exec(ics)?.[1]
  if (!method) throw new Error('No METHOD in calendar file')
  return `text/calendar; charset=utf-8; method=${method}`
}

/** A download name from a title: lower case ASCII words joined by hyphens, at most 80 characters before '.ics'. */
export function calendarFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  const cut = slug.length > 80 ? slug.slice(0, 80).replace(/-[^-]*$/, '') : slug
  return `${cut || 'agenda'}.ics`
}

// ---------------------------------------------------------------------------------------------------------------

function newCalendar(method: ICalCalendarMethod, productId = DEFAULT_PRODUCT_ID): ICalCalendar {
  if (!/^-\/\/[^\p{Cc}]+$/u.test(productId)) throw new Error(`Invalid PRODID: ${JSON.stringify(productId)}`)
  return ical({
    // ical-generator adds the leading '-' itself.
    prodId: productId.slice(1),
    method,
    // name stays null: a calendar-level zone name would make ical-generator write DTSTAMP as local time.
    // The generator alone adds a VTIMEZONE for every event's TZID.
    timezone: { name: null, generator: vtimezone },
  })
}

// The package reads a file for every call; a zone's VTIMEZONE never changes while the process runs.
const vtimezones = new Map<string, string | null>()
function vtimezone(zone: string) {
  if (!vtimezones.has(zone)) vtimezones.set(zone, getVtimezoneComponent(zone) ?? null)
  return vtimezones.get(zone) ?? null
}

// ical-generator folds lines at 75 octets by calling `new TextEncoder().encode(char).length` for every
// character: over half the time of a 200-event feed. While it serialises (synchronously, so nothing else can
// observe it), `new TextEncoder()` returns an object that only counts the UTF-8 length of the character.
// The output is byte-for-byte the same (tests/unit/calendar.test.ts folds multi-byte text).
const utf8Counter = {
  encode(text: string) {
    let length = 0
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      if (code < 0x80) length += 1
      else if (code < 0x800) length += 2
      else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        length += 4
        i++
      } else length += 3
    }
    return { length }
  },
}
function serialise(cal: ICalCalendar) {
  const original = globalThis.TextEncoder
  globalThis.TextEncoder = function CountingTextEncoder() {
    return utf8Counter
  } as unknown as typeof TextEncoder
  try {
    return cal.toString()
  } finally {
    globalThis.TextEncoder = original
  }
}

function finish(cal: ICalCalendar, calendarProps = '') {
  const text = serialise(cal)
  // Calendar properties go before the first component. User text cannot start a line (it is escaped, and
  // continuation lines start with a space), so the first line-initial 'BEGIN:' after VCALENDAR is a component.
  const first = text.search(/\r\nBEGIN:/)
  const at = first === -1 ? text.lastIndexOf('\r\nEND:VCALENDAR') : first
  // RFC 5545 ends every content line with CRLF, the last one too; ical-generator omits that one.
  return text.slice(0, at + 2) + calendarProps + text.slice(at + 2) + '\r\n'
}

function addEvent(
  cal: ICalCalendar,
  item: CalendarItem,
  options: { organizer: Person; attendee?: Person; status: ICalEventStatus; stamp: Date },
) {
  checkUid(item.uid)
  if (!Number.isInteger(item.sequence) || item.sequence < 0) throw new Error(`Invalid SEQUENCE for ${item.uid}`)
  checkDate(item.startsAt, 'startsAt')
  checkDate(item.endsAt, 'endsAt')
  // ical-generator would silently swap them.
  if (item.endsAt < item.startsAt) throw new Error(`${item.uid} ends before it starts`)
  const zone = checkZone(item.timeZone)
  const inUtc = zone === 'UTC' || isRepeatedWallTime(item.startsAt, zone) || isRepeatedWallTime(item.endsAt, zone)

  const location = item.location && hasVenue(item.location) ? item.location : null
  const onlineUrl = item.onlineUrl ? safeUrl(item.onlineUrl) : null
  const url = safeUrl(item.url)
  const geo = location ? geoOf(location) : null
  const locationText = location ? venueLine(location) : onlineUrl
  const description = [cleanText(item.description).trim(), onlineUrl, url].filter(Boolean).join('\n\n')

  const attendees: ICalAttendeeData[] = options.attendee
    ? [
        {
          email: checkEmail(options.attendee.email),
          name: paramText(options.attendee.name) || options.attendee.email,
          rsvp: false,
          status: ICalAttendeeStatus.NEEDSACTION,
          role: ICalAttendeeRole.REQ,
          type: ICalAttendeeType.INDIVIDUAL,
        },
      ]
    : []

  cal.createEvent({
    id: item.uid,
    sequence: item.sequence,
    stamp: options.stamp,
    // Luxon DateTimes: ical-generator writes a JS Date with a timezone set in the server's clock zone
    // (13:00Z came out as TZID=Europe/Amsterdam:…T130000, an hour off).
    start: DateTime.fromJSDate(item.startsAt, { zone: inUtc ? 'utc' : ianaZone(zone) }),
    end: DateTime.fromJSDate(item.endsAt, { zone: inUtc ? 'utc' : ianaZone(zone) }),
    timezone: inUtc ? null : zone,
    summary: cleanText(item.title),
    description,
    // Title only (no radius): ical-generator then writes LOCATION and GEO, not its unquoted X-APPLE parameters.
    location: locationText ? { title: singleLine(locationText), ...(geo ? { geo } : {}) } : null,
    url,
    organizer: organizerOf(options.organizer),
    attendees,
    status: options.status,
    created: item.created,
    lastModified: item.lastModified,
  })
}

function hasVenue(location: CalendarLocation) {
  return [location.name, location.address, location.postcode, location.city].some((part) => part.trim() !== '')
}

/** 'Ministerie van Justitie en Veiligheid, Turfmarkt 147, 2511 DP Den Haag'. */
function venueLine({ name, address, postcode, city }: CalendarLocation) {
  const place = `${singleLine(postcode)} ${singleLine(city)}`
  return [name, address, place].map(singleLine).filter(Boolean).join(', ')
}

function geoOf(location: CalendarLocation) {
  const { latitude: lat, longitude: lon } = location
  if (typeof lat !== 'number' || typeof lon !== 'number') return null
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null
  // Six decimals (~0.1 m) and never exponent notation, which is not a valid FLOAT.
  return { lat: Number(lat.toFixed(6)), lon: Number(lon.toFixed(6)) }
}

function organizerOf(person: Person) {
  const email = checkEmail(person.email)
  // ical-generator requires a name for ORGANIZER.
  return { email, name: paramText(person.name) || email }
}

/** True when the wall-clock time of `date` in `zone` also names another instant (the hour repeated in autumn). */
function isRepeatedWallTime(date: Date, zone: string) {
  const iana = ianaZone(zone)
  const ts = date.getTime()
  const wall = ts + iana.offset(ts) * 60_000
  const day = 86_400_000
  const candidates = new Set([ts - day, ts, ts + day].map((t) => wall - iana.offset(t) * 60_000))
  return [...candidates].filter((t) => t + iana.offset(t) * 60_000 === wall).length > 1
}

// Checking a zone builds an Intl.DateTimeFormat: do it once per zone, not once per event.
const knownZones = new Map<string, boolean>()
const ianaZone = (zone: string) => IANAZone.create(zone)

function checkZone(zone: string) {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC'
  // Zones come from our own data, but TZID is written unescaped: only accept zones we can describe.
  let known = knownZones.get(zone)
  if (known === undefined) {
    known = IANAZone.isValidZone(zone) && Boolean(vtimezone(zone))
    knownZones.set(zone, known)
  }
  if (!known) throw new Error(`Unknown time zone: ${zone}`)
  return zone
}

function checkDate(date: Date, field: string) {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new Error(`Invalid ${field}`)
}

function checkUid(uid: string) {
  // ical-generator writes UID unescaped; keep it to printable ASCII without separators.
  if (!/^[\x21-\x7e]{1,255}$/.test(uid) || /[;,\\"]/.test(uid)) throw new Error(`Invalid UID: ${JSON.stringify(uid)}`)
}

const emailPattern = /^[^\s@"(),:;<>[\]\\]+@[^\s@"(),:;<>[\]\\]+\.[^\s@"(),:;<>[\]\\.]+$/u

/** Rejects rather than repairs: an address with CR/LF is an attack or a bug, and must not reach a file. */
function checkEmail(email: string) {
  if (/\p{Cc}/u.test(email) || !emailPattern.test(email)) {
    throw new Error(`Invalid e-mail address for a calendar file: ${JSON.stringify(email)}`)
  }
  return email
}

function safeUrl(value: string) {
  if (/[\p{Cc}\s]/u.test(value)) throw new Error(`Invalid URL: ${JSON.stringify(value)}`)
  const url = new URL(value)
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`Invalid URL: ${JSON.stringify(value)}`)
  // ical-generator escapes ',' and ';' with a backslash, which would change a URI value; encode them instead.
  return url.href.replace(/,/g, '%2C').replace(/;/g, '%3B')
}

/** TEXT values: CRLF and CR become LF (TEXT cannot carry CR); other control characters but TAB are removed. */
function cleanText(value: string) {
  return value.replace(/\r\n?/g, '\n').replace(/(?![\t\n])\p{Cc}/gu, '')
}

function singleLine(value: string) {
  return cleanText(value).replace(/\s+/g, ' ').trim()
}

/** RFC 5545 TEXT escaping, for the calendar-level properties that ical-generator writes raw. */
function escapeText(value: string) {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, '\\n')
}

/**
 * Parameter values (CN): no control characters (CR/LF included) and no DQUOTE (RFC 5545 §3.1); no backslash
 * either, which ical-generator would double. ical-generator quotes the result, so ':', ';' and ',' are safe.
 */
function paramText(value: string) {
  return value
    .replace(/[\t\n\r\u2028\u2029]+/g, ' ')
    .replace(/[\p{Cc}"\\]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
}
