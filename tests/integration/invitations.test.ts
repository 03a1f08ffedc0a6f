// Invitations and reminders through the secretariat's real route actions and loaders: choosing contacts, one
// bulk batch per send with a personal link per contact, delivery through the real worker to an SMTP sink
// (a 550 shows that contact as failed), reminders only to who has not answered, revoking, and bad requests.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { unsealLinks } from '~/mail/link-secrets'
import { resendFailed } from '~/mail/outbox.server'
import { MailWorker } from '~/mail/worker.server'
import { resolvePersonalLink } from '~/utils/link-session.server'
import { register } from '~/models/registration.server'
import { action as revokeAction } from '~/routes/beheer.bijeenkomsten.$id.uitnodigingen.$invitationId.intrekken'
import { action as listAction, loader as listLoader } from '~/routes/beheer.bijeenkomsten.$id.uitnodigingen._index'
import { loader as exportLoader } from '~/routes/beheer.bijeenkomsten.$id.uitnodigingen.exporteren'
import { action as inviteAction } from '~/routes/beheer.bijeenkomsten.$id.uitnodigingen.nieuw'
import { action as loginAction } from '~/routes/inloggen'
import { db } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import { createContact, createEvent, createOrganisation, createProgramme, createUser } from '../factories.ts'
import { BASE, callRoute, cookieFrom, doneNotice, formRequest, getRequest } from '../support/remix.ts'
import { startSmtpSink, type SmtpSink } from '../support/smtp.ts'

let organiser: string
let viewer: string
let programmeId: string
let sink: SmtpSink

async function cookieFor(role: 'organiser' | 'viewer') {
  const { user, password } = await createUser(db, { role })
  return cookieFrom(
    await callRoute(
      loginAction,
      formRequest('/inloggen', { email: user.email, password }, { 'x-bijeen-client-ip': `10.7.0.${role.length}` }),
    ),
  )
}

/** A POST with repeated fields (checkboxes), as a browser sends it. */
function post(path: string, fields: Array<[string, string]>, cookie: string) {
  return new Request(BASE + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams(fields).toString(),
  })
}

const base = (eventId: string) => `/beheer/bijeenkomsten/${eventId}/uitnodigingen`

/** The counts the list page shows after a bulk step (kept in the session, not the address), taken once. */
const noticeOn = (eventId: string, cookie = organiser) => doneNotice(listLoader, base(eventId), cookie, { id: eventId })

function invite(eventId: string, fields: Array<[string, string]>, cookie = organiser) {
  return callRoute(inviteAction, post(`${base(eventId)}/nieuw`, fields, cookie), { id: eventId })
}

function act(eventId: string, fields: Array<[string, string]>, cookie = organiser) {
  return callRoute(listAction, post(base(eventId), fields, cookie), { id: eventId })
}

type ListData = {
  rows: Array<{ id: string; name: string; email: string; status: string; remindedAt: string | null }>
  counts: Record<string, number>
  total: number
}

async function list(eventId: string, query = '', cookie = organiser) {
  const result = await callRoute(listLoader, getRequest(`${base(eventId)}${query}`, { cookie }), { id: eventId })
  expect(result.status).toBe(200)
  return result.data as ListData
}

async function statusOf(eventId: string) {
  const { rows } = await list(eventId)
  return Object.fromEntries(rows.map((r) => [r.email, r.status]))
}

async function deliver() {
  const worker = new MailWorker({ concurrency: 5 })
  try {
    return await worker.drain()
  } finally {
    await worker.stop()
  }
}

/** The personal link's token, from the queued mail's merge values and its link secrets (ADR 004). */
function tokenOf(mail: { mergeValues: unknown; linkSecrets: unknown }) {
  const url = unsealLinks((mail.mergeValues as { registerUrl: string }).registerUrl, mail.linkSecrets)
  const match = /\/uitnodiging\/([A-Za-z0-9_-]{43})$/.exec(url)
  expect(match, url).not.toBeNull()
  return match![1]!
}

