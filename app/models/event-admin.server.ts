// The secretariat's changes to events: create, edit (time and place changes go through the calendar
// update path), status transitions with audit entries, and "copy as next edition".
import { DateTime } from 'luxon'
import type { EventStatus } from '~/generated/prisma/enums'
import { agendaShiftFor, itemsFollowingEventDay, itemsOutsideEvent, shiftedItems } from '~/domain/agenda'
import { describeAgendaShift, scheduleChanged, type Schedule } from '~/domain/event-changes'
import { freeSlug, slugify, type EventFormValues } from '~/domain/event-schema'
import { db } from '~/utils/db.server'
import { newIdWithUid } from '~/utils/ids.server'
import { audit } from './audit.server'
import { cancelEvent, cancellationRecipients, changeEventSchedule, changeRecipients } from './event-mail.server'
import { promoteWaitlisted } from './registration.server'
import { speakersFollowingSchedule } from './speaker-invitation.server'
import { statusCounts } from './registration-admin.server'

/** A free slug: the title's, or with -2, -3… when taken. */
export async function uniqueSlug(title: string, exceptEventId?: string) {
  const base = slugify(title)
  const taken = await db.event.findMany({
    where: { slug: { startsWith: base }, NOT: exceptEventId ? { id: exceptEventId } : undefined },
    select: { slug: true },
  })
  return freeSlug(base, new Set(taken.map((e) => e.slug)))
}

export type FieldErrors = Record<string, string[]>

async function checkReferences(values: EventFormValues): Promise<FieldErrors | null> {
  const [programme, hosts] = await Promise.all([
    db.programme.findUnique({ where: { id: values.programmeId }, select: { id: true } }),
    values.hostIds.length ? db.organisation.count({ where: { id: { in: values.hostIds } } }) : Promise.resolve(0),
  ])
  const errors: FieldErrors = {}
  if (!programme) errors.programmeId = ['unknown']
  if (hosts !== new Set(values.hostIds).size) errors.hostIds = ['unknown']
  return Object.keys(errors).length ? errors : null
}

function columns(values: EventFormValues) {
  return {
    programmeId: values.programmeId,
    title: values.title,
    subtitle: values.subtitle,
    description: values.description,
    venueName: values.venueName,
    venueAddress: values.venueAddress,
    venuePostcode: values.venuePostcode,
    venueCity: values.venueCity,
    onlineUrl: values.onlineUrl ?? null,
    capacity: values.capacity ?? null,
    registrationOpensAt: values.registrationOpensAt,
    registrationClosesAt: values.registrationClosesAt,
    visibility: values.visibility,
    requiresApproval: values.requiresApproval,
    language: values.language,
  }
}

export async function createEventFromForm(values: EventFormValues, actorUserId: string) {
  const problems = await checkReferences(values)
  if (problems) return { ok: false as const, problems }
  const slug = await uniqueSlug(values.title)
  const event = await db.$transaction(async (tx) => {
    const created = await tx.event.create({
      data: {
        ...newIdWithUid('event'),
        ...columns(values),
        slug,
        startsAt: values.startsAt,
        endsAt: values.endsAt,
        latitude: values.latitude,
        longitude: values.longitude,
        status: 'draft',
        hosts: { create: [...new Set(values.hostIds)].map((organisationId, order) => ({ organisationId, order })) },
      },
    })
    await audit({ actorUserId, action: 'event.created', entity: 'Event', entityId: created.id }, tx)
    return created
  })
  return { ok: true as const, event }
}

/**
 * Saves the edit form. A change of time or place is mailed to confirmed registrants and speakers; when
 * there are any and the secretariat has not yet confirmed, nothing is saved and the count is returned.
 */
