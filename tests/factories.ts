// Factories for the seed and the tests: the same functions build the 4 December event in
// `npm run db:seed` and the fixtures of every test. Each takes the Prisma client to write with.
import { randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import type { Db } from '~/utils/db.server'
import type {
  AgendaItemKind,
  EventStatus,
  EventVisibility,
  Language,
  ParticipationRole,
  Role,
  Sector,
} from '~/generated/prisma/enums'
import { zonedToUtc } from '~/domain/format'
import { newIdWithUid } from '~/utils/ids.server'
import { hashPassword } from '~/utils/password.server'

const unique = () => randomBytes(4).toString('hex')

/** Wall-clock time in a zone → UTC Date. */
export function at(date: string, time: string, zone = 'Europe/Amsterdam') {
  const instant = zonedToUtc(date, time, zone)
  if (!instant) throw new Error(`invalid date ${date} ${time}`)
  return instant
}

export async function createUser(
  db: Db,
  input: Partial<{ email: string; name: string; password: string; role: Role; language: Language }> = {},
) {
  const password = input.password ?? `pw-${unique()}-${unique()}`
  const user = await db.user.create({
    data: {
      email: (input.email ?? `user-${unique()}@example.org`).toLowerCase(),
      name: input.name ?? 'Test Gebruiker',
      role: input.role ?? 'organiser',
      language: input.language ?? 'nl',
      passwordHash: await hashPassword(password),
    },
  })
  return { user, password }
}

export function createProgramme(
  db: Db,
  input: Partial<{ slug: string; name: string; nameEn: string; description: string; descriptionEn: string }> = {},
) {
  const id = unique()
  return db.programme.create({
    data: {
      slug: input.slug ?? `programma-${id}`,
      name: input.name ?? `Programma ${id}`,
      nameEn: input.nameEn,
      description: input.description ?? '',
      descriptionEn: input.descriptionEn,
    },
  })
}

export function createActionLine(
  db: Db,
  programmeId: string,
  input: { code: string; title: string; titleEn?: string; description?: string; order?: number },
) {
  return db.actionLine.create({ data: { programmeId, ...input, description: input.description ?? '' } })
}

export function createOrganisation(
  db: Db,
  input: Partial<{ name: string; shortName: string; sector: Sector; seatQuota: number | null }> = {},
) {
  return db.organisation.create({
    data: {
      name: input.name ?? `Organisatie ${unique()}`,
      shortName: input.shortName,
      sector: input.sector ?? 'overig',
      seatQuota: input.seatQuota ?? null,
    },
  })
}

export function createContact(
  db: Db,
  organisationId: string,
  input: Partial<{ name: string; email: string; function: string; language: Language }> = {},
) {
  return db.contact.create({
    data: {
      organisationId,
      name: input.name ?? 'Test Contact',
      email: (input.email ?? `contact-${unique()}@example.org`).toLowerCase(),
      function: input.function ?? '',
      language: input.language ?? 'nl',
    },
  })
}

export type EventInput = Partial<{
  slug: string
  title: string
  subtitle: string
  description: string
  date: string
  startTime: string
  endTime: string
  startsAt: Date
  endsAt: Date
  timeZone: string
  venueName: string
  venueAddress: string
  venuePostcode: string
  venueCity: string
  latitude: number
  longitude: number
  capacity: number | null
  status: EventStatus
  visibility: EventVisibility
  requiresApproval: boolean
  language: Language
  registrationOpensAt: Date
  registrationClosesAt: Date
  hostIds: string[]
}>

export async function createEvent(db: Db, programmeId: string, input: EventInput = {}) {
  const zone = input.timeZone ?? 'Europe/Amsterdam'
  const date = input.date ?? DateTime.now().setZone(zone).plus({ days: 30 }).toFormat('yyyy-MM-dd')
  const id = unique()
  return db.event.create({
    data: {
      programmeId,
      slug: input.slug ?? `bijeenkomst-${id}`,
      title: input.title ?? `Bijeenkomst ${id}`,
      subtitle: input.subtitle ?? '',
      description: input.description ?? '',
      startsAt: input.startsAt ?? at(date, input.startTime ?? '14:00', zone),
      endsAt: input.endsAt ?? at(date, input.endTime ?? '17:00', zone),
      timeZone: zone,
      venueName: input.venueName ?? '',
      venueAddress: input.venueAddress ?? '',
      venuePostcode: input.venuePostcode ?? '',
      venueCity: input.venueCity ?? '',
      latitude: input.latitude,
      longitude: input.longitude,
      capacity: input.capacity === undefined ? 100 : input.capacity,
      status: input.status ?? 'published',
      visibility: input.visibility ?? 'invite_only',
      requiresApproval: input.requiresApproval ?? false,
      language: input.language ?? 'nl',
      registrationOpensAt: input.registrationOpensAt,
      registrationClosesAt: input.registrationClosesAt,
      ...newIdWithUid('event'),
      hosts: input.hostIds?.length
        ? { create: input.hostIds.map((organisationId, order) => ({ organisationId, order })) }
        : undefined,
    },
  })
}

export function createAgendaItem(
  db: Db,
  event: { id: string; timeZone: string },
  input: {
    date: string
    start: string
    end: string
    title: string
    kind?: AgendaItemKind
    description?: string
    room?: string
    order?: number
    actionLineIds?: string[]
  },
) {
  return db.agendaItem.create({
    data: {
      eventId: event.id,
      kind: input.kind ?? 'other',
      title: input.title,
      description: input.description ?? '',
      room: input.room ?? '',
      order: input.order ?? 0,
      startsAt: at(input.date, input.start, event.timeZone),
      endsAt: at(input.date, input.end, event.timeZone),
      ...newIdWithUid('agenda-item'),
      actionLines: input.actionLineIds?.length
        ? { create: input.actionLineIds.map((actionLineId) => ({ actionLineId })) }
        : undefined,
    },
  })
}

export type SpeakerInput = Partial<{
  honorific: string
  name: string
  function: string
  organisationId: string | null
  attribution: string
  bio: string
  email: string | null
  photoCredit: string | null
  delegateName: string | null
  delegateEmail: string | null
  consentPublishName: boolean
  consentPublishPhoto: boolean
  consentPublishQuotes: boolean
}>

export function createSpeaker(db: Db, input: SpeakerInput = {}) {
  return db.speaker.create({
    data: {
      honorific: input.honorific ?? '',
      name: input.name ?? `Spreker ${unique()}`,
      function: input.function ?? '',
      organisationId: input.organisationId ?? null,
      attribution: input.attribution ?? '',
      bio: input.bio ?? '',
      email: input.email === undefined ? `spreker-${unique()}@example.org` : input.email,
      photoCredit: input.photoCredit ?? null,
      delegateName: input.delegateName ?? null,
      delegateEmail: input.delegateEmail ?? null,
      consentPublishName: input.consentPublishName ?? true,
      consentPublishPhoto: input.consentPublishPhoto ?? false,
      consentPublishQuotes: input.consentPublishQuotes ?? false,
    },
  })
}

export function addParticipation(
  db: Db,
  input: { agendaItemId: string; speakerId: string; role?: ParticipationRole; order?: number; confirmed?: boolean },
) {
  return db.participation.create({
    data: {
      agendaItemId: input.agendaItemId,
      speakerId: input.speakerId,
      role: input.role ?? 'speaker',
      order: input.order ?? 0,
      status: input.confirmed ? 'confirmed' : 'invited',
      respondedAt: input.confirmed ? new Date() : null,
    },
  })
}

/** A statement with its text, authorised by the speaker (or still requested when no text is given). */
export async function createStatement(
  db: Db,
  input: {
    eventId: string
    speakerId: string
    agendaItemId?: string
    text?: string
    authorisedBy?: string
    order?: number
  },
) {
  const statement = await db.statement.create({
    data: {
      eventId: input.eventId,
      speakerId: input.speakerId,
      agendaItemId: input.agendaItemId ?? null,
      status: 'requested',
      order: input.order ?? 0,
    },
  })
  if (input.text === undefined) return statement
  const version = await db.statementVersion.create({
    data: { statementId: statement.id, text: input.text, authorKind: 'speaker', language: 'nl' },
  })
  if (!input.authorisedBy) {
    return db.statement.update({ where: { id: statement.id }, data: { status: 'submitted' } })
  }
  return db.statement.update({
    where: { id: statement.id },
    data: {
      status: 'authorised',
      authorisedVersionId: version.id,
      authorisedAt: new Date(),
      authorisedBy: input.authorisedBy,
    },
  })
}
