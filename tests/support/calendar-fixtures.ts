// Calendar files of every kind, shared by the ical.js tests and the python3-icalendar cross-check.
// Dates are written as UTC instants so that nothing depends on the test process's clock zone.
import { buildCancel, buildPublish, buildRequest, type CalendarItem, type Person } from '~/domain/calendar'

export const now = new Date('2026-11-01T10:00:00Z')
export const host = 'bijeen.example.org'
export const zone = 'Europe/Amsterdam'
export const injection = 'Formele start\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil@example.org\r\nSUMMARY:Nep'

export const secretariat: Person = { name: 'Secretariaat Samen tegen mensenhandel', email: 'secretariaat@example.org' }
export const jan: Person = { name: 'Jan de Vries', email: 'jan.devries@example.org' }

export const eventUrl = `https://${host}/bijeenkomsten/formele-start-samen-tegen-mensenhandel`

export const event: CalendarItem = {
  uid: `event-ck1start@${host}`,
  sequence: 0,
  title: 'Formele start Samen tegen mensenhandel',
  description: 'Staatssecretaris Harbers opent de bijeenkomst; daarna een panel, met vragen uit de zaal.',
  url: eventUrl,
  // 4 December 2026, 14.00–17.00 in Amsterdam (winter time, UTC+1).
  startsAt: new Date('2026-12-04T13:00:00Z'),
  endsAt: new Date('2026-12-04T16:00:00Z'),
  timeZone: zone,
  location: {
    name: 'Ministerie van Justitie en Veiligheid',
    address: 'Turfmarkt 147',
    postcode: '2511 DP',
    city: 'Den Haag',
    latitude: 52.0786,
    longitude: 4.3128,
  },
  onlineUrl: null,
  status: 'confirmed',
  created: new Date('2026-09-01T08:00:00Z'),
  lastModified: new Date('2026-10-15T12:30:00Z'),
}

function agendaItem(n: number, title: string, start: string, end: string): CalendarItem {
  return {
    ...event,
    uid: `item-ck1item${n}@${host}`,
    title,
    description: '',
    url: `${eventUrl}#agenda-${n}`,
    startsAt: new Date(start),
    endsAt: new Date(end),
  }
}

export const agendaItems = [
  agendaItem(1, 'Opening door staatssecretaris Harbers', '2026-12-04T13:00:00Z', '2026-12-04T13:15:00Z'),
  agendaItem(2, 'Panel: de inzet per ministerie', '2026-12-04T13:15:00Z', '2026-12-04T14:15:00Z'),
  agendaItem(3, 'Afsluiting en borrel', '2026-12-04T15:30:00Z', '2026-12-04T16:00:00Z'),
]

/** The day summer time starts: 28 March 2027, 10.00–12.00 (UTC+2). */
export const springEvent: CalendarItem = {
  ...event,
  uid: `event-ck2spring@${host}`,
  title: 'Werksessie voorjaar',
  startsAt: new Date('2027-03-28T08:00:00Z'),
  endsAt: new Date('2027-03-28T10:00:00Z'),
}

/** The day summer time ends: 31 October 2027, 10.00–12.00 (UTC+1 again). */
export const autumnEvent: CalendarItem = {
  ...event,
  uid: `event-ck3autumn@${host}`,
  title: 'Werksessie najaar',
  startsAt: new Date('2027-10-31T09:00:00Z'),
  endsAt: new Date('2027-10-31T11:00:00Z'),
}

/** 02.30 on 31 October 2027 exists twice: first at 00:30Z (summer time), then at 01:30Z (winter time). */
export const firstHalfPastTwo: CalendarItem = {
  ...event,
  uid: `event-ck4first@${host}`,
  title: 'Nachtdienst (eerste 02.30)',
  startsAt: new Date('2027-10-31T00:30:00Z'),
  endsAt: new Date('2027-10-31T02:00:00Z'),
}
export const secondHalfPastTwo: CalendarItem = {
  ...event,
  uid: `event-ck5second@${host}`,
  title: 'Nachtdienst (tweede 02.30)',
  startsAt: new Date('2027-10-31T01:30:00Z'),
  endsAt: new Date('2027-10-31T02:00:00Z'),
}

/** An online meeting in the Caribbean Netherlands: a second zone in the feed. */
export const bonaireEvent: CalendarItem = {
  ...event,
  uid: `event-ck6bonaire@${host}`,
  title: 'Werkbezoek Bonaire',
  // 10.00–11.30 in Kralendijk (UTC−4, no summer time).
  startsAt: new Date('2027-02-10T14:00:00Z'),
  endsAt: new Date('2027-02-10T15:30:00Z'),
  timeZone: 'America/Kralendijk',
  location: null,
  onlineUrl: 'https://meet.example.org/bonaire-2027',
}

export const cancelledEvent: CalendarItem = {
  ...event,
  uid: `event-ck7cancelled@${host}`,
  sequence: 3,
  title: 'Vervolgoverleg ketenpartners',
  startsAt: new Date('2027-01-20T09:00:00Z'),
  endsAt: new Date('2027-01-20T11:00:00Z'),
  status: 'cancelled',
}

/** The same event after its time moved to 15.00–18.00: same UID, higher SEQUENCE. */
export const movedEvent: CalendarItem = {
  ...event,
  sequence: 1,
  startsAt: new Date('2026-12-04T14:00:00Z'),
  endsAt: new Date('2026-12-04T17:00:00Z'),
}

export const feedName = 'Samen tegen mensenhandel, bijeenkomsten'
export const feedUrl = `https://${host}/programmas/samen-tegen-mensenhandel/agenda.ics`

/** Every kind of file the app serves or mails. */
export function sampleFiles() {
  return {
    'download.ics': buildPublish({ calendarName: event.title, items: [event], organizer: secretariat, now }),
    'download-agenda.ics': buildPublish({
      calendarName: event.title,
      items: [event, ...agendaItems],
      organizer: secretariat,
      now,
    }),
    'feed.ics': buildPublish({
      calendarName: feedName,
      items: [event, cancelledEvent, bonaireEvent, springEvent, autumnEvent],
      organizer: secretariat,
      refreshIntervalMinutes: 60,
      url: feedUrl,
      now,
    }),
    'personal-feed.ics': buildPublish({
      calendarName: 'Mijn bijeenkomsten',
      items: [event, bonaireEvent],
      organizer: secretariat,
      refreshIntervalMinutes: 30,
      now,
    }),
    'request.ics': buildRequest({ item: event, organizer: secretariat, attendee: jan, now }),
    'update.ics': buildRequest({ item: movedEvent, organizer: secretariat, attendee: jan, now }),
    'cancel.ics': buildCancel({
      item: { ...movedEvent, sequence: 2, status: 'cancelled' },
      organizer: secretariat,
      attendee: jan,
      now,
    }),
    'dst.ics': buildPublish({
      calendarName: 'Zomertijd',
      items: [springEvent, autumnEvent, firstHalfPastTwo, secondHalfPastTwo],
      organizer: secretariat,
      now,
    }),
    'injection.ics': buildPublish({
      calendarName: injection,
      items: [{ ...event, title: injection, description: injection }],
      organizer: { name: injection, email: secretariat.email },
      now,
    }),
  }
}
