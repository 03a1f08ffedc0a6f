// The speaker's portal behind a personal speaker link (/spreker/<linkId>): slots and answers, profile, photo
// and consents, and statements through the state machine of app/domain/statement.ts. Every function takes
// the actor of the link and looks rows up through the speaker (and the link's event), never by id alone: a
// speaker's link cannot reach another speaker's rows by changing an id. Steps claim the state they start from
// with a conditional update, so two people (the speaker and the delegate) acting at once cannot both move it.
// What a delegate's link does is recorded as done by the delegate on behalf of the speaker.
import type { SpeakerPortalProfile } from '~/domain/speaker-portal'
import {
  availableActions,
  normaliseStatementText,
  speakerMayEdit,
  transition,
  type ActorKind,
  type TransitionRefusal,
} from '~/domain/statement'
import type { Language } from '~/generated/prisma/enums'
import { enqueue, prepareMail } from '~/mail/outbox.server'
import { db } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import type { AuditAction } from '~/domain/audit'
import { audit } from './audit.server'
import { appUrl, secretariat } from '~/utils/env.server'
import { statementIdsInPublishedReports } from './report.server'
import { eventMailBase } from './event-mail.server'
import { displayName } from './event.server'
import { createPersonalLink, revokePersonalLinks } from './personal-link.server'
import { storeSpeakerPhoto, type PhotoInvalidReason } from './photo.server'

/** Who acts through a speaker link: the speaker, or their delegate (a link with `delegate` set). */
export type PortalActor = {
  speakerId: string
  /** The event the link was sent for; null for a link that covers all the speaker's events. */
  eventId: string | null
  linkId: string
  delegate: boolean
  /** The delegate's name as the secretariat entered it (empty when unknown). */
  delegateName: string
}

/** The actor behind a link session, or null when the link's speaker no longer exists. */
export async function portalActor(session: {
  subjectId: string
  eventId: string | null
  linkId: string
}): Promise<PortalActor | null> {
  const [link, speaker] = await Promise.all([
    db.personalLink.findUnique({ where: { id: session.linkId }, select: { delegate: true, kind: true } }),
    db.speaker.findUnique({ where: { id: session.subjectId }, select: { id: true, delegateName: true } }),
  ])
  if (!link || link.kind !== 'speaker' || !speaker) return null
  return {
    speakerId: speaker.id,
    eventId: session.eventId,
    linkId: session.linkId,
    delegate: link.delegate,
    delegateName: speaker.delegateName ?? '',
  }
}

function actorKind(actor: PortalActor): Extract<ActorKind, 'speaker' | 'delegate'> {
  return actor.delegate ? 'delegate' : 'speaker'
}

/** As stored in Statement.authorisedBy and withdrawnBy: "speaker", or "delegate: <name>". */
function actorLabel(actor: PortalActor) {
  return actor.delegate ? `delegate: ${actor.delegateName}`.trim() : 'speaker'
}

const eventScope = (actor: PortalActor) => (actor.eventId ? { eventId: actor.eventId } : {})

// ─── The page ─────────────────────────────────────────────────────────────────────────────────────────────

const roleOrder = { host: 0, moderator: 1, speaker: 2, panelist: 3 } as const

