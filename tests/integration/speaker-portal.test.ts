// The speaker's portal: the model functions against a real database (SQLite here, PostgreSQL with
// BIJEEN_TEST_DB=postgresql), and the routes through their real loaders and actions: the link swap (and the
// speaker's language), 404/410 for unknown, expired and revoked links, broken input refused with 4xx, and
// every probe of one speaker's link at another speaker's statements, profile and participations.
import { beforeAll, describe, expect, test } from 'vitest'
import { mailBriefings, getBriefing } from '~/models/speaker-briefing.server'
import {
  authoriseStatement,
  getPortal,
  portalActor,
  respondToParticipation,
  submitStatement,
  updateSpeakerProfile,
  withdrawStatement,
  createSpeakerFeedLink,
  type PortalActor,
} from '~/models/speaker-portal.server'
import { revokePersonalLinks } from '~/models/personal-link.server'
import { action as portalAction, loader as portalLoader } from '~/routes/spreker.$token._index'
import { action as statementsAction, loader as statementsLoader } from '~/routes/spreker.$token.citaten'
import { action as profileAction, loader as profileLoader } from '~/routes/spreker.$token.profiel'
import { loader as briefingLoader } from '~/routes/spreker.$token.briefing'
import {
  action as adminBriefingsAction,
  loader as adminBriefingsLoader,
} from '~/routes/beheer.bijeenkomsten.$id.briefing._index'
import { loader as adminBriefingLoader } from '~/routes/beheer.bijeenkomsten.$id.briefing.$speakerId'
import { action as speakersAction, loader as speakersLoader } from '~/routes/beheer.bijeenkomsten.$id.sprekers'
import { resetEnvCache } from '~/utils/env.server'
import { action as loginAction } from '~/routes/inloggen'
import { resolvePersonalLink } from '~/utils/link-session.server'
import { getLang, langCookie } from '~/i18n/lang.server'
import { db } from '~/utils/db.server'
import {
  addParticipation,
  at,
  createAgendaItem,
  createEvent,
  createProgramme,
  createSpeaker,
  createStatement,
  createUser,
} from '../factories.ts'
import { BASE, callRoute, cookieFrom, formRequest, getRequest } from '../support/remix.ts'
import { propose, speakerLink } from '../support/speaker-portal.ts'

let programmeId: string
beforeAll(async () => {
  programmeId = (await createProgramme(db)).id
})

/** An event with a panel: X (panellid 1), Y (panellid 2), a moderator, and an opening only X speaks at. */
async function panelEvent() {
  const event = await createEvent(db, programmeId, {
    date: '2027-03-04',
    startTime: '14:00',
    endTime: '17:00',
    venueName: 'Ministerie van Justitie en Veiligheid',
    venueAddress: 'Turfmarkt 147',
    venuePostcode: '2511 DP',
    venueCity: 'Den Haag',
    latitude: 52.0786,
    longitude: 4.3179,
  })
  const opening = await createAgendaItem(db, event, {
    date: '2027-03-04',
    start: '14:00',
    end: '14:15',
    title: 'Opening',
    kind: 'opening',
    room: 'Zaal 1',
    order: 0,
  })
  const panel = await createAgendaItem(db, event, {
    date: '2027-03-04',
    start: '14:30',
    end: '15:30',
    title: 'Panel: de inzet van de ministeries',
    kind: 'panel',
    room: 'Plenaire zaal',
    order: 1,
  })
  const x = await createSpeaker(db, {
    honorific: 'staatssecretaris',
    name: 'Xander',
    delegateName: 'Marieke de Boer',
    delegateEmail: `delegate-${Date.now()}@example.org`,
  })
  const y = await createSpeaker(db, { name: 'Yvonne Ypma' })
  const moderator = await createSpeaker(db, { name: 'Mo de Moderator' })
  const xOpening = await addParticipation(db, { agendaItemId: opening.id, speakerId: x.id, role: 'speaker' })
  const xPanel = await addParticipation(db, { agendaItemId: panel.id, speakerId: x.id, role: 'panelist', order: 1 })
  const yPanel = await addParticipation(db, { agendaItemId: panel.id, speakerId: y.id, role: 'panelist', order: 2 })
  await addParticipation(db, { agendaItemId: panel.id, speakerId: moderator.id, role: 'moderator', order: 0 })
  return { event, opening, panel, x, y, moderator, xOpening, xPanel, yPanel }
}

async function actorFor(token: string): Promise<PortalActor> {
  const link = await resolvePersonalLink('speaker', token)
  if (!link.ok) throw new Error(link.problem)
  const actor = await portalActor(link)
  if (!actor) throw new Error('no actor')
  return actor
}

// ─── Routes: sessions ────────────────────────────────────────────────────────────────────────────────────

type Session = { linkId: string; cookie: string }

