// Speaker invitations: the secretariat invites a speaker for an event (and optionally the speaker's delegate),
// each with their own personal link `/spreker/:token` (kind `speaker`, subject = the speaker, eventId = the
// event; a delegate's link has `delegate` set). Each of the speaker's slots gets a mail with a calendar REQUEST
// (the speaker as ATTENDEE); Participation.calendarSequence remembers the SEQUENCE sent, so a later move of the
// slot sends an update (SEQUENCE+1) and a removal or a revoked invitation sends a CANCEL.
//
// Mails are rendered before the transaction (a render costs ~25 ms; SQLite has one writer), and written in the
// same transaction as the change that causes them (the outbox rule).
import type { Event } from '~/generated/prisma/client'
import { buildCancel, buildRequest } from '~/domain/calendar'
import { enqueue, prepareMail, type PreparedMail } from '~/mail/outbox.server'
import type { Db } from '~/utils/db.server'
import { db } from '~/utils/db.server'
import { randomToken } from '~/utils/tokens.server'
import { agendaItemToCalendarItem } from '~/domain/calendar'
import { itemsFollowingEventDay, shiftedItems } from '~/domain/agenda'
import { appUrl, getEnv, secretariat } from '~/utils/env.server'
import { audit } from './audit.server'
import { eventMailBase } from './event-mail.server'
import { displayName } from './event.server'
import { createPersonalLink } from './personal-link.server'
import { speakerNameSelect } from './selects.server'

type Tx = Omit<Db, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>

/** Speaker links last well past the event: statements are asked for, reviewed and authorised afterwards. */
const SPEAKER_LINK_DAYS_AFTER_EVENT = 90

export function speakerLinkExpiry(event: { endsAt: Date }) {
  return new Date(event.endsAt.getTime() + SPEAKER_LINK_DAYS_AFTER_EVENT * 24 * 3600 * 1000)
}

/** The speaker as mails and pages address them: "staatssecretaris Harbers" (the honorific as written). */
export function addresseeName(speaker: { honorific: string; name: string }) {
  return [speaker.honorific, speaker.name].filter(Boolean).join(' ')
}

export type InvitationState = 'not_invited' | 'sent' | 'opened' | 'confirmed' | 'declined' | 'revoked'

/**
 * What the speakers page shows: revoked wins; then an answer (any slot confirmed, or every slot declined); then
 * whether a link sent was opened; then sent; otherwise not invited.
 */
export function invitationState(input: {
  invitation: { sentAt: Date | null; revokedAt: Date | null } | null
  statuses: Array<'invited' | 'confirmed' | 'declined'>
  openedAt: Date | null
}): InvitationState {
  const { invitation, statuses } = input
  if (!invitation?.sentAt) return 'not_invited'
  if (invitation.revokedAt) return 'revoked'
  if (statuses.includes('confirmed')) return 'confirmed'
  if (statuses.length && statuses.every((s) => s === 'declined')) return 'declined'
  if (input.openedAt) return 'opened'
  return 'sent'
}