export async function getPortal(actor: PortalActor, now = new Date()) {
  const speaker = await db.speaker.findUnique({
    where: { id: actor.speakerId },
    include: { organisation: { select: { name: true } } },
  })
  if (!speaker) return null
  const participations = await db.participation.findMany({
    where: { speakerId: speaker.id, agendaItem: eventScope(actor) },
    include: {
      agendaItem: {
        include: {
          event: true,
          participations: {
            include: { speaker: { select: { honorific: true, name: true, function: true } } },
            orderBy: [{ order: 'asc' }, { createdAt: 'asc' }],
          },
        },
      },
    },
    orderBy: { agendaItem: { startsAt: 'asc' } },
  })
  const eventIds = new Set(participations.map((p) => p.agendaItem.eventId))
  if (actor.eventId) eventIds.add(actor.eventId)
  const events = await db.event.findMany({ where: { id: { in: [...eventIds] } }, orderBy: { startsAt: 'asc' } })
  const statements = await db.statement.findMany({
    where: { speakerId: speaker.id, ...eventScope(actor) },
    include: { versions: { orderBy: { createdAt: 'asc' } }, agendaItem: { select: { title: true } } },
    orderBy: [{ createdAt: 'asc' }],
  })
  const published = await statementIdsInPublishedReports([...eventIds])
  const kind = actorKind(actor)
  // The link's own event, else the first: a portal across events names one contact.
  const contact = speakerContact(events.find((e) => e.id === actor.eventId) ?? events[0])
  return {
    actor: { delegate: actor.delegate, delegateName: actor.delegateName },
    speaker: {
      name: displayName(speaker),
      honorific: speaker.honorific,
      plainName: speaker.name,
      function: speaker.function,
      organisation: speaker.organisation?.name ?? '',
      attribution: speaker.attribution,
      bio: speaker.bio,
      language: speaker.language,
      photoSrc: speaker.photoPath ? `/media/${speaker.photoPath}` : null,
      photoCredit: speaker.photoCredit ?? '',
      consentPublishName: speaker.consentPublishName,
      consentPublishPhoto: speaker.consentPublishPhoto,
      consentPublishQuotes: speaker.consentPublishQuotes,
    },
    contact,
    events: events.map((e) => ({
      id: e.id,
      title: e.title,
      slug: e.slug,
      status: e.status,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      timeZone: e.timeZone,
      venue: venueOf(e),
      over: e.endsAt <= now,
    })),
    slots: participations.map((p) => {
      const item = p.agendaItem
      const others = item.participations
        .filter((o) => o.speakerId !== speaker.id && o.status !== 'declined')
        .sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.order - b.order)
        .map((o) => ({ name: displayName(o.speaker), function: o.speaker.function, role: o.role }))
      return {
        participationId: p.id,
        eventId: item.eventId,
        role: p.role,
        status: p.status,
        responseMessage: p.responseMessage,
        respondedAt: p.respondedAt,
        item: {
          id: item.id,
          title: item.title,
          kind: item.kind,
          startsAt: item.startsAt,
          endsAt: item.endsAt,
          room: item.room,
        },
        others,
        mayAnswer: item.event.status !== 'cancelled' && item.event.endsAt > now,
      }
    }),
    statements: statements.map((s) => {
      const inPublishedReport = published.has(s.id)
      const own = [...s.versions].reverse().find((v) => v.authorKind !== 'secretariat') ?? null
      const proposed =
        s.status === 'awaiting_authorisation' ? (s.versions.find((v) => v.id === s.proposedVersionId) ?? null) : null
      const authorised = s.versions.find((v) => v.id === s.authorisedVersionId) ?? null
      const latest = s.versions[s.versions.length - 1] ?? null
      const actions = availableActions(s.status, kind, { inPublishedReport })
      return {
        id: s.id,
        eventId: s.eventId,
        status: s.status,
        agendaItemTitle: s.agendaItem?.title ?? null,
        prompt: s.prompt,
        deadline: s.deadline,
        embargoUntil: s.embargoUntil,
        reviewComment: s.status === 'changes_requested' ? s.reviewComment : '',
        authorisedAt: s.authorisedAt,
        authorisedBy: s.authorisedBy,
        withdrawnAt: s.withdrawnAt,
        withdrawalRequestedAt: s.withdrawalRequestedAt,
        inPublishedReport,
        /** The text the speaker side wrote last: the edit form starts from it. */
        own: own ? { id: own.id, text: own.text, language: own.language } : null,
        proposed: proposed ? { id: proposed.id, text: proposed.text, language: proposed.language } : null,
        authorised: authorised ? { id: authorised.id, text: authorised.text, language: authorised.language } : null,
        latestText: latest?.text ?? '',
        versions: s.versions.map((v) => ({
          id: v.id,
          text: v.text,
          language: v.language,
          authorKind: v.authorKind,
          authorName: v.authorName,
          note: v.note,
          createdAt: v.createdAt,
        })),
        mayEdit: speakerMayEdit(s.status),
        mayReturn: s.status === 'awaiting_authorisation',
        mayAuthorise: actions.includes('authorise') && proposed !== null,
        mayWithdraw: actions.includes('withdraw'),
        mayRequestWithdrawal: inPublishedReport && s.status !== 'withdrawn' && !s.withdrawalRequestedAt,
      }
    }),
    /** Agenda items a new statement may belong to: the speaker's own, in the link's event. */
    statementItems: participations
      .filter((p) => !actor.eventId || p.agendaItem.eventId === actor.eventId)
      .map((p) => ({ id: p.agendaItem.id, title: p.agendaItem.title })),
    mayAddStatement: Boolean(actor.eventId),
  }
}