async function setUp(status: 'published' | 'draft' = 'published') {
  const event = await createEvent(db, programmeId, { status, title: 'Regiobijeenkomst Zuid', venueCity: 'Tilburg' })
  const gemeente = await createOrganisation(db, { name: `Gemeente Tilburg ${event.id}`, sector: 'gemeente' })
  const ngo = await createOrganisation(db, { name: `Stichting Hulp ${event.id}`, sector: 'ngo' })
  const loose = await Promise.all(
    [1, 2, 3].map((i) => createContact(db, ngo.id, { name: `Losse Contact ${i}`, language: i === 3 ? 'en' : 'nl' })),
  )
  const members = await Promise.all(
    [1, 2].map((i) => createContact(db, gemeente.id, { name: `Gemeente Contact ${i}` })),
  )
  return { event, gemeente, ngo, loose, members }
}

beforeAll(async () => {
  sink = await startSmtpSink()
  organiser = await cookieFor('organiser')
  viewer = await cookieFor('viewer')
  programmeId = (await createProgramme(db)).id
})
afterAll(async () => {
  await sink.close()
})
beforeEach(() => {
  sink.messages.length = 0
  process.env.SMTP_URL = sink.url
  resetEnvCache()
})

describe('choosing contacts', () => {
  test('three contacts and a whole organisation make one invitation each; a repeat adds none', async () => {
    const { event, gemeente, loose, members } = await setUp()
    const fields: Array<[string, string]> = [
      ...loose.map((c) => ['contactId', c.id] as [string, string]),
      ['organisationId', gemeente.id],
    ]
    const first = await invite(event.id, fields)
    expect(first.status).toBe(302)
    expect(first.location).toBe(base(event.id))
    expect(await noticeOn(event.id)).toEqual({ nieuw: '5', bestaand: '0', heropend: '0' })
    const rows = await db.invitation.findMany({ where: { eventId: event.id } })
    expect(rows.map((r) => r.contactId).sort()).toEqual([...loose, ...members].map((c) => c.id).sort())
    expect(rows.every((r) => r.status === 'pending' && r.sentAt === null)).toBe(true)

    // Again, with one contact both chosen alone and through its organisation: nothing new.
    const again = await invite(event.id, [...fields, ['contactId', members[0]!.id]])
    expect(again.status).toBe(302)
    expect(await noticeOn(event.id)).toEqual({ nieuw: '0', bestaand: '5', heropend: '0' })
    expect(await db.invitation.count({ where: { eventId: event.id } })).toBe(5)

    // A whole sector picks up the organisation's contacts too, still without duplicates.
    const sector = await invite(event.id, [['sector', 'gemeente']])
    expect(sector.status).toBe(302)
    expect(await noticeOn(event.id)).toMatchObject({ nieuw: '0' })
    expect(await db.invitation.count({ where: { eventId: event.id } })).toBe(5)

    const audit = await db.auditEntry.findFirst({ where: { action: 'invitation.created', entityId: event.id } })
    expect(audit?.details).toEqual({ created: 5, existing: 0, reinvited: 0 })
  })

  test('choosing nothing, or an unknown sector, is a clear 4xx and creates nothing', async () => {
    const { event } = await setUp()
    const empty = await invite(event.id, [])
    expect(empty.status).toBe(400)
    expect(empty.data).toEqual({ error: 'Kies ten minste één contactpersoon, organisatie of sector.' })
    const bad = await invite(event.id, [['sector', 'piraten']])
    expect(bad.status).toBe(400)
    expect(await db.invitation.count({ where: { eventId: event.id } })).toBe(0)
  })
})

