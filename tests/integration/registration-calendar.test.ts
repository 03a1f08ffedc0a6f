// Calendars that stay right (issue 17, point 2): every cancellation of someone who was sent a calendar REQUEST
// (by themselves, by the secretariat, after an approval) sends a CANCEL for the event's UID with a higher
// SEQUENCE, read by two independent parsers (ical.js and python3-icalendar). A later registration's REQUEST is
// higher again; someone who never had a REQUEST gets no calendar part; a REQUEST still queued when the person
// cancels does not put the event back.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { MailWorker } from '~/mail/worker.server'
import { approveRegistration, cancelRegistration, register, type RegistrationInput } from '~/models/registration.server'
import { db } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import { createEvent, createProgramme, type EventInput } from '../factories.ts'
import { parseIcs } from '../support/ics.ts'
import { checkIcsWithPython } from '../support/python-ics.ts'
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../support/smtp.ts'

let sink: SmtpSink
let programmeId: string

beforeAll(async () => {
  sink = await startSmtpSink()
  programmeId = (await createProgramme(db)).id
})
afterAll(() => sink.close())
beforeEach(() => {
  sink.messages.length = 0
  process.env.SMTP_URL = sink.url
  resetEnvCache()
})

async function deliver() {
  const worker = new MailWorker()
  await worker.drain()
  await worker.stop()
}

let n = 0
async function registered(eventId: string, input: Partial<RegistrationInput> = {}) {
  n++
  const result = await register(eventId, {
    name: `Deelnemer ${n}`,
    email: `deelnemer-${n}@example.org`,
    language: 'nl',
    ...input,
  })
  if (!('registrationId' in result)) throw new Error(`not registered: ${result.kind}`)
  return { ...result, email: input.email ?? `deelnemer-${n}@example.org` }
}

const newEvent = (input: EventInput = {}) => createEvent(db, programmeId, input)

function calendarPart(mail: ReceivedMail) {
  const parts = mail.parsed!.attachments.filter((a) => a.contentType === 'text/calendar')
  return parts.length ? parts[0]!.content.toString() : null
}

function mailsTo(email: string) {
  return sink.messages.filter((m) => m.envelope.to.includes(email))
}

/** The one calendar file a person got in mails whose subject matches, read by ical.js and python3-icalendar. */
function calendarIn(email: string, subject: RegExp) {
  const mail = mailsTo(email).find((m) => subject.test(m.parsed?.subject ?? ''))
  if (!mail) throw new Error(`no mail to ${email} matching ${String(subject)}`)
  const text = calendarPart(mail)
  if (!text) return { mail, ical: null, python: null }
  const python = checkIcsWithPython({ 'mail.ics': text })['mail.ics']!
  expect(python.errors).toEqual([])
  expect(python.missingVtimezones).toEqual([])
  return { mail, ical: parseIcs(text), python }
}

