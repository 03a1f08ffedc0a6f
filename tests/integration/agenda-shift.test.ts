// Issue 17 point 3: when an event's times change, the agenda that no longer fits is shown, and the whole agenda
// can move along in one action with one update mail: in the edit form's confirmation step, or later from the
// agenda page. Real routes, the real mail worker and an SMTP sink; calendar parts parsed by ical.js.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { MailWorker } from '~/mail/worker.server'
import { register } from '~/models/registration.server'
import { action as editEventAction } from '~/routes/beheer.bijeenkomsten.$id.bewerken'
import { loader as overviewLoader } from '~/routes/beheer.bijeenkomsten.$id._index'
import { action as agendaAction, loader as agendaLoader } from '~/routes/beheer.bijeenkomsten.$id.programma._index'
import { action as speakersAction } from '~/routes/beheer.bijeenkomsten.$id.sprekers'
import { action as loginAction } from '~/routes/inloggen'
import { db } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import {
  addParticipation,
  createAgendaItem,
  createEvent,
  createOrganisation,
  createProgramme,
  createSpeaker,
  createUser,
} from '../factories.ts'
import { parseIcs } from '../support/ics.ts'
import { callRoute, cookieFrom, formRequest, getRequest } from '../support/remix.ts'
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../support/smtp.ts'

let organiser: string
let programmeId: string
let hostId: string
let sink: SmtpSink

async function deliver() {
  const worker = new MailWorker({ concurrency: 3 })
  try {
    return await worker.drain()
  } finally {
    await worker.stop()
  }
}

beforeAll(async () => {
  sink = await startSmtpSink()
  const { user, password } = await createUser(db, { role: 'organiser' })
  organiser = cookieFrom(
    await callRoute(
      loginAction,
      formRequest('/inloggen', { email: user.email, password }, { 'x-bijeen-client-ip': '10.17.3.1' }),
    ),
  )
  programmeId = (await createProgramme(db)).id
  hostId = (await createOrganisation(db, { sector: 'rijksoverheid' })).id
})
afterAll(async () => {
  await sink.close()
})
beforeEach(async () => {
  process.env.SMTP_URL = sink.url
  resetEnvCache()
  await deliver()
  sink.messages.length = 0
})

const eventFields = (title: string, startTime: string, endTime: string, extra: Record<string, string> = {}) => ({
  intent: 'save',
  programmeId,
  title,
  date: '2027-03-10',
  startTime,
  endTime,
  venueCity: 'Den Haag',
  hostIds: hostId,
  ...extra,
})

function edit(eventId: string, fields: Record<string, string>) {
  return callRoute(
    editEventAction,
    formRequest(`/beheer/bijeenkomsten/${eventId}/bewerken`, fields, { cookie: organiser }),
    {
      id: eventId,
    },
  )
}

/** An event 10.00–16.00 (CET, UTC+1) with an opening 10.00–10.45 and a panel 11.00–12.00 with an invited speaker. */
async function setUp(title: string) {
  const event = await createEvent(db, programmeId, {
    status: 'published',
    title,
    date: '2027-03-10',
    startTime: '10:00',
    endTime: '16:00',
  })
  const opening = await createAgendaItem(db, event, {
    date: '2027-03-10',
    start: '10:00',
    end: '10:45',
    title: 'Opening',
    kind: 'opening',
  })
  const panel = await createAgendaItem(db, event, {
    date: '2027-03-10',
    start: '11:00',
    end: '12:00',
    title: 'Panel',
    kind: 'panel',
    room: 'Zaal 1',
  })
  const speaker = await createSpeaker(db, { honorific: 'staatssecretaris', name: 'Van Ark' })
  await addParticipation(db, { agendaItemId: panel.id, speakerId: speaker.id, role: 'panelist' })
  const invited = await callRoute(
    speakersAction,
    formRequest(
      `/beheer/bijeenkomsten/${event.id}/sprekers`,
      { intent: 'invite', speakerId: speaker.id },
      { cookie: organiser },
    ),
    { id: event.id },
  )
  expect(invited.status).toBe(302)
  const registered = await register(event.id, {
    name: 'Deelnemer Een',
    email: `deelnemer-${event.id}@example.org`,
    language: 'nl',
    organisationId: null,
  })
  expect(registered.kind).toBe('confirmed')
  await deliver()
  const mails = await sink.waitFor(2)
  const slotUid = parseIcs(calendarOf(mails.find((m) => m.envelope.to[0] === speaker.email)!)).events[0]!
  sink.messages.length = 0
  return { event, opening, panel, speaker, slot: slotUid, registrant: `deelnemer-${event.id}@example.org` }
}

