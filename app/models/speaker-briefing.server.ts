// The speaker briefing: one page per speaker per event with what they need on the day (arrival, address,
// room, slot, the others in the slot, the moderator, whom to call). The portal shows the speaker their own;
// the secretariat prints any speaker's and mails them to all speakers of an event as one batch.
import { ARRIVAL_MINUTES_BEFORE, arrivalTime, type SpeakerDayValues } from '~/domain/speaker-portal'
import type { Language } from '~/generated/prisma/enums'
import { createBatch, enqueue, prepareMail, type PreparedMail } from '~/mail/outbox.server'
import { db } from '~/utils/db.server'
import { getEnv, secretariat } from '~/utils/env.server'
import { audit } from './audit.server'
import { eventMailBase } from './event-mail.server'
import { displayName } from './event.server'
import { speakerContact } from './speaker-portal.server'

export type Briefing = NonNullable<Awaited<ReturnType<typeof getBriefing>>>

/** The briefing of one speaker for one event, or null when the event does not exist or the speaker has no part in it. */
export async function getBriefing(eventId: string, speakerId: string) {
  const [event, speaker] = await Promise.all([
    db.event.findUnique({ where: { id: eventId } }),
    db.speaker.findUnique({ where: { id: speakerId } }),
  ])
  if (!event || !speaker) return null
  const participations = await db.participation.findMany({
    where: { speakerId, status: { not: 'declined' }, agendaItem: { eventId } },
    include: {
      agendaItem: {
        include: {
          participations: {
            where: { status: { not: 'declined' } },
            include: { speaker: { select: { honorific: true, name: true } } },
            orderBy: [{ order: 'asc' }, { createdAt: 'asc' }],
          },
        },
      },
    },
    orderBy: { agendaItem: { startsAt: 'asc' } },
  })
  if (!participations.length) return null
  const slots = participations.map((p) => {
    const item = p.agendaItem
    const others = item.participations.filter((o) => o.speakerId !== speakerId)
    return {
      title: item.title,
      kind: item.kind,
      startsAt: item.startsAt,
      endsAt: item.endsAt,
      room: item.room,
      role: p.role,
      moderators: others.filter((o) => o.role === 'moderator').map((o) => displayName(o.speaker)),
      others: others.filter((o) => o.role !== 'moderator').map((o) => displayName(o.speaker)),
    }
  })
  return {
    event: {
      id: event.id,
      title: event.title,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      timeZone: event.timeZone,
      venueName: event.venueName,
      venueAddress: event.venueAddress,
      venuePostcode: event.venuePostcode,
      venueCity: event.venueCity,
    },
    speaker: {
      id: speaker.id,
      name: displayName(speaker),
      email: speaker.email,
      language: speaker.language,
      delegateName: speaker.delegateName,
    },
    arrivalAt: arrivalTime(slots[0]!.startsAt, event.startsAt, event.speakerArrivalMins ?? ARRIVAL_MINUTES_BEFORE),
    slots,
    contact: speakerContact(event),
  }
}