async function open(token: string): Promise<Session & { setCookies: string[] }> {
  const result = await callRoute(portalLoader, getRequest(`/spreker/${token}`), { token })
  expect(result.status).toBe(303)
  const linkId = result.location!.split('/').pop()!
  const setCookies = result.headers.getSetCookie()
  const cookie = setCookies
    .find((c) => c.startsWith('bijeen_link_') && !c.startsWith('bijeen_link_lang='))!
    .split(';')[0]!
  return { linkId, cookie, setCookies }
}

type Handler = Parameters<typeof callRoute>[0]

const show = (s: Session, loader: Handler = portalLoader, sub = '') =>
  callRoute(loader, getRequest(`/spreker/${s.linkId}${sub}`, { cookie: s.cookie }), { token: s.linkId })

const postTo = (action: Handler, s: Session, sub: string, fields: Record<string, string>) =>
  callRoute(action, formRequest(`/spreker/${s.linkId}${sub}`, fields, { cookie: s.cookie }), { token: s.linkId })

describe('the portal page', () => {
  test('slots with times, room, role and the others in order; venue with map; contact; private headers', async () => {
    const f = await panelEvent()
    const session = await open(await speakerLink(f.x.id, f.event.id))
    const result = await show(session)
    expect(result.status).toBe(200)
    expect(result.headers.get('referrer-policy')).toBe('no-referrer')
    expect(result.headers.get('cache-control')).toBe('private, no-store')
    const { portal } = result.data as { portal: Awaited<ReturnType<typeof getPortal>> & object }
    expect(portal.speaker.name).toBe('Staatssecretaris Xander')
    expect(portal.slots.map((s) => [s.item.title, s.role, s.item.room])).toEqual([
      ['Opening', 'speaker', 'Zaal 1'],
      ['Panel: de inzet van de ministeries', 'panelist', 'Plenaire zaal'],
    ])
    expect(portal.slots[0]!.item.startsAt).toEqual(at('2027-03-04', '14:00'))
    // The moderator first, then the other panelists in their order; the speaker is not among "the others".
    expect(portal.slots[1]!.others).toEqual([
      { name: 'Mo de Moderator', function: '', role: 'moderator' },
      { name: 'Yvonne Ypma', function: '', role: 'panelist' },
    ])
    expect(portal.events[0]!.venue.mapUrl).toBe(
      'https://www.openstreetmap.org/?mlat=52.0786&mlon=4.3179#map=18/52.0786/4.3179',
    )
    expect(portal.contact.email).toBe('secretariaat@example.org')
  })

  test('the link opens in the speaker’s language; the token leaves the address', async () => {
    const f = await panelEvent()
    await db.speaker.update({ where: { id: f.y.id }, data: { language: 'en' } })
    const token = await speakerLink(f.y.id, f.event.id)
    const session = await open(token)
    expect(session.linkId).not.toContain(token)
    // The speaker's language rides on the link's own cookie (path /spreker), never on the site-wide choice.
    expect(session.setCookies.some((c) => c.startsWith('bijeen_lang='))).toBe(false)
    const linkLang = session.setCookies.find((c) => c.startsWith('bijeen_link_lang='))
    expect(linkLang).toMatch(/; Path=\/spreker(;|$)/)
    const pair = linkLang!.split(';')[0]!
    const page = (cookie: string) => getRequest(`/spreker/${session.linkId}`, { cookie, 'accept-language': 'nl' })
    expect(await getLang(page(`${session.cookie}; ${pair}`))).toBe('en')
    // A visitor who chose Dutch with the switch keeps that choice on the portal too, and it is not overwritten.
    const chosen = (await langCookie.serialize('nl')).split(';')[0]!
    expect(await getLang(page(`${session.cookie}; ${pair}; ${chosen}`))).toBe('nl')
    const shown = await show({ ...session, cookie: `${session.cookie}; ${pair}; ${chosen}` })
    expect(shown.status).toBe(200)
    expect(shown.headers.getSetCookie().some((c) => c.startsWith('bijeen_lang='))).toBe(false)
  })

  test('unknown link 404, expired and revoked 410, no cookie 401, someone else’s link id 404', async () => {
    const f = await panelEvent()
    const unknown = 'A'.repeat(43)
    expect((await callRoute(portalLoader, getRequest(`/spreker/${unknown}`), { token: unknown })).status).toBe(404)
    const expired = await speakerLink(f.x.id, f.event.id, { expiresAt: new Date(Date.now() - 1000) })
    expect((await callRoute(portalLoader, getRequest(`/spreker/${expired}`), { token: expired })).status).toBe(410)
    const revokedToken = await speakerLink(f.y.id, f.event.id)
    const revokedSession = await open(revokedToken)
    await revokePersonalLinks('speaker', f.y.id)
    expect(
      (await callRoute(portalLoader, getRequest(`/spreker/${revokedToken}`), { token: revokedToken })).status,
    ).toBe(410)
    expect((await show(revokedSession)).status).toBe(410)
    const x = await open(await speakerLink(f.x.id, f.event.id))
    expect((await callRoute(portalLoader, getRequest(`/spreker/${x.linkId}`), { token: x.linkId })).status).toBe(401)
    // X's cookie on Y's page: not X's link, so nothing.
    const y = await open(await speakerLink(f.y.id, f.event.id))
    const probe = await callRoute(portalLoader, getRequest(`/spreker/${y.linkId}`, { cookie: x.cookie }), {
      token: y.linkId,
    })
    expect(probe.status).toBe(401)
  })
})

