// .ics files checked with an independent parser (ical.js). Times are converted to UTC through the VTIMEZONE in
// the file itself, so a missing or wrong VTIMEZONE fails. calendar-tz.test.ts reruns this file under other
// server clock zones.
import ICAL from 'ical.js'
import { describe, expect, test } from 'vitest'
import {
  agendaItemToCalendarItem,
  buildCancel,
  buildPublish,
  buildRequest,
  calendarContentType,
  calendarFileName,
  eventToCalendarItem,
  type CalendarItem,
} from '~/domain/calendar'
import {
  agendaItems,
  autumnEvent,
  bonaireEvent,
  cancelledEvent,
  event,
  eventUrl,
  feedName,
  feedUrl,
  firstHalfPastTwo,
  injection,
  jan,
  movedEvent,
  now,
  sampleFiles,
  secondHalfPastTwo,
  secretariat,
  springEvent,
} from '../support/calendar-fixtures'

const files = sampleFiles()

// ical.js leaves X- properties undecoded; RFC 5545 gives them TEXT by default, which X-WR-CALNAME is.
ICAL.design.icalendar.property['x-wr-calname'] = { defaultType: 'text' }

/** Content lines with folding undone. */
function unfold(text: string) {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .slice(0, -1)
}

/** Structure every file must have, whatever it contains. */
function expectWellFormed(text: string) {
  expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
  expect(text).not.toMatch(/\r(?!\n)|(?<!\r)\n/)
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)

  const lines = unfold(text)
  expect(lines[0]).toBe('BEGIN:VCALENDAR')
  expect(lines.at(-1)).toBe('END:VCALENDAR')
  const stack: string[] = []
  let componentSeen = false
  for (const line of lines) {
    expect(line).toMatch(/^[A-Z0-9-]+[;:]/)
    if (line.startsWith('BEGIN:')) {
      if (stack.length === 1) componentSeen = true
      stack.push(line.slice(6))
    } else if (line.startsWith('END:')) {
      expect(stack.pop()).toBe(line.slice(4))
    } else if (stack.length === 1) {
      // RFC 5545: calendar properties come before the first component.
      expect(componentSeen, `${line} after a component`).toBe(false)
    }
  }
  expect(stack).toEqual([])

  // Every TZID has exactly one VTIMEZONE, and every VTIMEZONE is used.
  const defined = lines.filter((l) => l.startsWith('TZID:')).map((l) => l.slice(5))
  const used = new Set(lines.flatMap((l) => [...l.matchAll(/;TZID=([^;:]+)/g)].map((m) => m[1])))
  expect(new Set(defined).size).toBe(defined.length)
  expect(new Set(defined)).toEqual(used)
}

function parse(text: string) {
  expectWellFormed(text)
  // ical.js knows no zones but UTC: register only those this file brings.
  ICAL.TimezoneService.reset()
  const root = new ICAL.Component(ICAL.parse(text))
  for (const vtz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz)
  return { root, events: root.getAllSubcomponents('vevent'), lines: unfold(text) }
}

/** The instant of DTSTART/DTEND as UTC ISO, asserting it was read through its zone and not as floating time. */
function utc(vevent: ICAL.Component, name: 'dtstart' | 'dtend') {
  const prop = vevent.getFirstProperty(name)
  if (!prop) throw new Error(`no ${name}`)
  const time = prop.getFirstValue() as ICAL.Time
  const tzid = prop.getParameter('tzid')
  if (tzid) expect(time.zone?.tzid).toBe(tzid)
  else expect(time.zone).toBe(ICAL.Timezone.utcTimezone)
  return time.toJSDate().toISOString().replace('.000', '')
}

function byUid(events: ICAL.Component[], uid: string) {
  const found = events.filter((e) => e.getFirstPropertyValue('uid') === uid)
  expect(found).toHaveLength(1)
  return found[0]
}

function value(vevent: ICAL.Component, name: string) {
  return vevent.getFirstPropertyValue(name)
}