/** The event's speakers (everyone with a slot), with their slots and the state of their invitation. */
export async function listEventSpeakers(eventId: string) {
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: { id: true, title: true, status: true, timeZone: true },
  })
  if (!event) return null
  const [participations, invitations, links] = await Promise.all([
    db.participation.findMany({
      where: { agendaItem: { eventId } },
      orderBy: [{ agendaItem: { startsAt: 'asc' } }, { order: 'asc' }],
      select: {
        id: true,
        role: true,
        status: true,
        respondedAt: true,
        responseMessage: true,
        calendarSequence: true,
        agendaItem: { select: { id: true, title: true, startsAt: true, endsAt: true, room: true } },
        speaker: {
          select: {
            ...speakerNameSelect,
            email: true,
            delegateName: true,
            delegateEmail: true,
          },
        },
      },
    }),
    db.speakerInvitation.findMany({ where: { eventId } }),
    db.personalLink.findMany({
      where: { kind: 'speaker', eventId },
      select: { subjectId: true, delegate: true, lastUsedAt: true, revokedAt: true },
    }),
  ])
  const speakers = new Map<
    string,
    {
      id: string
      name: string
      function: string
      email: string | null
      delegateName: string | null
      delegateEmail: string | null
      slots: Array<
        (typeof participations)[number]['agendaItem'] & {
          participationId: string
          role: (typeof participations)[number]['role']
          status: (typeof participations)[number]['status']
          respondedAt: Date | null
          responseMessage: string
          calendarSent: boolean
        }
      >
    }
  >()
  for (const p of participations) {
    const s = p.speaker
    const entry = speakers.get(s.id) ?? {
      id: s.id,
      name: displayName(s),
      function: s.function,
      email: s.email,
      delegateName: s.delegateName,
      delegateEmail: s.delegateEmail,
      slots: [],
    }
    entry.slots.push({
      ...p.agendaItem,
      participationId: p.id,
      role: p.role,
      status: p.status,
      respondedAt: p.respondedAt,
      responseMessage: p.responseMessage,
      calendarSent: p.calendarSequence !== null,
    })
    speakers.set(s.id, entry)
  }
  const rows = [...speakers.values()].map((speaker) => {
    const invitation = invitations.find((i) => i.speakerId === speaker.id) ?? null
    const own = links.filter((l) => l.subjectId === speaker.id)
    const lastUsed = (delegate: boolean) =>
      own
        .filter((l) => l.delegate === delegate && l.lastUsedAt)
        .map((l) => l.lastUsedAt!)
        .sort((a, b) => b.getTime() - a.getTime())[0] ?? null
    const openedAt = lastUsed(false)
    const delegateOpenedAt = lastUsed(true)
    return {
      ...speaker,
      invitation: invitation && {
        sentAt: invitation.sentAt,
        revokedAt: invitation.revokedAt,
        sendCount: invitation.sendCount,
      },
      openedAt,
      delegateOpenedAt,
      delegateInvited: own.some((l) => l.delegate),
      state: invitationState({
        invitation,
        statuses: speaker.slots.map((s) => s.status),
        openedAt: openedAt ?? delegateOpenedAt,
      }),
    }
  })
  return { event, speakers: rows }
}

export type InviteOutcome =
  | { kind: 'sent'; mails: number; delegate: boolean }
  | { kind: 'not-found' }
  | { kind: 'no-slots' }
  | { kind: 'no-address' }
  | { kind: 'event-cancelled' }

type SlotRow = {
  id: string
  role: 'speaker' | 'moderator' | 'panelist' | 'host'
  status: 'invited' | 'confirmed' | 'declined'
  calendarSequence: number | null
  agendaItem: {
    id: string
    title: string
    description: string
    startsAt: Date
    endsAt: Date
    room: string
    icsUid: string
    icsSequence: number
    createdAt: Date
    updatedAt: Date
    participations: Array<{ speakerId: string; order: number; speaker: { honorific: string; name: string } }>
  }
}

const slotSelect = {
  id: true,
  role: true,
  status: true,
  calendarSequence: true,
  agendaItem: {
    select: {
      id: true,
      title: true,
      description: true,
      startsAt: true,
      endsAt: true,
      room: true,
      icsUid: true,
      icsSequence: true,
      createdAt: true,
      updatedAt: true,
      participations: {
        orderBy: { order: 'asc' },
        select: { speakerId: true, order: true, speaker: { select: { honorific: true, name: true } } },
      },
    },
  },
} as const

/** The slot's calendar entry with the speaker's role in the summary: "Panel (panellid) · <event>". */
function slotCalendarItem(slot: SlotRow, event: Event) {
  return agendaItemToCalendarItem(slot.agendaItem, event, getEnv().APP_URL, `${slot.agendaItem.title} · ${event.title}`)
}