// ─── Answers ─────────────────────────────────────────────────────────────────────────────────────────────

describe('confirm or decline', () => {
  test('confirm with a message: stored, the secretariat is mailed through the outbox', async () => {
    const f = await panelEvent()
    const actor = await actorFor(await speakerLink(f.x.id, f.event.id))
    const outcome = await respondToParticipation(actor, {
      participationId: f.xPanel.id,
      answer: 'confirm',
      message: 'Graag een microfoon.\n<script>alert(1)</script>',
    })
    expect(outcome).toEqual({ kind: 'saved', status: 'confirmed' })
    const row = await db.participation.findUniqueOrThrow({ where: { id: f.xPanel.id } })
    expect(row).toMatchObject({
      status: 'confirmed',
      responseMessage: 'Graag een microfoon.\n<script>alert(1)</script>',
    })
    expect(row.respondedAt).not.toBeNull()
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { kind: 'speaker-notice', eventId: f.event.id } })
    expect(mail.to).toBe('secretariaat@example.org')
    expect(mail.subject).toBe(`Staatssecretaris Xander bevestigt deelname: ${f.event.title}`)
    expect(mail.text).toContain('Graag een microfoon.')
    expect(mail.html).not.toContain('<script>')
    expect(mail.html).toContain('&lt;script&gt;')
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: f.xPanel.id } })
    expect(audit).toMatchObject({ action: 'participation.confirmed', actorLabel: 'speaker' })
  })

  test('decline through the delegate’s link is recorded as the delegate’s', async () => {
    const f = await panelEvent()
    const actor = await actorFor(await speakerLink(f.x.id, f.event.id, { delegate: true }))
    expect(actor.delegate).toBe(true)
    expect(
      await respondToParticipation(actor, { participationId: f.xOpening.id, answer: 'decline', message: '' }),
    ).toEqual({
      kind: 'saved',
      status: 'declined',
    })
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: f.xOpening.id } })
    // The delegate's name is personal data: the audit log says "delegate" only.
    expect(audit.actorLabel).toBe('delegate')
    expect(JSON.stringify(audit)).not.toContain('Marieke')
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { kind: 'speaker-notice', eventId: f.event.id } })
    expect(mail.text).toContain('Marieke de Boer, namens de spreker')
  })

  test('another speaker’s participation is not found, and stays as it was', async () => {
    const f = await panelEvent()
    const x = await actorFor(await speakerLink(f.x.id, f.event.id))
    expect(
      await respondToParticipation(x, { participationId: f.yPanel.id, answer: 'decline', message: 'weg' }),
    ).toEqual({
      kind: 'not-found',
    })
    expect((await db.participation.findUniqueOrThrow({ where: { id: f.yPanel.id } })).status).toBe('invited')
    // Through the route as well: 404, not a 500.
    const session = await open(await speakerLink(f.x.id, f.event.id))
    const result = await postTo(portalAction, session, '?index', {
      intent: 'respond',
      participationId: f.yPanel.id,
      answer: 'decline',
    })
    expect(result.status).toBe(404)
    expect((await db.participation.findUniqueOrThrow({ where: { id: f.yPanel.id } })).status).toBe('invited')
  })

  test('a past event is closed', async () => {
    const event = await createEvent(db, programmeId, { date: '2020-01-10' })
    const item = await createAgendaItem(db, event, { date: '2020-01-10', start: '14:00', end: '15:00', title: 'Oud' })
    const s = await createSpeaker(db)
    const p = await addParticipation(db, { agendaItemId: item.id, speakerId: s.id })
    const actor = await actorFor(await speakerLink(s.id, event.id))
    expect(await respondToParticipation(actor, { participationId: p.id, answer: 'confirm', message: '' })).toEqual({
      kind: 'closed',
    })
  })

  test('broken input is refused with 400, never a 500', async () => {
    const f = await panelEvent()
    const session = await open(await speakerLink(f.x.id, f.event.id))
    const broken: Array<Record<string, string>> = [
      {},
      { intent: 'respond' },
      { intent: 'respond', participationId: f.xPanel.id, answer: 'misschien' },
      { intent: 'respond', participationId: f.xPanel.id, answer: 'confirm', message: 'x'.repeat(2001) },
      { intent: 'iets' },
    ]
    for (const fields of broken) {
      expect((await postTo(portalAction, session, '?index', fields)).status).toBe(400)
    }
    expect((await db.participation.findUniqueOrThrow({ where: { id: f.xPanel.id } })).status).toBe('invited')
  })

  test('a calendar feed link for the speaker’s slots', async () => {
    const f = await panelEvent()
    const actor = await actorFor(await speakerLink(f.x.id, f.event.id))
    const outcome = await createSpeakerFeedLink(actor)
    if (outcome.kind !== 'created') throw new Error(outcome.kind)
    const token = outcome.url.split('/spreker/')[1]!.split('/')[0]!
    expect((await resolvePersonalLink('speaker_feed', token)).ok).toBe(true)
  })
})