function propertyNames(component: ICAL.Component) {
  return component.getAllProperties().map((p) => p.name)
}

describe('download (METHOD:PUBLISH)', () => {
  const { root, events, lines } = parse(files['download.ics'])
  const [vevent] = events

  test('is a PUBLISH with one event, an ORGANIZER and no ATTENDEE', () => {
    expect(value(root, 'method')).toBe('PUBLISH')
    expect(value(root, 'prodid')).toBe('-//bijeen//bijeen 1.0//NL')
    expect(value(root, 'version')).toBe('2.0')
    expect(events).toHaveLength(1)
    const organizer = vevent.getFirstProperty('organizer')!
    expect(organizer.getFirstValue()).toBe('mailto:secretariaat@example.org')
    expect(organizer.getParameter('cn')).toBe(secretariat.name)
    expect(vevent.getAllProperties('attendee')).toHaveLength(0)
  })

  test('4 December 2026, 14.00–17.00 in Amsterdam is 13:00Z–16:00Z', () => {
    expect(lines).toContain('DTSTART;TZID=Europe/Amsterdam:20261204T140000')
    expect(lines).toContain('DTEND;TZID=Europe/Amsterdam:20261204T170000')
    expect(utc(vevent, 'dtstart')).toBe('2026-12-04T13:00:00Z')
    expect(utc(vevent, 'dtend')).toBe('2026-12-04T16:00:00Z')
    expect(root.getAllSubcomponents('vtimezone').map((z) => value(z, 'tzid'))).toEqual(['Europe/Amsterdam'])
  })

  test('UID, SEQUENCE, STATUS, and DTSTAMP, CREATED, LAST-MODIFIED in UTC', () => {
    expect(value(vevent, 'uid')).toBe(event.uid)
    expect(value(vevent, 'sequence')).toBe(0)
    expect(value(vevent, 'status')).toBe('CONFIRMED')
    expect(lines).toContain('DTSTAMP:20261101T100000Z')
    expect(lines).toContain('CREATED:20260901T080000Z')
    expect(lines).toContain('LAST-MODIFIED:20261015T123000Z')
  })

  test('LOCATION has venue, address, postcode and city; GEO has the coordinates', () => {
    expect(value(vevent, 'location')).toBe('Ministerie van Justitie en Veiligheid, Turfmarkt 147, 2511 DP Den Haag')
    expect(value(vevent, 'geo')).toEqual([52.0786, 4.3128])
  })

  test('DESCRIPTION is the text with the URL on its own line; URL is set', () => {
    expect(value(vevent, 'description')).toBe(`${event.description}\n\n${eventUrl}`)
    expect(value(vevent, 'url')).toBe(eventUrl)
    expect(value(vevent, 'summary')).toBe(event.title)
  })

  test('no feed properties on a download', () => {
    expect(propertyNames(root)).toEqual(['version', 'prodid', 'method', 'name', 'x-wr-calname'])
    expect(value(root, 'x-wr-calname')).toBe(event.title)
  })
})

describe('download with the agenda items as separate events', () => {
  const { events } = parse(files['download-agenda.ics'])

  test('one VEVENT per item, each with its own UID and its own time', () => {
    expect(events.map((e) => value(e, 'uid'))).toEqual([event.uid, ...agendaItems.map((i) => i.uid)])
    const panel = byUid(events, agendaItems[1].uid)
    expect(value(panel, 'summary')).toBe('Panel: de inzet per ministerie')
    expect(utc(panel, 'dtstart')).toBe('2026-12-04T13:15:00Z')
    expect(utc(panel, 'dtend')).toBe('2026-12-04T14:15:00Z')
    expect(value(panel, 'description')).toBe(`${eventUrl}#agenda-2`)
  })

  test('one VTIMEZONE for the zone all items share', () => {
    const { root } = parse(files['download-agenda.ics'])
    expect(root.getAllSubcomponents('vtimezone')).toHaveLength(1)
  })
})