describe('sending', () => {
  test('one batch, a personal link per contact in their language, delivered; a 550 shows as failed', async () => {
    const { event, gemeente, loose } = await setUp()
    await invite(event.id, [
      ...loose.map((c) => ['contactId', c.id] as [string, string]),
      ['organisationId', gemeente.id],
    ])
    const invitations = await db.invitation.findMany({ where: { eventId: event.id }, include: { contact: true } })

    const sent = await act(event.id, [['intent', 'send']])
    expect(sent.status).toBe(302)
    const batches = await db.mailBatch.findMany({ where: { eventId: event.id } })
    expect(batches).toHaveLength(1)
    expect(batches[0]).toMatchObject({ kind: 'invitation', total: 5 })
    expect(sent.location).toBe(base(event.id))
    expect(await noticeOn(event.id)).toEqual({ verstuurd: '5', overgeslagen: '0', verzending: batches[0]!.id })

    const queued = await db.outboxMessage.findMany({ where: { batchId: batches[0]!.id } })
    expect(queued).toHaveLength(5)
    for (const mail of queued) {
      const invitation = invitations.find((i) => i.contact.email === mail.to)!
      expect(mail.idempotencyKey).toBe(`invitation:${invitation.id}:1`)
      expect(mail.kind).toBe('invitation')
      expect(mail.language).toBe(invitation.contact.language)
      const link = await resolvePersonalLink('invitation', tokenOf(mail))
      expect(link).toMatchObject({ ok: true, subjectId: invitation.id, eventId: event.id })
    }
    // Only hashes are stored: the token itself appears in no personal link row.
    const token = tokenOf(queued[0]!)
    const links = await db.personalLink.findMany({ where: { eventId: event.id, kind: 'invitation' } })
    expect(links).toHaveLength(5)
    expect(JSON.stringify(links)).not.toContain(token)
    expect(links.every((l) => l.expiresAt.getTime() === event.endsAt.getTime())).toBe(true)

    const stored = await db.invitation.findMany({ where: { eventId: event.id } })
    expect(stored.every((i) => i.status === 'sent' && i.sentAt !== null)).toBe(true)

    // Sending again has nothing left to send.
    const again = await act(event.id, [['intent', 'send']])
    expect(again.status).toBe(409)
    expect(await db.mailBatch.count({ where: { eventId: event.id } })).toBe(1)

    // Delivery through the real worker; the first mail the server receives is refused for good.
    sink.failNext(1, 550, 'Mailbox unavailable')
    await deliver()
    const delivered = await sink.waitFor(4)
    expect(delivered).toHaveLength(4)
    const failed = await db.outboxMessage.findFirstOrThrow({ where: { batchId: batches[0]!.id, status: 'failed' } })

    // The link in a delivered mail opens that contact's invitation.
    for (const mail of delivered) {
      const to = mail.envelope.to[0]!
      const invitation = invitations.find((i) => i.contact.email === to)!
      const url = /http\S*\/uitnodiging\/([A-Za-z0-9_-]{43})/.exec(mail.parsed!.text ?? '')
      expect(url, mail.parsed!.text).not.toBeNull()
      expect(await resolvePersonalLink('invitation', url![1]!)).toMatchObject({ ok: true, subjectId: invitation.id })
      if (invitation.contact.language === 'en')
        expect(mail.parsed!.subject).toMatch(/^Invitation: Regiobijeenkomst Zuid/)
      else expect(mail.parsed!.subject).toMatch(/^Uitnodiging: Regiobijeenkomst Zuid/)
    }

    let statuses = await statusOf(event.id)
    expect(statuses[failed.to]).toBe('failed')
    expect(Object.values(statuses).filter((s) => s === 'sent')).toHaveLength(4)
    expect((await list(event.id)).counts).toMatchObject({ sent: 4, failed: 1, pending: 0 })
    expect((await list(event.id, '?status=failed')).rows.map((r) => r.email)).toEqual([failed.to])

    // Resent from the batch page and delivered: sent again.
    expect(await resendFailed(failed.id, batches[0]!.id)).toBe(true)
    await deliver()
    statuses = await statusOf(event.id)
    expect(statuses[failed.to]).toBe('sent')
  })

  test('a failed invitation can be sent again from the list, with a new link; the others are skipped', async () => {
    const { event, loose } = await setUp()
    await invite(
      event.id,
      loose.map((c) => ['contactId', c.id] as [string, string]),
    )
    await act(event.id, [['intent', 'send']])
    sink.failNext(1, 550, 'Mailbox unavailable')
    await deliver()
    const failed = await db.outboxMessage.findFirstOrThrow({ where: { eventId: event.id, status: 'failed' } })
    const failedId = failed.idempotencyKey.split(':')[1]!
    const other = await db.invitation.findFirstOrThrow({ where: { eventId: event.id, id: { not: failedId } } })
    expect((await statusOf(event.id))[failed.to]).toBe('failed')

    const again = await act(event.id, [
      ['intent', 'send-selected'],
      ['invitationId', failedId],
      ['invitationId', other.id],
    ])
    expect(again.status).toBe(302)
    expect(await noticeOn(event.id)).toMatchObject({ verstuurd: '1', overgeslagen: '1' })
    const second = await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `invitation:${failedId}:2` } })
    expect(tokenOf(second)).not.toBe(tokenOf(failed))
    await deliver()
    expect((await statusOf(event.id))[failed.to]).toBe('sent')
    expect(await db.outboxMessage.count({ where: { eventId: event.id, to: failed.to } })).toBe(2)
  })

  test('two sends at the same moment queue each invitation once', async () => {
    const { event, loose } = await setUp()
    await invite(
      event.id,
      loose.map((c) => ['contactId', c.id] as [string, string]),
    )
    const results = await Promise.all([act(event.id, [['intent', 'send']]), act(event.id, [['intent', 'send']])])
    // The second either finds nothing left or loses the idempotency keys and is rolled back whole.
    expect(results.map((r) => r.status).sort()).toEqual([302, 409])
    expect(await db.mailBatch.count({ where: { eventId: event.id } })).toBe(1)
    expect(await db.outboxMessage.count({ where: { eventId: event.id } })).toBe(3)
    // The losing send left nothing behind: one link per invitation.
    expect(await db.personalLink.count({ where: { eventId: event.id } })).toBe(3)
  })

  test('a draft event cannot send: a Dutch message, nothing queued', async () => {
    const { event, loose } = await setUp('draft')
    const invited = await invite(event.id, [['contactId', loose[0]!.id]])
    expect(invited.status).toBe(302)
    const result = await act(event.id, [['intent', 'send']])
    expect(result.status).toBe(409)
    expect(result.data).toEqual({
      error:
        'Deze bijeenkomst is niet gepubliceerd. U kunt alleen uitnodigingen en herinneringen versturen voor een gepubliceerde bijeenkomst.',
    })
    expect(await db.mailBatch.count({ where: { eventId: event.id } })).toBe(0)
    expect(await db.outboxMessage.count({ where: { eventId: event.id } })).toBe(0)
    expect(await db.invitation.findFirst({ where: { eventId: event.id } })).toMatchObject({ status: 'pending' })
  })

  test('a viewer sees the list but cannot change anything', async () => {
    const { event, loose } = await setUp()
    await invite(event.id, [['contactId', loose[0]!.id]])
    expect((await list(event.id, '', viewer)).total).toBe(1)
    expect((await act(event.id, [['intent', 'send']], viewer)).status).toBe(403)
    expect((await invite(event.id, [['contactId', loose[1]!.id]], viewer)).status).toBe(403)
    const invitation = await db.invitation.findFirstOrThrow({ where: { eventId: event.id } })
    const revoke = await callRoute(revokeAction, post(`${base(event.id)}/${invitation.id}/intrekken`, [], viewer), {
      id: event.id,
      invitationId: invitation.id,
    })
    expect(revoke.status).toBe(403)
    expect(await db.invitation.findMany({ where: { eventId: event.id } })).toMatchObject([
      { status: 'pending', revokedAt: null },
    ])
  })

  test('an invitation id of another event is not found, and nothing changes', async () => {
    const ours = await setUp()
    const theirs = await setUp()
    await invite(ours.event.id, [['contactId', ours.loose[0]!.id]])
    await invite(theirs.event.id, [['contactId', theirs.loose[0]!.id]])
    const foreign = await db.invitation.findFirstOrThrow({ where: { eventId: theirs.event.id } })

    const send = await act(ours.event.id, [
      ['intent', 'send-selected'],
      ['invitationId', foreign.id],
    ])
    expect(send.status).toBe(404)
    const remind = await act(ours.event.id, [
      ['intent', 'remind-selected'],
      ['invitationId', foreign.id],
    ])
    expect(remind.status).toBe(404)
    const revoke = await callRoute(
      revokeAction,
      post(`${base(ours.event.id)}/${foreign.id}/intrekken`, [], organiser),
      { id: ours.event.id, invitationId: foreign.id },
    )
    expect(revoke.status).toBe(404)
    expect(await db.mailBatch.count({ where: { eventId: { in: [ours.event.id, theirs.event.id] } } })).toBe(0)
    expect(await db.invitation.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({
      status: 'pending',
      revokedAt: null,
    })
  })
})