/**
 * Invites (or invites again) a speaker for an event: a new personal link for the speaker and, when asked, one
 * for the delegate; one mail per slot (declined slots are skipped) with the slot's calendar REQUEST. The
 * delegate's address comes from the form or else from the speaker record; one entered in the form is saved on
 * the record, so later mails (statement requests) reach the delegate too.
 */
export async function inviteSpeaker(
  eventId: string,
  speakerId: string,
  options: { toDelegate: boolean; delegateName?: string; delegateEmail?: string },
  actorUserId: string,
): Promise<InviteOutcome> {
  const [event, speaker] = await Promise.all([
    db.event.findUnique({ where: { id: eventId } }),
    db.speaker.findUnique({ where: { id: speakerId } }),
  ])
  if (!event || !speaker) return { kind: 'not-found' }
  if (event.status === 'cancelled') return { kind: 'event-cancelled' }
  const slots: SlotRow[] = await db.participation.findMany({
    where: { speakerId, agendaItem: { eventId }, status: { not: 'declined' } },
    orderBy: { agendaItem: { startsAt: 'asc' } },
    select: slotSelect,
  })
  if (!slots.length) {
    const any = await db.participation.count({ where: { speakerId, agendaItem: { eventId } } })
    if (!any) return { kind: 'not-found' }
    return { kind: 'no-slots' }
  }
  if (!speaker.email) return { kind: 'no-address' }
  const delegateEmail = options.delegateEmail?.trim() || speaker.delegateEmail || ''
  const delegateName = options.delegateName?.trim() || speaker.delegateName || delegateEmail
  const toDelegate = options.toDelegate && !!delegateEmail
  if (options.toDelegate && !delegateEmail) return { kind: 'no-address' }

  const speakerName = addresseeName(speaker)
  const base = await eventMailBase(event, speaker.language)
  const recipients = [
    { delegate: false, email: speaker.email, name: speakerName, token: randomToken() },
    ...(toDelegate ? [{ delegate: true, email: delegateEmail, name: delegateName, token: randomToken() }] : []),
  ]
  const mails: Array<{ recipient: (typeof recipients)[number]; slot: SlotRow; mail: PreparedMail }> = []
  for (const recipient of recipients) {
    for (const slot of slots) {
      const others = slot.agendaItem.participations.filter((p) => p.speakerId !== speakerId)
      const mail = await prepareMail('speaker-invited', {
        to: recipient.email,
        toName: recipient.name,
        language: speaker.language,
        props: {
          ...base,
          speakerName,
          delegateName: recipient.delegate ? recipient.name : undefined,
          slot: {
            title: slot.agendaItem.title,
            startsAt: slot.agendaItem.startsAt.toISOString(),
            endsAt: slot.agendaItem.endsAt.toISOString(),
            role: slot.role,
          },
          coPanelists: others.map((p) => addresseeName(p.speaker)),
          portalUrl: appUrl(`/spreker/${recipient.token}`),
        },
      })
      mails.push({ recipient, slot, mail })
    }
  }

  await db.$transaction(async (tx) => {
    if (options.delegateEmail?.trim()) {
      await tx.speaker.update({
        where: { id: speakerId },
        data: { delegateEmail: delegateEmail.toLowerCase(), delegateName: options.delegateName?.trim() || null },
      })
    }
    const invitation = await tx.speakerInvitation.upsert({
      where: { eventId_speakerId: { eventId, speakerId } },
      create: { eventId, speakerId, sendCount: 1, sentAt: new Date() },
      update: { sendCount: { increment: 1 }, sentAt: new Date(), revokedAt: null },
    })
    for (const recipient of recipients) {
      // Sent again: the recipient's earlier links for this event stop working (410), only the new mail's works.
      await tx.personalLink.updateMany({
        where: { kind: 'speaker', subjectId: speakerId, eventId, delegate: recipient.delegate, revokedAt: null },
        data: { revokedAt: new Date() },
      })
      await createPersonalLink(
        {
          kind: 'speaker',
          subjectId: speakerId,
          eventId,
          expiresAt: speakerLinkExpiry(event),
          delegate: recipient.delegate,
          token: recipient.token,
        },
        tx,
      )
    }
    const now = new Date()
    // The sequence the calendar has now: the item's as it is in this transaction.
    const items = await tx.agendaItem.findMany({
      where: { id: { in: slots.map((s) => s.agendaItem.id) } },
      select: { id: true, icsSequence: true },
    })
    const sequenceOf = (itemId: string) => event.icsSequence + (items.find((i) => i.id === itemId)?.icsSequence ?? 0)
    await enqueue(
      mails.map(({ recipient, slot, mail }) => {
        const sequence = sequenceOf(slot.agendaItem.id)
        const item = { ...slotCalendarItem(slot, event), sequence }
        return {
          ...mail,
          // The delegate arranges the speaker's agenda: the same entry, the speaker as the attendee.
          ics: {
            method: 'REQUEST' as const,
            content: buildRequest({
              item,
              organizer: secretariat(),
              attendee: { name: speakerName, email: speaker.email! },
              now,
            }),
          },
          idempotencyKey: `speaker-invited:${invitation.id}:${invitation.sendCount}:${slot.id}:${recipient.delegate ? 'delegate' : 'speaker'}`,
          eventId,
        }
      }),
      tx,
    )
    for (const slot of slots) {
      await tx.participation.update({
        where: { id: slot.id },
        data: { calendarSequence: sequenceOf(slot.agendaItem.id) },
      })
    }
    await audit(
      {
        actorUserId,
        action: invitation.sendCount > 1 ? 'speaker-invitation.resent' : 'speaker-invitation.sent',
        entity: 'SpeakerInvitation',
        entityId: invitation.id,
        details: { eventId, speakerId, slots: slots.length, delegate: toDelegate },
      },
      tx,
    )
  })
  return { kind: 'sent', mails: mails.length, delegate: toDelegate }
}

