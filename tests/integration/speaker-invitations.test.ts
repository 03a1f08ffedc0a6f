// Speaker invitations through the secretariat's real routes: the personal link (hashed, opens the portal's
// session, revocable), the mails delivered by the real worker to an SMTP sink, and their calendar parts read
// by ical.js and python3-icalendar: REQUEST with the speaker as ATTENDEE, SEQUENCE+1 when the slot moves,
// CANCEL when the participation goes or the invitation is revoked. A viewer sees the page and changes nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { MailWorker } from '~/mail/worker.server'
import { action as itemAction } from '~/routes/beheer.bijeenkomsten.$id.programma.$itemId'
import { action as editEventAction } from '~/routes/beheer.bijeenkomsten.$id.bewerken'
import { action as speakersAction, loader as speakersLoader } from '~/routes/beheer.bijeenkomsten.$id.sprekers'
import { action as loginAction } from '~/routes/inloggen'
import { loader as portalLoader } from '~/routes/spreker.$token._index'
import { db } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import { requireLinkSession, resolvePersonalLink } from '~/utils/link-session.server'
import { hashToken } from '~/utils/tokens.server'
import {
  addParticipation,
  createAgendaItem,
  createEvent,
  createProgramme,
  createSpeaker,
  createUser,
} from '../factories.ts'
import { parseIcs } from '../support/ics.ts'
import { checkIcsWithPython } from '../support/python-ics.ts'
import { BASE, callRoute, cookieFrom, doneNotice, formRequest, getRequest } from '../support/remix.ts'
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../support/smtp.ts'

let organiser: string
let viewer: string
let programmeId: string
let sink: SmtpSink

async function cookieFor(role: 'organiser' | 'viewer') {
  const { user, password } = await createUser(db, { role })
  return cookieFrom(
    await callRoute(
      loginAction,
      formRequest('/inloggen', { email: user.email, password }, { 'x-bijeen-client-ip': `10.8.0.${role.length}` }),
    ),
  )
}

async function deliver() {
  const worker = new MailWorker({ concurrency: 3 })
  try {
    return await worker.drain()
  } finally {
    await worker.stop()
  }
}

const speakersPath = (eventId: string) => `/beheer/bijeenkomsten/${eventId}/sprekers`

function speakers(eventId: string, fields: Record<string, string>, cookie = organiser) {
  return callRoute(speakersAction, formRequest(speakersPath(eventId), fields, { cookie }), { id: eventId })
}

async function setUp() {
  const event = await createEvent(db, programmeId, {
    status: 'published',
    title: 'Regiobijeenkomst Oost',
    date: '2027-03-10',
    startTime: '10:00',
    endTime: '16:00',
  })
  const item = await createAgendaItem(db, event, {
    date: '2027-03-10',
    start: '11:00',
    end: '12:00',
    title: 'Panel: samenwerking in de regio',
    kind: 'panel',
    room: 'Zaal 1',
  })
  const speaker = await createSpeaker(db, {
    honorific: 'burgemeester',
    name: 'De Vries',
    delegateName: 'Anna Bakker',
    delegateEmail: `woordvoerder-${event.id}@example.org`,
  })
  const other = await createSpeaker(db, { name: 'Fatima El Amrani' })
  const participation = await addParticipation(db, { agendaItemId: item.id, speakerId: speaker.id, role: 'panelist' })
  await addParticipation(db, { agendaItemId: item.id, speakerId: other.id, role: 'moderator', order: 1 })
  return { event, item, speaker, other, participation }
}

function calendarOf(mail: ReceivedMail) {
  const part = mail.parsed!.attachments.find((a) => a.contentType === 'text/calendar')
  expect(part, 'calendar part').toBeDefined()
  return part!.content.toString()
}

function portalToken(mail: ReceivedMail) {
  const match = /\/spreker\/([A-Za-z0-9_-]{43})/.exec(mail.parsed!.text ?? '')
  expect(match, 'portal link in the text').not.toBeNull()
  return match![1]!
}

const to = (mail: ReceivedMail) => mail.envelope.to[0]

beforeAll(async () => {
  sink = await startSmtpSink()
  organiser = await cookieFor('organiser')
  viewer = await cookieFor('viewer')
  programmeId = (await createProgramme(db)).id
})
afterAll(async () => {
  await sink.close()
})
beforeEach(async () => {
  process.env.SMTP_URL = sink.url
  resetEnvCache()
  // What an earlier test queued and did not send goes now, so that each test sees only its own mails.
  await deliver()
  sink.messages.length = 0
})