function calendarOf(mail: ReceivedMail) {
  const part = mail.parsed!.attachments.find((a) => a.contentType === 'text/calendar')
  expect(part, 'calendar part').toBeDefined()
  return part!.content.toString()
}

const times = async (eventId: string) =>
  (await db.agendaItem.findMany({ where: { eventId }, orderBy: { startsAt: 'asc' } })).map(
    (i) => `${i.title} ${i.startsAt.toISOString().slice(11, 16)}–${i.endsAt.toISOString().slice(11, 16)}`,
  )

describe('moving the event: the agenda question in the confirmation step', () => {
  test('asks before saving, lists the item outside, and offers the same shift', async () => {
    const { event } = await setUp('Verschuiven gevraagd')
    const asked = await edit(event.id, eventFields(event.title, '10:30', '16:30'))
    expect(asked.status).toBe(200)
    expect(asked.data).toMatchObject({
      confirm: {
        recipients: 1,
        agenda: { shiftMinutes: 30, outside: [{ title: 'Opening', time: '10.00–10.45' }] },
      },
    })
    // Confirming the mail without answering the agenda question still saves nothing.
    const again = await edit(event.id, eventFields(event.title, '10:30', '16:30', { notify: 'confirmed' }))
    expect(again.status).toBe(200)
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).startsAt.toISOString()).toBe(
      '2027-03-10T09:00:00.000Z',
    )
    expect(await times(event.id)).toEqual(['Opening 09:00–09:45', 'Panel 10:00–11:00'])
  })

  test('shift: every item moves, the registrant gets one mail with the new agenda, the speaker a slot update', async () => {
    const { event, speaker, slot, registrant } = await setUp('Verschuiven mee')
    const saved = await edit(
      event.id,
      eventFields(event.title, '10:30', '16:30', { notify: 'confirmed', agenda: 'shift' }),
    )
    expect(saved.status).toBe(302)
    expect(await times(event.id)).toEqual(['Opening 09:30–10:15', 'Panel 10:30–11:30'])
    const audit = await db.auditEntry.findFirst({ where: { entityId: event.id, action: 'agenda.shifted' } })
    expect(audit?.details).toEqual({ minutes: 30, items: 2 })

    await deliver()
    const mails = await sink.waitFor(2)
    const toRegistrant = mails.filter((m) => m.envelope.to[0] === registrant)
    expect(toRegistrant).toHaveLength(1)
    const text = toRegistrant[0]!.parsed!.text!
    expect(text).toContain('Programma\nOud: 10.00–12.00\nNieuw: 10.30–12.30')
    expect(parseIcs(calendarOf(toRegistrant[0]!)).events[0]!.start).toBe('2027-03-10T09:30:00.000Z')

    const toSpeaker = mails.filter((m) => m.envelope.to[0] === speaker.email)
    expect(toSpeaker).toHaveLength(1)
    const update = parseIcs(calendarOf(toSpeaker[0]!))
    expect(update.method).toBe('REQUEST')
    expect(update.events[0]).toMatchObject({
      uid: slot.uid,
      start: '2027-03-10T10:30:00.000Z',
    })
    expect(update.events[0]!.sequence).toBeGreaterThan(slot.sequence)
    // Nothing is left outside: the overview has no warning.
    const overview = await callRoute(
      overviewLoader,
      getRequest(`/beheer/bijeenkomsten/${event.id}`, { cookie: organiser }),
      {
        id: event.id,
      },
    )
    expect((overview.data as { outside: number }).outside).toBe(0)
  })

  test('keep: the items stay, and the overview and the agenda page say which one is outside', async () => {
    const { event, opening } = await setUp('Laten staan')
    const saved = await edit(
      event.id,
      eventFields(event.title, '10:30', '16:30', { notify: 'confirmed', agenda: 'keep' }),
    )
    expect(saved.status).toBe(302)
    expect(await times(event.id)).toEqual(['Opening 09:00–09:45', 'Panel 10:00–11:00'])
    await deliver()
    const mails = await sink.waitFor(1)
    expect(mails.map((m) => m.parsed!.text).join('')).not.toContain('Programma:')

    const overview = await callRoute(
      overviewLoader,
      getRequest(`/beheer/bijeenkomsten/${event.id}`, { cookie: organiser }),
      {
        id: event.id,
      },
    )
    expect((overview.data as { outside: number }).outside).toBe(1)
    const page = await callRoute(
      agendaLoader,
      getRequest(`/beheer/bijeenkomsten/${event.id}/programma`, { cookie: organiser }),
      {
        id: event.id,
      },
    )
    expect(page.data).toMatchObject({
      outside: [{ id: opening.id, title: 'Opening', time: '10.00–10.45' }],
      shiftToFit: 30,
      period: expect.stringContaining('10.30–16.30'),
    })
  })

  test('no one to mail: the agenda question is still asked; a shorter event that no shift fits offers none', async () => {
    const event = await createEvent(db, programmeId, {
      title: 'Zonder deelnemers',
      date: '2027-03-10',
      startTime: '10:00',
      endTime: '16:00',
    })
    await createAgendaItem(db, event, { date: '2027-03-10', start: '10:00', end: '15:00', title: 'Lang blok' })
    const later = await edit(event.id, eventFields(event.title, '11:00', '17:00'))
    expect(later.data).toMatchObject({
      confirm: { recipients: 0, agenda: { shiftMinutes: 60, outside: [{ title: 'Lang blok' }] } },
    })
    const shorter = await edit(event.id, eventFields(event.title, '11:00', '14:00'))
    expect(shorter.data).toMatchObject({ confirm: { recipients: 0, agenda: { shiftMinutes: null } } })
    // Changing something else than the times asks nothing.
    const title = await edit(event.id, eventFields('Zonder deelnemers (nieuw)', '10:00', '16:00'))
    expect(title.status).toBe(302)
    expect(await times(event.id)).toEqual(['Lang blok 09:00–14:00'])
  })
})