export async function updateEventFromForm(
  eventId: string,
  values: EventFormValues,
  actorUserId: string,
  confirmed: boolean,
  // What to do with an agenda that the new times leave behind: asked once, in the same confirmation step.
  agenda: 'shift' | 'keep' | null = null,
) {
  const event = await db.event.findUnique({ where: { id: eventId } })
  if (!event) return { kind: 'not-found' as const }
  const problems = await checkReferences(values)
  if (problems) return { kind: 'invalid' as const, problems }
  const addressChanged =
    event.venueAddress !== values.venueAddress ||
    event.venuePostcode !== values.venuePostcode ||
    event.venueCity !== values.venueCity
  // A picked suggestion sets the position; an address change without one clears a position that no longer fits.
  const position =
    values.latitude !== null
      ? { latitude: values.latitude, longitude: values.longitude }
      : addressChanged
        ? { latitude: null, longitude: null }
        : {}
  const schedule: Partial<Schedule> = {
    startsAt: values.startsAt,
    endsAt: values.endsAt,
    venueName: values.venueName,
    venueAddress: values.venueAddress,
    venuePostcode: values.venuePostcode,
    venueCity: values.venueCity,
    onlineUrl: values.onlineUrl ?? null,
  }
  const after = { ...event, ...schedule } as Schedule
  const changed = scheduleChanged(event, after)
  const items = changed
    ? await db.agendaItem.findMany({
        where: { eventId },
        orderBy: { startsAt: 'asc' },
        select: { id: true, title: true, startsAt: true, endsAt: true },
      })
    : []
  // A new date moves the programme along by itself (same clock times); the question is about what is left.
  const follow = itemsFollowingEventDay(items, event, after)
  const followed = items.map((i) => ({ ...i, ...follow.get(i.id) }))
  const ownDay =
    itemsFollowingEventDay([{ startsAt: event.startsAt, endsAt: event.endsAt, id: 'event' }], event, after).get(
      'event',
    ) ?? event
  const shiftMinutes = agendaShiftFor(ownDay, after, followed)
  const outside = itemsOutsideEvent(after, followed)
  const agendaQuestion = shiftMinutes !== null || outside.length > 0 ? { shiftMinutes, outside } : null
  if (changed && (!confirmed || (agendaQuestion && !agenda))) {
    const recipients = (await changeRecipients(eventId)).length
    // The caller shows what changes, to how many people and what it means for the agenda, before anything is saved.
    if (recipients > 0 || agendaQuestion)
      return { kind: 'confirm' as const, recipients, before: event as Schedule, after, agenda: agendaQuestion }
  }
  const { programmeId: _programme, ...rest } = columns(values)
  await db.$transaction(async (tx) => {
    await tx.event.update({
      where: { id: eventId },
      data: {
        ...rest,
        // The schedule goes through changeEventSchedule below, which bumps the calendar sequence.
        venueName: undefined,
        venueAddress: undefined,
        venuePostcode: undefined,
        venueCity: undefined,
        onlineUrl: undefined,
        ...position,
        hosts: {
          deleteMany: {},
          create: [...new Set(values.hostIds)].map((organisationId, order) => ({ organisationId, order })),
        },
      },
    })
    await audit({ actorUserId, action: 'event.updated', entity: 'Event', entityId: eventId }, tx)
  })
  // The programme follows a new date (same clock times), moved by the chosen minutes when the secretariat
  // shifts it along, and the speakers get their slots' calendar updates with it.
  const minutes = agenda === 'shift' && shiftMinutes !== null ? shiftMinutes : 0
  const change = await changeEventSchedule(
    eventId,
    schedule,
    actorUserId,
    async (before, updated) => {
      const write = await speakersFollowingSchedule(before, updated, minutes)
      if (!minutes) return write
      return async (tx) => {
        await write?.(tx)
        await audit(
          {
            actorUserId,
            action: 'agenda.shifted',
            entity: 'Event',
            entityId: eventId,
            details: { minutes, items: items.length },
          },
          tx,
        )
      }
    },
    minutes ? (lang) => describeAgendaShift(items, shiftedItems(followed, minutes), after.timeZone, lang) : undefined,
  )
  // More seats (or no limit any more): the first in line get them now, with their mail.
  await promoteWaitlisted(eventId)
  return { kind: 'saved' as const, mailed: change.mailed, shifted: minutes ? items.length : 0 }
}