describe('inviting a speaker', () => {
  test('speaker and delegate get their own hashed link and a REQUEST with the speaker as attendee', async () => {
    const { event, item, speaker } = await setUp()
    const before = await callRoute(speakersLoader, getRequest(speakersPath(event.id), { cookie: organiser }), {
      id: event.id,
    })
    const rowOf = (data: unknown) =>
      (data as { speakers: Array<{ id: string; state: string }> }).speakers.find((s) => s.id === speaker.id)!
    expect(rowOf(before.data).state).toBe('not_invited')

    const sent = await speakers(event.id, { intent: 'invite', speakerId: speaker.id, alsoDelegate: 'on' })
    expect(sent.status).toBe(302)
    expect(sent.location).toBe(speakersPath(event.id))
    expect(await doneNotice(speakersLoader, speakersPath(event.id), organiser, { id: event.id })).toEqual({
      verstuurd: '2',
      vertegenwoordiger: '1',
    })
    expect(await deliver()).toBe(2)
    const mails = await sink.waitFor(2)
    const speakerMail = mails.find((m) => to(m) === speaker.email)!
    const delegateMail = mails.find((m) => to(m) === speaker.delegateEmail)!
    expect(speakerMail.parsed!.subject).toBe('Uitnodiging als panellid: Regiobijeenkomst Oost op 10 maart 2027')
    expect(delegateMail.parsed!.text).toContain('namens burgemeester De Vries')
    expect(speakerMail.parsed!.text).toContain('Samen met: Fatima El Amrani')

    // Two links, stored only as hashes; the delegate's is marked as such.
    const tokens = [portalToken(speakerMail), portalToken(delegateMail)]
    expect(tokens[0]).not.toBe(tokens[1])
    const links = await db.personalLink.findMany({ where: { kind: 'speaker', subjectId: speaker.id } })
    expect(links).toHaveLength(2)
    for (const [i, token] of tokens.entries()) {
      const link = links.find((l) => l.tokenHash === hashToken(token))!
      expect(link.delegate).toBe(i === 1)
      expect(link.eventId).toBe(event.id)
      expect(link.expiresAt.getTime()).toBeGreaterThan(event.endsAt.getTime())
      expect(JSON.stringify(link)).not.toContain(token)
    }
    // Sent mails keep no token at rest (ADR 004): not in the bodies, and the link secrets are cleared.
    const stored = await db.outboxMessage.findMany({ where: { eventId: event.id, kind: 'speaker-invited' } })
    expect(stored).toHaveLength(2)
    for (const row of stored) {
      expect(`${row.text} ${row.html} ${row.icsContent}`).not.toContain(tokens[0])
      expect(`${row.text} ${row.html}`).not.toContain(tokens[1])
      expect(row.linkSecrets).toBeNull()
    }

    // The calendar part: METHOD:REQUEST in the MIME type and the file, the item's UID, the speaker as ATTENDEE.
    expect(speakerMail.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i)
    const ics = calendarOf(speakerMail)
    const file = parseIcs(ics)
    expect(file.method).toBe('REQUEST')
    expect(file.events).toHaveLength(1)
    expect(file.events[0]).toMatchObject({
      uid: item.icsUid,
      sequence: event.icsSequence + item.icsSequence,
      start: '2027-03-10T10:00:00.000Z',
      attendees: [{ value: `mailto:${speaker.email}`, rsvp: 'FALSE' }],
    })
    // The delegate's copy holds the same entry: the speaker stays the attendee.
    expect(parseIcs(calendarOf(delegateMail)).events[0]!.attendees[0]!.value).toBe(`mailto:${speaker.email}`)
    const py = checkIcsWithPython({ 'request.ics': ics })['request.ics']!
    expect(py.errors).toEqual([])
    expect(py.crlfOnly).toBe(true)
    expect(py.missingVtimezones).toEqual([])
    expect(py.method).toBe('REQUEST')
    expect(py.events[0]).toMatchObject({
      uid: item.icsUid,
      dtstart: '2027-03-10T10:00:00Z',
      dtend: '2027-03-10T11:00:00Z',
      attendees: 1,
      attendeeAddresses: [`mailto:${speaker.email}`],
    })
    expect((await db.participation.findFirstOrThrow({ where: { speakerId: speaker.id } })).calendarSequence).toBe(
      file.events[0]!.sequence,
    )

    // Sent, then opened once the speaker's link is exchanged for the portal's session.
    const sentRow = await callRoute(speakersLoader, getRequest(speakersPath(event.id), { cookie: organiser }), {
      id: event.id,
    })
    expect(rowOf(sentRow.data).state).toBe('sent')
    const opened = await requireLinkSession(new Request(`${BASE}/spreker/${tokens[0]}`), 'speaker', tokens[0]!).catch(
      (r: unknown) => r as Response,
    )
    expect((opened as Response).status).toBe(303)
    const after = await callRoute(speakersLoader, getRequest(speakersPath(event.id), { cookie: organiser }), {
      id: event.id,
    })
    expect(rowOf(after.data).state).toBe('opened')
  })

  test('resend revokes the old link (410, a clear page) and sends a new one; only the recipients sent again', async () => {
    const { event, speaker } = await setUp()
    await speakers(event.id, { intent: 'invite', speakerId: speaker.id, alsoDelegate: 'on' })
    expect(await deliver()).toBe(2)
    const firstMails = await sink.waitFor(2)
    const firstSpeaker = portalToken(firstMails.find((m) => to(m) === speaker.email)!)
    const firstDelegate = portalToken(firstMails.find((m) => to(m) === speaker.delegateEmail)!)
    sink.messages.length = 0
    // Sent again to the speaker alone: the speaker's old link stops, the delegate's keeps working.
    await speakers(event.id, { intent: 'invite', speakerId: speaker.id })
    expect(await deliver()).toBe(1)
    const [again] = await sink.waitFor(1)
    expect(to(again!)).toBe(speaker.email)
    const second = portalToken(again!)
    expect(second).not.toBe(firstSpeaker)
    const invitation = await db.speakerInvitation.findUniqueOrThrow({
      where: { eventId_speakerId: { eventId: event.id, speakerId: speaker.id } },
    })
    expect(invitation.sendCount).toBe(2)
    expect(await resolvePersonalLink('speaker', firstSpeaker)).toEqual({ ok: false, problem: 'revoked' })
    expect((await resolvePersonalLink('speaker', second)).ok).toBe(true)
    expect((await resolvePersonalLink('speaker', firstDelegate)).ok).toBe(true)
    // The portal answers the old link with 410 Gone (the root error page: "Deze link werkt niet meer"), the
    // new one with the swap for the session.
    const old = await callRoute(portalLoader, getRequest(`/spreker/${firstSpeaker}`), { token: firstSpeaker })
    expect(old.status).toBe(410)
    expect(old.headers.get('cache-control')).toBe('private, no-store')
    expect((await callRoute(portalLoader, getRequest(`/spreker/${second}`), { token: second })).status).toBe(303)
    // Sent again with the delegate: now the delegate's first link stops too.
    await speakers(event.id, { intent: 'invite', speakerId: speaker.id, alsoDelegate: 'on' })
    expect(await resolvePersonalLink('speaker', firstDelegate)).toEqual({ ok: false, problem: 'revoked' })
    expect(await resolvePersonalLink('speaker', second)).toEqual({ ok: false, problem: 'revoked' })
    const live = await db.personalLink.findMany({
      where: { kind: 'speaker', subjectId: speaker.id, eventId: event.id, revokedAt: null },
    })
    expect(live.map((l) => l.delegate).sort()).toEqual([false, true])
  })

  test('a delegate address typed in the form is used and saved on the speaker', async () => {
    const { event, other } = await setUp()
    const result = await speakers(event.id, {
      intent: 'invite',
      speakerId: other.id,
      alsoDelegate: 'on',
      delegateName: 'Piet Jansen',
      delegateEmail: 'Piet.Jansen@example.org',
    })
    expect(result.status).toBe(302)
    const saved = await db.speaker.findUniqueOrThrow({ where: { id: other.id } })
    expect(saved.delegateEmail).toBe('piet.jansen@example.org')
    const links = await db.personalLink.findMany({ where: { kind: 'speaker', subjectId: other.id } })
    expect(links.map((l) => l.delegate).sort()).toEqual([false, true])
  })

  test('refusals: no delegate address, a bad address, no address, an unknown speaker, only declined slots', async () => {
    const { event, item, other } = await setUp()
    expect((await speakers(event.id, { intent: 'invite', speakerId: other.id, alsoDelegate: 'on' })).status).toBe(409)
    const bad = await speakers(event.id, {
      intent: 'invite',
      speakerId: other.id,
      alsoDelegate: 'on',
      delegateEmail: 'geen adres',
    })
    expect(bad.status).toBe(400)
    expect((bad.data as { error: string }).error).toContain('geldig e-mailadres')
    const mute = await createSpeaker(db, { name: 'Zonder Adres', email: null })
    await addParticipation(db, { agendaItemId: item.id, speakerId: mute.id })
    expect((await speakers(event.id, { intent: 'invite', speakerId: mute.id })).status).toBe(409)
    expect((await speakers(event.id, { intent: 'invite', speakerId: 'onbekend' })).status).toBe(404)
    // A speaker of another event is unknown here.
    const elsewhere = await setUp()
    expect((await speakers(event.id, { intent: 'invite', speakerId: elsewhere.speaker.id })).status).toBe(404)
    await db.participation.updateMany({ where: { speakerId: other.id }, data: { status: 'declined' } })
    const declined = await speakers(event.id, { intent: 'invite', speakerId: other.id })
    expect(declined.status).toBe(409)
    expect((declined.data as { error: string }).error).toContain('afgezegd')
    expect((await speakers(event.id, { intent: 'nonsense', speakerId: other.id })).status).toBe(400)
    expect(await db.outboxMessage.count({ where: { eventId: event.id } })).toBe(0)
  })

  test('a viewer sees the speakers page but cannot invite or revoke (403)', async () => {
    const { event, speaker } = await setUp()
    const page = await callRoute(speakersLoader, getRequest(speakersPath(event.id), { cookie: viewer }), {
      id: event.id,
    })
    expect(page.status).toBe(200)
    expect((page.data as { canEdit: boolean }).canEdit).toBe(false)
    expect((await speakers(event.id, { intent: 'invite', speakerId: speaker.id }, viewer)).status).toBe(403)
    await speakers(event.id, { intent: 'invite', speakerId: speaker.id })
    expect((await speakers(event.id, { intent: 'revoke', speakerId: speaker.id }, viewer)).status).toBe(403)
    expect(await db.speakerInvitation.count({ where: { eventId: event.id, revokedAt: { not: null } } })).toBe(0)
  })
})