export type Portal = NonNullable<Awaited<ReturnType<typeof getPortal>>>

type VenueFields = {
  venueName: string
  venueAddress: string
  venuePostcode: string
  venueCity: string
  latitude: number | null
  longitude: number | null
  onlineUrl: string | null
}

function venueOf(e: VenueFields) {
  const hasPlace = Boolean(e.venueName || e.venueAddress || e.venueCity)
  const query = [e.venueAddress, e.venuePostcode, e.venueCity].filter(Boolean).join(' ')
  const mapUrl =
    e.latitude !== null && e.longitude !== null
      ? `https://www.openstreetmap.org/?mlat=${e.latitude}&mlon=${e.longitude}#map=18/${e.latitude}/${e.longitude}`
      : query
        ? `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`
        : null
  return {
    name: e.venueName,
    address: e.venueAddress,
    postcode: e.venuePostcode,
    city: e.venueCity,
    mapUrl: hasPlace ? mapUrl : null,
    onlineUrl: e.onlineUrl,
  }
}

/**
 * Whom a speaker calls on the day: the contact person and phone the secretariat set for the event, else those
 * from the configuration (SPEAKER_CONTACT_NAME/_PHONE), and the secretariat's address that mail comes from.
 */
export function speakerContact(
  event?: { speakerContactName: string | null; speakerContactPhone: string | null } | null,
) {
  const from = secretariat()
  return {
    name: event?.speakerContactName || getEnv().SPEAKER_CONTACT_NAME || from.name,
    phone: event?.speakerContactPhone || getEnv().SPEAKER_CONTACT_PHONE,
    email: from.email,
  }
}

// ─── Answers ──────────────────────────────────────────────────────────────────────────────────────────────

export type RespondOutcome = { kind: 'saved'; status: 'confirmed' | 'declined' } | { kind: 'not-found' | 'closed' }

/** Confirms or declines one participation, with an optional message; the secretariat is mailed. */
export async function respondToParticipation(
  actor: PortalActor,
  input: { participationId: string; answer: 'confirm' | 'decline'; message: string },
  now = new Date(),
): Promise<RespondOutcome> {
  const participation = await db.participation.findFirst({
    where: { id: input.participationId, speakerId: actor.speakerId, agendaItem: eventScope(actor) },
    include: { agendaItem: { include: { event: true } }, speaker: true },
  })
  if (!participation) return { kind: 'not-found' }
  const { event } = participation.agendaItem
  if (event.status === 'cancelled' || event.endsAt <= now) return { kind: 'closed' }
  const status = input.answer === 'confirm' ? 'confirmed' : 'declined'
  const base = await eventMailBase(event, 'nl')
  const mail = await prepareMail('speaker-notice', {
    to: secretariat().email,
    toName: secretariat().name,
    language: 'nl',
    props: {
      ...base,
      speakerName: displayName(participation.speaker),
      byDelegate: actor.delegate ? actor.delegateName || true : undefined,
      notice: { kind: status, itemTitle: participation.agendaItem.title, message: input.message },
      adminUrl: appUrl(`/beheer/bijeenkomsten/${event.id}/programma/${participation.agendaItemId}`),
    },
  })
  await db.$transaction(async (tx) => {
    await tx.participation.update({
      where: { id: participation.id },
      data: { status, respondedAt: now, responseMessage: input.message },
    })
    await enqueue(
      [{ ...mail, idempotencyKey: `speaker-notice:${participation.id}:${status}:${now.getTime()}`, eventId: event.id }],
      tx,
    )
    await audit(
      {
        actorLabel: actorKind(actor),
        action: `participation.${status}`,
        entity: 'Participation',
        entityId: participation.id,
        details: { linkId: actor.linkId },
      },
      tx,
    )
  })
  return { kind: 'saved', status }
}