describe('programme feed', () => {
  const { root, events, lines } = parse(files['feed.ics'])

  test('has a name, a refresh interval and the feed URL before any component', () => {
    expect(value(root, 'method')).toBe('PUBLISH')
    expect(value(root, 'x-wr-calname')).toBe(feedName)
    expect(lines).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT60M')
    expect(lines).toContain('X-PUBLISHED-TTL:PT60M')
    expect(value(root, 'url')).toBe(feedUrl)
  })

  test('a cancelled event stays in the feed with STATUS:CANCELLED and its sequence', () => {
    const cancelled = byUid(events, cancelledEvent.uid)
    expect(value(cancelled, 'status')).toBe('CANCELLED')
    expect(value(cancelled, 'sequence')).toBe(3)
    expect(value(byUid(events, event.uid), 'status')).toBe('CONFIRMED')
  })

  test('a VTIMEZONE for each zone used, and times right in both', () => {
    expect(
      root
        .getAllSubcomponents('vtimezone')
        .map((z) => value(z, 'tzid'))
        .sort(),
    ).toEqual(['America/Kralendijk', 'Europe/Amsterdam'])
    const bonaire = byUid(events, bonaireEvent.uid)
    expect(lines).toContain('DTSTART;TZID=America/Kralendijk:20270210T100000')
    expect(utc(bonaire, 'dtstart')).toBe('2027-02-10T14:00:00Z')
    expect(utc(byUid(events, event.uid), 'dtstart')).toBe('2026-12-04T13:00:00Z')
  })

  test('an online-only event has the meeting link as LOCATION and no GEO', () => {
    const bonaire = byUid(events, bonaireEvent.uid)
    expect(value(bonaire, 'location')).toBe('https://meet.example.org/bonaire-2027')
    expect(bonaire.getFirstProperty('geo')).toBeNull()
    expect(value(bonaire, 'description')).toBe(
      `${event.description}\n\nhttps://meet.example.org/bonaire-2027\n\n${eventUrl}`,
    )
  })

  test('no ATTENDEE anywhere in a feed', () => {
    expect(events.flatMap((e) => e.getAllProperties('attendee'))).toEqual([])
  })
})

describe('personal feed', () => {
  const { root, events, lines } = parse(files['personal-feed.ics'])

  test('is a PUBLISH without attendees, so a leaked feed URL names nobody', () => {
    expect(value(root, 'method')).toBe('PUBLISH')
    expect(value(root, 'x-wr-calname')).toBe('Mijn bijeenkomsten')
    expect(lines).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT30M')
    expect(events).toHaveLength(2)
    expect(lines.some((l) => l.startsWith('ATTENDEE'))).toBe(false)
    expect(lines.join('\n')).not.toContain(jan.email)
  })
})

describe('summer time (Europe/Amsterdam)', () => {
  const { events, lines } = parse(files['dst.ics'])

  test('28 March 2027, the day summer time starts: 10.00 is 08:00Z', () => {
    expect(lines).toContain('DTSTART;TZID=Europe/Amsterdam:20270328T100000')
    expect(utc(byUid(events, springEvent.uid), 'dtstart')).toBe('2027-03-28T08:00:00Z')
  })

  test('31 October 2027, the day summer time ends: 10.00 is 09:00Z', () => {
    expect(lines).toContain('DTSTART;TZID=Europe/Amsterdam:20271031T100000')
    expect(utc(byUid(events, autumnEvent.uid), 'dtstart')).toBe('2027-10-31T09:00:00Z')
  })

  // 02.30 on 31 October 2027 happens twice. RFC 5545 reads such a TZID time as the first one, ical.js and pytz
  // as the second; so both are written in UTC, which every client reads the same.
  test('02.30 on 31 October 2027 (it happens twice) is written in UTC, both times', () => {
    expect(lines).toContain('DTSTART:20271031T003000Z')
    expect(lines).toContain('DTSTART:20271031T013000Z')
    expect(utc(byUid(events, firstHalfPastTwo.uid), 'dtstart')).toBe('2027-10-31T00:30:00Z')
    expect(utc(byUid(events, secondHalfPastTwo.uid), 'dtstart')).toBe('2027-10-31T01:30:00Z')
    // The end (03.00, unambiguous) goes with its start, in UTC too.
    expect(utc(byUid(events, secondHalfPastTwo.uid), 'dtend')).toBe('2027-10-31T02:00:00Z')
  })

  test('an event that only ends in the repeated hour is written in UTC as well', () => {
    const lateShift = { ...event, startsAt: new Date('2027-10-30T22:00:00Z'), endsAt: new Date('2027-10-31T01:30:00Z') }
    const { events: parsed, lines: l } = parse(buildPublish({ calendarName: 'x', items: [lateShift], organizer: jan }))
    expect(l).toContain('DTEND:20271031T013000Z')
    expect(utc(parsed[0], 'dtstart')).toBe('2027-10-30T22:00:00Z')
    expect(l.some((line) => line.startsWith('BEGIN:VTIMEZONE'))).toBe(false)
  })
})