describe('the agenda page: shift the whole agenda', () => {
  const shift = (eventId: string, minutes: string) =>
    callRoute(
      agendaAction,
      formRequest(`/beheer/bijeenkomsten/${eventId}/programma`, { intent: 'shift', minutes }, { cookie: organiser }),
      { id: eventId },
    )

  test('moves every item by the minutes, mails the speaker once, and refuses what would not fit', async () => {
    const { event, speaker, slot } = await setUp('Verschuiven vanaf het programma')
    await edit(event.id, eventFields(event.title, '10:30', '16:30', { notify: 'confirmed', agenda: 'keep' }))
    await deliver()
    sink.messages.length = 0

    for (const bad of ['', 'dertig', '7.5', '0', '99999999']) {
      const refused = await shift(event.id, bad)
      expect(refused.status, bad).toBe(400)
      expect(JSON.stringify(refused.data)).toContain('Vul een aantal minuten in')
    }
    const tooFar = await shift(event.id, '600')
    expect(tooFar.status).toBe(400)
    expect(JSON.stringify(tooFar.data)).toContain('Er is niets verschoven')
    expect(await times(event.id)).toEqual(['Opening 09:00–09:45', 'Panel 10:00–11:00'])

    const done = await shift(event.id, '30')
    expect(done.status).toBe(302)
    expect(await times(event.id)).toEqual(['Opening 09:30–10:15', 'Panel 10:30–11:30'])
    const page = await callRoute(agendaLoader, getRequest(done.location!, { cookie: organiser }), { id: event.id })
    expect(page.data).toMatchObject({ notice: { name: 'shifted', value: '2:1' }, outside: [], shiftToFit: null })
    await deliver()
    const [update] = await sink.waitFor(1)
    expect(update!.envelope.to[0]).toBe(speaker.email)
    // Higher than the invitation's: the event's own change in between counts in the slot's SEQUENCE too.
    const moved = parseIcs(calendarOf(update!)).events[0]!
    expect(moved).toMatchObject({ uid: slot.uid, start: '2027-03-10T10:30:00.000Z' })
    expect(moved.sequence).toBeGreaterThan(slot.sequence)
  })

  test('an event that does not exist is a 404, not a 500', async () => {
    expect(await shift('no-such-event', '30')).toMatchObject({ status: 404 })
  })
})