/** The speakers of an event who take part (not declined), with how many slots, for the secretariat's list. */
export async function briefingSpeakers(eventId: string) {
  const participations = await db.participation.findMany({
    where: { status: { not: 'declined' }, agendaItem: { eventId } },
    include: { speaker: { select: { id: true, honorific: true, name: true, email: true } } },
    orderBy: { agendaItem: { startsAt: 'asc' } },
  })
  const bySpeaker = new Map<string, { id: string; name: string; email: string | null; slots: number }>()
  for (const p of participations) {
    const entry = bySpeaker.get(p.speakerId) ?? {
      id: p.speaker.id,
      name: displayName(p.speaker),
      email: p.speaker.email,
      slots: 0,
    }
    entry.slots++
    bySpeaker.set(p.speakerId, entry)
  }
  return [...bySpeaker.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'))
}

/** Mails every taking-part speaker with an address their briefing, in their own language, as one batch. */
export async function mailBriefings(
  eventId: string,
  actorUserId: string,
): Promise<{ kind: 'queued'; batchId: string; count: number } | { kind: 'nobody' } | { kind: 'not-found' }> {
  const event = await db.event.findUnique({ where: { id: eventId } })
  if (!event) return { kind: 'not-found' }
  const speakers = (await briefingSpeakers(eventId)).filter((s) => s.email)
  if (!speakers.length) return { kind: 'nobody' }
  const mails: Array<{ mail: PreparedMail; speakerId: string }> = []
  for (const s of speakers) {
    const briefing = await getBriefing(eventId, s.id)
    if (!briefing?.speaker.email) continue
    const lang: Language = briefing.speaker.language
    const mail = await prepareMail('speaker-briefing', {
      to: briefing.speaker.email,
      toName: briefing.speaker.name,
      language: lang,
      props: {
        ...(await eventMailBase(event, lang)),
        speakerName: briefing.speaker.name,
        arrivalAt: briefing.arrivalAt.toISOString(),
        slots: briefing.slots.map((slot) => ({
          title: slot.title,
          startsAt: slot.startsAt.toISOString(),
          endsAt: slot.endsAt.toISOString(),
          room: slot.room,
          role: slot.role,
          moderators: slot.moderators,
          others: slot.others,
        })),
        contact: briefing.contact,
      },
    })
    mails.push({ mail, speakerId: s.id })
  }
  const batch = await createBatch({ kind: 'speaker-briefing', eventId, createdById: actorUserId, total: mails.length })
  await db.$transaction(async (tx) => {
    await enqueue(
      mails.map(({ mail, speakerId }) => ({
        ...mail,
        idempotencyKey: `speaker-briefing:${batch.id}:${speakerId}`,
        batchId: batch.id,
        eventId,
      })),
      tx,
    )
    await audit(
      {
        actorUserId,
        action: 'event.briefings-mailed',
        entity: 'Event',
        entityId: eventId,
        details: { batchId: batch.id, count: mails.length },
      },
      tx,
    )
  })
  return { kind: 'queued', batchId: batch.id, count: mails.length }
}

// ─── The day itself: contact and arrival, per event ─────────────────────────────────────────────────────────

/** What the secretariat set for the day (null: the default) and what the briefing shows now. */
export async function getSpeakerDay(eventId: string) {
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: { speakerContactName: true, speakerContactPhone: true, speakerArrivalMins: true },
  })
  if (!event) return null
  const env = getEnv()
  return {
    stored: event,
    defaults: {
      name: env.SPEAKER_CONTACT_NAME || secretariat().name,
      phone: env.SPEAKER_CONTACT_PHONE,
      minutes: ARRIVAL_MINUTES_BEFORE,
    },
    shown: {
      ...speakerContact(event),
      minutes: event.speakerArrivalMins ?? ARRIVAL_MINUTES_BEFORE,
      minutesIsDefault: event.speakerArrivalMins === null,
    },
  }
}

/** Saves the contact and arrival for the event's briefings; an empty field goes back to the default. */
export async function saveSpeakerDay(
  eventId: string,
  values: Omit<SpeakerDayValues, 'intent'>,
  actorUserId: string,
): Promise<{ kind: 'saved' } | { kind: 'not-found' }> {
  const data = {
    speakerContactName: values.speakerContactName ?? null,
    speakerContactPhone: values.speakerContactPhone ?? null,
    speakerArrivalMins: values.speakerArrivalMins ?? null,
  }
  const saved = await db.$transaction(async (tx) => {
    const result = await tx.event.updateMany({ where: { id: eventId }, data })
    if (result.count !== 1) return false
    // Which fields are set, not their values: a contact's name and number stay out of the audit trail.
    const set = Object.entries(data)
      .filter(([, value]) => value !== null)
      .map(([field]) => field)
    await audit({ actorUserId, action: 'event.speaker-day', entity: 'Event', entityId: eventId, details: { set } }, tx)
    return true
  })
  return saved ? { kind: 'saved' } : { kind: 'not-found' }
}