/** What a status change will do, for the confirmation page; null when the event does not exist. */
export async function statusChangePreview(eventId: string, to: EventStatus) {
  const event = await db.event.findUnique({ where: { id: eventId }, select: { id: true, title: true, status: true } })
  if (!event) return null
  const allowed = transitions[event.status].includes(to)
  // A cancellation mails everyone who registered, spoke or had the event in their calendar.
  const recipients = allowed && to === 'cancelled' ? (await cancellationRecipients(eventId)).length : 0
  return { event, allowed, recipients }
}

/** The copy form: the event and, as the suggested date, the same day a year later. */
export async function copyFormDefaults(eventId: string) {
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: { id: true, title: true, startsAt: true, timeZone: true },
  })
  if (!event) return null
  const suggestion = DateTime.fromJSDate(event.startsAt, { zone: event.timeZone })
    .plus({ years: 1 })
    .toFormat('yyyy-MM-dd')
  return { event: { id: event.id, title: event.title }, suggestion }
}

export const transitions: Record<EventStatus, EventStatus[]> = {
  draft: ['published', 'cancelled'],
  published: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
}

export async function transitionEvent(eventId: string, to: EventStatus, actorUserId: string, message = '') {
  const event = await db.event.findUnique({ where: { id: eventId }, select: { status: true } })
  if (!event) return { kind: 'not-found' as const }
  if (!transitions[event.status].includes(to)) return { kind: 'not-allowed' as const, from: event.status }
  if (to === 'cancelled') {
    const result = await cancelEvent(eventId, message, actorUserId)
    return { kind: 'done' as const, mailed: result.mailed }
  }
  const applied = await db.$transaction(async (tx) => {
    // Conditional: a concurrent transition cannot be applied twice; the one that lost changes nothing.
    const claimed = await tx.event.updateMany({ where: { id: eventId, status: event.status }, data: { status: to } })
    if (claimed.count !== 1) return false
    await audit(
      { actorUserId, action: 'event.status', entity: 'Event', entityId: eventId, details: { from: event.status, to } },
      tx,
    )
    return true
  })
  if (!applied) return { kind: 'conflict' as const }
  return { kind: 'done' as const, mailed: 0 }
}

/**
 * "Copy as next edition": the event with its agenda, speakers, hosts, questions and seats per organisation on a
 * new date, as a draft, without registrations, invitations or statements. Times keep their wall-clock time in
 * the event's zone; the seat counters start at zero.
 */
export async function copyAsNextEdition(eventId: string, newDate: string, actorUserId: string) {
  const source = await db.event.findUnique({
    where: { id: eventId },
    include: {
      hosts: true,
      questions: true,
      seatCounters: { where: { quota: { not: null } } },
      agendaItems: { include: { actionLines: true, participations: true } },
    },
  })
  if (!source) return null
  const zone = source.timeZone
  const originalDay = DateTime.fromJSDate(source.startsAt, { zone }).startOf('day')
  const targetDay = DateTime.fromISO(newDate, { zone }).startOf('day')
  const days = Math.round(targetDay.diff(originalDay, 'days').days)
  const shift = (d: Date) => DateTime.fromJSDate(d, { zone }).plus({ days }).toUTC().toJSDate()
  const title = source.title
  const slug = await uniqueSlug(`${title} ${targetDay.year}`)
  return db.$transaction(async (tx) => {
    const copy = await tx.event.create({
      data: {
        ...newIdWithUid('event'),
        programmeId: source.programmeId,
        slug,
        title,
        subtitle: source.subtitle,
        description: source.description,
        startsAt: shift(source.startsAt),
        endsAt: shift(source.endsAt),
        timeZone: zone,
        venueName: source.venueName,
        venueAddress: source.venueAddress,
        venuePostcode: source.venuePostcode,
        venueCity: source.venueCity,
        latitude: source.latitude,
        longitude: source.longitude,
        onlineUrl: source.onlineUrl,
        capacity: source.capacity,
        registrationOpensAt: source.registrationOpensAt ? shift(source.registrationOpensAt) : null,
        registrationClosesAt: source.registrationClosesAt ? shift(source.registrationClosesAt) : null,
        visibility: source.visibility,
        requiresApproval: source.requiresApproval,
        language: source.language,
        status: 'draft',
        previousEditionId: source.id,
        hosts: { create: source.hosts.map((h) => ({ organisationId: h.organisationId, order: h.order })) },
        seatCounters: {
          create: source.seatCounters.map((s) => ({ organisationId: s.organisationId, quota: s.quota })),
        },
        questions: {
          create: source.questions.map((q) => ({
            label: q.label,
            labelEn: q.labelEn,
            type: q.type,
            options: q.options ?? undefined,
            required: q.required,
            order: q.order,
          })),
        },
      },
    })
    for (const item of source.agendaItems) {
      await tx.agendaItem.create({
        data: {
          ...newIdWithUid('agenda-item'),
          eventId: copy.id,
          kind: item.kind,
          title: item.title,
          description: item.description,
          startsAt: shift(item.startsAt),
          endsAt: shift(item.endsAt),
          room: item.room,
          order: item.order,
          actionLines: { create: item.actionLines.map((l) => ({ actionLineId: l.actionLineId })) },
          // Speakers are asked again for the new edition.
          participations: {
            create: item.participations.map((p) => ({
              speakerId: p.speakerId,
              role: p.role,
              order: p.order,
              status: 'invited',
            })),
          },
        },
      })
    }
    await audit(
      { actorUserId, action: 'event.copied', entity: 'Event', entityId: copy.id, details: { from: source.id } },
      tx,
    )
    return copy
  })
}