// ─── Profile ─────────────────────────────────────────────────────────────────────────────────────────────

describe('profile and consents', () => {
  const values = {
    honorific: 'staatssecretaris',
    name: 'Xander',
    function: 'staatssecretaris van Justitie en Veiligheid',
    attribution: 'Staatssecretaris Xander van het ministerie van Justitie en Veiligheid',
    bio: 'Bio',
    language: 'en' as const,
    photoCredit: '',
    removePhoto: false,
    consentPublishName: true,
    consentPublishPhoto: true,
    consentPublishQuotes: true,
  }

  test('saves the speaker’s own profile; a bad photo saves nothing', async () => {
    const f = await panelEvent()
    const actor = await actorFor(await speakerLink(f.x.id, f.event.id))
    expect(await updateSpeakerProfile(actor, values, null)).toEqual({ kind: 'saved' })
    expect(await db.speaker.findUniqueOrThrow({ where: { id: f.x.id } })).toMatchObject({
      function: values.function,
      language: 'en',
      consentPublishQuotes: true,
    })
    const bad = await updateSpeakerProfile(
      actor,
      { ...values, bio: 'Anders' },
      {
        bytes: new TextEncoder().encode('<svg onload="alert(1)"></svg>'),
        type: 'image/jpeg',
        name: 'foto.jpg',
      },
    )
    expect(bad).toEqual({ kind: 'photo', reason: 'unsupported-type' })
    expect((await db.speaker.findUniqueOrThrow({ where: { id: f.x.id } })).bio).toBe('Bio')
  })

  test('the form only ever changes the link’s own speaker, whatever ids it carries', async () => {
    const f = await panelEvent()
    const session = await open(await speakerLink(f.x.id, f.event.id))
    const body = new FormData()
    for (const [k, v] of Object.entries({ ...values, name: 'Overgenomen', speakerId: f.y.id, id: f.y.id })) {
      if (typeof v === 'boolean') {
        if (v) body.set(k, 'on')
      } else body.set(k, v)
    }
    const request = new Request(`${BASE}/spreker/${session.linkId}/profiel`, {
      method: 'POST',
      headers: { cookie: session.cookie },
      body,
    })
    const result = await callRoute(profileAction, request, { token: session.linkId })
    expect(result.status).toBe(303)
    expect((await db.speaker.findUniqueOrThrow({ where: { id: f.y.id } })).name).toBe('Yvonne Ypma')
    expect((await db.speaker.findUniqueOrThrow({ where: { id: f.x.id } })).name).toBe('Overgenomen')
    expect((await show(session, profileLoader, '/profiel')).status).toBe(200)
  })

  test('an empty name is refused with 400', async () => {
    const f = await panelEvent()
    const session = await open(await speakerLink(f.x.id, f.event.id))
    const body = new FormData()
    body.set('name', '')
    const request = new Request(`${BASE}/spreker/${session.linkId}/profiel`, {
      method: 'POST',
      headers: { cookie: session.cookie },
      body,
    })
    expect((await callRoute(profileAction, request, { token: session.linkId })).status).toBe(400)
  })
})

// ─── Statements ──────────────────────────────────────────────────────────────────────────────────────────

