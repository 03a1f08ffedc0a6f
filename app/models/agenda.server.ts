// The agenda editor: items and who speaks in them. Every function checks that the item or participation
// belongs to the event in the URL, so an id from another event in a form changes nothing.
import type { ParticipationRole, ParticipationStatus } from '~/generated/prisma/enums'
import { reordered } from '~/domain/ordering'
import {
  agendaItemProblems,
  agendaShiftToFit,
  itemsOutsideEvent,
  shiftedItems,
  speakerDoubleBookings,
  type AgendaItemValues,
} from '~/domain/agenda'
import type { Db } from '~/utils/db.server'
import { db } from '~/utils/db.server'
import { audit } from './audit.server'
import { newIdWithUid } from '~/utils/ids.server'
import { displayName } from './event.server'
import {
  prepareSlotCancelled,
  prepareSlotChanged,
  queueSlotMails,
  type PreparedSlotMails,
} from './speaker-invitation.server'

export async function getAgendaEditor(eventId: string) {
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      title: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      programme: {
        select: { actionLines: { orderBy: { order: 'asc' }, select: { id: true, code: true, title: true } } },
      },
      agendaItems: {
        orderBy: [{ order: 'asc' }, { startsAt: 'asc' }],
        include: {
          actionLines: { select: { actionLineId: true } },
          participations: {
            orderBy: { order: 'asc' },
            include: { speaker: { select: { id: true, name: true, honorific: true } } },
          },
        },
      },
    },
  })
  if (!event) return null
  const warnings = speakerDoubleBookings(
    event.agendaItems.flatMap((item) =>
      item.participations
        .filter((p) => p.status !== 'declined')
        .map((p) => ({
          itemId: item.id,
          itemTitle: item.title,
          startsAt: item.startsAt,
          endsAt: item.endsAt,
          speakerId: p.speakerId,
          speakerName: displayName(p.speaker),
        })),
    ),
  )
  // Items that no longer fit (the event's times changed after they were planned), and the shift that fixes it.
  const outside = itemsOutsideEvent(event, event.agendaItems).map((i) => i.id)
  const shiftToFit = agendaShiftToFit(event, event.agendaItems)
  return { event, warnings, outside, shiftToFit }
}

export async function listSpeakerChoices() {
  const speakers = await db.speaker.findMany({
    orderBy: { name: 'asc' },
    select: { id: true, name: true, honorific: true, function: true },
  })
  return speakers.map((s) => ({ id: s.id, label: [displayName(s), s.function].filter(Boolean).join(', ') }))
}

export type SaveOutcome =
  | { kind: 'saved'; itemId: string }
  | { kind: 'not-found' }
  | { kind: 'invalid'; problems: ReturnType<typeof agendaItemProblems>; unknownActionLines: boolean }

export async function saveAgendaItem(
  eventId: string,
  itemId: string | null,
  values: AgendaItemValues,
  actorUserId: string,
): Promise<SaveOutcome> {
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: {
      startsAt: true,
      endsAt: true,
      programmeId: true,
      agendaItems: { select: { id: true, room: true, title: true, startsAt: true, endsAt: true, order: true } },
    },
  })
  if (!event) return { kind: 'not-found' }
  if (itemId && !event.agendaItems.some((i) => i.id === itemId)) return { kind: 'not-found' }
  const problems = agendaItemProblems(
    { id: itemId ?? '', title: values.title, room: values.room, startsAt: values.startsAt, endsAt: values.endsAt },
    event,
    event.agendaItems,
  )
  const lineIds = [...new Set(values.actionLineIds)]
  const knownLines = lineIds.length
    ? await db.actionLine.count({ where: { id: { in: lineIds }, programmeId: event.programmeId } })
    : 0
  const unknownActionLines = knownLines !== lineIds.length
  if (problems.length || unknownActionLines) return { kind: 'invalid', problems, unknownActionLines }
  const data = {
    kind: values.kind,
    title: values.title,
    description: values.description,
    startsAt: values.startsAt,
    endsAt: values.endsAt,
    room: values.room,
    actionLines: { deleteMany: itemId ? {} : undefined, create: lineIds.map((actionLineId) => ({ actionLineId })) },
  }
  // A slot that moves (time or room) sends its speakers a calendar update with SEQUENCE+1.
  const before = itemId ? event.agendaItems.find((i) => i.id === itemId)! : null
  const moved =
    before &&
    (before.startsAt.getTime() !== values.startsAt.getTime() ||
      before.endsAt.getTime() !== values.endsAt.getTime() ||
      before.room !== values.room)
  const slotMails = moved ? await prepareSlotChanged(eventId, itemId!, values) : null
  const saved = await db.$transaction(async (tx) => {
    const item = itemId
      ? await tx.agendaItem.update({ where: { id: itemId }, data })
      : await tx.agendaItem.create({
          data: {
            ...newIdWithUid('agenda-item'),
            eventId,
            order: Math.max(-1, ...event.agendaItems.map((i) => i.order)) + 1,
            ...data,
            actionLines: { create: lineIds.map((actionLineId) => ({ actionLineId })) },
          },
        })
    await queueSlotMails(tx, slotMails)
    await audit(
      {
        actorUserId,
        action: itemId ? 'agenda-item.updated' : 'agenda-item.created',
        entity: 'AgendaItem',
        entityId: item.id,
        details: { eventId },
      },
      tx,
    )
    return item
  })
  return { kind: 'saved', itemId: saved.id }
}

