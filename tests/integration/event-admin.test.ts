// The secretariat's event, agenda and speaker forms with bad input: a clear Dutch message and a 4xx,
// never a 500, and nothing saved. Called through the real route actions with real requests.
import sharp from 'sharp'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { action as newEventAction } from '~/routes/beheer.bijeenkomsten.nieuw'
import { action as editEventAction } from '~/routes/beheer.bijeenkomsten.$id.bewerken'
import { action as agendaAction } from '~/routes/beheer.bijeenkomsten.$id.programma._index'
import { loader as overviewLoader } from '~/routes/beheer.bijeenkomsten.$id._index'
import { action as itemAction } from '~/routes/beheer.bijeenkomsten.$id.programma.$itemId'
import { action as statusAction } from '~/routes/beheer.bijeenkomsten.$id.status'
import { action as newSpeakerAction } from '~/routes/beheer.sprekers.nieuw'
import { action as loginAction } from '~/routes/inloggen'
import { db } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import {
  createAgendaItem,
  createEvent,
  createOrganisation,
  createProgramme,
  createSpeaker,
  createUser,
} from '../factories.ts'
import { callRoute, cookieFrom, formRequest, getRequest, BASE } from '../support/remix.ts'

let organiserCookie: string
let viewerCookie: string
let programmeId: string
let hostId: string

async function cookieFor(role: 'organiser' | 'viewer') {
  const { user, password } = await createUser(db, { role })
  return cookieFrom(
    await callRoute(
      loginAction,
      formRequest('/inloggen', { email: user.email, password }, { 'x-bijeen-client-ip': `10.9.0.${role.length}` }),
    ),
  )
}

const eventFields = (overrides: Record<string, string> = {}) => ({
  intent: 'save',
  programmeId,
  title: 'Werkbezoek',
  date: '2026-12-10',
  startTime: '10:00',
  endTime: '12:00',
  venueCity: 'Den Haag',
  hostIds: hostId,
  ...overrides,
})

function post(
  action: Parameters<typeof callRoute>[0],
  url: string,
  fields: Record<string, string>,
  cookie: string,
  params: Record<string, string> = {},
) {
  return callRoute(action, formRequest(url, fields, { cookie }), params)
}

beforeAll(async () => {
  process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'bijeen-uploads-'))
  resetEnvCache()
  organiserCookie = await cookieFor('organiser')
  viewerCookie = await cookieFor('viewer')
  programmeId = (await createProgramme(db)).id
  hostId = (await createOrganisation(db, { sector: 'rijksoverheid' })).id
})