describe('reminders and revoking', () => {
  async function sentEvent() {
    const setup = await setUp()
    await invite(setup.event.id, [
      ...setup.loose.map((c) => ['contactId', c.id] as [string, string]),
      ['organisationId', setup.gemeente.id],
    ])
    await act(setup.event.id, [['intent', 'send']])
    const invitations = await db.invitation.findMany({ where: { eventId: setup.event.id }, include: { contact: true } })
    const byEmail = (email: string) => invitations.find((i) => i.contact.email === email)!
    return { ...setup, invitations, byEmail }
  }

  test('reminders go only to who has not answered, each with a new link; older links keep working', async () => {
    const { event, loose, members, ngo, byEmail } = await sentEvent()
    const [registeredOne, declinedOne, revokedOne] = [loose[0]!, loose[1]!, members[0]!]
    const registered = await register(event.id, {
      name: registeredOne.name,
      email: registeredOne.email,
      organisationId: ngo.id,
      language: 'nl',
      invitationId: byEmail(registeredOne.email).id,
    })
    expect(registered.kind).toBe('confirmed')
    await db.invitation.update({
      where: { id: byEmail(declinedOne.email).id },
      data: { status: 'declined', respondedAt: new Date() },
    })
    const revoked = await callRoute(
      revokeAction,
      post(`${base(event.id)}/${byEmail(revokedOne.email).id}/intrekken`, [], organiser),
      { id: event.id, invitationId: byEmail(revokedOne.email).id },
    )
    expect(revoked.status).toBe(302)

    const oldMails = await db.outboxMessage.findMany({ where: { eventId: event.id, kind: 'invitation' } })
    const result = await act(event.id, [['intent', 'remind']])
    expect(result.status).toBe(302)
    const reminders = await db.outboxMessage.findMany({ where: { eventId: event.id, kind: 'reminder' } })
    // Of five: one registered, one declined, one revoked; two are reminded.
    expect(reminders.map((m) => m.to).sort()).toEqual([loose[2]!.email, members[1]!.email].sort())
    expect(new Set(reminders.map((m) => m.batchId)).size).toBe(1)
    const batch = await db.mailBatch.findUniqueOrThrow({ where: { id: reminders[0]!.batchId! } })
    expect(batch).toMatchObject({ kind: 'reminder', total: 2 })
    for (const mail of reminders) {
      const invitation = byEmail(mail.to)
      expect(mail.idempotencyKey).toBe(`reminder:${invitation.id}:1`)
      expect(await resolvePersonalLink('invitation', tokenOf(mail))).toMatchObject({
        ok: true,
        subjectId: invitation.id,
      })
      const old = oldMails.find((m) => m.to === mail.to)!
      expect(tokenOf(old)).not.toBe(tokenOf(mail))
      expect(await resolvePersonalLink('invitation', tokenOf(old))).toMatchObject({ ok: true })
      expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).remindedAt).not.toBeNull()
    }
    expect(
      (await db.invitation.findUniqueOrThrow({ where: { id: byEmail(loose[0]!.email).id } })).remindedAt,
    ).toBeNull()

    // The revoked invitation's link answers as revoked.
    const revokedMail = oldMails.find((m) => m.to === revokedOne.email)!
    expect(await resolvePersonalLink('invitation', tokenOf(revokedMail))).toEqual({
      ok: false,
      problem: 'revoked',
    })
    const statuses = await statusOf(event.id)
    expect(statuses).toMatchObject({
      [registeredOne.email]: 'registered',
      [declinedOne.email]: 'declined',
      [revokedOne.email]: 'revoked',
    })

    // A chosen subset: one who has not answered and one who registered; only the first is reminded.
    const subset = await act(event.id, [
      ['intent', 'remind-selected'],
      ['invitationId', byEmail(loose[2]!.email).id],
      ['invitationId', byEmail(registeredOne.email).id],
    ])
    expect(subset.status).toBe(302)
    expect(await noticeOn(event.id)).toMatchObject({ herinnerd: '1', overgeslagen: '1' })
    const second = await db.outboxMessage.findMany({
      where: { eventId: event.id, kind: 'reminder', idempotencyKey: { endsWith: ':2' } },
    })
    expect(second.map((m) => [m.to, m.idempotencyKey])).toEqual([
      [loose[2]!.email, `reminder:${byEmail(loose[2]!.email).id}:2`],
    ])

    // Choosing only people who answered: nothing to remind, a clear message.
    const none = await act(event.id, [
      ['intent', 'remind-selected'],
      ['invitationId', byEmail(declinedOne.email).id],
    ])
    expect(none.status).toBe(409)
    expect(none.data).toEqual({
      error: 'Er is niemand om te herinneren: iedereen heeft gereageerd, of de uitnodiging is nog niet verstuurd.',
    })
  })

  test('revoke, then invite again: a new link on the next send, the old one stays revoked', async () => {
    const { event, loose, byEmail } = await sentEvent()
    const invitation = byEmail(loose[0]!.email)
    const oldMail = await db.outboxMessage.findUniqueOrThrow({
      where: { idempotencyKey: `invitation:${invitation.id}:1` },
    })
    const revoke = await callRoute(revokeAction, post(`${base(event.id)}/${invitation.id}/intrekken`, [], organiser), {
      id: event.id,
      invitationId: invitation.id,
    })
    expect(revoke.location).toBe(base(event.id))
    expect(await noticeOn(event.id)).toEqual({ ingetrokken: '1' })
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).not.toBeNull()
    expect(await resolvePersonalLink('invitation', tokenOf(oldMail))).toEqual({
      ok: false,
      problem: 'revoked',
    })

    const reopened = await act(event.id, [['reinvite', invitation.id]])
    expect(reopened.status).toBe(302)
    expect(await noticeOn(event.id)).toEqual({ heropend: '1' })
    expect(await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({
      revokedAt: null,
      status: 'pending',
    })
    const resend = await act(event.id, [['intent', 'send']])
    expect(resend.status).toBe(302)
    expect(await noticeOn(event.id)).toMatchObject({ verstuurd: '1' })
    const newMail = await db.outboxMessage.findUniqueOrThrow({
      where: { idempotencyKey: `invitation:${invitation.id}:2` },
    })
    expect(await resolvePersonalLink('invitation', tokenOf(newMail))).toMatchObject({
      ok: true,
      subjectId: invitation.id,
    })
    expect(await resolvePersonalLink('invitation', tokenOf(oldMail))).toMatchObject({ ok: false })

    // Someone who registered and whose invitation is revoked and opened again stays registered.
    const other = byEmail(loose[1]!.email)
    await db.invitation.update({ where: { id: other.id }, data: { status: 'registered', respondedAt: new Date() } })
    await callRoute(revokeAction, post(`${base(event.id)}/${other.id}/intrekken`, [], organiser), {
      id: event.id,
      invitationId: other.id,
    })
    await act(event.id, [['reinvite', other.id]])
    expect(await db.invitation.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      revokedAt: null,
      status: 'registered',
    })
  })
})