describe('invitation (METHOD:REQUEST)', () => {
  const { root, events } = parse(files['request.ics'])
  const [vevent] = events

  test('has the secretariat as ORGANIZER and exactly one ATTENDEE: the recipient, without RSVP', () => {
    expect(value(root, 'method')).toBe('REQUEST')
    expect(events).toHaveLength(1)
    const organizer = vevent.getFirstProperty('organizer')!
    expect(organizer.getFirstValue()).toBe('mailto:secretariaat@example.org')
    expect(organizer.getParameter('cn')).toBe(secretariat.name)
    const attendees = vevent.getAllProperties('attendee')
    expect(attendees).toHaveLength(1)
    const [attendee] = attendees
    expect(String(attendee.getFirstValue()).toLowerCase()).toBe('mailto:jan.devries@example.org')
    expect(attendee.getParameter('cn')).toBe('Jan de Vries')
    expect(attendee.getParameter('rsvp')).toBe('FALSE')
    expect(attendee.getParameter('partstat')).toBe('NEEDS-ACTION')
    expect(attendee.getParameter('role')).toBe('REQ-PARTICIPANT')
  })

  test('UID, SEQUENCE, STATUS and times', () => {
    expect(value(vevent, 'uid')).toBe(event.uid)
    expect(value(vevent, 'sequence')).toBe(0)
    expect(value(vevent, 'status')).toBe('CONFIRMED')
    expect(utc(vevent, 'dtstart')).toBe('2026-12-04T13:00:00Z')
    expect(value(vevent, 'location')).toBe('Ministerie van Justitie en Veiligheid, Turfmarkt 147, 2511 DP Den Haag')
    expect(String(value(vevent, 'description'))).toContain(eventUrl)
  })

  test('an update keeps the UID, has a higher SEQUENCE and the new time', () => {
    const { root: updateRoot, events: updated } = parse(files['update.ics'])
    expect(value(updateRoot, 'method')).toBe('REQUEST')
    expect(value(updated[0], 'uid')).toBe(event.uid)
    expect(value(updated[0], 'sequence')).toBe(1)
    expect(utc(updated[0], 'dtstart')).toBe('2026-12-04T14:00:00Z')
    expect(utc(updated[0], 'dtend')).toBe('2026-12-04T17:00:00Z')
  })

  test('a tentative event is sent as TENTATIVE; a cancelled one must go through buildCancel', () => {
    const { events: tentative } = parse(
      buildRequest({ item: { ...event, status: 'tentative' }, organizer: secretariat, attendee: jan }),
    )
    expect(value(tentative[0], 'status')).toBe('TENTATIVE')
    expect(() =>
      buildRequest({ item: { ...event, status: 'cancelled' }, organizer: secretariat, attendee: jan }),
    ).toThrow(/buildCancel/)
  })

  test('an optional calendar name', () => {
    const { root: named } = parse(
      buildRequest({ item: event, organizer: secretariat, attendee: jan, calendarName: 'Uitnodiging' }),
    )
    expect(value(named, 'x-wr-calname')).toBe('Uitnodiging')
  })
})