describe('event form', () => {
  test('a good form creates a draft with its hosts and an audit entry', async () => {
    const result = await post(
      newEventAction,
      '/beheer/bijeenkomsten/nieuw',
      eventFields({ title: 'Regiobijeenkomst Oost' }),
      organiserCookie,
    )
    expect(result.status).toBe(302)
    const event = await db.event.findFirstOrThrow({
      where: { title: 'Regiobijeenkomst Oost' },
      include: { hosts: true },
    })
    expect(event).toMatchObject({ status: 'draft', slug: 'regiobijeenkomst-oost' })
    expect(event.startsAt.toISOString()).toBe('2026-12-10T09:00:00.000Z')
    expect(event.icsUid).toBe(`event-${event.id}@localhost`)
    expect(event.hosts.map((h) => h.organisationId)).toEqual([hostId])
    expect(await db.auditEntry.count({ where: { entityId: event.id, action: 'event.created' } })).toBe(1)
  })

  test('a slug collision gets a suffix instead of an error', async () => {
    for (let i = 0; i < 2; i++)
      expect((await post(newEventAction, '/x', eventFields({ title: 'Dubbele titel' }), organiserCookie)).status).toBe(
        302,
      )
    const slugs = (await db.event.findMany({ where: { title: 'Dubbele titel' }, select: { slug: true } }))
      .map((e) => e.slug)
      .sort()
    expect(slugs).toEqual(['dubbele-titel', 'dubbele-titel-2'])
  })

  test.each([
    ['end before start', { endTime: '09:00' }, 'De eindtijd moet na de begintijd liggen.'],
    ['a missing title', { title: '' }, 'Vul een titel in.'],
    ['a 1 MB title', { title: 'x'.repeat(1_000_000) }, 'Gebruik hoogstens 200 tekens.'],
    ['an unknown host', { hostIds: 'not-an-organisation' }, 'Kies organisaties uit de lijst.'],
    ['an unknown programme', { programmeId: 'elsewhere' }, 'Kies een programma.'],
  ])('%s: a Dutch message, 400, nothing saved', async (_name, overrides, message) => {
    const before = await db.event.count()
    const result = await post(newEventAction, '/x', eventFields(overrides), organiserCookie)
    expect(result.status).toBe(400)
    expect(JSON.stringify(result.data)).toContain(message)
    expect(await db.event.count()).toBe(before)
  })

  test('a viewer may not create or edit: 403, nothing saved', async () => {
    const before = await db.event.count()
    expect((await post(newEventAction, '/x', eventFields(), viewerCookie)).status).toBe(403)
    const event = await createEvent(db, programmeId)
    expect(
      (await post(editEventAction, '/x', eventFields({ title: 'Gekaapt' }), viewerCookie, { id: event.id })).status,
    ).toBe(403)
    expect((await post(statusAction, '/x', { to: 'cancelled' }, viewerCookie, { id: event.id })).status).toBe(403)
    expect(await db.event.count()).toBe(before + 1)
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).title).not.toBe('Gekaapt')
  })

  test('changing the time asks first how many people will be mailed, then mails them', async () => {
    const event = await createEvent(db, programmeId, {
      date: '2026-12-10',
      startTime: '10:00',
      endTime: '12:00',
      hostIds: [hostId],
    })
    for (const i of [1, 2]) {
      await db.registration.create({
        data: {
          eventId: event.id,
          name: `Deelnemer ${i}`,
          email: `d${i}@example.org`,
          status: 'confirmed',
          activeKey: `${event.id}:d${i}@example.org`,
        },
      })
    }
    const first = await post(
      editEventAction,
      '/x',
      eventFields({ title: event.title, startTime: '11:00', endTime: '13:00' }),
      organiserCookie,
      { id: event.id },
    )
    expect(first.status).toBe(200)
    expect(first.data).toMatchObject({ confirm: { recipients: 2 } })
    // Nothing changed yet.
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).startsAt.toISOString()).toBe(
      '2026-12-10T09:00:00.000Z',
    )
    const confirmed = await post(
      editEventAction,
      '/x',
      { ...eventFields({ title: event.title, startTime: '11:00', endTime: '13:00' }), notify: 'confirmed' },
      organiserCookie,
      { id: event.id },
    )
    expect(confirmed.status).toBe(302)
    expect(confirmed.location).toBe(`/beheer/bijeenkomsten/${event.id}`)
    // The overview says how many were mailed, from the session: the address carries no notice.
    const overview = await callRoute(overviewLoader, getRequest(confirmed.location!, { cookie: organiserCookie }), {
      id: event.id,
    })
    expect((overview.data as { notice: unknown }).notice).toEqual({ name: 'saved', value: '2' })
    const after = await db.event.findUniqueOrThrow({ where: { id: event.id } })
    expect(after.startsAt.toISOString()).toBe('2026-12-10T10:00:00.000Z')
    expect(after.icsSequence).toBe(1)
    expect(
      await db.outboxMessage.count({ where: { eventId: event.id, kind: 'event-changed', icsMethod: 'REQUEST' } }),
    ).toBe(2)
  })

  test('status moves only along the allowed transitions, each with an audit entry', async () => {
    const event = await createEvent(db, programmeId, { status: 'draft' })
    expect((await post(statusAction, '/x', { to: 'completed' }, organiserCookie, { id: event.id })).status).toBe(409)
    expect((await post(statusAction, '/x', { to: 'published' }, organiserCookie, { id: event.id })).status).toBe(302)
    expect((await post(statusAction, '/x', { to: 'completed' }, organiserCookie, { id: event.id })).status).toBe(302)
    expect((await post(statusAction, '/x', { to: 'cancelled' }, organiserCookie, { id: event.id })).status).toBe(409)
    const entries = await db.auditEntry.findMany({
      where: { entityId: event.id, action: 'event.status' },
      orderBy: { at: 'asc' },
    })
    expect(entries.map((e) => e.details)).toEqual([
      { from: 'draft', to: 'published' },
      { from: 'published', to: 'completed' },
    ])
  })
})

