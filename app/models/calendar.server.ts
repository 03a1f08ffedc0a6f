// Calendar files for events, programmes and people: reads the rows and hands them to the pure mapping and
// builders in app/domain/calendar.ts. UIDs are stored on the rows at creation and never change.
import {
  agendaItemToCalendarItem,
  buildPublish,
  calendarFileName,
  eventToCalendarItem,
  type CalendarEventRow,
} from '~/domain/calendar'
import { nl } from '~/i18n/nl'
import { db } from '~/utils/db.server'
import { appUrl, getEnv, secretariat } from '~/utils/env.server'
import { PUBLIC_STATUSES } from './selects.server'

/** Events the public may see: published, and those that took place or were cancelled after publication. */

export const FEED_REFRESH_MINUTES = 60

// The columns a calendar item needs (and no more: feeds read hundreds of rows).
export const calendarEventSelect = {
  slug: true,
  title: true,
  subtitle: true,
  description: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  venueName: true,
  venueAddress: true,
  venuePostcode: true,
  venueCity: true,
  latitude: true,
  longitude: true,
  onlineUrl: true,
  status: true,
  icsUid: true,
  icsSequence: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Record<keyof CalendarEventRow, true>

/** `/bijeenkomsten/:slug/agenda.ics`: the event, and optionally each agenda item as its own VEVENT. */
export async function eventDownload(slug: string, withItems: boolean) {
  const event = await db.event.findFirst({
    where: { slug, status: { in: [...PUBLIC_STATUSES] } },
    include: { agendaItems: withItems ? { orderBy: [{ startsAt: 'asc' }, { order: 'asc' }] } : false },
  })
  if (!event) return null
  const items = [
    eventToCalendarItem(event, getEnv().APP_URL),
    ...(withItems ? event.agendaItems.map((i) => agendaItemToCalendarItem(i, event, getEnv().APP_URL)) : []),
  ]
  return {
    ics: buildPublish({
      calendarName: event.title,
      items,
      organizer: secretariat(),
      url: appUrl(`/bijeenkomsten/${event.slug}`),
    }),
    filename: calendarFileName(event.title),
  }
}

/** `/programmas/:slug/agenda.ics`: a subscription feed with every public event; cancelled ones stay, marked. */
export async function programmeFeed(slug: string) {
  const programme = await db.programme.findUnique({
    where: { slug },
    select: {
      slug: true,
      name: true,
      events: {
        where: { status: { in: [...PUBLIC_STATUSES] } },
        orderBy: { startsAt: 'asc' },
        select: calendarEventSelect,
      },
    },
  })
  if (!programme) return null
  return {
    ics: buildPublish({
      calendarName: programme.name,
      items: programme.events.map((e) => eventToCalendarItem(e, getEnv().APP_URL)),
      organizer: secretariat(),
      refreshIntervalMinutes: FEED_REFRESH_MINUTES,
      url: appUrl(`/programmas/${programme.slug}`),
    }),
    filename: calendarFileName(programme.name),
  }
}

/** Headers for a calendar response: the MIME method matches the file's METHOD. */
export function calendarHeaders(ics: string, filename: string, cache: string) {
  const method = /^METHOD:([A-Z]+)\r?$/m.exec(ics)?.[1] ?? 'PUBLISH'
  return {
    'Content-Type': `text/calendar; charset=utf-8; method=${method}`,
    'Content-Disposition': `inline; filename="${filename}"`,
    'Cache-Control': cache,
    'X-Content-Type-Options': 'nosniff',
  }
}

/**
 * A registrant's personal feed: the event of this registration while it is confirmed (a cancelled event stays,
 * marked, so that calendars remove it). Only this registration: the same e-mail address can be typed into any
 * public form by anyone, so it must not open the person's other registrations.
 */
export async function registrantFeed(registrationId: string) {
  const registration = await db.registration.findUnique({ where: { id: registrationId }, include: { event: true } })
  if (!registration) return null
  const { event } = registration
  const listed = registration.status === 'confirmed' && (PUBLIC_STATUSES as readonly string[]).includes(event.status)
  return {
    ics: buildPublish({
      calendarName: event.title,
      items: listed ? [eventToCalendarItem(event, getEnv().APP_URL)] : [],
      organizer: secretariat(),
      refreshIntervalMinutes: FEED_REFRESH_MINUTES,
    }),
    filename: `${event.slug}.ics`,
  }
}

/** A speaker's personal feed: their own slots, with their role in the summary, e.g. "Panel (moderator)". */
export async function speakerFeed(speakerId: string) {
  const participations = await db.participation.findMany({
    where: { speakerId, status: { not: 'declined' }, agendaItem: { event: { status: { in: [...PUBLIC_STATUSES] } } } },
    include: { agendaItem: { include: { event: true } } },
    orderBy: { agendaItem: { startsAt: 'asc' } },
  })
  return {
    ics: buildPublish({
      calendarName: 'Mijn bijdragen',
      items: participations.map((p) => {
        const item = p.agendaItem
        // Dutch labels from the dictionary: a speaker's calendar reads "Panel (panellid): …".
        const summary = `${nl.event.kinds[item.kind]} (${nl.event.roles[p.role]}): ${item.title} · ${item.event.title}`
        return agendaItemToCalendarItem(item, item.event, getEnv().APP_URL, summary)
      }),
      organizer: secretariat(),
      refreshIntervalMinutes: FEED_REFRESH_MINUTES,
    }),
    filename: 'mijn-bijdragen.ics',
  }
}