export async function moveAgendaItem(eventId: string, itemId: string, direction: 'up' | 'down', actorUserId: string) {
  const items = await db.agendaItem.findMany({
    where: { eventId },
    orderBy: [{ order: 'asc' }, { startsAt: 'asc' }],
    select: { id: true },
  })
  const ids = reordered(
    items.map((i) => i.id),
    itemId,
    direction,
  )
  if (!ids) return false
  await db.$transaction([
    ...ids.map((id, order) => db.agendaItem.update({ where: { id }, data: { order } })),
    audit({ actorUserId, action: 'agenda-item.moved', entity: 'AgendaItem', entityId: itemId, details: { eventId } }),
  ])
  return true
}

export async function deleteAgendaItem(eventId: string, itemId: string, actorUserId: string) {
  const cancels = await prepareSlotCancelled(eventId, { agendaItemId: itemId })
  return db.$transaction(async (tx) => {
    // The CANCELs first: they raise the item's SEQUENCE, which the delete then takes away with the row.
    if (await tx.agendaItem.count({ where: { id: itemId, eventId } })) await queueSlotMails(tx, cancels)
    const result = await tx.agendaItem.deleteMany({ where: { id: itemId, eventId } })
    if (result.count)
      await audit(
        { actorUserId, action: 'agenda-item.deleted', entity: 'AgendaItem', entityId: itemId, details: { eventId } },
        tx,
      )
    return result.count === 1
  })
}

/** When the event runs and in which zone: what an agenda item's times are checked against. */
export async function getAgendaEventSchedule(eventId: string) {
  return db.event.findUnique({ where: { id: eventId }, select: { startsAt: true, endsAt: true, timeZone: true } })
}

export async function getAgendaItem(eventId: string, itemId: string) {
  return db.agendaItem.findFirst({
    where: { id: itemId, eventId },
    include: {
      actionLines: { select: { actionLineId: true } },
      participations: {
        orderBy: { order: 'asc' },
        include: { speaker: { select: { id: true, name: true, honorific: true, function: true } } },
      },
    },
  })
}

export async function addParticipation(
  eventId: string,
  itemId: string,
  input: { speakerId: string; role: ParticipationRole; order: number },
  actorUserId: string,
) {
  const [item, speaker] = await Promise.all([
    db.agendaItem.findFirst({ where: { id: itemId, eventId }, select: { id: true } }),
    db.speaker.findUnique({ where: { id: input.speakerId }, select: { id: true } }),
  ])
  if (!item || !speaker) return { kind: 'not-found' as const }
  const existing = await db.participation.findUnique({
    where: { agendaItemId_speakerId: { agendaItemId: itemId, speakerId: input.speakerId } },
  })
  if (existing) return { kind: 'duplicate' as const }
  const created = await db.participation.create({
    data: { agendaItemId: itemId, speakerId: input.speakerId, role: input.role, order: input.order },
  })
  await audit({
    actorUserId,
    action: 'participation.added',
    entity: 'Participation',
    entityId: created.id,
    details: { eventId, agendaItemId: itemId, speakerId: input.speakerId, role: input.role },
  })
  return { kind: 'added' as const }
}