describe('the list', () => {
  test('filters by status, organisation, sector and search; exports CSV and XLSX', async () => {
    const { event, gemeente, loose, members } = await setUp()
    await invite(event.id, [
      ...loose.map((c) => ['contactId', c.id] as [string, string]),
      ['organisationId', gemeente.id],
    ])
    expect((await list(event.id, `?organisatie=${gemeente.id}`)).rows.map((r) => r.email).sort()).toEqual(
      members.map((m) => m.email).sort(),
    )
    expect((await list(event.id, '?sector=ngo')).rows).toHaveLength(3)
    expect((await list(event.id, '?zoek=losse contact 2')).rows.map((r) => r.email)).toEqual([loose[1]!.email])
    expect((await list(event.id, '?status=sent')).rows).toHaveLength(0)
    // An unknown filter value is ignored rather than an error.
    expect((await list(event.id, '?status=onzin')).rows).toHaveLength(5)

    const csv = await callRoute(
      exportLoader,
      getRequest(`${base(event.id)}/exporteren?formaat=csv&sector=gemeente`, { cookie: viewer }),
      { id: event.id },
    )
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
    const text = String(csv.data)
    expect(text).toContain('Naam;E-mailadres;Organisatie;Sector;Status')
    expect(text).toContain(`${members[0]!.email};${gemeente.name};Gemeente;Nog niet verstuurd`)
    expect(text).not.toContain(loose[0]!.email)
    expect(csv.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="uitnodigingen-${event.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
    )
    expect(csv.headers.get('cache-control')).toBe('no-store')
    const xlsx = await exportLoader({
      request: getRequest(`${base(event.id)}/exporteren?formaat=xlsx`, { cookie: viewer }),
      params: { id: event.id },
      context: {},
    })
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml')
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK')
    const bad = await callRoute(
      exportLoader,
      getRequest(`${base(event.id)}/exporteren?formaat=pdf`, { cookie: viewer }),
      {
        id: event.id,
      },
    )
    expect(bad.status).toBe(400)
    expect(bad.data).toBe('Onbekend bestandsformaat: kies csv of xlsx.')

    // Each export is audited with counts only: who, which format, how many rows, whether filtered.
    const audits = await db.auditEntry.findMany({
      where: { action: 'invitations.exported', entityId: event.id },
      orderBy: { at: 'asc' },
    })
    expect(audits.map((a) => a.details)).toEqual([
      { format: 'csv', rows: members.length, filtered: true },
      { format: 'xlsx', rows: 5, filtered: false },
    ])
    expect(audits.every((a) => a.actorUserId !== null)).toBe(true)
    expect(JSON.stringify(audits)).not.toContain('@')
  })
})