describe('statements', () => {
  test('submit, edit until proposed, see the proposal, authorise: who, when, through which link', async () => {
    const f = await panelEvent()
    const token = await speakerLink(f.x.id, f.event.id)
    const actor = await actorFor(token)
    const created = await submitStatement(actor, {
      agendaItemId: f.panel.id,
      text: 'Mensenhandel is een afschuwelijk delict.',
      language: 'nl',
    })
    if (created.kind !== 'submitted') throw new Error(created.kind)
    const id = created.statementId
    expect(
      await submitStatement(actor, {
        statementId: id,
        text: 'Mensenhandel is een afschuwelijk misdrijf.',
        language: 'nl',
      }),
    ).toEqual({ kind: 'submitted', statementId: id })
    const proposal = await propose(id, 'Mensenhandel is een ernstig misdrijf.')
    // Now the speaker may no longer edit their text in place; the portal shows the proposal.
    const portal = (await getPortal(actor))!
    const shown = portal.statements.find((s) => s.id === id)!
    expect(shown).toMatchObject({
      status: 'awaiting_authorisation',
      mayEdit: false,
      mayReturn: true,
      mayAuthorise: true,
      own: { text: 'Mensenhandel is een afschuwelijk misdrijf.' },
      proposed: { id: proposal.id, text: 'Mensenhandel is een ernstig misdrijf.' },
    })
    expect(shown.versions.map((v) => v.authorKind)).toEqual(['speaker', 'speaker', 'secretariat'])

    const now = new Date('2027-03-05T09:00:00Z')
    expect(await authoriseStatement(actor, { statementId: id, versionId: proposal.id }, now)).toEqual({
      kind: 'authorised',
      statementId: id,
    })
    const row = await db.statement.findUniqueOrThrow({ where: { id } })
    expect(row).toMatchObject({
      status: 'authorised',
      authorisedVersionId: proposal.id,
      authorisedBy: 'speaker',
      authorisedLinkId: actor.linkId,
      authorisedAt: now,
    })
    const mail = await db.outboxMessage.findFirstOrThrow({
      where: { kind: 'statement-authorised', eventId: f.event.id },
    })
    expect(mail.to).toBe(f.x.email)
    // Authorised is final: no more edits, no second authorisation.
    expect(await submitStatement(actor, { statementId: id, text: 'Anders.', language: 'nl' })).toEqual({
      kind: 'wrong-state',
    })
    expect(await authoriseStatement(actor, { statementId: id, versionId: proposal.id })).toEqual({
      kind: 'wrong-state',
    })
  })

  test('through the delegate’s link: versions and the authorisation are the delegate’s', async () => {
    const f = await panelEvent()
    const actor = await actorFor(await speakerLink(f.x.id, f.event.id, { delegate: true }))
    const created = await submitStatement(actor, { text: 'Samen pakken wij dit aan.', language: 'nl' })
    if (created.kind !== 'submitted') throw new Error(created.kind)
    const proposal = await propose(created.statementId, 'Samen pakken wij dit stevig aan.')
    await authoriseStatement(actor, { statementId: created.statementId, versionId: proposal.id })
    const row = await db.statement.findUniqueOrThrow({
      where: { id: created.statementId },
      include: { versions: { orderBy: { createdAt: 'asc' } } },
    })
    expect(row.authorisedBy).toBe('delegate: Marieke de Boer')
    expect(row.authorisedLinkId).toBe(actor.linkId)
    expect(row.versions[0]).toMatchObject({ authorKind: 'delegate', authorName: 'Marieke de Boer' })
    const mail = await db.outboxMessage.findFirstOrThrow({
      where: { kind: 'statement-authorised', eventId: f.event.id },
    })
    expect(mail.to).toBe(f.x.delegateEmail)
  })

  test('return a proposal with a new version; a stale proposal is not authorised', async () => {
    const f = await panelEvent()
    const actor = await actorFor(await speakerLink(f.x.id, f.event.id))
    const created = await submitStatement(actor, { text: 'Eerste tekst.', language: 'nl' })
    if (created.kind !== 'submitted') throw new Error(created.kind)
    const id = created.statementId
    const first = await propose(id, 'Eerste voorstel.')
    expect(await submitStatement(actor, { statementId: id, text: 'Liever zo.', language: 'nl' })).toEqual({
      kind: 'submitted',
      statementId: id,
    })
    expect(await db.statement.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'submitted',
      proposedVersionId: null,
    })
    // The old proposal can no longer be authorised: it is not what is proposed now.
    expect(await authoriseStatement(actor, { statementId: id, versionId: first.id })).toEqual({ kind: 'wrong-state' })
    const second = await propose(id, 'Tweede voorstel.')
    expect(await authoriseStatement(actor, { statementId: id, versionId: first.id })).toEqual({ kind: 'stale' })
    expect(await authoriseStatement(actor, { statementId: id, versionId: second.id })).toMatchObject({
      kind: 'authorised',
    })
    expect(await db.statementVersion.count({ where: { statementId: id } })).toBe(4)
  })

  test('withdraw; once a published report holds it, a request to the secretariat', async () => {
    const f = await panelEvent()
    const actor = await actorFor(await speakerLink(f.x.id, f.event.id))
    const a = await submitStatement(actor, { text: 'Trek mij in.', language: 'nl' })
    if (a.kind !== 'submitted') throw new Error(a.kind)
    expect(await withdrawStatement(actor, { statementId: a.statementId })).toEqual({
      kind: 'withdrawn',
      statementId: a.statementId,
    })
    expect(await db.statement.findUniqueOrThrow({ where: { id: a.statementId } })).toMatchObject({
      status: 'withdrawn',
      withdrawnBy: 'speaker',
    })
    expect(await withdrawStatement(actor, { statementId: a.statementId })).toEqual({ kind: 'wrong-state' })

    const b = await createStatement(db, {
      eventId: f.event.id,
      speakerId: f.x.id,
      text: 'Gepubliceerd.',
      authorisedBy: 'speaker',
    })
    await db.report.create({
      data: {
        eventId: f.event.id,
        slug: `verslag-${b.id}`,
        status: 'published',
        publishedAt: new Date(),
        versions: { create: { version: 1, snapshot: { blocks: [{ kind: 'quote', statementId: b.id }] } } },
      },
    })
    expect(await withdrawStatement(actor, { statementId: b.id })).toEqual({
      kind: 'withdrawal-requested',
      statementId: b.id,
    })
    const row = await db.statement.findUniqueOrThrow({ where: { id: b.id } })
    expect(row.status).toBe('authorised')
    expect(row.withdrawalRequestedAt).not.toBeNull()
    const mails = await db.outboxMessage.findMany({ where: { kind: 'speaker-notice', eventId: f.event.id } })
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toContain('vraagt een citaat in te trekken')
    // Asking again changes nothing and mails no one again.
    await withdrawStatement(actor, { statementId: b.id })
    expect(await db.outboxMessage.count({ where: { kind: 'speaker-notice', eventId: f.event.id } })).toBe(1)
    const shown = (await getPortal(actor))!.statements.find((s) => s.id === b.id)!
    expect(shown).toMatchObject({ inPublishedReport: true, mayWithdraw: false, mayRequestWithdrawal: false })
  })

  test('speaker X cannot read, change, authorise or withdraw speaker Y’s statements', async () => {
    const f = await panelEvent()
    const x = await actorFor(await speakerLink(f.x.id, f.event.id))
    const y = await actorFor(await speakerLink(f.y.id, f.event.id))
    const ys = await submitStatement(y, { text: 'Van Y.', language: 'nl' })
    if (ys.kind !== 'submitted') throw new Error(ys.kind)
    const proposal = await propose(ys.statementId, 'Van Y, voorgesteld.')
    expect((await getPortal(x))!.statements.map((s) => s.id)).not.toContain(ys.statementId)
    expect(await submitStatement(x, { statementId: ys.statementId, text: 'Van X.', language: 'nl' })).toEqual({
      kind: 'not-found',
    })
    expect(await authoriseStatement(x, { statementId: ys.statementId, versionId: proposal.id })).toEqual({
      kind: 'not-found',
    })
    expect(await withdrawStatement(x, { statementId: ys.statementId })).toEqual({ kind: 'not-found' })
    // A new statement only on an agenda item of the speaker's own: Y has no part in the opening.
    expect(await submitStatement(y, { agendaItemId: f.opening.id, text: 'Bij de opening.', language: 'nl' })).toEqual({
      kind: 'not-found',
    })
    const row = await db.statement.findUniqueOrThrow({ where: { id: ys.statementId } })
    expect(row.status).toBe('awaiting_authorisation')
    expect(await db.statementVersion.count({ where: { statementId: ys.statementId } })).toBe(2)

    // The same probes through the routes, with X's own session.
    const session = await open(await speakerLink(f.x.id, f.event.id))
    const probes: Array<Record<string, string>> = [
      { intent: 'submit', statementId: ys.statementId, text: 'Van X.', language: 'nl' },
      { intent: 'authorise', statementId: ys.statementId, versionId: proposal.id },
      { intent: 'withdraw', statementId: ys.statementId },
    ]
    for (const fields of probes) {
      expect((await postTo(statementsAction, session, '/citaten', fields)).status).toBe(404)
    }
    expect((await db.statement.findUniqueOrThrow({ where: { id: ys.statementId } })).status).toBe(
      'awaiting_authorisation',
    )
    const page = await show(session, statementsLoader, '/citaten')
    expect(JSON.stringify(page.data)).not.toContain('Van Y')
  })

  test('a 100 kB text is refused at the length limit with a clear message; broken forms 400', async () => {
    const f = await panelEvent()
    const session = await open(await speakerLink(f.x.id, f.event.id))
    const long = await postTo(statementsAction, session, '/citaten', {
      intent: 'submit',
      text: 'a'.repeat(100_000),
      language: 'nl',
    })
    expect(long.status).toBe(400)
    expect(JSON.stringify(long.data)).toContain('De tekst is te lang. Een citaat is hoogstens 3000 tekens')
    const broken: Array<Record<string, string>> = [
      {},
      { intent: 'submit' },
      { intent: 'submit', text: '   ', language: 'nl' },
      { intent: 'submit', text: 'x', language: 'fr' },
      { intent: 'authorise', statementId: '' },
      { intent: 'withdraw' },
      { intent: 'authorise', statementId: 'x'.repeat(500), versionId: 'y' },
    ]
    for (const fields of broken) {
      expect((await postTo(statementsAction, session, '/citaten', fields)).status).toBe(400)
    }
    expect(await db.statement.count({ where: { speakerId: f.x.id } })).toBe(0)
  })
})