describe('later changes to the slot', () => {
  function saveItem(eventId: string, itemId: string, fields: Record<string, string>) {
    return callRoute(
      itemAction,
      formRequest(
        `/beheer/bijeenkomsten/${eventId}/programma/${itemId}`,
        { intent: 'save-item', ...fields },
        { cookie: organiser },
      ),
      { id: eventId, itemId },
    )
  }
  const itemFields = {
    kind: 'panel',
    title: 'Panel: samenwerking in de regio',
    description: '',
    date: '2027-03-10',
    startTime: '11:00',
    endTime: '12:00',
    room: 'Zaal 1',
  }

  test('moving the slot sends an update with SEQUENCE+1; a title change alone sends nothing', async () => {
    const { event, item, speaker } = await setUp()
    await speakers(event.id, { intent: 'invite', speakerId: speaker.id })
    await deliver()
    const [invited] = await sink.waitFor(1)
    const first = parseIcs(calendarOf(invited!)).events[0]!
    sink.messages.length = 0

    expect((await saveItem(event.id, item.id, { ...itemFields, title: 'Panel: de regio' })).status).toBe(302)
    expect(await db.outboxMessage.count({ where: { kind: 'speaker-slot-update', eventId: event.id } })).toBe(0)

    const moved = await saveItem(event.id, item.id, {
      ...itemFields,
      startTime: '13:00',
      endTime: '14:00',
      room: 'Zaal 2',
    })
    expect(moved.status).toBe(302)
    expect(await deliver()).toBe(1)
    const [update] = await sink.waitFor(1)
    expect(to(update!)).toBe(speaker.email)
    expect(update!.parsed!.subject).toBe('Gewijzigd: uw bijdrage aan Regiobijeenkomst Oost op 10 maart 2027')
    expect(update!.parsed!.text).toContain('Zaal: Zaal 2')
    const ics = calendarOf(update!)
    const file = parseIcs(ics)
    expect(file.method).toBe('REQUEST')
    expect(file.events[0]).toMatchObject({
      uid: first.uid,
      sequence: first.sequence + 1,
      start: '2027-03-10T12:00:00.000Z',
      attendees: [{ value: `mailto:${speaker.email}`, rsvp: 'FALSE' }],
    })
    const py = checkIcsWithPython({ 'update.ics': ics })['update.ics']!
    expect(py.errors).toEqual([])
    expect(py.events[0]).toMatchObject({ sequence: first.sequence + 1, dtstart: '2027-03-10T12:00:00Z' })
    // The other person in the slot was never invited, so is not mailed.
    expect(sink.messages).toHaveLength(1)
    // The update carries the speaker's own portal link: a new one that opens the portal, sealed out of the
    // stored mail (ADR 004) like the invitation's.
    const token = portalToken(update!)
    expect(update!.parsed!.html).toContain(`/spreker/${token}`)
    const link = await resolvePersonalLink('speaker', token)
    expect(link).toMatchObject({ ok: true, subjectId: speaker.id, eventId: event.id })
    const stored = await db.outboxMessage.findFirstOrThrow({
      where: { kind: 'speaker-slot-update', eventId: event.id },
    })
    expect(`${stored.text} ${stored.html} ${stored.icsContent}`).not.toContain(token)
    expect(stored.linkSecrets).toBeNull()
  })

  test('a delegate who was invited gets the same update (SEQUENCE+1) and CANCEL, with their own link', async () => {
    const { event, item, speaker, participation } = await setUp()
    await speakers(event.id, { intent: 'invite', speakerId: speaker.id, alsoDelegate: 'on' })
    expect(await deliver()).toBe(2)
    const invited = await sink.waitFor(2)
    const first = parseIcs(calendarOf(invited[0]!)).events[0]!
    sink.messages.length = 0

    expect((await saveItem(event.id, item.id, { ...itemFields, startTime: '13:00', endTime: '14:00' })).status).toBe(
      302,
    )
    expect(await deliver()).toBe(2)
    const updates = await sink.waitFor(2)
    const speakerUpdate = updates.find((m) => to(m) === speaker.email)!
    const delegateUpdate = updates.find((m) => to(m) === speaker.delegateEmail)!
    expect(delegateUpdate.parsed!.subject).toBe('Gewijzigd: uw bijdrage aan Regiobijeenkomst Oost op 10 maart 2027')
    expect(delegateUpdate.parsed!.text).toContain('namens burgemeester De Vries')
    expect(delegateUpdate.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i)
    for (const mail of [speakerUpdate, delegateUpdate]) {
      const ics = calendarOf(mail)
      expect(parseIcs(ics)).toMatchObject({ method: 'REQUEST' })
      expect(parseIcs(ics).events[0]).toMatchObject({
        uid: first.uid,
        sequence: first.sequence + 1,
        start: '2027-03-10T12:00:00.000Z',
        attendees: [{ value: `mailto:${speaker.email}`, rsvp: 'FALSE' }],
      })
      const py = checkIcsWithPython({ 'update.ics': ics })['update.ics']!
      expect(py.errors).toEqual([])
      expect(py.method).toBe('REQUEST')
      expect(py.events[0]).toMatchObject({ uid: first.uid, sequence: first.sequence + 1 })
    }
    // Each gets their own new link: the delegate's is marked as the delegate's.
    const delegateLink = await db.personalLink.findUniqueOrThrow({
      where: { tokenHash: hashToken(portalToken(delegateUpdate)) },
    })
    expect(delegateLink.delegate).toBe(true)
    const speakerLink = await db.personalLink.findUniqueOrThrow({
      where: { tokenHash: hashToken(portalToken(speakerUpdate)) },
    })
    expect(speakerLink.delegate).toBe(false)
    sink.messages.length = 0

    const removed = await callRoute(
      itemAction,
      formRequest(
        `/beheer/bijeenkomsten/${event.id}/programma/${item.id}`,
        { intent: 'remove-participant', participationId: participation.id },
        { cookie: organiser },
      ),
      { id: event.id, itemId: item.id },
    )
    expect(removed.status).toBe(302)
    expect(await deliver()).toBe(2)
    const cancels = await sink.waitFor(2)
    expect(cancels.map(to).sort()).toEqual([speaker.email, speaker.delegateEmail].sort())
    for (const cancel of cancels) {
      expect(cancel.raw).toMatch(/method=CANCEL/i)
      const ics = calendarOf(cancel)
      const file = parseIcs(ics)
      expect(file.method).toBe('CANCEL')
      expect(file.events[0]).toMatchObject({ uid: first.uid, status: 'CANCELLED', sequence: first.sequence + 2 })
      expect(checkIcsWithPython({ 'cancel.ics': ics })['cancel.ics']!).toMatchObject({ method: 'CANCEL', errors: [] })
    }
  })

  test('removing the participation sends a CANCEL with a higher SEQUENCE; a second removal sends nothing', async () => {
    const { event, item, speaker, participation } = await setUp()
    await speakers(event.id, { intent: 'invite', speakerId: speaker.id })
    await deliver()
    const [invited] = await sink.waitFor(1)
    const first = parseIcs(calendarOf(invited!)).events[0]!
    sink.messages.length = 0
    const remove = () =>
      callRoute(
        itemAction,
        formRequest(
          `/beheer/bijeenkomsten/${event.id}/programma/${item.id}`,
          { intent: 'remove-participant', participationId: participation.id },
          { cookie: organiser },
        ),
        { id: event.id, itemId: item.id },
      )
    expect((await remove()).status).toBe(302)
    expect(await deliver()).toBe(1)
    const [cancel] = await sink.waitFor(1)
    expect(cancel!.raw).toMatch(/method=CANCEL/i)
    const ics = calendarOf(cancel!)
    const file = parseIcs(ics)
    expect(file.method).toBe('CANCEL')
    expect(file.events[0]).toMatchObject({ uid: first.uid, status: 'CANCELLED' })
    expect(file.events[0]!.sequence).toBeGreaterThan(first.sequence)
    expect(checkIcsWithPython({ 'cancel.ics': ics })['cancel.ics']!.method).toBe('CANCEL')
    expect((await remove()).status).toBe(404)
    expect(await db.outboxMessage.count({ where: { kind: 'speaker-slot-update', eventId: event.id } })).toBe(1)
  })

  test('revoking the invitation: the links give 410 and the slot gets a CANCEL; revoking twice is refused', async () => {
    const { event, speaker } = await setUp()
    await speakers(event.id, { intent: 'invite', speakerId: speaker.id, alsoDelegate: 'on' })
    await deliver()
    const invited = await sink.waitFor(2)
    const tokens = invited.map(portalToken)
    const first = parseIcs(calendarOf(invited[0]!)).events[0]!
    sink.messages.length = 0

    const revoked = await speakers(event.id, { intent: 'revoke', speakerId: speaker.id })
    expect(revoked.status).toBe(302)
    expect(revoked.location).toBe(speakersPath(event.id))
    expect(await doneNotice(speakersLoader, speakersPath(event.id), organiser, { id: event.id })).toEqual({
      ingetrokken: '1',
    })
    for (const token of tokens) {
      const thrown = await requireLinkSession(new Request(`${BASE}/spreker/${token}`), 'speaker', token).catch(
        (r: unknown) => r as Response,
      )
      expect((thrown as Response).status).toBe(410)
    }
    // The speaker and the delegate who had the entry each get the CANCEL, without a link (it just stopped).
    expect(await deliver()).toBe(2)
    const cancels = await sink.waitFor(2)
    expect(cancels.map(to).sort()).toEqual([speaker.email, speaker.delegateEmail].sort())
    for (const cancel of cancels) {
      const file = parseIcs(calendarOf(cancel))
      expect(file.method).toBe('CANCEL')
      expect(file.events[0]!.uid).toBe(first.uid)
      expect(file.events[0]!.sequence).toBeGreaterThan(first.sequence)
      expect(file.events[0]!.attendees[0]!.value).toBe(`mailto:${speaker.email}`)
      expect(cancel.parsed!.text).not.toMatch(/\/spreker\//)
    }
    expect((await db.participation.findFirstOrThrow({ where: { speakerId: speaker.id } })).calendarSequence).toBeNull()

    const again = await speakers(event.id, { intent: 'revoke', speakerId: speaker.id })
    expect(again.status).toBe(409)
    const page = await callRoute(speakersLoader, getRequest(speakersPath(event.id), { cookie: organiser }), {
      id: event.id,
    })
    const row = (page.data as { speakers: Array<{ id: string; state: string }> }).speakers.find(
      (s) => s.id === speaker.id,
    )!
    expect(row.state).toBe('revoked')
  })

  function editEvent(event: { id: string; programmeId: string; title: string }, fields: Record<string, string>) {
    return callRoute(
      editEventAction,
      formRequest(
        `/beheer/bijeenkomsten/${event.id}/bewerken`,
        { intent: 'save', programmeId: event.programmeId, title: event.title, notify: 'confirmed', ...fields },
        { cookie: organiser },
      ),
      { id: event.id },
    )
  }

  test('moving the whole event to another day moves the programme and sends speaker and delegate the update', async () => {
    const { event, item, speaker, other } = await setUp()
    await speakers(event.id, { intent: 'invite', speakerId: speaker.id, alsoDelegate: 'on' })
    expect(await deliver()).toBe(2)
    const first = parseIcs(calendarOf((await sink.waitFor(2))[0]!)).events[0]!
    sink.messages.length = 0

    // A week later, across the start of summer time: the programme keeps its wall-clock times (11.00 stays
    // 11.00, now 09:00 UTC instead of 10:00).
    const moved = await editEvent(event, { date: '2027-03-31', startTime: '10:00', endTime: '16:00' })
    expect(moved.status).toBe(302)
    const item2 = await db.agendaItem.findUniqueOrThrow({ where: { id: item.id } })
    expect([item2.startsAt.toISOString(), item2.endsAt.toISOString()]).toEqual([
      '2027-03-31T09:00:00.000Z',
      '2027-03-31T10:00:00.000Z',
    ])
    expect(await deliver()).toBe(2)
    const updates = await sink.waitFor(2)
    expect(updates.map(to).sort()).toEqual([speaker.email, speaker.delegateEmail].sort())
    const sequences = []
    for (const mail of updates) {
      expect(mail.parsed!.subject).toBe('Gewijzigd: uw bijdrage aan Regiobijeenkomst Oost op 31 maart 2027')
      expect(mail.parsed!.text).toContain('woensdag 31 maart 2027')
      const ics = calendarOf(mail)
      const file = parseIcs(ics)
      expect(file.method).toBe('REQUEST')
      expect(file.events[0]).toMatchObject({
        uid: first.uid,
        start: '2027-03-31T09:00:00.000Z',
        attendees: [{ value: `mailto:${speaker.email}` }],
      })
      expect(file.events[0]!.sequence).toBeGreaterThan(first.sequence)
      sequences.push(file.events[0]!.sequence)
      const py = checkIcsWithPython({ 'moved.ics': ics })['moved.ics']!
      expect(py.errors).toEqual([])
      expect(py.events[0]).toMatchObject({ uid: first.uid, dtstart: '2027-03-31T09:00:00Z' })
      expect((await resolvePersonalLink('speaker', portalToken(mail))).ok).toBe(true)
    }
    expect(new Set(sequences).size).toBe(1)
    // The speaker who was never invited has nothing in a calendar: no mail. The links follow the new end.
    expect(updates.some((m) => to(m) === other.email)).toBe(false)
    const after = await db.event.findUniqueOrThrow({ where: { id: event.id } })
    const links = await db.personalLink.findMany({ where: { kind: 'speaker', eventId: event.id, revokedAt: null } })
    for (const link of links) expect(link.expiresAt.getTime()).toBeGreaterThan(after.endsAt.getTime() + 89 * 86400e3)
    sink.messages.length = 0

    // Other hours on the same day, and the secretariat keeps the agenda where it is (the edit form asks): the
    // items keep their own times, so no slot moves and no slot mail goes.
    const asked = await editEvent(event, { date: '2027-03-31', startTime: '09:30', endTime: '16:00' })
    expect(asked.data).toMatchObject({ confirm: { agenda: { shiftMinutes: -30, outside: [] } } })
    expect(
      (await editEvent(event, { date: '2027-03-31', startTime: '09:30', endTime: '16:00', agenda: 'keep' })).status,
    ).toBe(302)
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: item.id } })).startsAt).toEqual(item2.startsAt)
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      icsSequence: after.icsSequence + 1,
    })
    expect(await deliver()).toBe(0)

    // A later move of the slot itself still goes above every SEQUENCE sent.
    await saveItem(event.id, item.id, { ...itemFields, date: '2027-03-31', startTime: '12:00', endTime: '13:00' })
    expect(await deliver()).toBe(2)
    for (const mail of await sink.waitFor(2)) {
      expect(parseIcs(calendarOf(mail)).events[0]!.sequence).toBeGreaterThan(sequences[0]!)
    }
  })
})