/** Who hears about a change to a speaker's slot: the speaker and, when they were invited, the delegate. */
type SlotRecipient = { delegate: boolean; email: string; name: string }

type SpeakerRow = {
  id: string
  honorific: string
  name: string
  email: string | null
  language: 'nl' | 'en'
  delegateName: string | null
  delegateEmail: string | null
}

/**
 * The mail that tells a speaker (or their delegate) that the slot changed (a REQUEST with the new SEQUENCE)
 * or is gone (a CANCEL), rendered before the transaction. It carries a fresh personal link (`token`, stored by
 * `queueSlotMails`; the outbox seals it out of the stored body), except after a revocation.
 */
async function slotUpdateMail(
  change: 'changed' | 'cancelled',
  event: Event,
  slot: Pick<SlotRow, 'role'> & { agendaItem: Pick<SlotRow['agendaItem'], 'title' | 'startsAt' | 'endsAt' | 'room'> },
  speaker: SpeakerRow,
  recipient: SlotRecipient,
  token: string | null,
) {
  return prepareMail('speaker-slot-update', {
    to: recipient.email,
    toName: recipient.name,
    language: speaker.language,
    props: {
      ...(await eventMailBase(event, speaker.language)),
      speakerName: addresseeName(speaker),
      delegateName: recipient.delegate ? recipient.name : undefined,
      change,
      slot: {
        title: slot.agendaItem.title,
        startsAt: slot.agendaItem.startsAt.toISOString(),
        endsAt: slot.agendaItem.endsAt.toISOString(),
        room: slot.agendaItem.room,
        role: slot.role,
      },
      portalUrl: token ? appUrl(`/spreker/${token}`) : undefined,
    },
  })
}

