// A second, independent parser: Debian's python3-icalendar reads the same files (tests/support/check-ics.py).
// It resolves Olson TZIDs with pytz rather than our VTIMEZONE text, so it also checks the zone rules.
// Missing python3-icalendar is a failure, not a skip.
import { beforeAll, describe, expect, test } from 'vitest'
import {
  bonaireEvent,
  cancelledEvent,
  event,
  firstHalfPastTwo,
  injection,
  sampleFiles,
  secondHalfPastTwo,
} from '../support/calendar-fixtures'
import { checkIcsWithPython, type CheckedIcs } from '../support/python-ics'

let checked: Record<string, CheckedIcs> = {}

beforeAll(() => {
  checked = checkIcsWithPython(sampleFiles())
})

function only(name: string) {
  const file = checked[name]
  expect(file.vevents).toBe(1)
  return file.events[0]
}

describe('python3-icalendar reads our files the same way', () => {
  test('every file: parses without errors, CRLF only, a VTIMEZONE for every TZID', () => {
    expect(Object.keys(checked).sort()).toEqual(Object.keys(sampleFiles()).sort())
    for (const [name, file] of Object.entries(checked)) {
      expect(file.errors, name).toEqual([])
      expect(file.crlfOnly, name).toBe(true)
      expect(file.missingVtimezones, name).toEqual([])
      expect(file.vtimezones, name).toEqual(file.tzids)
      for (const e of file.events) {
        expect(e.dtstart, `${name} ${e.uid}`).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
        expect(e.dtend, `${name} ${e.uid}`).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
      }
    }
  })

  test('download: PUBLISH, 4 December 2026 14.00 Amsterdam is 13:00Z, no attendee', () => {
    expect(checked['download.ics'].method).toBe('PUBLISH')
    expect(only('download.ics')).toMatchObject({
      uid: event.uid,
      sequence: 0,
      status: 'CONFIRMED',
      dtstart: '2026-12-04T13:00:00Z',
      dtend: '2026-12-04T16:00:00Z',
      attendees: 0,
    })
    expect(checked['download-agenda.ics'].vevents).toBe(4)
    expect(checked['download-agenda.ics'].events.map((e) => e.dtstart)).toEqual([
      '2026-12-04T13:00:00Z',
      '2026-12-04T13:00:00Z',
      '2026-12-04T13:15:00Z',
      '2026-12-04T15:30:00Z',
    ])
  })

  test('feed: the cancelled event keeps STATUS:CANCELLED; two zones, both with a VTIMEZONE', () => {
    const feed = checked['feed.ics']
    expect(feed.method).toBe('PUBLISH')
    expect(feed.vevents).toBe(5)
    expect(feed.vtimezones).toEqual(['America/Kralendijk', 'Europe/Amsterdam'])
    const byUid = Object.fromEntries(feed.events.map((e) => [e.uid, e]))
    expect(byUid[cancelledEvent.uid]).toMatchObject({ status: 'CANCELLED', sequence: 3 })
    expect(byUid[bonaireEvent.uid].dtstart).toBe('2027-02-10T14:00:00Z')
    expect(feed.events.every((e) => e.attendees === 0)).toBe(true)
    expect(checked['personal-feed.ics'].events.every((e) => e.attendees === 0)).toBe(true)
  })

  test('summer time: 28 March 2027 10.00 is 08:00Z, 31 October 2027 10.00 is 09:00Z, 02.30 both times exact', () => {
    const dst = Object.fromEntries(checked['dst.ics'].events.map((e) => [e.summary, e.dtstart]))
    expect(dst['Werksessie voorjaar']).toBe('2027-03-28T08:00:00Z')
    expect(dst['Werksessie najaar']).toBe('2027-10-31T09:00:00Z')
    expect(dst[firstHalfPastTwo.title]).toBe('2027-10-31T00:30:00Z')
    expect(dst[secondHalfPastTwo.title]).toBe('2027-10-31T01:30:00Z')
  })

  test('request, update and cancel: one attendee, same UID, rising SEQUENCE', () => {
    expect(checked['request.ics'].method).toBe('REQUEST')
    expect(only('request.ics')).toMatchObject({ uid: event.uid, sequence: 0, status: 'CONFIRMED', attendees: 1 })
    expect(checked['update.ics'].method).toBe('REQUEST')
    expect(only('update.ics')).toMatchObject({ uid: event.uid, sequence: 1, dtstart: '2026-12-04T14:00:00Z' })
    expect(checked['cancel.ics'].method).toBe('CANCEL')
    expect(only('cancel.ics')).toMatchObject({ uid: event.uid, sequence: 2, status: 'CANCELLED', attendees: 1 })
  })

  test('the injection title is one event with the text as SUMMARY', () => {
    expect(only('injection.ics')).toMatchObject({ uid: event.uid, summary: injection.replace(/\r\n/g, '\n') })
  })
})