describe('cancellation (METHOD:CANCEL)', () => {
  const { root, events } = parse(files['cancel.ics'])
  const [vevent] = events

  test('same UID, the increased SEQUENCE, STATUS:CANCELLED, ORGANIZER and ATTENDEE', () => {
    expect(value(root, 'method')).toBe('CANCEL')
    expect(events).toHaveLength(1)
    expect(value(vevent, 'uid')).toBe(event.uid)
    expect(value(vevent, 'sequence')).toBe(2)
    expect(value(vevent, 'status')).toBe('CANCELLED')
    expect(vevent.getFirstProperty('organizer')!.getFirstValue()).toBe('mailto:secretariaat@example.org')
    expect(vevent.getAllProperties('attendee')).toHaveLength(1)
    expect(vevent.getFirstProperty('attendee')!.getParameter('cn')).toBe('Jan de Vries')
  })

  test('is CANCELLED even when the item passed in still says confirmed', () => {
    const { events: cancelled } = parse(
      buildCancel({ item: { ...movedEvent, sequence: 2 }, organizer: secretariat, attendee: jan }),
    )
    expect(value(cancelled[0], 'status')).toBe('CANCELLED')
  })
})

describe('user text cannot make properties or components', () => {
  const { root, events, lines } = parse(files['injection.ics'])

  test('a title with CRLF END:VEVENT BEGIN:VEVENT stays one event, and the text survives as SUMMARY', () => {
    expect(events).toHaveLength(1)
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1)
    expect(lines.filter((l) => l.startsWith('UID:'))).toEqual([`UID:${event.uid}`])
    // TEXT cannot carry a CR: line breaks come back as LF; everything else literally.
    expect(value(events[0], 'summary')).toBe(injection.replace(/\r\n/g, '\n'))
    expect(String(value(events[0], 'description'))).toContain(injection.replace(/\r\n/g, '\n'))
  })

  test('no extra properties at any level', () => {
    expect(root.getAllSubcomponents().map((c) => c.name)).toEqual(['vtimezone', 'vevent'])
    expect(propertyNames(root)).toEqual(['version', 'prodid', 'method', 'name', 'x-wr-calname'])
    expect(propertyNames(events[0])).toEqual([
      'uid',
      'sequence',
      'dtstamp',
      'dtstart',
      'dtend',
      'summary',
      'location',
      'geo',
      'description',
      'organizer',
      'url',
      'status',
      'created',
      'last-modified',
    ])
  })

  test('the calendar name (written unescaped by ical-generator) is escaped and on one line', () => {
    expect(value(root, 'x-wr-calname')).toBe('Formele start END:VEVENT BEGIN:VEVENT UID:evil@example.org SUMMARY:Nep')
  })

  test('venue fields and separators are escaped', () => {
    const item: CalendarItem = {
      ...event,
      location: {
        name: 'Zaal; "A", \\ B\r\nGEO:0;0',
        address: 'Turfmarkt 147',
        postcode: '2511 DP',
        city: 'Den Haag\nEND:VCALENDAR',
      },
    }
    const { events: parsed } = parse(buildPublish({ calendarName: 'x', items: [item], organizer: jan }))
    expect(value(parsed[0], 'location')).toBe('Zaal; "A", \\ B GEO:0;0, Turfmarkt 147, 2511 DP Den Haag END:VCALENDAR')
    expect(parsed[0].getAllProperties('geo')).toHaveLength(0)
  })

  test('control characters are dropped from text, TAB and line breaks kept', () => {
    const { events: parsed } = parse(
      buildPublish({
        calendarName: 'x',
        items: [{ ...event, title: 'A\u0000B\u0007C\u001bD\u007fE', description: 'regel 1\r\n\tregel 2\rregel 3' }],
        organizer: jan,
      }),
    )
    expect(value(parsed[0], 'summary')).toBe('ABCDE')
    expect(value(parsed[0], 'description')).toBe(`regel 1\n\tregel 2\nregel 3\n\n${eventUrl}`)
  })
})