describe('agenda editor', () => {
  const itemFields = (overrides: Record<string, string> = {}) => ({
    intent: 'save-item',
    kind: 'panel',
    title: 'Panel',
    date: '2026-12-10',
    startTime: '10:30',
    endTime: '11:30',
    room: 'Zaal 1',
    ...overrides,
  })

  test.each([
    ['end before start', { endTime: '10:00' }, 'De eindtijd moet na de begintijd liggen.'],
    [
      'outside the event',
      { startTime: '09:00' },
      'Het onderdeel moet binnen de bijeenkomst vallen (donderdag 10 december 2026, 10.00–12.00 uur).',
    ],
    ['a missing title', { title: '' }, 'Vul een titel in.'],
  ])('%s: a Dutch message, 400, nothing saved', async (_name, overrides, message) => {
    const event = await createEvent(db, programmeId, { date: '2026-12-10', startTime: '10:00', endTime: '12:00' })
    const result = await post(agendaAction, '/x', itemFields(overrides), organiserCookie, { id: event.id })
    expect(result.status).toBe(400)
    expect(JSON.stringify(result.data)).toContain(message)
    expect(await db.agendaItem.count({ where: { eventId: event.id } })).toBe(0)
  })

  test('two items in one room may not overlap; without a room they may', async () => {
    const event = await createEvent(db, programmeId, { date: '2026-12-10', startTime: '10:00', endTime: '12:00' })
    await createAgendaItem(db, event, {
      date: '2026-12-10',
      start: '10:00',
      end: '11:00',
      title: 'Opening',
      room: 'Zaal 1',
    })
    const clash = await post(agendaAction, '/x', itemFields({ room: 'zaal 1' }), organiserCookie, { id: event.id })
    expect(clash.status).toBe(400)
    expect(JSON.stringify(clash.data)).toContain('In deze zaal is op dat moment al een ander onderdeel: Opening.')
    expect((await post(agendaAction, '/x', itemFields({ room: '' }), organiserCookie, { id: event.id })).status).toBe(
      302,
    )
  })

  test('a speaker in two overlapping items is a warning, not an error', async () => {
    const event = await createEvent(db, programmeId, { date: '2026-12-10', startTime: '10:00', endTime: '12:00' })
    const speaker = await createSpeaker(db, { name: 'Dubbel Geboekt' })
    const a = await createAgendaItem(db, event, {
      date: '2026-12-10',
      start: '10:00',
      end: '11:00',
      title: 'A',
      room: 'Zaal 1',
    })
    const b = await createAgendaItem(db, event, {
      date: '2026-12-10',
      start: '10:30',
      end: '11:30',
      title: 'B',
      room: 'Zaal 2',
    })
    for (const item of [a, b]) {
      const added = await post(
        itemAction,
        '/x',
        { intent: 'add-participant', speakerId: speaker.id, role: 'speaker', order: '0' },
        organiserCookie,
        { id: event.id, itemId: item.id },
      )
      expect(added.status).toBe(302)
    }
    const { getAgendaEditor } = await import('~/models/agenda.server')
    expect((await getAgendaEditor(event.id))!.warnings).toEqual([
      { speakerName: 'Dubbel Geboekt', first: 'A', second: 'B' },
    ])
  })

  test('an item or participation of another event in the form changes nothing: 404', async () => {
    const mine = await createEvent(db, programmeId)
    const theirs = await createEvent(db, programmeId)
    const foreign = await createAgendaItem(db, theirs, {
      date: theirs.startsAt.toISOString().slice(0, 10),
      start: '14:00',
      end: '15:00',
      title: 'Van een ander',
    })
    expect(
      (await post(agendaAction, '/x', { intent: 'delete', itemId: foreign.id }, organiserCookie, { id: mine.id }))
        .status,
    ).toBe(404)
    expect(
      (
        await post(agendaAction, '/x', { intent: 'move', itemId: foreign.id, direction: 'up' }, organiserCookie, {
          id: mine.id,
        })
      ).status,
    ).toBe(404)
    const speaker = await createSpeaker(db)
    expect(
      (
        await post(
          itemAction,
          '/x',
          { intent: 'add-participant', speakerId: speaker.id, role: 'speaker', order: '0' },
          organiserCookie,
          { id: mine.id, itemId: foreign.id },
        )
      ).status,
    ).toBe(404)
    expect(await db.agendaItem.count({ where: { id: foreign.id } })).toBe(1)
    expect(await db.participation.count({ where: { agendaItemId: foreign.id } })).toBe(0)
    // Garbage in the form is a 400.
    expect((await post(agendaAction, '/x', { intent: 'explode' }, organiserCookie, { id: mine.id })).status).toBe(400)
  })

  test("changing a speaker's role, order and status: saved through the form, and only within the event", async () => {
    const event = await createEvent(db, programmeId)
    const other = await createEvent(db, programmeId)
    const item = await createAgendaItem(db, event, {
      date: event.startsAt.toISOString().slice(0, 10),
      start: '14:00',
      end: '15:00',
      title: 'Panel',
      kind: 'panel',
    })
    const speaker = await createSpeaker(db)
    const participation = await db.participation.create({
      data: { agendaItemId: item.id, speakerId: speaker.id, role: 'panelist', order: 2, status: 'invited' },
    })
    const fields = (overrides: Record<string, string> = {}) => ({
      intent: 'update-participant',
      participationId: participation.id,
      role: 'moderator',
      order: '0',
      status: 'confirmed',
      ...overrides,
    })
    const updated = await post(itemAction, '/x', fields(), organiserCookie, { id: event.id, itemId: item.id })
    expect(updated.status).toBe(302)
    expect(updated.headers.get('location')).toBe(`/beheer/bijeenkomsten/${event.id}/programma/${item.id}#sprekers`)
    const saved = await db.participation.findUniqueOrThrow({ where: { id: participation.id } })
    expect([saved.role, saved.order, saved.status]).toEqual(['moderator', 0, 'confirmed'])
    expect(saved.respondedAt).toBeInstanceOf(Date)

    // The model itself, given more than it needs (as the form's whole parsed value would be): only the three
    // fields are written; back to invited clears the answer's moment.
    const { updateParticipation } = await import('~/models/agenda.server')
    const { user: editor } = await createUser(db, { role: 'organiser' })
    const whole = { intent: 'update-participant', participationId: participation.id, role: 'host', order: 5 }
    expect(
      await updateParticipation(event.id, participation.id, { ...whole, status: 'invited' } as never, editor.id),
    ).toBe(true)
    const again = await db.participation.findUniqueOrThrow({ where: { id: participation.id } })
    expect([again.role, again.order, again.status, again.respondedAt]).toEqual(['host', 5, 'invited', null])

    // Another event's page, or a bad value, changes nothing.
    expect(
      await updateParticipation(
        other.id,
        participation.id,
        { role: 'speaker', order: 1, status: 'declined' },
        editor.id,
      ),
    ).toBe(false)
    expect((await post(itemAction, '/x', fields(), organiserCookie, { id: other.id, itemId: item.id })).status).toBe(
      404,
    )
    expect(
      (await post(itemAction, '/x', fields({ role: 'chair' }), organiserCookie, { id: event.id, itemId: item.id }))
        .status,
    ).toBe(400)
    expect(
      (await post(itemAction, '/x', fields({ order: '100' }), organiserCookie, { id: event.id, itemId: item.id }))
        .status,
    ).toBe(400)
    const unchanged = await db.participation.findUniqueOrThrow({ where: { id: participation.id } })
    expect([unchanged.role, unchanged.order, unchanged.status]).toEqual(['host', 5, 'invited'])
  })
})