// ─── Briefing ────────────────────────────────────────────────────────────────────────────────────────────

describe('speaker briefing', () => {
  test('arrival, address, slots with moderator and co-panelists, contact', async () => {
    const f = await panelEvent()
    const briefing = (await getBriefing(f.event.id, f.x.id))!
    expect(briefing.arrivalAt).toEqual(at('2027-03-04', '13:30'))
    expect(briefing.event.venueAddress).toBe('Turfmarkt 147')
    expect(briefing.slots[1]).toMatchObject({
      title: 'Panel: de inzet van de ministeries',
      room: 'Plenaire zaal',
      role: 'panelist',
      moderators: ['Mo de Moderator'],
      others: ['Yvonne Ypma'],
    })
    expect(briefing.contact.email).toBe('secretariaat@example.org')
    expect(await getBriefing(f.event.id, (await createSpeaker(db)).id)).toBeNull()
    // The portal shows the speaker their own briefing.
    const session = await open(await speakerLink(f.x.id, f.event.id))
    const page = await show(session, briefingLoader, '/briefing')
    expect((page.data as { briefing: { speaker: { name: string } } }).briefing.speaker.name).toBe(
      'Staatssecretaris Xander',
    )
  })

  test('the secretariat reads every briefing, and mails them all as one batch; a viewer may not mail', async () => {
    const f = await panelEvent()
    const login = async (role: 'organiser' | 'viewer') => {
      const { user, password } = await createUser(db, { role })
      return cookieFrom(
        await callRoute(
          loginAction,
          formRequest('/inloggen', { email: user.email, password }, { 'x-bijeen-client-ip': `10.9.0.${role.length}` }),
        ),
      )
    }
    const viewer = await login('viewer')
    const organiser = await login('organiser')
    const path = `/beheer/bijeenkomsten/${f.event.id}/briefing`
    const list = await callRoute(adminBriefingsLoader, getRequest(path, { cookie: viewer }), { id: f.event.id })
    expect(list.status).toBe(200)
    expect((list.data as { speakers: Array<{ name: string }> }).speakers.map((s) => s.name)).toEqual([
      'Mo de Moderator',
      'Staatssecretaris Xander',
      'Yvonne Ypma',
    ])
    const one = await callRoute(adminBriefingLoader, getRequest(`${path}/${f.y.id}`, { cookie: viewer }), {
      id: f.event.id,
      speakerId: f.y.id,
    })
    expect(one.status).toBe(200)
    const foreign = await callRoute(adminBriefingLoader, getRequest(`${path}/${f.y.id}`, { cookie: viewer }), {
      id: (await createEvent(db, programmeId)).id,
      speakerId: f.y.id,
    })
    expect(foreign.status).toBe(404)
    expect(
      (
        await callRoute(adminBriefingsAction, formRequest(path, { intent: 'mail-all' }, { cookie: viewer }), {
          id: f.event.id,
        })
      ).status,
    ).toBe(403)
    const sent = await callRoute(
      adminBriefingsAction,
      formRequest(path, { intent: 'mail-all' }, { cookie: organiser }),
      {
        id: f.event.id,
      },
    )
    // Back to the briefing page; the count travels in the session, not the address.
    expect(sent).toMatchObject({ status: 302, location: path })
    const mails = await db.outboxMessage.findMany({ where: { kind: 'speaker-briefing', eventId: f.event.id } })
    expect(mails).toHaveLength(3)
    expect(new Set(mails.map((m) => m.batchId)).size).toBe(1)
    const xMail = mails.find((m) => m.to === f.x.email)!
    expect(xMail.text).toContain('Plenaire zaal')
    expect(xMail.text).toContain('Mo de Moderator')
  })

  test('contact and arrival per event, set on the speakers page; empty falls back to the defaults', async () => {
    process.env.SPEAKER_CONTACT_NAME = 'Dienstdoende medewerker'
    process.env.SPEAKER_CONTACT_PHONE = '070 000 00 00'
    resetEnvCache()
    try {
      const f = await panelEvent()
      const login = async (role: 'organiser' | 'viewer') => {
        const { user, password } = await createUser(db, { role })
        return cookieFrom(
          await callRoute(
            loginAction,
            formRequest(
              '/inloggen',
              { email: user.email, password },
              { 'x-bijeen-client-ip': `10.9.1.${role.length}` },
            ),
          ),
        )
      }
      const organiser = await login('organiser')
      const viewer = await login('viewer')
      const path = `/beheer/bijeenkomsten/${f.event.id}/sprekers`
      const save = (fields: Record<string, string>, cookie = organiser) =>
        callRoute(speakersAction, formRequest(path, { intent: 'speaker-day', ...fields }, { cookie }), {
          id: f.event.id,
        })
      // Nothing set: the environment's contact, and the default 30 minutes shown as the default.
      const before = (await getBriefing(f.event.id, f.x.id))!
      expect(before.contact).toMatchObject({ name: 'Dienstdoende medewerker', phone: '070 000 00 00' })
      expect(before.arrivalAt).toEqual(at('2027-03-04', '13:30'))
      const page = await callRoute(speakersLoader, getRequest(path, { cookie: viewer }), { id: f.event.id })
      expect((page.data as { speakerDay: unknown }).speakerDay).toMatchObject({
        stored: { speakerContactName: null, speakerContactPhone: null, speakerArrivalMins: null },
        defaults: { name: 'Dienstdoende medewerker', phone: '070 000 00 00', minutes: 30 },
        shown: { minutes: 30, minutesIsDefault: true },
      })

      // Bad input: a clear message per field, nothing saved; a viewer may not change it.
      const bad = await save({ speakerContactPhone: 'bel mij', speakerArrivalMins: '600' })
      expect(bad.status).toBe(400)
      const errors = (bad.data as { dayErrors: Record<string, string[]> }).dayErrors
      expect(errors.speakerContactPhone).toEqual([
        'Vul een telefoonnummer in met cijfers, zoals 070 123 45 67 of +31 6 12345678.',
      ])
      expect(errors.speakerArrivalMins).toEqual(['Vul een heel aantal minuten in van 0 tot en met 240.'])
      expect((bad.data as { dayValues: Record<string, string> }).dayValues).toMatchObject({
        speakerContactPhone: 'bel mij',
        speakerArrivalMins: '600',
      })
      expect((await save({ speakerArrivalMins: '45' }, viewer)).status).toBe(403)
      expect(await db.event.findUniqueOrThrow({ where: { id: f.event.id } })).toMatchObject({
        speakerArrivalMins: null,
      })

      const saved = await save({
        speakerContactName: 'Sanne Visser',
        speakerContactPhone: '+31 6 1234 5678',
        speakerArrivalMins: '45',
      })
      expect(saved.status).toBe(302)
      expect(saved.location).toBe(`${path}#op-de-dag`)
      const after = await callRoute(speakersLoader, getRequest(path, { cookie: organiser }), { id: f.event.id })
      expect(after.data).toMatchObject({
        daySaved: true,
        speakerDay: { shown: { name: 'Sanne Visser', phone: '+31 6 1234 5678', minutes: 45, minutesIsDefault: false } },
      })
      // The briefing (page, portal and mail) shows them: 45 minutes before X's first slot at 14.00.
      const briefing = (await getBriefing(f.event.id, f.x.id))!
      expect(briefing.contact).toMatchObject({ name: 'Sanne Visser', phone: '+31 6 1234 5678' })
      expect(briefing.arrivalAt).toEqual(at('2027-03-04', '13:15'))
      // Y's first slot is the panel at 14.30: 13.45.
      expect((await getBriefing(f.event.id, f.y.id))!.arrivalAt).toEqual(at('2027-03-04', '13:45'))
      const portal = await getPortal(await actorFor(await speakerLink(f.y.id, f.event.id)))
      expect(portal!.contact).toMatchObject({ name: 'Sanne Visser', phone: '+31 6 1234 5678' })
      const { user } = await createUser(db, { role: 'organiser' })
      await mailBriefings(f.event.id, user.id)
      const mail = await db.outboxMessage.findFirstOrThrow({
        where: { kind: 'speaker-briefing', eventId: f.event.id, to: f.x.email! },
      })
      expect(mail.text).toContain('Sanne Visser')
      expect(mail.text).toContain('+31 6 1234 5678')
      expect(mail.text).toContain('13.15 uur')

      // Emptied again: back to the defaults.
      expect((await save({ speakerContactName: '', speakerContactPhone: ' ', speakerArrivalMins: '' })).status).toBe(
        302,
      )
      const reset = (await getBriefing(f.event.id, f.x.id))!
      expect(reset.contact.name).toBe('Dienstdoende medewerker')
      expect(reset.arrivalAt).toEqual(at('2027-03-04', '13:30'))
    } finally {
      delete process.env.SPEAKER_CONTACT_NAME
      delete process.env.SPEAKER_CONTACT_PHONE
      resetEnvCache()
    }
  })

  test('mailBriefings: nobody to mail, unknown event', async () => {
    const event = await createEvent(db, programmeId)
    const user = await createUser(db, { role: 'organiser' })
    expect(await mailBriefings(event.id, user.user.id)).toEqual({ kind: 'nobody' })
    expect(await mailBriefings('bestaat-niet', user.user.id)).toEqual({ kind: 'not-found' })
  })
})