/** The participations that have a calendar entry out (a REQUEST sent, the invitation not revoked). */
async function withCalendarOut(where: {
  agendaItemId?: string | { in: string[] }
  id?: string
  speakerId?: string
  eventId: string
}) {
  const rows = await db.participation.findMany({
    where: {
      agendaItemId: where.agendaItemId,
      id: where.id,
      speakerId: where.speakerId,
      agendaItem: { eventId: where.eventId },
      calendarSequence: { not: null },
    },
    select: {
      ...slotSelect,
      speaker: {
        select: {
          id: true,
          honorific: true,
          name: true,
          email: true,
          language: true,
          delegateName: true,
          delegateEmail: true,
        },
      },
    },
  })
  const ids = [...new Set(rows.map((r) => r.speaker.id))]
  const [revoked, delegateLinks] = await Promise.all([
    db.speakerInvitation.findMany({
      where: { eventId: where.eventId, revokedAt: { not: null }, speakerId: { in: ids } },
      select: { speakerId: true },
    }),
    // A delegate who was sent the invitation (a live delegate link for this event) has the entry too.
    db.personalLink.findMany({
      where: {
        kind: 'speaker',
        eventId: where.eventId,
        delegate: true,
        subjectId: { in: ids },
        revokedAt: null,
        expiresAt: { gt: new Date() },
      },
      select: { subjectId: true },
    }),
  ])
  return rows
    .filter(
      (r): r is typeof r & { speaker: SpeakerRow & { email: string } } =>
        !!r.speaker.email && !revoked.some((v) => v.speakerId === r.speaker.id),
    )
    .map((r) => {
      const recipients: SlotRecipient[] = [{ delegate: false, email: r.speaker.email, name: addresseeName(r.speaker) }]
      if (r.speaker.delegateEmail && delegateLinks.some((l) => l.subjectId === r.speaker.id)) {
        const email = r.speaker.delegateEmail
        recipients.push({ delegate: true, email, name: r.speaker.delegateName || email })
      }
      return { ...r, recipients }
    })
}

type OutSlot = Awaited<ReturnType<typeof withCalendarOut>>[number]

export type PreparedSlotMails = {
  change: 'changed' | 'cancelled'
  event: Event
  rows: Array<{ slot: OutSlot; recipient: SlotRecipient; mail: PreparedMail }>
  /** The personal links the mails carry: one per speaker and recipient, stored in the saving transaction. */
  links: Array<{ speakerId: string; delegate: boolean; token: string }>
}

/** Renders the mails for these slots (already moved, when they move), each recipient with one fresh link. */
async function prepareSlotMails(
  change: 'changed' | 'cancelled',
  event: Event,
  slots: OutSlot[],
  withLinks: boolean,
): Promise<PreparedSlotMails | null> {
  if (!slots.length) return null
  const links: PreparedSlotMails['links'] = []
  const tokenFor = (speakerId: string, delegate: boolean) => {
    if (!withLinks) return null
    let link = links.find((l) => l.speakerId === speakerId && l.delegate === delegate)
    if (!link) links.push((link = { speakerId, delegate, token: randomToken() }))
    return link.token
  }
  const rows: PreparedSlotMails['rows'] = []
  for (const slot of slots) {
    for (const recipient of slot.recipients) {
      const token = tokenFor(slot.speaker.id, recipient.delegate)
      const mail = await slotUpdateMail(change, event, slot, slot.speaker, recipient, token)
      rows.push({ slot, recipient, mail })
    }
  }
  return { change, event, rows, links }
}

/**
 * Before a slot's time or room is saved: the update mails for the speakers who have it in their calendar,
 * rendered with the new values. Write them with `queueSlotMails` in the saving transaction.
 */
export async function prepareSlotChanged(
  eventId: string,
  itemId: string,
  next: { title: string; startsAt: Date; endsAt: Date; room: string },
): Promise<PreparedSlotMails | null> {
  const event = await db.event.findUnique({ where: { id: eventId } })
  if (!event || event.status === 'cancelled') return null
  const slots = await withCalendarOut({ eventId, agendaItemId: itemId })
  const moved = slots.map((slot) => ({ ...slot, agendaItem: { ...slot.agendaItem, ...next } }))
  return prepareSlotMails('changed', event, moved, true)
}