// ─── Profile ──────────────────────────────────────────────────────────────────────────────────────────────

export type ProfileOutcome = { kind: 'saved' } | { kind: 'not-found' } | { kind: 'photo'; reason: PhotoInvalidReason }

/** Saves what a speaker keeps up to date themselves. A bad photo saves nothing. */
export async function updateSpeakerProfile(
  actor: PortalActor,
  values: SpeakerPortalProfile,
  photo: { bytes: Uint8Array; type: string; name: string } | null,
): Promise<ProfileOutcome> {
  const exists = await db.speaker.findUnique({ where: { id: actor.speakerId }, select: { id: true } })
  if (!exists) return { kind: 'not-found' }
  let photoPath: string | null | undefined = values.removePhoto ? null : undefined
  if (photo) {
    const stored = await storeSpeakerPhoto({ bytes: photo.bytes, declaredType: photo.type, fileName: photo.name })
    if (stored.kind === 'invalid') return { kind: 'photo', reason: stored.reason }
    photoPath = stored.path
  }
  await db.$transaction(async (tx) => {
    await tx.speaker.update({
      where: { id: actor.speakerId },
      data: {
        honorific: values.honorific,
        name: values.name,
        function: values.function,
        attribution: values.attribution,
        bio: values.bio,
        language: values.language,
        photoCredit: values.photoCredit || null,
        consentPublishName: values.consentPublishName,
        consentPublishPhoto: values.consentPublishPhoto,
        consentPublishQuotes: values.consentPublishQuotes,
        ...(photoPath !== undefined ? { photoPath } : {}),
      },
    })
    await audit(
      {
        actorLabel: actorKind(actor),
        action: 'speaker.profile-changed',
        entity: 'Speaker',
        entityId: actor.speakerId,
        details: { linkId: actor.linkId, photo: photo ? 'replaced' : values.removePhoto ? 'removed' : 'kept' },
      },
      tx,
    )
  })
  return { kind: 'saved' }
}

// ─── Statements ───────────────────────────────────────────────────────────────────────────────────────────

export type StatementRefusal = 'not-found' | TransitionRefusal | 'stale'
export type StatementOutcome<K extends string> = { kind: K; statementId: string } | { kind: StatementRefusal }

async function ownStatement(actor: PortalActor, statementId: string) {
  return db.statement.findFirst({
    where: { id: statementId, speakerId: actor.speakerId, ...eventScope(actor) },
    include: { event: true, speaker: true },
  })
}

/**
 * A new statement (no `statementId`: for the link's event, optionally on one of the speaker's own agenda
 * items), or a new version of one: an edit while the speaker may still edit, or the speaker's answer to a
 * proposal (it goes back to the secretariat as submitted). Every version is kept.
 */
