// The parts of a queued mail that the worker draws when it sends it (MailParts in app/mail/outbox.server.ts):
// the check-in QR code and the event's calendar invitation. Drawn at send time, the invitation also carries
// the event as it is then.
import type { OutboxMessage } from '~/generated/prisma/client'
import { buildRequest } from '~/domain/calendar'
import type { IcsPart, MailParts } from '~/mail/outbox.server'
import { db } from '~/utils/db.server'
import { qrPng } from '~/utils/qr.server'
import { eventToCalendarItem, secretariat } from './calendar.server'

export type DrawnParts = {
  ics?: IcsPart
  attachments: Array<{ filename: string; contentType: string; content: Buffer; cid?: string }>
}

export async function drawMailParts(
  row: Pick<OutboxMessage, 'parts' | 'eventId' | 'to' | 'toName'>,
): Promise<DrawnParts> {
  const parts = row.parts as MailParts | null
  const drawn: DrawnParts = { attachments: [] }
  if (!parts) return drawn
  if (parts.qrCode) {
    const { text, filename, cid } = parts.qrCode
    drawn.attachments.push({ filename, contentType: 'image/png', content: qrPng(text, { scale: 6, margin: 2 }), cid })
  }
  if (parts.eventRequest && row.eventId) {
    // A deleted or cancelled event has no invitation to send (a cancelled one sends its CANCEL with the
    // cancellation mail); the rest of the mail still goes.
    const event = await db.event.findUnique({ where: { id: row.eventId } })
    if (event && event.status !== 'cancelled') {
      const attendee = { name: row.toName, email: row.to }
      const content = buildRequest({ item: eventToCalendarItem(event), organizer: secretariat(), attendee })
      drawn.ics = { method: 'REQUEST', content }
    }
  }
  return drawn
}