/**
 * Before the event itself is rescheduled or moved (`changeEventSchedule`): the update mails for every slot
 * with a calendar entry out whose entry changes — `moves` gives the items' new times; with `placeChanged`
 * (venue or online address: the entry's location) every slot is mailed. `event` is the event as it will be
 * after the change, its `icsSequence` included, so the SEQUENCE sent is above every one sent before.
 */
export async function prepareSlotsRescheduled(
  event: Event,
  moves: Map<string, { startsAt: Date; endsAt: Date }>,
  placeChanged: boolean,
): Promise<PreparedSlotMails | null> {
  if (event.status === 'cancelled') return null
  const slots = await withCalendarOut({
    eventId: event.id,
    agendaItemId: placeChanged ? undefined : { in: [...moves.keys()] },
  })
  const moved = slots.map((slot) => ({
    ...slot,
    agendaItem: { ...slot.agendaItem, ...moves.get(slot.agendaItem.id) },
  }))
  return prepareSlotMails('changed', event, moved, true)
}

/**
 * The speakers' side of rescheduling the whole event (for `changeEventSchedule`): when the event moves to
 * another day its items follow (same wall-clock times), and every slot whose calendar entry changes — moved,
 * or the event's place changed (the entry's location) — gets its update (SEQUENCE above every one sent) to
 * the speaker and an invited delegate. The speakers' links keep their term after the event's new end.
 */
export async function speakersFollowingSchedule(before: Event, updated: Event, shiftMinutes = 0) {
  const items = await db.agendaItem.findMany({
    where: { eventId: updated.id },
    select: { id: true, startsAt: true, endsAt: true },
  })
  const follow = itemsFollowingEventDay(items, before, updated)
  // The secretariat chose to shift the whole agenda along with new hours: every item, on top of a new day.
  const moves = shiftMinutes
    ? new Map(
        shiftedItems(
          items.map((i) => ({ ...i, ...follow.get(i.id) })),
          shiftMinutes,
        ).map((i) => [i.id, { startsAt: i.startsAt, endsAt: i.endsAt }]),
      )
    : follow
  const placeFields = ['venueName', 'venueAddress', 'venuePostcode', 'venueCity', 'onlineUrl'] as const
  const placeChanged = placeFields.some((f) => (before[f] ?? '') !== (updated[f] ?? ''))
  const mails = moves.size || placeChanged ? await prepareSlotsRescheduled(updated, moves, placeChanged) : null
  const endMoved = before.endsAt.getTime() !== updated.endsAt.getTime()
  if (!moves.size && !mails && !endMoved) return null
  return async (tx: Tx) => {
    for (const [id, times] of moves) await tx.agendaItem.update({ where: { id }, data: times })
    if (endMoved) {
      await tx.personalLink.updateMany({
        where: { eventId: updated.id, kind: { in: ['speaker', 'speaker_feed'] }, revokedAt: null },
        data: { expiresAt: speakerLinkExpiry(updated) },
      })
    }
    return queueSlotMails(tx, mails)
  }
}

/**
 * Before participations go (removed, the item deleted, the invitation revoked): their CANCEL mails. After a
 * revocation they carry no link: the speaker's links have just stopped working.
 */
export async function prepareSlotCancelled(
  eventId: string,
  where: { agendaItemId?: string; id?: string; speakerId?: string },
  options: { revoked?: boolean } = {},
): Promise<PreparedSlotMails | null> {
  const event = await db.event.findUnique({ where: { id: eventId } })
  if (!event) return null
  const slots = await withCalendarOut({ eventId, ...where })
  return prepareSlotMails('cancelled', event, slots, !options.revoked)
}

