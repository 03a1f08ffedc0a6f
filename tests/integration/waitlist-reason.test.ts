// The real reason someone waits (issue 17, point 1): over their organisation's quota while the event has room,
// they are told that their organisation's seats are taken (not that the event is full), whom to ask, and that a
// colleague's cancellation frees a seat for them; when another seat frees and they are passed over for the
// quota, they keep their place and hear nothing; the secretariat sees the same distinction.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { MailWorker } from '~/mail/worker.server'
import { parseRegistrationFilter } from '~/domain/registration-admin'
import { getRegistrationDetail, listRegistrations } from '~/models/registration-admin.server'
import { getManagePage } from '~/models/registration-manage.server'
import { cancelRegistration, register, type RegistrationInput } from '~/models/registration.server'
import { db } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import { createEvent, createOrganisation, createProgramme } from '../factories.ts'
import { startSmtpSink, type SmtpSink } from '../support/smtp.ts'

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

async function registered(eventId: string, email: string, input: Partial<RegistrationInput> = {}) {
  const result = await register(eventId, { name: email.split('@')[0]!, email, language: 'nl', ...input })
  if (!('registrationId' in result)) throw new Error(`not registered: ${result.kind}`)
  return result
}

const textTo = (email: string) =>
  sink.messages.filter((m) => m.envelope.to.includes(email)).map((m) => m.parsed!.text ?? '')

describe('waiting for a seat of the organisation', () => {
  test('told the real reason in the mail and on the page; passed over without a word; shown to the secretariat', async () => {
    const event = await newEventWithRoom()
    const organisation = await createOrganisation(db, { name: 'Gemeente Tilburg', seatQuota: 1 })
    const ofOrganisation = { organisationId: organisation.id, organisationName: organisation.name }
    const anna = await registered(event.id, 'anna@tilburg.example', ofOrganisation)
    expect(anna.kind).toBe('confirmed')
    const bas = await registered(event.id, 'bas@tilburg.example', ofOrganisation)
    expect(bas.kind).toBe('waitlisted')
    await deliver()

    // The mail: the organisation's seats, whom to ask, and that a colleague's cancellation frees a seat.
    const [mail] = textTo('bas@tilburg.example')
    expect(mail).toContain('de plaatsen voor Gemeente Tilburg zijn al bezet door collega’s')
    expect(mail).toContain('U staat op plaats 1 van de wachtlijst voor Gemeente Tilburg.')
    expect(mail).toContain('Annuleert een collega van Gemeente Tilburg?')
    expect(mail).toContain('Vraag het aan het secretariaat via secretariaat@example.org')
    expect(mail).not.toMatch(/bijeenkomst is (op dit moment )?vol/i)

    // The page says the same.
    const page = (await getManagePage(bas.registrationId))!
    expect(page.waitlist).toMatchObject({ reason: 'organisation-full', organisationName: 'Gemeente Tilburg' })
    expect(page.waitlist!.organisationPosition).toBe(1)
    expect(page.secretariatEmail).toBe('secretariaat@example.org')

    // Someone without an organisation takes a seat and cancels: the seat frees, Bas is passed over for the quota,
    // keeps his place and is sent nothing.
    const carl = await registered(event.id, 'carl@example.org')
    expect(carl.kind).toBe('confirmed')
    await deliver()
    sink.messages.length = 0
    const cancelled = await cancelRegistration(carl.registrationId, 'self')
    expect(cancelled).toEqual({ kind: 'cancelled', promoted: [] })
    await deliver()
    expect(textTo('bas@tilburg.example')).toEqual([])
    const after = (await getManagePage(bas.registrationId))!
    expect(after.registration.status).toBe('waitlisted')
    expect(after.waitlist).toMatchObject({ position: 1, reason: 'organisation-full', organisationPosition: 1 })

    // The secretariat: the list and the registration say he waits for a seat of the organisation.
    const list = await listRegistrations(event.id, parseRegistrationFilter(new URLSearchParams('status=waitlisted')))
    expect(list.registrations.map((r) => [r.email, r.waitingForQuota])).toEqual([
      ['bas@tilburg.example', { organisation: 'Gemeente Tilburg', position: 1, eventFull: false }],
    ])
    const detail = await getRegistrationDetail(event.id, bas.registrationId, { sensitive: false })
    expect(detail!.waitingForQuota).toEqual({ organisation: 'Gemeente Tilburg', position: 1, eventFull: false })

    // Anna cancels: her seat goes to Bas, as the mail promised.
    sink.messages.length = 0
    expect(await cancelRegistration(anna.registrationId, 'self')).toEqual({
      kind: 'cancelled',
      promoted: [bas.registrationId],
    })
    await deliver()
    const subjects = sink.messages
      .filter((m) => m.envelope.to.includes('bas@tilburg.example'))
      .map((m) => m.parsed!.subject)
    expect(subjects).toEqual([expect.stringContaining('Er is een plaats vrij')])
  })

  test('a full event is still told as full, and the secretariat sees no quota', async () => {
    const event = await createEvent(db, programmeId, { capacity: 1 })
    const organisation = await createOrganisation(db, { name: 'Gemeente Breda', seatQuota: 5 })
    const ofOrganisation = { organisationId: organisation.id, organisationName: organisation.name }
    await registered(event.id, 'dirk@breda.example', ofOrganisation)
    const eva = await registered(event.id, 'eva@breda.example', ofOrganisation)
    expect(eva.kind).toBe('waitlisted')
    await deliver()
    const [mail] = textTo('eva@breda.example')
    expect(mail).toContain('De bijeenkomst is op dit moment vol.')
    expect(mail).not.toContain('Gemeente Breda zijn')
    const page = (await getManagePage(eva.registrationId))!
    expect(page.waitlist).toMatchObject({ reason: 'event-full', position: 1 })
    const list = await listRegistrations(event.id, parseRegistrationFilter(new URLSearchParams('status=waitlisted')))
    expect(list.registrations[0]!.waitingForQuota).toBeNull()
  })
})

function newEventWithRoom() {
  return createEvent(db, programmeId, { capacity: 3 })
}
