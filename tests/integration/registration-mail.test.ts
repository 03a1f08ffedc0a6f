// The confirmation is filled into a template rendered once per event (mail merge): it must come out exactly
// as a mail rendered for that person, whatever their name or needs contain.
import { beforeAll, describe, expect, test } from 'vitest'
import { prepareMail } from '~/mail/outbox.server'
import jsQR from 'jsqr'
import sharp from 'sharp'
import { eventSummary, prepareRegistrationConfirmed, programmeName, QR_CID } from '~/models/event-mail.server'
import { drawMailParts, eventsForParts } from '~/mail/parts.server'
import { secretariat } from '~/utils/env.server'
import { db } from '~/utils/db.server'
import { createEvent, createProgramme } from '../factories.ts'
import { parseIcs } from '../support/ics.ts'

let eventId: string
beforeAll(async () => {
  const programme = await createProgramme(db, { name: 'Samen tegen mensenhandel' })
  eventId = (await createEvent(db, programme.id, { title: 'Werksessie <Ketenaanpak> & "Zorg"' })).id
})

const people = [
  { name: 'Anne de Vries', accessibility: '' },
  { name: 'Zoë "Zo" <b>Çelik</b> & Partners', accessibility: '' },
  {
    name: 'mr. drs. Maria-Louise van den Heuvel-Hoogendoorn tot Oud Wassenaar',
    accessibility:
      'Ik gebruik een rolstoel en heb een tolk Nederlandse Gebarentaal nodig. <script>alert(1)</script> Graag een plek vooraan bij het gangpad, dicht bij de uitgang.',
  },
]

describe('confirmation mail from a template', () => {
  test.each(['registration-confirmed', 'registration-promoted'] as const)('%s equals a rendered mail', async (kind) => {
    const event = await db.event.findUniqueOrThrow({ where: { id: eventId } })
    for (const language of ['nl', 'en'] as const) {
      for (const person of people) {
        const registration = { ...person, email: 'deelnemer@example.org', language, checkInCode: 'c0ffee' }
        const manageUrl = 'https://bijeen.example.org/aanmelding/AbC_123-xyz?x=1&y=2'
        const merged = await prepareRegistrationConfirmed({ kind, registration, event, manageUrl })
        const rendered = await prepareMail(kind, {
          to: registration.email,
          toName: registration.name,
          language,
          props: {
            lang: language,
            programmeName: await programmeName(event.programmeId, language),
            secretariatEmail: secretariat().email,
            recipientName: person.name,
            event: eventSummary(event),
            qrCodeSrc: `cid:${QR_CID}`,
            manageUrl,
            accessibility: person.accessibility || undefined,
          },
        })
        expect(merged.subject).toBe(rendered.subject)
        expect(merged.html).toBe(rendered.html)
        expect(merged.text).toBe(rendered.text)
        expect(merged.toName).toBe(rendered.toName)
        expect(merged.html).not.toContain('<script>')
        expect(merged.parts).toEqual({
          qrCode: { text: 'bijeen-checkin:c0ffee', filename: 'aanmeldcode.png', cid: QR_CID },
          eventRequest: true,
        })
      }
    }
  })

  test('a changed event renders a new template', async () => {
    const event = await db.event.findUniqueOrThrow({ where: { id: eventId } })
    const registration = { ...people[0]!, email: 'a@example.org', language: 'nl' as const, checkInCode: 'c0ffee' }
    const before = await prepareRegistrationConfirmed({ registration, event, manageUrl: 'https://x.example/a' })
    const moved = await db.event.update({ where: { id: eventId }, data: { venueName: 'Nieuwspoort' } })
    const after = await prepareRegistrationConfirmed({ registration, event: moved, manageUrl: 'https://x.example/a' })
    expect(before.html).not.toContain('Nieuwspoort')
    expect(after.html).toContain('Nieuwspoort')
  })
})

describe('parts drawn by the worker', () => {
  // As the worker does for a batch: the events read once, then the parts of each mail.
  const draw = async (row: Parameters<typeof drawMailParts>[0]) => drawMailParts(row, await eventsForParts([row]))

  test('the QR code decodes to the check-in code; the calendar invitation names the recipient', async () => {
    const event = await db.event.findUniqueOrThrow({ where: { id: eventId } })
    const registration = { ...people[1]!, email: 'zoe@example.org', language: 'nl' as const, checkInCode: 'c0ffee' }
    const mail = await prepareRegistrationConfirmed({ registration, event, manageUrl: 'https://x.example/a' })
    const drawn = await draw({ parts: mail.parts!, eventId, to: mail.to, toName: mail.toName })
    expect(drawn.attachments).toHaveLength(1)
    const qr = drawn.attachments[0]!
    expect(qr).toMatchObject({ filename: 'aanmeldcode.png', contentType: 'image/png', cid: QR_CID })
    const { data, info } = await sharp(qr.content).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
    expect(jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data).toBe('bijeen-checkin:c0ffee')
    const ics = parseIcs(drawn.ics!.content)
    expect(drawn.ics!.method).toBe('REQUEST')
    expect(ics.method).toBe('REQUEST')
    expect(ics.events[0]!.attendees).toEqual([expect.objectContaining({ value: 'mailto:zoe@example.org' })])
    expect(ics.events[0]!.summary).toBe(event.title)

    // An event cancelled or deleted before the mail went out: the mail still goes, without an invitation.
    await db.event.update({ where: { id: eventId }, data: { status: 'cancelled' } })
    const cancelled = await draw({ parts: mail.parts!, eventId, to: mail.to, toName: mail.toName })
    expect(cancelled.ics).toBeUndefined()
    expect(cancelled.attachments).toHaveLength(1)
    await db.event.update({ where: { id: eventId }, data: { status: event.status } })
    const gone = await draw({ parts: mail.parts!, eventId: 'no-such-event', to: mail.to, toName: mail.toName })
    expect(gone.ics).toBeUndefined()
    expect(gone.attachments).toHaveLength(1)
  })
})