describe('a large send', () => {
  test('5,000 invitations of a whole sector are created and queued in seconds, as one batch', async () => {
    const event = await createEvent(db, programmeId, { title: 'Landelijke bijeenkomst' })
    const organisation = await createOrganisation(db, { name: `Groot netwerk ${event.id}`, sector: 'zorg' })
    await db.contact.createMany({
      data: Array.from({ length: 5000 }, (_, i) => ({
        organisationId: organisation.id,
        name: `Zorgcontact ${i}`,
        email: `zorg-${event.id}-${i}@example.org`.toLowerCase(),
        language: i % 10 === 0 ? ('en' as const) : ('nl' as const),
      })),
    })
    const before = Date.now()
    const invited = await invite(event.id, [['organisationId', organisation.id]])
    const created = Date.now()
    expect(invited.status).toBe(302)
    expect(await noticeOn(event.id)).toMatchObject({ nieuw: '5000' })
    const sending = Date.now()
    const sent = await act(event.id, [['intent', 'send']])
    const done = Date.now()
    expect(sent.status).toBe(302)
    expect(await noticeOn(event.id)).toMatchObject({ verstuurd: '5000' })
    // Speed is the bench's business (no timed assertion here); the figures are printed for the curious.
    console.info(`5,000 invitations: created in ${created - before} ms, queued in ${done - sending} ms`)
    expect(await db.outboxMessage.count({ where: { eventId: event.id, kind: 'invitation' } })).toBe(5000)
    expect(await db.personalLink.count({ where: { eventId: event.id, kind: 'invitation' } })).toBe(5000)
    expect(await db.invitation.count({ where: { eventId: event.id, status: 'sent' } })).toBe(5000)
    expect(await db.mailBatch.count({ where: { eventId: event.id } })).toBe(1)
    // Two merges (Dutch and English), not one rendered mail per contact.
    const merges = await db.outboxMessage.findMany({ where: { eventId: event.id }, distinct: ['mergeId'] })
    expect(merges).toHaveLength(2)
    expect((await list(event.id)).counts.sent).toBe(5000)
  }, 120_000)
})
