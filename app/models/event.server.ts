import { registrationWindow } from '~/domain/registration-form'
import { displayName } from '~/domain/report'
import { db } from '~/utils/db.server'
import { statusCounts } from './registration-admin.server'
import { eventCardSelect, publicEventWhere } from './selects.server'

/** The secretariat's overview: every event of every programme, the next one first, then the past. */
export async function listDashboardEvents(now = new Date()) {
  const programmes = await db.programme.findMany({
    orderBy: [{ order: 'asc' }, { createdAt: 'asc' }],
    select: {
      id: true,
      slug: true,
      name: true,
      events: {
        orderBy: { startsAt: 'asc' },
        select: {
          id: true,
          slug: true,
          title: true,
          startsAt: true,
          endsAt: true,
          timeZone: true,
          venueCity: true,
          status: true,
          capacity: true,
          confirmedCount: true,
        },
      },
    },
  })
  const counts = await statusCounts(programmes.flatMap((p) => p.events.map((e) => e.id)))
  return programmes.map((programme) => {
    const events = programme.events.map((e) => ({ ...e, registrations: counts.get(e.id)! }))
    const upcoming = events.filter((e) => e.endsAt >= now)
    const past = events.filter((e) => e.endsAt < now).reverse()
    return { ...programme, events: [...upcoming, ...past] }
  })
}

/** Published events for the public home page. */
export function listPublicEvents() {
  return db.event.findMany({
    where: publicEventWhere,
    orderBy: { startsAt: 'asc' },
    select: eventCardSelect,
  })
}

/**
 * The public event page: published (and past or cancelled) events for everyone; drafts only as a preview
 * for the secretariat. Speakers appear only as far as they consented: no name consent, no card; a photo
 * only with photo consent.
 */
export async function getPublicEvent(slug: string, options: { preview: boolean }, now = new Date()) {
  const event = await db.event.findUnique({
    where: { slug },
    include: {
      programme: { include: { actionLines: { orderBy: { order: 'asc' } } } },
      hosts: { orderBy: { order: 'asc' }, include: { organisation: { select: { name: true, shortName: true } } } },
      agendaItems: {
        orderBy: [{ startsAt: 'asc' }, { order: 'asc' }],
        include: {
          actionLines: { select: { actionLineId: true } },
          participations: {
            where: { status: { not: 'declined' } },
            orderBy: { order: 'asc' },
            include: { speaker: { include: { organisation: { select: { name: true } } } } },
          },
        },
      },
    },
  })
  if (!event) return null
  const isPublic = event.status !== 'draft'
  if (!isPublic && !options.preview) return null

  const usedLines = new Set(event.agendaItems.flatMap((i) => i.actionLines.map((l) => l.actionLineId)))
  const speakers = new Map<string, PublicSpeaker>()
  const agenda = event.agendaItems.map((item) => {
    // A panel reads moderator first, then the panelists in their order.
    const roleOrder = { moderator: 0, host: 1, speaker: 2, panelist: 3 } as const
    const people = item.participations
      .filter((p) => p.speaker.consentPublishName)
      .sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.order - b.order)
      .map((p) => {
        const s = p.speaker
        if (!speakers.has(s.id)) speakers.set(s.id, toPublicSpeaker(s))
        return { speakerId: s.id, role: p.role, name: displayName(s), function: s.function }
      })
    return {
      id: item.id,
      kind: item.kind,
      title: item.title,
      description: item.description,
      startsAt: item.startsAt,
      endsAt: item.endsAt,
      room: item.room,
      people,
    }
  })
  return {
    id: event.id,
    slug: event.slug,
    title: event.title,
    subtitle: event.subtitle,
    description: event.description,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    venue: {
      name: event.venueName,
      address: event.venueAddress,
      postcode: event.venuePostcode,
      city: event.venueCity,
      latitude: event.latitude,
      longitude: event.longitude,
    },
    onlineUrl: event.onlineUrl,
    status: event.status,
    visibility: event.visibility,
    // Whether the public form takes registrations now, from the row already read (no second query).
    registrationWindow: event.visibility === 'public' ? registrationWindow(event, now) : null,
    programme: { slug: event.programme.slug, name: event.programme.name, nameEn: event.programme.nameEn },
    hosts: event.hosts.map((h) => h.organisation.name),
    agenda,
    speakers: [...speakers.values()],
    actionLines: event.programme.actionLines
      .filter((l) => usedLines.size === 0 || usedLines.has(l.id))
      .map((l) => ({ code: l.code, title: l.title, titleEn: l.titleEn })),
    isPreview: !isPublic,
  }
}

type SpeakerRow = {
  id: string
  honorific: string
  name: string
  function: string
  bio: string
  photoPath: string | null
  photoCredit: string | null
  consentPublishPhoto: boolean
  organisation: { name: string } | null
}

export type PublicSpeaker = ReturnType<typeof toPublicSpeaker>

/** "Staatssecretaris Harbers": the honorific before the name, capitalised at the start. */
export { displayName }

function toPublicSpeaker(s: SpeakerRow) {
  const photo = s.consentPublishPhoto && s.photoPath ? { src: `/media/${s.photoPath}`, credit: s.photoCredit } : null
  return {
    id: s.id,
    name: displayName(s),
    function: s.function,
    organisation: s.organisation?.name ?? null,
    bio: s.bio,
    photo,
  }
}