describe('speaker photos', () => {
  function multipart(fields: Record<string, string>, file?: { name: string; type: string; bytes: Uint8Array }) {
    const form = new FormData()
    for (const [k, v] of Object.entries(fields)) form.append(k, v)
    if (file) form.append('photo', new File([new Uint8Array(file.bytes)], file.name, { type: file.type }))
    return new Request(`${BASE}/beheer/sprekers/nieuw`, {
      method: 'POST',
      body: form,
      headers: { cookie: organiserCookie },
    })
  }

  test('a JPEG with GPS tags is stored without any EXIF', async () => {
    const jpeg = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#335577' } })
      .withExif({ IFD0: { Make: 'Camera' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 4/1 43/1' } })
      .jpeg()
      .toBuffer()
    expect((await sharp(jpeg).metadata()).exif).toBeDefined()
    const result = await callRoute(
      newSpeakerAction,
      multipart({ name: 'Met Foto', language: 'nl' }, { name: 'foto.jpg', type: 'image/jpeg', bytes: jpeg }),
    )
    expect(result.status).toBe(302)
    const speaker = await db.speaker.findFirstOrThrow({ where: { name: 'Met Foto' } })
    expect(speaker.photoPath).toMatch(/^speakers\/[0-9a-f]{32}\.jpg$/)
    const stored = await sharp(path.join(process.env.UPLOAD_DIR!, speaker.photoPath!)).metadata()
    expect(stored.exif).toBeUndefined()
  })

  test.each([
    [
      'a 10 MB image',
      { name: 'groot.jpg', type: 'image/jpeg', bytes: new Uint8Array(10 * 1024 * 1024).fill(0xff) },
      413,
      'De foto is groter dan 5 MB',
    ],
    [
      'a PDF renamed .jpg',
      { name: 'foto.jpg', type: 'image/jpeg', bytes: new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF') },
      415,
      'Dit bestand is geen foto',
    ],
  ])('%s: a Dutch message, a 4xx, no speaker saved', async (_name, file, status, message) => {
    const before = await db.speaker.count()
    const result = await callRoute(newSpeakerAction, multipart({ name: 'Geweigerd', language: 'nl' }, file))
    expect(result.status).toBe(status)
    expect(JSON.stringify(result.data)).toContain(message)
    expect(await db.speaker.count()).toBe(before)
  })
})

describe('copy as next edition and the address lookup', () => {
  test('the copy has the agenda, speakers and hosts on the new date, as a draft, without registrations', async () => {
    const { copyAsNextEdition } = await import('~/models/event-admin.server')
    const event = await createEvent(db, programmeId, {
      date: '2026-12-04',
      startTime: '14:00',
      endTime: '17:00',
      hostIds: [hostId],
      title: 'Jaarlijkse start',
    })
    const item = await createAgendaItem(db, event, {
      date: '2026-12-04',
      start: '14:30',
      end: '15:30',
      title: 'Panel',
      kind: 'panel',
    })
    const speaker = await createSpeaker(db)
    await db.participation.create({
      data: { agendaItemId: item.id, speakerId: speaker.id, role: 'moderator', status: 'confirmed' },
    })
    await db.registration.create({
      data: { eventId: event.id, name: 'A', email: 'a@example.org', status: 'confirmed' },
    })
    // Seats per organisation for this event (a quota of 2, of which 1 taken) travel with the copy, emptied.
    await db.organisationSeats.create({
      data: { eventId: event.id, organisationId: hostId, quota: 2, confirmedCount: 1 },
    })
    // Summer time in between: 14.00 stays 14.00 on the wall clock.
    const { user } = await createUser(db)
    const copy = await copyAsNextEdition(event.id, '2027-06-04', user.id)
    const full = await db.event.findUniqueOrThrow({
      where: { id: copy!.id },
      include: {
        hosts: true,
        registrations: true,
        seatCounters: true,
        agendaItems: { include: { participations: true } },
      },
    })
    expect(full).toMatchObject({
      status: 'draft',
      title: 'Jaarlijkse start',
      slug: 'jaarlijkse-start-2027',
      previousEditionId: event.id,
      icsSequence: 0,
    })
    expect(full.startsAt.toISOString()).toBe('2027-06-04T12:00:00.000Z')
    expect(full.icsUid).not.toBe(event.icsUid)
    expect(full.hosts.map((h) => h.organisationId)).toEqual([hostId])
    expect(full.registrations).toEqual([])
    expect(full.seatCounters.map((s) => [s.organisationId, s.quota, s.confirmedCount])).toEqual([[hostId, 2, 0]])
    expect(full.agendaItems[0]!.startsAt.toISOString()).toBe('2027-06-04T12:30:00.000Z')
    expect(full.agendaItems[0]!.icsUid).not.toBe(item.icsUid)
    expect(full.agendaItems[0]!.participations.map((p) => [p.speakerId, p.role, p.status])).toEqual([
      [speaker.id, 'moderator', 'invited'],
    ])
  })

  test('when PDOK is unreachable the form says so, and saving still works without a position', async () => {
    const { server } = await import('../mocks/server.ts')
    const { pdokNetworkError } = await import('../mocks/pdok.ts')
    server.use(pdokNetworkError())
    const lookup = await post(
      newEventAction,
      '/x',
      {
        ...eventFields({ title: 'Zonder kaart', venueAddress: 'Turfmarkt 147', venuePostcode: '2511 DP' }),
        intent: 'geocode',
      },
      organiserCookie,
    )
    expect(lookup.status).toBe(200)
    expect(lookup.data).toMatchObject({ geocode: { kind: 'unavailable' } })
    const saved = await post(
      newEventAction,
      '/x',
      eventFields({ title: 'Zonder kaart', venueAddress: 'Turfmarkt 147', venuePostcode: '2511 DP' }),
      organiserCookie,
    )
    expect(saved.status).toBe(302)
    expect(await db.event.findFirstOrThrow({ where: { title: 'Zonder kaart' } })).toMatchObject({
      latitude: null,
      longitude: null,
      venuePostcode: '2511 DP',
    })
  })

  test('a picked suggestion is saved as the position', async () => {
    const lookup = await post(
      newEventAction,
      '/x',
      { ...eventFields({ venueAddress: 'Turfmarkt 147', venuePostcode: '2511 DP' }), intent: 'geocode' },
      organiserCookie,
    )
    const suggestion = (
      lookup.data as { geocode: { kind: 'ok'; suggestions: Array<{ latitude: number; longitude: number }> } }
    ).geocode.suggestions[0]!
    expect(suggestion.latitude).toBeCloseTo(52.0786, 3)
    const saved = await post(
      newEventAction,
      '/x',
      eventFields({ title: 'Met kaart', position: `${suggestion.latitude},${suggestion.longitude}` }),
      organiserCookie,
    )
    expect(saved.status).toBe(302)
    const event = await db.event.findFirstOrThrow({ where: { title: 'Met kaart' } })
    expect(event.latitude).toBeCloseTo(52.0786, 3)
    expect(event.longitude).toBeCloseTo(4.316, 2)
  })
})