describe('names in CN parameters', () => {
  const nasty = 'Jan "de" Vries\r\nX-INJECT:1\u0007\u0000\t\\ '

  test('quotes, CR/LF, control characters and backslashes are removed; the value is quoted', () => {
    const text = buildRequest({
      item: event,
      organizer: { ...secretariat, name: 'Secretariaat "STM";\r\nATTENDEE:mailto:evil@example.org' },
      attendee: { ...jan, name: nasty },
    })
    const { events: parsed, lines } = parse(text)
    const attendee = parsed[0].getFirstProperty('attendee')!
    expect(attendee.getParameter('cn')).toBe('Jan de Vries X-INJECT:1')
    expect(lines.some((l) => l.includes(';CN="Jan de Vries X-INJECT:1":MAILTO:jan.devries@example.org'))).toBe(true)
    expect(parsed[0].getFirstProperty('organizer')!.getParameter('cn')).toBe(
      'Secretariaat STM; ATTENDEE:mailto:evil@example.org',
    )
    expect(parsed[0].getAllProperties('attendee')).toHaveLength(1)
    expect(propertyNames(parsed[0]).filter((n) => n.startsWith('x-'))).toEqual([])
  })

  test('a name with nothing left falls back to the address', () => {
    const { events: parsed } = parse(
      buildRequest({ item: event, organizer: secretariat, attendee: { ...jan, name: '"\r\n"' } }),
    )
    expect(parsed[0].getFirstProperty('attendee')!.getParameter('cn')).toBe(jan.email)
  })
})

describe('refuses what it cannot write safely', () => {
  const evil = 'jan@example.org\r\nATTENDEE:mailto:evil@example.org'

  test('e-mail addresses with CR/LF, or not addresses at all', () => {
    expect(() => buildRequest({ item: event, organizer: secretariat, attendee: { ...jan, email: evil } })).toThrow(
      /e-mail/,
    )
    expect(() => buildPublish({ calendarName: 'x', items: [event], organizer: { ...jan, email: evil } })).toThrow(
      /e-mail/,
    )
    expect(() =>
      buildCancel({ item: event, organizer: secretariat, attendee: { ...jan, email: 'jan@x.nl\n' } }),
    ).toThrow(/e-mail/)
    for (const email of ['jan', 'jan@', '@example.org', 'jan de vries@example.org', 'a;b@example.org']) {
      expect(() => buildRequest({ item: event, organizer: secretariat, attendee: { ...jan, email } })).toThrow()
    }
    expect(() =>
      buildRequest({ item: event, organizer: secretariat, attendee: { ...jan, email: "o'brien+stm@example.org" } }),
    ).not.toThrow()
  })

  test('bad UIDs, sequences, zones, dates and URLs', () => {
    const publish = (item: CalendarItem) => buildPublish({ calendarName: 'x', items: [item], organizer: jan })
    expect(() => publish({ ...event, uid: 'a@b\r\nX-EVIL:1' })).toThrow(/UID/)
    expect(() => publish({ ...event, uid: '' })).toThrow(/UID/)
    expect(() => publish({ ...event, sequence: -1 })).toThrow(/SEQUENCE/)
    expect(() => publish({ ...event, sequence: 1.5 })).toThrow(/SEQUENCE/)
    expect(() => publish({ ...event, timeZone: 'Europe/Atlantis' })).toThrow(/time zone/)
    expect(() => publish({ ...event, timeZone: 'Europe/Amsterdam\r\nX:1' })).toThrow(/time zone/)
    expect(() => publish({ ...event, startsAt: new Date('nonsense') })).toThrow(/startsAt/)
    expect(() => publish({ ...event, endsAt: new Date('2026-12-04T12:00:00Z') })).toThrow(/ends before/)
    expect(() => publish({ ...event, url: 'javascript:alert(1)' })).toThrow(/URL/)
    expect(() => publish({ ...event, url: 'https://x.nl/\r\nX:1' })).toThrow(/URL/)
    expect(() => buildPublish({ calendarName: 'x', items: [], organizer: jan, refreshIntervalMinutes: 0 })).toThrow()
    expect(() => buildPublish({ calendarName: 'x', items: [], organizer: jan, productId: 'bijeen' })).toThrow(/PRODID/)
  })
})