export async function updateParticipation(
  eventId: string,
  participationId: string,
  input: { role: ParticipationRole; order: number; status: ParticipationStatus },
  actorUserId: string,
) {
  // Field by field: the caller's object may carry more (the form's intent and id), which Prisma refuses.
  const result = await db.participation.updateMany({
    where: { id: participationId, agendaItem: { eventId } },
    data: {
      role: input.role,
      order: input.order,
      status: input.status,
      respondedAt: input.status === 'invited' ? null : new Date(),
    },
  })
  if (result.count === 1)
    await audit({
      actorUserId,
      action: 'participation.updated',
      entity: 'Participation',
      entityId: participationId,
      details: { eventId, role: input.role, status: input.status },
    })
  return result.count === 1
}

export async function removeParticipation(eventId: string, participationId: string, actorUserId: string) {
  const cancels = await prepareSlotCancelled(eventId, { id: participationId })
  return db.$transaction(async (tx) => {
    const result = await tx.participation.deleteMany({ where: { id: participationId, agendaItem: { eventId } } })
    // Only when this request removed it: a second click must not mail the speaker again.
    if (result.count === 1) {
      await queueSlotMails(tx, cancels)
      await audit(
        {
          actorUserId,
          action: 'participation.removed',
          entity: 'Participation',
          entityId: participationId,
          details: { eventId },
        },
        tx,
      )
    }
    return result.count === 1
  })
}

// ─── Shifting the whole agenda ─────────────────────────────────────────────────

type Tx = Omit<Db, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>

export type PreparedAgendaShift = {
  minutes: number
  items: Array<{ id: string; title: string; room: string; startsAt: Date; endsAt: Date }>
  shifted: Array<{ id: string; title: string; room: string; startsAt: Date; endsAt: Date }>
  slotMails: PreparedSlotMails[]
}

/**
 * Before the agenda moves by `minutes`: the items before and after, and the calendar updates for the speakers
 * who have a slot in their calendar, rendered with the new times. Write it with `applyAgendaShift`.
 */
export async function prepareAgendaShift(eventId: string, minutes: number): Promise<PreparedAgendaShift> {
  const items = await db.agendaItem.findMany({
    where: { eventId },
    orderBy: { startsAt: 'asc' },
    select: { id: true, title: true, room: true, startsAt: true, endsAt: true },
  })
  const shifted = shiftedItems(items, minutes)
  const slotMails: PreparedSlotMails[] = []
  for (const item of shifted) {
    const prepared = await prepareSlotChanged(eventId, item.id, item)
    if (prepared) slotMails.push(prepared)
  }
  return { minutes, items, shifted, slotMails }
}

/** In the caller's transaction: every item moves, and each speaker's slot gets its update (SEQUENCE+1). */
export async function applyAgendaShift(tx: Tx, prepared: PreparedAgendaShift) {
  for (const item of prepared.shifted) {
    await tx.agendaItem.update({ where: { id: item.id }, data: { startsAt: item.startsAt, endsAt: item.endsAt } })
  }
  let mailed = 0
  for (const mails of prepared.slotMails) mailed += await queueSlotMails(tx, mails)
  return mailed
}

export type ShiftOutcome =
  | { kind: 'shifted'; items: number; mailed: number }
  | { kind: 'not-found' }
  | { kind: 'outside-event'; titles: string[] }

/** The agenda page's "shift the whole agenda": one action, every item, each speaker one update per slot. */
export async function shiftAgenda(eventId: string, minutes: number, actorUserId: string): Promise<ShiftOutcome> {
  const event = await db.event.findUnique({ where: { id: eventId }, select: { startsAt: true, endsAt: true } })
  if (!event) return { kind: 'not-found' }
  const prepared = await prepareAgendaShift(eventId, minutes)
  const outside = itemsOutsideEvent(event, prepared.shifted)
  if (outside.length) return { kind: 'outside-event', titles: outside.map((i) => i.title) }
  const mailed = await db.$transaction(async (tx) => {
    const count = await applyAgendaShift(tx, prepared)
    await audit(
      {
        actorUserId,
        action: 'agenda.shifted',
        entity: 'Event',
        entityId: eventId,
        details: { minutes, items: prepared.items.length },
      },
      tx,
    )
    return count
  })
  return { kind: 'shifted', items: prepared.items.length, mailed }
}