export async function submitStatement(
  actor: PortalActor,
  input: { statementId?: string; agendaItemId?: string; text: string; language: Language },
  now = new Date(),
): Promise<StatementOutcome<'submitted'>> {
  const text = normaliseStatementText(input.text)
  const version = {
    text,
    language: input.language,
    authorKind: actorKind(actor),
    authorName: actor.delegate ? actor.delegateName : '',
    createdAt: now,
  }
  if (!input.statementId) {
    if (!actor.eventId) return { kind: 'not-found' }
    const eventId = actor.eventId
    if (input.agendaItemId) {
      const own = await db.participation.findFirst({
        where: { speakerId: actor.speakerId, agendaItemId: input.agendaItemId, agendaItem: { eventId } },
        select: { id: true },
      })
      if (!own) return { kind: 'not-found' }
    }
    const created = await db.$transaction(async (tx) => {
      const statement = await tx.statement.create({
        data: {
          eventId,
          speakerId: actor.speakerId,
          agendaItemId: input.agendaItemId ?? null,
          status: 'submitted',
          versions: { create: version },
        },
      })
      await audit(statementAudit(actor, 'statement.submitted', statement.id), tx)
      return statement
    })
    return { kind: 'submitted', statementId: created.id }
  }
  const statement = await ownStatement(actor, input.statementId)
  if (!statement) return { kind: 'not-found' }
  const step = transition(statement.status, 'submit', actorKind(actor))
  if (!step.ok) return { kind: step.refusal }
  const moved = await db.$transaction(async (tx) => {
    const claimed = await tx.statement.updateMany({
      where: { id: statement.id, status: statement.status, proposedVersionId: statement.proposedVersionId },
      data: { status: step.to, proposedVersionId: null, updatedAt: now },
    })
    if (claimed.count !== 1) return false
    await tx.statementVersion.create({ data: { ...version, statementId: statement.id } })
    await audit(statementAudit(actor, 'statement.submitted', statement.id), tx)
    return true
  })
  return moved ? { kind: 'submitted', statementId: statement.id } : { kind: 'stale' }
}

/**
 * Authorises the proposed wording. `versionId` is the proposal the speaker read: when the secretariat has
 * proposed another wording since, nothing is authorised ('stale'), so no one authorises a text they did not see.
 */
export async function authoriseStatement(
  actor: PortalActor,
  input: { statementId: string; versionId: string },
  now = new Date(),
): Promise<StatementOutcome<'authorised'>> {
  const statement = await ownStatement(actor, input.statementId)
  if (!statement) return { kind: 'not-found' }
  const step = transition(statement.status, 'authorise', actorKind(actor))
  if (!step.ok) return { kind: step.refusal }
  if (statement.proposedVersionId !== input.versionId) return { kind: 'stale' }
  const version = await db.statementVersion.findFirst({ where: { id: input.versionId, statementId: statement.id } })
  if (!version) return { kind: 'stale' }
  const authorisedBy = actorLabel(actor)
  const lang = statement.speaker.language
  const to = actor.delegate ? statement.speaker.delegateEmail : statement.speaker.email
  const mail = to
    ? await prepareMail('statement-authorised', {
        to,
        toName: actor.delegate ? actor.delegateName : displayName(statement.speaker),
        language: lang,
        props: {
          ...(await eventMailBase(statement.event, lang)),
          speakerName: displayName(statement.speaker),
          delegateName: actor.delegate ? actor.delegateName || undefined : undefined,
          text: version.text,
          authorisedBy: actor.delegate
            ? `${actor.delegateName} (${lang === 'nl' ? 'namens' : 'on behalf of'} ${displayName(statement.speaker)})`
            : displayName(statement.speaker),
          authorisedAt: now.toISOString(),
        },
      })
    : null
  const done = await db.$transaction(async (tx) => {
    const claimed = await tx.statement.updateMany({
      where: { id: statement.id, status: 'awaiting_authorisation', proposedVersionId: version.id },
      data: {
        status: step.to,
        authorisedVersionId: version.id,
        authorisedAt: now,
        authorisedBy,
        authorisedLinkId: actor.linkId,
      },
    })
    if (claimed.count !== 1) return false
    if (mail)
      await enqueue(
        [{ ...mail, idempotencyKey: `statement-authorised:${statement.id}`, eventId: statement.eventId }],
        tx,
      )
    await audit(statementAudit(actor, 'statement.authorised', statement.id, { versionId: version.id }), tx)
    return true
  })
  return done ? { kind: 'authorised', statementId: statement.id } : { kind: 'stale' }
}

