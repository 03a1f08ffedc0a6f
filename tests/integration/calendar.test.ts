// Calendar files served and mailed by the app: downloads, feeds, personal feeds, the REQUEST in a
// confirmation, updates with a higher SEQUENCE, and cancellations.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { loader as eventIcs } from '~/routes/bijeenkomsten.$slug.agenda[.]ics'
import { loader as programmeIcs } from '~/routes/programmas.$slug.agenda[.]ics'
import { loader as registrantIcs } from '~/routes/aanmelding.$token.agenda[.]ics'
import { loader as speakerIcs } from '~/routes/spreker.$token.agenda[.]ics'
import { enqueue } from '~/mail/outbox.server'
import { MailWorker } from '~/mail/worker.server'
import {
  cancelEvent,
  changeEventSchedule,
  ConcurrentChangeError,
  prepareRegistrationConfirmed,
} from '~/models/event-mail.server'
import { createPersonalLink, revokePersonalLinks } from '~/models/personal-link.server'
import { db } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import { EVENT_SLUG, PROGRAMME_SLUG, seed } from '../../prisma/seed.ts'
import { createEvent } from '../factories.ts'
import { parseIcs } from '../support/ics.ts'
import { callRoute, getRequest } from '../support/remix.ts'
import { startSmtpSink, type SmtpSink } from '../support/smtp.ts'

let sink: SmtpSink

