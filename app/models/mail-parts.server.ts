// The parts of a queued mail that the worker draws when it sends it (MailParts in app/mail/outbox.server.ts):
// the check-in QR code and the event's calendar invitation. Drawn at send time, the invitation also carries
// the event as it is then.
import type { Event, OutboxMessage } from '~/generated/prisma/client'
import { buildRequest } from '~/domain/calendar'
import type { IcsPart, MailParts } from '~/mail/outbox.server'
import { db } from '~/utils/db.server'
import { qrPng } from '~/utils/qr.server'
import { eventToCalendarItem, secretariat } from './calendar.server'

export type DrawnParts = {
  ics?: IcsPart
  attachments: Array<{ filename: string; contentType: string; content: Buffer; cid?: string }>
}

type PartsRow = Pick<OutboxMessage, 'parts' | 'eventId' | 'to' | 'toName'>

/** The events whose calendar invitations a batch of mails draws, read in one query. */
export async function eventsForParts(rows: PartsRow[]): Promise<Map<string, Event>> {
  const ids = [
    ...new Set(rows.flatMap((r) => ((r.parts as MailParts | null)?.eventRequest && r.eventId ? [r.eventId] : []))),
  ]
  if (!ids.length) return new Map()
  return new Map((await db.event.findMany({ where: { id: { in: ids } } })).map((e) => [e.id, e]))
}

/** The parts of one mail; `events` from eventsForParts (an event missing there was deleted). */
export function drawMailParts(row: PartsRow, events: Map<string, Event>): DrawnParts {
  const parts = row.parts as MailParts | null
  const drawn: DrawnParts = { attachments: [] }
  if (!parts) return drawn
  if (parts.qrCode) {
    const { text, filename, cid } = parts.qrCode
    drawn.attachments.push({ filename, contentType: 'image/png', content: qrPng(text, { scale: 6, margin: 2 }), cid })
  }
  // A deleted or cancelled event has no invitation to send (a cancelled one sends its CANCEL with the
  // cancellation mail); the rest of the mail still goes.
  const event = parts.eventRequest && row.eventId ? events.get(row.eventId) : undefined
  if (event && event.status !== 'cancelled') {
    const attendee = { name: row.toName, email: row.to }
    const content = buildRequest({ item: eventToCalendarItem(event), organizer: secretariat(), attendee })
    drawn.ics = { method: 'REQUEST', content }
  }
  return drawn
}
