// The parts of a queued mail that the worker draws when it sends it (MailParts in outbox.server.ts):
// the check-in QR code and the event's calendar invitation or cancellation. Drawn at send time, they also
// carry the event as it is then.
import type { Event, OutboxMessage } from '~/generated/prisma/client'
import { buildCancel, buildRequest, eventToCalendarItem } from '~/domain/calendar'
import { db } from '~/utils/db.server'
import { getEnv, secretariat } from '~/utils/env.server'
import { qrPng } from '~/utils/qr.server'
import type { IcsPart, MailParts } from './outbox.server'

export type DrawnParts = {
  ics?: IcsPart
  attachments: Array<{ filename: string; contentType: string; content: Buffer; cid?: string }>
}

type PartsRow = Pick<OutboxMessage, 'parts' | 'eventId' | 'to' | 'toName'> & { createdAt?: Date }

/**
 * What drawing a batch's parts needs: its events, when a calendar entry of theirs was cancelled (per person),
 * and the stored attachments its mails carry.
 */
export type PartsContext = {
  events: Map<string, Event>
  cancelledAt: Map<string, Date[]>
  stored?: Map<string, { filename: string; contentType: string; content: Buffer }>
}

const personKey = (eventId: string, to: string) => `${eventId}:${to.toLowerCase()}`

const drawsCalendar = (row: PartsRow) => {
  const parts = row.parts as MailParts | null
  return !!(parts?.eventRequest || parts?.eventCancel) && !!row.eventId
}

/** The events whose calendar parts a batch of mails draws, and the cancellations sent to those people: two queries. */
export async function eventsForParts(rows: PartsRow[]): Promise<PartsContext> {
  const [context, stored] = await Promise.all([calendarContext(rows), storedAttachments(rows)])
  return { ...context, stored }
}

/** The stored attachments the rows name, read once per claim (a bulk send shares one file). */
async function storedAttachments(rows: PartsRow[]) {
  const ids = [...new Set(rows.flatMap((r) => (r.parts as MailParts | null)?.storedAttachmentIds ?? []))]
  if (!ids.length) return new Map()
  const files = await db.mailAttachment.findMany({ where: { id: { in: ids } } })
  return new Map(
    files.map((f) => [f.id, { filename: f.filename, contentType: f.contentType, content: Buffer.from(f.content) }]),
  )
}

async function calendarContext(rows: PartsRow[]): Promise<PartsContext> {
  const calendarRows = rows.filter(drawsCalendar)
  const ids = [...new Set(calendarRows.map((r) => r.eventId!))]
  if (!ids.length) return { events: new Map(), cancelledAt: new Map() }
  const [events, cancels] = await Promise.all([
    db.event.findMany({ where: { id: { in: ids } } }),
    db.outboxMessage.findMany({
      where: { eventId: { in: ids }, icsMethod: 'CANCEL', to: { in: [...new Set(calendarRows.map((r) => r.to))] } },
      select: { eventId: true, to: true, createdAt: true },
    }),
  ])
  const cancelledAt = new Map<string, Date[]>()
  for (const c of cancels) {
    const key = personKey(c.eventId!, c.to)
    cancelledAt.set(key, [...(cancelledAt.get(key) ?? []), c.createdAt])
  }
  return { events: new Map(events.map((e) => [e.id, e])), cancelledAt }
}

/** The parts of one mail; `context` from eventsForParts (an event missing there was deleted). */
export function drawMailParts(row: PartsRow, context: PartsContext): DrawnParts {
  const parts = row.parts as MailParts | null
  const drawn: DrawnParts = { attachments: [] }
  if (!parts) return drawn
  if (parts.qrCode) {
    const { text, filename, cid } = parts.qrCode
    drawn.attachments.push({ filename, contentType: 'image/png', content: qrPng(text, { scale: 6, margin: 2 }), cid })
  }
  for (const id of parts.storedAttachmentIds ?? []) {
    const file = context.stored?.get(id)
    if (file) drawn.attachments.push(file)
  }
  const event = row.eventId ? context.events.get(row.eventId) : undefined
  if (!event) return drawn
  const attendee = { name: row.toName, email: row.to }
  // A cancelled event has no invitation to send (it sends its CANCEL with the cancellation mail), and neither
  // has a person whose entry was cancelled after this mail was queued (a cancellation while the confirmation
  // still waited for the SMTP server): drawn now, the REQUEST would carry a higher SEQUENCE than the CANCEL
  // and put the event back in their calendar. The rest of the mail still goes.
  if (parts.eventRequest && event.status !== 'cancelled' && !cancelledSince(context, row)) {
    const content = buildRequest({
      item: eventToCalendarItem(event, getEnv().APP_URL),
      organizer: secretariat(),
      attendee,
    })
    drawn.ics = { method: 'REQUEST', content }
  }
  if (parts.eventCancel) {
    const item = { ...eventToCalendarItem(event, getEnv().APP_URL), sequence: parts.eventCancel.sequence }
    drawn.ics = { method: 'CANCEL', content: buildCancel({ item, organizer: secretariat(), attendee }) }
  }
  return drawn
}

function cancelledSince(context: PartsContext, row: PartsRow) {
  const queuedAt = row.createdAt
  if (!queuedAt || !row.eventId) return false
  return (context.cancelledAt.get(personKey(row.eventId, row.to)) ?? []).some((at) => at >= queuedAt)
}