beforeAll(async () => {
  sink = await startSmtpSink()
  await seed(db, {
    adminEmail: 'admin@example.org',
    adminPassword: 'Kalender-Test-1',
    now: new Date('2026-11-29T08:00:00Z'),
  })
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

async function getIcs(loader: Parameters<typeof callRoute>[0], path: string, params: Record<string, string>) {
  const result = await callRoute(loader, getRequest(path), params)
  return { ...result, text: typeof result.data === 'string' ? result.data : '' }
}

let n = 0
async function register(eventId: string, status: 'confirmed' | 'waitlisted', language: 'nl' | 'en' = 'nl') {
  const i = ++n
  return db.registration.create({
    data: {
      eventId,
      name: `Deelnemer ${i}`,
      email: `deelnemer${i}@example.org`,
      language,
      status,
      activeKey: `${eventId}:deelnemer${i}@example.org`,
      checkInCode: randomBytes(16).toString('hex'),
    },
  })
}

/** Queues and delivers a confirmation with its REQUEST, as registration does. */
async function confirm(registration: Awaited<ReturnType<typeof register>>) {
  const event = await db.event.findUniqueOrThrow({ where: { id: registration.eventId } })
  const mail = await prepareRegistrationConfirmed({
    registration: { ...registration, checkInCode: registration.checkInCode! },
    event,
    manageUrl: 'http://localhost:3000/aanmelding/abc',
  })
  await enqueue([{ ...mail, idempotencyKey: `confirmed:${registration.id}`, eventId: event.id }])
}

describe('downloads and feeds', () => {
  test('the event download is PUBLISH without attendees, optionally with the agenda items', async () => {
    const plain = await getIcs(eventIcs, `/bijeenkomsten/${EVENT_SLUG}/agenda.ics`, { slug: EVENT_SLUG })
    expect(plain.status).toBe(200)
    expect(plain.headers.get('content-type')).toBe('text/calendar; charset=utf-8; method=PUBLISH')
    expect(plain.headers.get('content-disposition')).toContain('formele-start-samen-tegen-mensenhandel.ics')
    const file = parseIcs(plain.text)
    expect(file.method).toBe('PUBLISH')
    expect(file.events).toHaveLength(1)
    expect(file.events[0]!.start).toBe('2026-12-04T13:00:00.000Z')
    expect(file.events[0]!.attendees).toEqual([])
    expect(file.events[0]!.organizer).toBe('mailto:secretariaat@example.org')
    expect(plain.text).toContain('GEO:52.0786;4.3164')
    const unfolded = plain.text.replace(/\r\n[ \t]/g, '')
    expect(unfolded).toContain('LOCATION:Ministerie van Justitie en Veiligheid\\, Turfmarkt 147\\, 2511 DP Den Haag')
    const full = parseIcs(
      (await getIcs(eventIcs, `/bijeenkomsten/${EVENT_SLUG}/agenda.ics?programmaonderdelen=1`, { slug: EVENT_SLUG }))
        .text,
    )
    expect(full.events).toHaveLength(5)
    expect(full.events.map((e) => e.summary)).toContain('Panel: de inzet van de ministeries')
    expect(new Set(full.events.map((e) => e.uid)).size).toBe(5)
  })

  test('a draft or unknown event has no calendar file', async () => {
    const programme = await db.programme.findUniqueOrThrow({ where: { slug: PROGRAMME_SLUG } })
    const draft = await createEvent(db, programme.id, { status: 'draft', slug: 'concept-ics' })
    expect((await getIcs(eventIcs, '/x', { slug: draft.slug })).status).toBe(404)
    expect((await getIcs(eventIcs, '/x', { slug: 'bestaat-niet' })).status).toBe(404)
  })

  test('the programme feed has every public event, keeps cancelled ones, and sets a refresh interval', async () => {
    const programme = await db.programme.findUniqueOrThrow({ where: { slug: PROGRAMME_SLUG } })
    await createEvent(db, programme.id, { status: 'cancelled', slug: 'afgelast-feed', title: 'Afgelaste bijeenkomst' })
    await createEvent(db, programme.id, { status: 'draft', slug: 'concept-feed', title: 'Conceptbijeenkomst' })
    const feed = await getIcs(programmeIcs, '/x', { slug: PROGRAMME_SLUG })
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8; method=PUBLISH')
    const file = parseIcs(feed.text)
    const titles = file.events.map((e) => e.summary)
    expect(titles).toContain('Formele start Samen tegen mensenhandel')
    expect(titles).toContain('Afgelaste bijeenkomst')
    expect(titles).not.toContain('Conceptbijeenkomst')
    expect(file.events.find((e) => e.summary === 'Afgelaste bijeenkomst')!.status).toBe('CANCELLED')
    expect(feed.text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT60M')
  })

  test('personal feeds work only with a valid feed token', async () => {
    const event = await db.event.findUniqueOrThrow({ where: { slug: EVENT_SLUG } })
    const registration = await register(event.id, 'confirmed')
    const token = await createPersonalLink({
      kind: 'registration_feed',
      subjectId: registration.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    // The same address registered elsewhere (anyone can type an address into a public form): not in this feed.
    const programme = await db.programme.findUniqueOrThrow({ where: { slug: PROGRAMME_SLUG } })
    const other = await createEvent(db, programme.id, { title: 'Besloten overleg', visibility: 'invite_only' })
    await db.registration.create({
      data: { eventId: other.id, name: registration.name, email: registration.email, status: 'confirmed' },
    })
    const feed = await getIcs(registrantIcs, '/x', { token })
    expect(feed.status).toBe(200)
    expect(parseIcs(feed.text).events.map((e) => e.summary)).toEqual(['Formele start Samen tegen mensenhandel'])
    // A manage-link token is not a feed token; garbage, expired and revoked tokens are refused.
    const manage = await createPersonalLink({
      kind: 'registration',
      subjectId: registration.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    expect((await getIcs(registrantIcs, '/x', { token: manage })).status).toBe(404)
    expect((await getIcs(registrantIcs, '/x', { token: 'garbage' })).status).toBe(404)
    const expired = await createPersonalLink({
      kind: 'registration_feed',
      subjectId: registration.id,
      expiresAt: new Date(Date.now() - 1000),
    })
    expect((await getIcs(registrantIcs, '/x', { token: expired })).status).toBe(410)
    await revokePersonalLinks('registration_feed', registration.id)
    expect((await getIcs(registrantIcs, '/x', { token })).status).toBe(410)
  })

  test("a speaker's feed holds their own slots with their role", async () => {
    const harbers = await db.speaker.findFirstOrThrow({ where: { name: 'Harbers' } })
    const token = await createPersonalLink({
      kind: 'speaker_feed',
      subjectId: harbers.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    const file = parseIcs((await getIcs(speakerIcs, '/x', { token })).text)
    expect(file.events.map((e) => e.summary)).toEqual([
      'Opening (spreker): Opening door staatssecretaris Harbers · Formele start Samen tegen mensenhandel',
      'Panel (panellid): Panel: de inzet van de ministeries · Formele start Samen tegen mensenhandel',
    ])
    expect(file.events[1]!.start).toBe('2026-12-04T13:30:00.000Z')
  })
})

describe('invitations, updates and cancellations by mail', () => {
  test('a confirmation carries a REQUEST part whose MIME method matches, with the registrant as attendee', async () => {
    const event = await db.event.findUniqueOrThrow({ where: { slug: EVENT_SLUG } })
    const registration = await register(event.id, 'confirmed')
    await confirm(registration)
    await deliver()
    const [mail] = await sink.waitFor(1)
    expect(mail!.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i)
    const part = mail!.parsed!.attachments.find((a) => a.contentType === 'text/calendar')!
    const file = parseIcs(part.content.toString())
    expect(file.method).toBe('REQUEST')
    expect(file.events[0]!.uid).toBe(event.icsUid)
    expect(file.events[0]!.attendees).toEqual([{ value: `mailto:${registration.email}`, rsvp: 'FALSE' }])
    // The QR code for check-in travels as an inline image.
    const qr = mail!.parsed!.attachments.find((a) => a.contentType === 'image/png')
    expect(qr?.cid).toBe('qr@bijeen')
    // mailparser resolves the cid: reference to the attached image, which proves the reference matches.
    expect(mail!.parsed!.html).toContain(`src="data:image/png;base64,${qr!.content.toString('base64')}"`)
  })

  test('personal links follow a postponed event: invitations to its new end, registrants 30 days later', async () => {
    const programme = await db.programme.findUniqueOrThrow({ where: { slug: PROGRAMME_SLUG } })
    const event = await createEvent(db, programme.id, { date: '2027-02-10', startTime: '10:00', endTime: '12:00' })
    const link = (kind: 'invitation' | 'registration', subjectId: string) =>
      createPersonalLink({ kind, subjectId, eventId: event.id, expiresAt: event.endsAt })
    await link('invitation', 'uitnodiging-1')
    await link('registration', 'aanmelding-1')
    await link('invitation', 'ingetrokken')
    await revokePersonalLinks('invitation', 'ingetrokken')

    const endsAt = new Date('2027-03-10T13:00:00Z')
    await changeEventSchedule(event.id, { startsAt: new Date('2027-03-10T11:00:00Z'), endsAt }, null)

    const links = await db.personalLink.findMany({ where: { eventId: event.id } })
    const expiry = (subjectId: string) => links.find((l) => l.subjectId === subjectId)!.expiresAt.toISOString()
    expect(expiry('uitnodiging-1')).toBe(endsAt.toISOString())
    expect(expiry('aanmelding-1')).toBe('2027-04-09T13:00:00.000Z')
    // A withdrawn link stays as it was.
    expect(expiry('ingetrokken')).toBe(event.endsAt.toISOString())
  })

  test('changing the start time sends an update with SEQUENCE + 1 to every confirmed registrant and speaker', async () => {
    const programme = await db.programme.findUniqueOrThrow({ where: { slug: PROGRAMME_SLUG } })
    const event = await createEvent(db, programme.id, {
      date: '2027-03-28',
      startTime: '10:00',
      endTime: '12:00',
      slug: 'zomertijd',
    })
    const confirmed = [
      await register(event.id, 'confirmed'),
      await register(event.id, 'confirmed', 'en'),
      await register(event.id, 'confirmed'),
    ]
    await register(event.id, 'waitlisted')
    for (const r of confirmed) await confirm(r)
    await deliver()
    sink.messages.length = 0

    const result = await changeEventSchedule(
      event.id,
      { startsAt: new Date('2027-03-28T09:00:00Z'), endsAt: new Date('2027-03-28T11:00:00Z') },
      null,
    )
    expect(result).toMatchObject({ changed: true, mailed: 3, sequence: 1 })
    await deliver()
    const mails = await sink.waitFor(3)
    expect(mails.map((m) => m.envelope.to[0]).sort()).toEqual(confirmed.map((r) => r.email).sort())
    for (const mail of mails) {
      const part = mail.parsed!.attachments.find((a) => a.contentType === 'text/calendar')!
      const file = parseIcs(part.content.toString())
      expect(file.method).toBe('REQUEST')
      expect(file.events[0]).toMatchObject({ uid: event.icsUid, sequence: 1, start: '2027-03-28T09:00:00.000Z' })
      expect(mail.raw).toMatch(/method=REQUEST/)
    }
    const english = mails.find((m) => m.envelope.to[0] === confirmed[1]!.email)!
    expect(english.parsed!.html).toContain('lang="en"')
    // 11.00 in summer time, in the recipient's words.
    const dutch = mails.find((m) => m.envelope.to[0] === confirmed[0]!.email)!
    expect(dutch.parsed!.text).toContain('11.00–13.00 uur')
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).icsSequence).toBe(1)
    // Nothing changed: no mail, no new sequence.
    expect(await changeEventSchedule(event.id, { startsAt: new Date('2027-03-28T09:00:00Z') }, null)).toMatchObject({
      changed: false,
    })
  })

  test('two simultaneous changes cannot both claim the next sequence', async () => {
    const programme = await db.programme.findUniqueOrThrow({ where: { slug: PROGRAMME_SLUG } })
    const event = await createEvent(db, programme.id, { slug: 'gelijktijdig' })
    const results = await Promise.allSettled([
      changeEventSchedule(event.id, { venueCity: 'Utrecht' }, null),
      changeEventSchedule(event.id, { venueCity: 'Zwolle' }, null),
    ])
    const ok = results.filter((r) => r.status === 'fulfilled')
    const conflicts = results.filter((r) => r.status === 'rejected' && r.reason instanceof ConcurrentChangeError)
    expect(ok.length + conflicts.length).toBe(2)
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).icsSequence).toBe(ok.length)
  })

  test('cancelling sends CANCEL with a higher SEQUENCE to everyone who received a REQUEST', async () => {
    const programme = await db.programme.findUniqueOrThrow({ where: { slug: PROGRAMME_SLUG } })
    const event = await createEvent(db, programme.id, { slug: 'wordt-afgelast' })
    const confirmed = [await register(event.id, 'confirmed'), await register(event.id, 'confirmed')]
    const waiting = await register(event.id, 'waitlisted')
    for (const r of confirmed) await confirm(r)
    await deliver()
    sink.messages.length = 0

    const result = await cancelEvent(event.id, 'De bijeenkomst wordt verplaatst naar het voorjaar.', null)
    expect(result).toMatchObject({ cancelled: true, mailed: 3, sequence: 1 })
    await deliver()
    const mails = await sink.waitFor(3)
    for (const r of confirmed) {
      const mail = mails.find((m) => m.envelope.to[0] === r.email)!
      expect(mail.raw).toMatch(/method=CANCEL/)
      const file = parseIcs(mail.parsed!.attachments.find((a) => a.contentType === 'text/calendar')!.content.toString())
      expect(file.method).toBe('CANCEL')
      expect(file.events[0]).toMatchObject({ uid: event.icsUid, sequence: 1, status: 'CANCELLED' })
      expect(mail.parsed!.text).toContain('verplaatst naar het voorjaar')
    }
    // The waitlisted person never had the event in their calendar: a mail, no calendar part.
    const toWaiting = mails.find((m) => m.envelope.to[0] === waiting.email)!
    expect(toWaiting.parsed!.attachments.filter((a) => a.contentType === 'text/calendar')).toHaveLength(0)
    const after = await db.event.findUniqueOrThrow({ where: { id: event.id } })
    expect(after).toMatchObject({ status: 'cancelled', icsSequence: 1 })
    const entry = await db.auditEntry.findFirstOrThrow({ where: { entityId: event.id, action: 'event.status' } })
    expect(entry.details).toMatchObject({ from: 'published', to: 'cancelled' })
    // Cancelling twice sends nothing more.
    expect(await cancelEvent(event.id, '', null)).toMatchObject({ cancelled: false })
  })
})