/** Choices for the event form. */
export async function eventFormOptions() {
  const [programmes, organisations] = await Promise.all([
    db.programme.findMany({ orderBy: [{ order: 'asc' }, { name: 'asc' }], select: { id: true, name: true } }),
    // Grouped and sorted by the form (ministries first, then by name as a Dutch list is sorted).
    db.organisation.findMany({ select: { id: true, name: true, sector: true } }),
  ])
  return { programmes, organisations }
}

const wall = (d: Date | null, zone: string, format: string) =>
  d ? DateTime.fromJSDate(d, { zone }).toFormat(format) : ''

/** The stored event as form values (wall-clock times in the event's zone). */
export async function eventFormDefaults(eventId: string) {
  const event = await db.event.findUnique({ where: { id: eventId }, include: { hosts: { orderBy: { order: 'asc' } } } })
  if (!event) return null
  const z = event.timeZone
  return {
    event,
    defaults: {
      programmeId: event.programmeId,
      title: event.title,
      subtitle: event.subtitle,
      description: event.description,
      date: wall(event.startsAt, z, 'yyyy-MM-dd'),
      startTime: wall(event.startsAt, z, 'HH:mm'),
      endTime: wall(event.endsAt, z, 'HH:mm'),
      venueName: event.venueName,
      venueAddress: event.venueAddress,
      venuePostcode: event.venuePostcode,
      venueCity: event.venueCity,
      onlineUrl: event.onlineUrl ?? '',
      capacity: event.capacity === null ? '' : String(event.capacity),
      opensDate: wall(event.registrationOpensAt, z, 'yyyy-MM-dd'),
      opensTime: wall(event.registrationOpensAt, z, 'HH:mm'),
      closesDate: wall(event.registrationClosesAt, z, 'yyyy-MM-dd'),
      closesTime: wall(event.registrationClosesAt, z, 'HH:mm'),
      visibility: event.visibility,
      requiresApproval: event.requiresApproval,
      language: event.language,
      hostIds: event.hosts.map((h) => h.organisationId),
    },
  }
}

/** The secretariat's view of one event. */
export async function getEventForSecretariat(eventId: string) {
  const [event, counts] = await Promise.all([eventWithAgenda(eventId), statusCounts([eventId])])
  return event ? { ...event, registrations: counts.get(eventId)! } : null
}

function eventWithAgenda(eventId: string) {
  return db.event.findUnique({
    where: { id: eventId },
    include: {
      programme: { select: { name: true, slug: true } },
      hosts: { orderBy: { order: 'asc' }, include: { organisation: { select: { name: true } } } },
      agendaItems: {
        orderBy: [{ order: 'asc' }, { startsAt: 'asc' }],
        include: {
          participations: {
            orderBy: { order: 'asc' },
            include: { speaker: { select: { id: true, name: true, honorific: true } } },
          },
        },
      },
    },
  })
}
