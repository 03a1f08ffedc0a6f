// Reads calendar files with ical.js (an independent parser) for integration tests.
import ICAL from 'ical.js'

const mailto = (value: unknown) => String(value ?? '').replace(/^mailto:/i, 'mailto:')

export function parseIcs(text: string) {
  ICAL.TimezoneService.reset()
  const root = new ICAL.Component(ICAL.parse(text))
  for (const vtz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz)
  const events = root.getAllSubcomponents('vevent').map((vevent) => ({
    uid: String(vevent.getFirstPropertyValue('uid')),
    summary: String(vevent.getFirstPropertyValue('summary') ?? ''),
    sequence: Number(vevent.getFirstPropertyValue('sequence') ?? 0),
    status: String(vevent.getFirstPropertyValue('status') ?? ''),
    start: (vevent.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
    // The mailto: scheme is case-insensitive (RFC 3986); compare it in lower case.
    attendees: vevent
      .getAllProperties('attendee')
      .map((p) => ({ value: mailto(p.getFirstValue()), rsvp: p.getParameter('rsvp') })),
    organizer: mailto(vevent.getFirstPropertyValue('organizer')),
  }))
  return { method: String(root.getFirstPropertyValue('method') ?? ''), events, raw: text }
}