/**
 * Withdraws a statement; once a published report holds it, asks the secretariat instead (it decides, and the
 * request is recorded and mailed).
 */
export async function withdrawStatement(
  actor: PortalActor,
  input: { statementId: string },
  now = new Date(),
): Promise<StatementOutcome<'withdrawn' | 'withdrawal-requested'>> {
  const statement = await ownStatement(actor, input.statementId)
  if (!statement) return { kind: 'not-found' }
  const inPublishedReport = (await statementIdsInPublishedReports([statement.eventId])).has(statement.id)
  const step = transition(statement.status, 'withdraw', actorKind(actor), { inPublishedReport })
  if (!step.ok && step.refusal === 'published') {
    if (statement.withdrawalRequestedAt) return { kind: 'withdrawal-requested', statementId: statement.id }
    const mail = await prepareMail('speaker-notice', {
      to: secretariat().email,
      toName: secretariat().name,
      language: 'nl',
      props: {
        ...(await eventMailBase(statement.event, 'nl')),
        speakerName: displayName(statement.speaker),
        byDelegate: actor.delegate ? actor.delegateName || true : undefined,
        notice: { kind: 'withdrawal-requested' },
        adminUrl: appUrl(`/beheer/bijeenkomsten/${statement.eventId}/citaten`),
      },
    })
    await db.$transaction(async (tx) => {
      const claimed = await tx.statement.updateMany({
        where: { id: statement.id, withdrawalRequestedAt: null },
        data: { withdrawalRequestedAt: now },
      })
      if (claimed.count !== 1) return
      await enqueue(
        [{ ...mail, idempotencyKey: `withdrawal-requested:${statement.id}`, eventId: statement.eventId }],
        tx,
      )
      await audit(statementAudit(actor, 'statement.withdrawal-requested', statement.id), tx)
    })
    return { kind: 'withdrawal-requested', statementId: statement.id }
  }
  if (!step.ok) return { kind: step.refusal }
  const done = await db.$transaction(async (tx) => {
    const claimed = await tx.statement.updateMany({
      where: { id: statement.id, status: statement.status },
      data: { status: step.to, withdrawnAt: now, withdrawnBy: actorLabel(actor) },
    })
    if (claimed.count !== 1) return false
    await audit(statementAudit(actor, 'statement.withdrawn', statement.id), tx)
    return true
  })
  return done ? { kind: 'withdrawn', statementId: statement.id } : { kind: 'stale' }
}

function statementAudit(
  actor: PortalActor,
  action: AuditAction,
  statementId: string,
  extra: Record<string, string> = {},
) {
  return {
    actorLabel: actorKind(actor),
    action,
    entity: 'Statement' as const,
    entityId: statementId,
    details: { linkId: actor.linkId, ...extra },
  }
}

// ─── Calendar feed ────────────────────────────────────────────────────────────────────────────────────────

/**
 * A fresh read-only feed link for the speaker's slots (`/spreker/<token>/agenda.ics`); an earlier one stops
 * working. It lives as long as the speaker link it was made from. The token is shown once and not stored.
 */
export async function createSpeakerFeedLink(
  actor: PortalActor,
): Promise<{ kind: 'created'; url: string } | { kind: 'not-found' }> {
  const link = await db.personalLink.findUnique({ where: { id: actor.linkId }, select: { expiresAt: true } })
  if (!link) return { kind: 'not-found' }
  const token = await db.$transaction(async (tx) => {
    await revokePersonalLinks('speaker_feed', actor.speakerId, tx)
    await audit(
      {
        actorLabel: actorKind(actor),
        action: 'speaker.feed-link-created',
        entity: 'Speaker',
        entityId: actor.speakerId,
        details: { linkId: actor.linkId },
      },
      tx,
    )
    return createPersonalLink(
      { kind: 'speaker_feed', subjectId: actor.speakerId, eventId: actor.eventId, expiresAt: link.expiresAt },
      tx,
    )
  })
  return { kind: 'created', url: appUrl(`/spreker/${token}/agenda.ics`) }
}