/**
 * In the transaction that changes the slot: raise each item's own SEQUENCE by one (atomic increment, so two
 * editors at once still only go up), attach the REQUEST or CANCEL with the new SEQUENCE, and remember it on
 * the participation (null after a CANCEL: nothing more is owed). The speaker and the delegate get the same
 * entry, the speaker as the attendee, as with the invitation.
 */
export async function queueSlotMails(tx: Tx, prepared: PreparedSlotMails | null) {
  if (!prepared) return 0
  const { event, change } = prepared
  const now = new Date()
  const bumped = new Map<string, number>()
  for (const itemId of new Set(prepared.rows.map((r) => r.slot.agendaItem.id))) {
    const item = await tx.agendaItem.update({
      where: { id: itemId },
      data: { icsSequence: { increment: 1 } },
      select: { icsSequence: true },
    })
    bumped.set(itemId, event.icsSequence + item.icsSequence)
  }
  for (const link of prepared.links) {
    await createPersonalLink(
      {
        kind: 'speaker',
        subjectId: link.speakerId,
        eventId: event.id,
        expiresAt: speakerLinkExpiry(event),
        delegate: link.delegate,
        token: link.token,
      },
      tx,
    )
  }
  const mails = []
  for (const { slot, recipient, mail } of prepared.rows) {
    const sequence = bumped.get(slot.agendaItem.id)!
    const item = { ...slotCalendarItem(slot, event), sequence }
    const attendee = { name: addresseeName(slot.speaker), email: slot.speaker.email }
    const content =
      change === 'changed'
        ? buildRequest({ item, organizer: secretariat(), attendee, now })
        : buildCancel({ item: { ...item, status: 'cancelled' }, organizer: secretariat(), attendee, now })
    mails.push({
      ...mail,
      ics: { method: change === 'changed' ? ('REQUEST' as const) : ('CANCEL' as const), content },
      idempotencyKey: `speaker-slot-${change}:${slot.id}:${sequence}${recipient.delegate ? ':delegate' : ''}`,
      eventId: event.id,
    })
  }
  for (const slot of new Map(prepared.rows.map((r) => [r.slot.id, r.slot])).values()) {
    // A removed participation is gone already (or goes in this transaction): updateMany changes nothing then.
    await tx.participation.updateMany({
      where: { id: slot.id },
      data: { calendarSequence: change === 'changed' ? bumped.get(slot.agendaItem.id)! : null },
    })
  }
  await enqueue(mails, tx)
  return mails.length
}

/**
 * Revokes a speaker's invitation for the event: every speaker link (the speaker's and the delegate's) for this
 * event stops working at once, and each slot in their calendar gets a CANCEL.
 */
export async function revokeSpeakerInvitation(eventId: string, speakerId: string, actorUserId: string) {
  const invitation = await db.speakerInvitation.findUnique({ where: { eventId_speakerId: { eventId, speakerId } } })
  if (!invitation) return { kind: 'not-found' as const }
  if (invitation.revokedAt) return { kind: 'already-revoked' as const }
  const cancels = await prepareSlotCancelled(eventId, { speakerId }, { revoked: true })
  // Slots, not mails: the delegate's copy of a CANCEL is the same slot.
  const cancelled = new Set(cancels?.rows.map((r) => r.slot.id)).size
  await db.$transaction(async (tx) => {
    const claimed = await tx.speakerInvitation.updateMany({
      where: { id: invitation.id, revokedAt: null },
      data: { revokedAt: new Date() },
    })
    if (claimed.count !== 1) return
    await queueSlotMails(tx, cancels)
    await tx.personalLink.updateMany({
      where: { kind: 'speaker', subjectId: speakerId, eventId, revokedAt: null },
      data: { revokedAt: new Date() },
    })
    await audit(
      {
        actorUserId,
        action: 'speaker-invitation.revoked',
        entity: 'SpeakerInvitation',
        entityId: invitation.id,
        details: { eventId, speakerId, cancelled },
      },
      tx,
    )
  })
  return { kind: 'revoked' as const, cancelled }
}