describe('a cancelled registration leaves no calendar entry behind', () => {
  test('cancelled by the person: CANCEL for the UID with a higher SEQUENCE; the promoted person gets a REQUEST above it', async () => {
    const event = await newEvent({ capacity: 1 })
    const anne = await registered(event.id)
    const bram = await registered(event.id)
    expect(bram.kind).toBe('waitlisted')
    await deliver()
    const request = calendarIn(anne.email, /Aanmelding bevestigd|aangemeld/i)
    expect(request.ical!.method).toBe('REQUEST')
    const requested = request.ical!.events[0]!.sequence
    // Bram waits: his mail has no calendar part.
    expect(calendarPart(mailsTo(bram.email)[0]!)).toBeNull()
    sink.messages.length = 0

    expect(await cancelRegistration(anne.registrationId, 'self')).toMatchObject({ kind: 'cancelled' })
    await deliver()
    const cancel = calendarIn(anne.email, /geannuleerd/i)
    expect(cancel.mail.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=CANCEL/i)
    for (const file of [cancel.ical!, cancel.python!]) expect(file.method).toBe('CANCEL')
    expect(cancel.ical!.events[0]).toMatchObject({ uid: event.icsUid, status: 'CANCELLED' })
    expect(cancel.ical!.events[0]!.attendees.map((a) => a.value)).toEqual([`mailto:${anne.email}`])
    expect(cancel.python!.events[0]).toMatchObject({ uid: event.icsUid, status: 'CANCELLED' })
    const cancelled = cancel.ical!.events[0]!.sequence
    expect(cancelled).toBeGreaterThan(requested)
    expect(cancel.python!.events[0]!.sequence).toBe(cancelled)
    expect(cancel.mail.parsed!.text).toContain('In de bijlage vindt u een annulering voor uw agenda')
    expect(cancel.mail.parsed!.text).not.toContain('Dan kunt u de afspraak verwijderen')

    // Bram took the seat: his REQUEST is above every sequence sent before.
    const promoted = calendarIn(bram.email, /plaats vrij/i)
    expect(promoted.ical!.method).toBe('REQUEST')
    expect(promoted.ical!.events[0]!.sequence).toBeGreaterThan(cancelled)

    // Anne comes back (Bram cancels, she registers again): her new REQUEST is above her CANCEL.
    sink.messages.length = 0
    await cancelRegistration(bram.registrationId, 'self')
    await registered(event.id, { email: anne.email })
    await deliver()
    const again = calendarIn(anne.email, /Aanmelding bevestigd|aangemeld/i)
    expect(again.ical!.method).toBe('REQUEST')
    expect(again.ical!.events[0]!.sequence).toBeGreaterThan(cancelled)
    expect(again.python!.events[0]!.sequence).toBe(again.ical!.events[0]!.sequence)
  })

  test('cancelled by the secretariat, also after an approval: a CANCEL; a waitlisted person gets none', async () => {
    const event = await newEvent({ capacity: 1, requiresApproval: true })
    const carla = await registered(event.id)
    const dirk = await registered(event.id)
    expect(await approveRegistration(carla.registrationId)).toEqual({ kind: 'confirmed' })
    expect(await approveRegistration(dirk.registrationId)).toMatchObject({ kind: 'waitlisted' })
    await deliver()
    const requested = calendarIn(carla.email, /bevestigd|aangemeld/i).ical!.events[0]!.sequence
    sink.messages.length = 0

    // Dirk is on the waitlist and never had the event in his calendar: no calendar part.
    await cancelRegistration(dirk.registrationId, 'self')
    await cancelRegistration(carla.registrationId, 'secretariat')
    await deliver()
    const toDirk = calendarIn(dirk.email, /geannuleerd/i)
    expect(toDirk.ical).toBeNull()
    expect(toDirk.mail.parsed!.text).toContain('Hebt u de bijeenkomst zelf in uw agenda gezet?')
    const toCarla = calendarIn(carla.email, /geannuleerd/i)
    expect(toCarla.mail.parsed!.text).toContain('Het secretariaat heeft uw aanmelding')
    for (const file of [toCarla.ical!, toCarla.python!]) {
      expect(file.method).toBe('CANCEL')
      expect(file.events[0]).toMatchObject({ uid: event.icsUid, status: 'CANCELLED' })
      expect(file.events[0]!.sequence).toBeGreaterThan(requested)
    }
    const [queued] = await db.outboxMessage.findMany({
      where: { eventId: event.id, to: carla.email, kind: 'registration-cancelled' },
    })
    expect(queued!.icsMethod).toBe('CANCEL')
  })

  test('a confirmation still queued when the person cancels goes without its REQUEST', async () => {
    const event = await newEvent({ capacity: 10 })
    const eva = await registered(event.id, { language: 'en' })
    // The SMTP server was away: nothing left before the cancellation.
    await cancelRegistration(eva.registrationId, 'self')
    await deliver()
    const mails = mailsTo(eva.email)
    expect(mails).toHaveLength(2)
    const confirmation = mails.find((m) => !/cancelled/i.test(m.parsed!.subject ?? ''))!
    expect(calendarPart(confirmation)).toBeNull()
    const cancel = calendarIn(eva.email, /cancelled/i)
    expect(cancel.ical!.method).toBe('CANCEL')
    expect(cancel.mail.parsed!.text).toContain('A cancellation for your calendar is attached')
  })
})