describe('format details', () => {
  test('long lines fold at 75 octets without splitting characters, and unfold to the same text', () => {
    const title = 'Ketenaanpak – één loket 🇳🇱 '.repeat(12).trim()
    const text = buildPublish({ calendarName: 'x', items: [{ ...event, title }], organizer: jan, now })
    const { events: parsed } = parse(text)
    expect(value(parsed[0], 'summary')).toBe(title)
    expect(text.split('\r\n').filter((l) => l.startsWith(' ')).length).toBeGreaterThan(5)
  })

  test('an empty feed still has its name and refresh interval', () => {
    const { root, events, lines } = parse(
      buildPublish({ calendarName: feedName, items: [], organizer: secretariat, refreshIntervalMinutes: 60 }),
    )
    expect(events).toEqual([])
    expect(value(root, 'x-wr-calname')).toBe(feedName)
    expect(lines).toContain('X-PUBLISHED-TTL:PT60M')
  })

  test('one DTSTAMP for every event in a file', () => {
    const { events: parsed } = parse(
      buildPublish({ calendarName: 'x', items: [event, ...agendaItems], organizer: secretariat }),
    )
    expect(new Set(parsed.map((e) => String(value(e, 'dtstamp'))))).toHaveProperty('size', 1)
  })

  test('a UTC event has no TZID and no VTIMEZONE', () => {
    const { events: parsed, lines } = parse(
      buildPublish({ calendarName: 'x', items: [{ ...event, timeZone: 'UTC' }], organizer: jan }),
    )
    expect(lines).toContain('DTSTART:20261204T130000Z')
    expect(utc(parsed[0], 'dtstart')).toBe('2026-12-04T13:00:00Z')
  })

  test('DTSTAMP is now, in UTC, when no clock is given', () => {
    const before = Date.now()
    const { events: parsed } = parse(buildPublish({ calendarName: 'x', items: [event], organizer: jan }))
    const stamp = (value(parsed[0], 'dtstamp') as ICAL.Time).toJSDate().getTime()
    expect(stamp).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000)
    expect(stamp).toBeLessThanOrEqual(Date.now())
  })

  test('URLs with separators stay valid URIs', () => {
    const url = 'https://bijeen.example.org/bijeenkomsten/x?a=1,2;b=3'
    const { events: parsed, lines } = parse(
      buildPublish({ calendarName: 'x', items: [{ ...event, url }], organizer: jan }),
    )
    expect(lines).toContain('URL;VALUE=URI:https://bijeen.example.org/bijeenkomsten/x?a=1%2C2%3Bb=3')
    expect(value(parsed[0], 'url')).toBe('https://bijeen.example.org/bijeenkomsten/x?a=1%2C2%3Bb=3')
  })

  test('output does not depend on the server clock zone', () => {
    expect(sampleFiles()).toEqual(files)
    expect(files['download.ics']).toContain('DTSTART;TZID=Europe/Amsterdam:20261204T140000\r\n')
    expect(now.toISOString()).toBe('2026-11-01T10:00:00.000Z')
  })

  // In the reruns of calendar-tz.test.ts this proves the run really had another clock zone.
  test('runs with the server clock in the requested zone', () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
    const requested = process.env.BIJEEN_CALENDAR_TZ_CHILD
    if (requested) {
      expect(zone).toBe(requested)
      expect(new Date('2026-12-04T13:00:00Z').getHours()).not.toBe(14)
    }
    expect(zone).toMatch(/\w/)
  })
})

describe('calendarContentType', () => {
  test('method= matches the METHOD in the file', () => {
    expect(calendarContentType(files['download.ics'])).toBe('text/calendar; charset=utf-8; method=PUBLISH')
    expect(calendarContentType(files['request.ics'])).toBe('text/calendar; charset=utf-8; method=REQUEST')
    expect(calendarContentType(files['cancel.ics'])).toBe('text/calendar; charset=utf-8; method=CANCEL')
    // A title that mentions METHOD cannot change it: it is not at the start of a line.
    const tricky = buildRequest({
      item: { ...event, title: '\r\nMETHOD:PUBLISH' },
      organizer: secretariat,
      attendee: jan,
    })
    expect(calendarContentType(tricky)).toBe('text/calendar; charset=utf-8; method=REQUEST')
  })
})

describe('calendarFileName', () => {
  test('a readable ASCII name', () => {
    expect(calendarFileName('Formele start Samen tegen mensenhandel')).toBe(
      'formele-start-samen-tegen-mensenhandel.ics',
    )
    expect(calendarFileName('Café “Één loket” – 2026!')).toBe('cafe-een-loket-2026.ics')
    expect(calendarFileName('../../etc/passwd\r\n')).toBe('etc-passwd.ics')
    expect(calendarFileName('🙂')).toBe('agenda.ics')
  })

  test('long titles are cut at a word', () => {
    const name = calendarFileName('Samen tegen mensenhandel '.repeat(10))
    expect(name.length).toBeLessThanOrEqual(84)
    expect(name).toMatch(/^samen-tegen-mensenhandel(-[a-z]+)+\.ics$/)
  })
})

describe('rows as calendar items', () => {
  const row = {
    slug: 'formele-start',
    title: 'Formele start',
    subtitle: 'Samen tegen mensenhandel',
    description: 'Het programma begint.',
    startsAt: new Date('2026-12-04T13:00:00Z'),
    endsAt: new Date('2026-12-04T16:30:00Z'),
    timeZone: 'Europe/Amsterdam',
    venueName: 'Nieuwspoort',
    venueAddress: 'Lange Poten 10',
    venuePostcode: '2511 CL',
    venueCity: 'Den Haag',
    latitude: 52.08,
    longitude: 4.31,
    onlineUrl: null,
    status: 'published' as const,
    icsUid: 'event-1@bijeen',
    icsSequence: 2,
    createdAt: new Date('2026-10-01T08:00:00Z'),
    updatedAt: new Date('2026-11-01T08:00:00Z'),
  }

  test('an event links to its page under the given APP_URL and keeps its UID and sequence', () => {
    const item = eventToCalendarItem(row, 'https://bijeen.example.org/')
    expect(item).toMatchObject({
      uid: 'event-1@bijeen',
      sequence: 2,
      url: 'https://bijeen.example.org/bijeenkomsten/formele-start',
      description: 'Samen tegen mensenhandel\n\nHet programma begint.',
      status: 'confirmed',
      location: { name: 'Nieuwspoort', city: 'Den Haag', postcode: '2511 CL' },
    })
    expect(
      eventToCalendarItem(
        { ...row, status: 'cancelled', venueName: '', venueAddress: '', venueCity: '' },
        'https://x.nl',
      ),
    ).toMatchObject({ status: 'cancelled', location: null })
  })

  test('an agenda item follows its event: sequences add up, the room goes before the venue', () => {
    const item = agendaItemToCalendarItem(
      {
        icsUid: 'item-1@bijeen',
        icsSequence: 1,
        title: 'Panel',
        description: '',
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        room: 'Zaal 2',
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
      },
      row,
      'https://bijeen.example.org',
      'Panel (moderator)',
    )
    expect(item).toMatchObject({ sequence: 3, title: 'Panel (moderator)', description: 'Formele start' })
    expect(item.location?.name).toBe('Zaal 2, Nieuwspoort')
    expect(item.url).toBe('https://bijeen.example.org/bijeenkomsten/formele-start')
  })
})
