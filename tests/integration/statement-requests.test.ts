// The secretariat's side of statements through the real routes: requesting (deadline in Amsterdam time, the
// prompt, mails with a hashed portal link to speaker and delegate), reminders on a fake clock (once, also when
// two runs race), reminders by hand to the late, the review steps and their refusals (409, never 500), hostile
// text kept inert, the length limit, the embargo, and the viewer's 403.
import { beforeAll, describe, expect, test } from 'vitest'
import { renderMail } from '../../emails'
import { queuedMailBody } from '~/mail/outbox.server'
import { sendDueStatementReminders } from '~/models/statement-request.server'
import { action as detailAction, loader as detailLoader } from '~/routes/beheer.bijeenkomsten.$id.citaten.$statementId'
import { action as overviewAction, loader as overviewLoader } from '~/routes/beheer.bijeenkomsten.$id.citaten._index'
import { action as loginAction } from '~/routes/inloggen'
import { db } from '~/utils/db.server'
import { hashToken } from '~/utils/tokens.server'
import {
  addParticipation,
  createAgendaItem,
  createEvent,
  createProgramme,
  createSpeaker,
  createStatement,
  createUser,
} from '../factories.ts'
import { BASE, callRoute, cookieFrom, doneNotice, formRequest, getRequest } from '../support/remix.ts'

let organiser: string
let viewer: string
let programmeId: string

async function cookieFor(role: 'organiser' | 'viewer') {
  const { user, password } = await createUser(db, { role, name: role === 'organiser' ? 'Sanne de Wit' : 'Kijker' })
  return cookieFrom(
    await callRoute(
      loginAction,
      formRequest('/inloggen', { email: user.email, password }, { 'x-bijeen-client-ip': `10.9.0.${role.length}` }),
    ),
  )
}

const overviewPath = (eventId: string) => `/beheer/bijeenkomsten/${eventId}/citaten`

/** A POST with repeated fields (checkboxes), as a browser sends it. */
function post(path: string, fields: Array<[string, string]>, cookie: string) {
  return new Request(BASE + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams(fields).toString(),
  })
}

function overview(eventId: string, fields: Array<[string, string]>, cookie = organiser) {
  return callRoute(overviewAction, post(overviewPath(eventId), fields, cookie), { id: eventId })
}

function review(eventId: string, statementId: string, fields: Record<string, string>, cookie = organiser) {
  return callRoute(detailAction, formRequest(`${overviewPath(eventId)}/${statementId}`, fields, { cookie }), {
    id: eventId,
    statementId,
  })
}

async function readDetail(eventId: string, statementId: string, cookie = organiser) {
  const result = await callRoute(detailLoader, getRequest(`${overviewPath(eventId)}/${statementId}`, { cookie }), {
    id: eventId,
    statementId,
  })
  expect(result.status).toBe(200)
  return result.data as {
    statement: { status: string; shown: string; proposedVersionId: string | null; embargoUntil: string | null }
    versions: Array<{ id: string; text: string; authorKind: string; authorName: string }>
    actions: string[]
  }
}

async function setUp() {
  const event = await createEvent(db, programmeId, {
    status: 'published',
    title: 'Werkconferentie Zuid',
    date: '2027-04-14',
    startTime: '10:00',
    endTime: '16:00',
  })
  const item = await createAgendaItem(db, event, {
    date: '2027-04-14',
    start: '11:00',
    end: '12:00',
    title: 'Keynote',
    kind: 'keynote',
  })
  const speaker = await createSpeaker(db, {
    honorific: 'minister',
    name: 'Jansen',
    delegateName: 'Karin Smit',
    delegateEmail: `pers-${event.id}@example.org`,
  })
  const other = await createSpeaker(db, { name: 'Noor Haddad' })
  await addParticipation(db, { agendaItemId: item.id, speakerId: speaker.id })
  await addParticipation(db, { agendaItemId: item.id, speakerId: other.id, order: 1 })
  return { event, item, speaker, other }
}

const portalToken = (text: string | null) => /\/spreker\/([A-Za-z0-9_-]{43})/.exec(text ?? '')?.[1]

beforeAll(async () => {
  organiser = await cookieFor('organiser')
  viewer = await cookieFor('viewer')
  programmeId = (await createProgramme(db)).id
})

describe('requesting statements', () => {
  test('a request with a deadline in Amsterdam time and a prompt: statements, mails, hashed links', async () => {
    const { event, item, speaker, other } = await setUp()
    const result = await overview(event.id, [
      ['intent', 'request'],
      ['speakerId', speaker.id],
      ['speakerId', other.id],
      ['deadlineDate', '2027-04-21'],
      ['deadlineTime', '17:00'],
      ['reminderDays', '2'],
      ['prompt', 'Wat is voor u de kern van de aanpak?'],
    ])
    expect(result.status).toBe(302)
    expect(result.location).toBe(overviewPath(event.id))
    expect(await doneNotice(overviewLoader, overviewPath(event.id), organiser, { id: event.id })).toEqual({
      gevraagd: '2',
      open: '0',
      onbereikbaar: '0',
    })
    const statements = await db.statement.findMany({ where: { eventId: event.id } })
    expect(statements).toHaveLength(2)
    for (const s of statements) {
      expect(s.status).toBe('requested')
      // 17.00 in Amsterdam in April (summer time) is 15.00 UTC.
      expect(s.deadline?.toISOString()).toBe('2027-04-21T15:00:00.000Z')
      expect(s.reminderDaysBefore).toBe(2)
      expect(s.prompt).toBe('Wat is voor u de kern van de aanpak?')
      expect(s.agendaItemId).toBe(item.id)
    }
    const mails = await db.outboxMessage.findMany({ where: { eventId: event.id, kind: 'statement-requested' } })
    // The minister and the minister's delegate, and Noor Haddad.
    expect(mails.map((m) => m.to).sort()).toEqual([speaker.email, speaker.delegateEmail, other.email].sort())
    const toMinister = mails.find((m) => m.to === speaker.email)!
    expect(toMinister.subject).toBe('Verzoek om een citaat voor het verslag van Werkconferentie Zuid')
    expect(toMinister.text).toContain('Wat is voor u de kern van de aanpak?')
    expect(toMinister.text).toContain('21 april 2027, 17.00 uur')
    // The token waits in linkSecrets, not in the stored body; the worker fills it in as it sends.
    expect(toMinister.text).not.toMatch(/\/spreker\/[A-Za-z0-9_-]{43}/)
    const token = portalToken((await queuedMailBody(toMinister)).text)!
    const link = await db.personalLink.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } })
    expect(link).toMatchObject({ kind: 'speaker', subjectId: speaker.id, eventId: event.id, delegate: false })
    const toDelegate = mails.find((m) => m.to === speaker.delegateEmail)!
    expect(toDelegate.text).toContain('namens minister Jansen')
    const delegateLink = await db.personalLink.findUniqueOrThrow({
      where: { tokenHash: hashToken(portalToken((await queuedMailBody(toDelegate)).text)!) },
    })
    expect(delegateLink.delegate).toBe(true)

    // Asking again while the text is still owed asks nobody twice.
    const again = await overview(event.id, [
      ['intent', 'request'],
      ['speakerId', speaker.id],
    ])
    expect(again.status).toBe(302)
    expect(await doneNotice(overviewLoader, overviewPath(event.id), organiser, { id: event.id })).toEqual({
      gevraagd: '0',
      open: '1',
      onbereikbaar: '0',
    })
    expect(await db.statement.count({ where: { eventId: event.id } })).toBe(2)
  })

  test('refused requests: nobody chosen, a speaker of another event, a past deadline, bad days, a viewer', async () => {
    const { event, speaker } = await setUp()
    const none = await overview(event.id, [['intent', 'request']])
    expect(none.status).toBe(400)
    expect((none.data as { error: string }).error).toBe('Kies minstens één spreker.')
    const elsewhere = await setUp()
    expect(
      (
        await overview(event.id, [
          ['intent', 'request'],
          ['speakerId', elsewhere.speaker.id],
        ])
      ).status,
    ).toBe(404)
    const past = await overview(event.id, [
      ['intent', 'request'],
      ['speakerId', speaker.id],
      ['deadlineDate', '2020-01-01'],
      ['deadlineTime', '12:00'],
    ])
    expect(past.status).toBe(400)
    expect((past.data as { error: string }).error).toContain('verleden')
    const days = await overview(event.id, [
      ['intent', 'request'],
      ['speakerId', speaker.id],
      ['deadlineDate', '2027-04-21'],
      ['deadlineTime', '17:00'],
      ['reminderDays', '-3'],
    ])
    expect(days.status).toBe(400)
    const broken = await overview(event.id, [
      ['intent', 'request'],
      ['speakerId', speaker.id],
      ['deadlineDate', '21-04-2027'],
    ])
    expect(broken.status).toBe(400)
    expect(
      (
        await overview(
          event.id,
          [
            ['intent', 'request'],
            ['speakerId', speaker.id],
          ],
          viewer,
        )
      ).status,
    ).toBe(403)
    expect((await overview(event.id, [['intent', 'drop-tables']])).status).toBe(400)
    expect(await db.statement.count({ where: { eventId: event.id } })).toBe(0)
  })
})

describe('reminders', () => {
  async function requested(deadline: string, days: number | null) {
    const setup = await setUp()
    const statement = await db.statement.create({
      data: {
        eventId: setup.event.id,
        speakerId: setup.speaker.id,
        status: 'requested',
        deadline: new Date(deadline),
        reminderDaysBefore: days,
        requestedAt: new Date('2027-04-01T08:00:00Z'),
      },
    })
    return { ...setup, statement }
  }
  const reminders = (eventId: string) =>
    db.outboxMessage.findMany({ where: { eventId, kind: 'statement-requested' }, orderBy: { to: 'asc' } })

  test('automatic: only inside the window before the deadline, once, and not after a text came in', async () => {
    const { event, speaker, statement } = await requested('2027-04-21T15:00:00Z', 2)
    // Three days before: too early.
    await sendDueStatementReminders(new Date('2027-04-18T15:00:00Z'))
    expect(await reminders(event.id)).toHaveLength(0)
    // Within two days: speaker and delegate get the reminder.
    const now = new Date('2027-04-19T16:00:00Z')
    expect(await sendDueStatementReminders(now)).toBeGreaterThanOrEqual(1)
    const sent = await reminders(event.id)
    expect(sent.map((m) => m.to).sort()).toEqual([speaker.email, speaker.delegateEmail].sort())
    expect(sent[0]!.subject).toBe('Herinnering: citaat voor het verslag van Werkconferentie Zuid')
    expect(sent[0]!.text).toContain('nog niet ontvangen')
    expect((await db.statement.findUniqueOrThrow({ where: { id: statement.id } })).remindedAt?.toISOString()).toBe(
      now.toISOString(),
    )
    // Later runs in the same window send nothing more.
    await sendDueStatementReminders(new Date('2027-04-20T09:00:00Z'))
    expect(await reminders(event.id)).toHaveLength(2)
    // After the deadline: none (the late ones are reminded by hand).
    await sendDueStatementReminders(new Date('2027-04-22T09:00:00Z'))
    expect(await reminders(event.id)).toHaveLength(2)
  })

  test('two runs at the same moment send one reminder (the claim on remindedAt)', async () => {
    const { event } = await requested('2027-04-21T15:00:00Z', 3)
    const now = new Date('2027-04-20T10:00:00Z')
    await Promise.all([sendDueStatementReminders(now), sendDueStatementReminders(now), sendDueStatementReminders(now)])
    expect(await reminders(event.id)).toHaveLength(2)
  })

  test('no reminder for a statement already submitted, or without reminder days', async () => {
    const submitted = await requested('2027-04-21T15:00:00Z', 3)
    await db.statement.update({ where: { id: submitted.statement.id }, data: { status: 'submitted' } })
    const quiet = await requested('2027-04-21T15:00:00Z', null)
    await sendDueStatementReminders(new Date('2027-04-20T10:00:00Z'))
    expect(await reminders(submitted.event.id)).toHaveLength(0)
    expect(await reminders(quiet.event.id)).toHaveLength(0)
  })

  test('by hand: the overview shows who is late, and one click reminds them', async () => {
    const { event, statement } = await requested('2026-01-10T12:00:00Z', null)
    const page = await callRoute(overviewLoader, getRequest(overviewPath(event.id), { cookie: organiser }), {
      id: event.id,
    })
    const data = page.data as {
      counts: Record<string, number>
      speakers: Array<{ statements: Array<{ shown: string }> }>
    }
    expect(data.counts.late).toBe(1)
    expect(data.speakers.flatMap((s) => s.statements.map((st) => st.shown))).toContain('late')
    expect((await overview(event.id, [['intent', 'remind-late']], viewer)).status).toBe(403)
    const result = await overview(event.id, [['intent', 'remind-late']])
    expect(result.status).toBe(302)
    expect(await doneNotice(overviewLoader, overviewPath(event.id), organiser, { id: event.id })).toEqual({
      herinnerd: '1',
    })
    expect(await reminders(event.id)).toHaveLength(2)
    // One statement by hand, from another event's page: nothing.
    const other = await setUp()
    const foreign = await overview(other.event.id, [
      ['intent', 'remind'],
      ['statementId', statement.id],
    ])
    expect(foreign.location).toBe(overviewPath(other.event.id))
    expect(await doneNotice(overviewLoader, overviewPath(other.event.id), organiser, { id: other.event.id })).toEqual({
      herinnerd: '0',
    })
  })
})

describe('review', () => {
  test('accept as is: the speaker text becomes the proposal; the mail quotes it', async () => {
    const { event, speaker } = await setUp()
    const statement = await createStatement(db, {
      eventId: event.id,
      speakerId: speaker.id,
      text: 'Samen pakken we mensenhandel aan.',
    })
    const done = await review(event.id, statement.id, { intent: 'accept' })
    expect(done.status).toBe(302)
    expect(done.location).toBe(`${overviewPath(event.id)}/${statement.id}`)
    expect(
      await doneNotice(detailLoader, done.location!, organiser, { id: event.id, statementId: statement.id }),
    ).toEqual({ klaar: 'proposed' })
    const detail = await readDetail(event.id, statement.id)
    expect(detail.statement.status).toBe('awaiting_authorisation')
    expect(detail.versions).toHaveLength(1)
    expect(detail.statement.proposedVersionId).toBe(detail.versions[0]!.id)
    const mails = await db.outboxMessage.findMany({
      where: { eventId: event.id, kind: 'statement-needs-authorisation' },
    })
    expect(mails.map((m) => m.to).sort()).toEqual([speaker.email, speaker.delegateEmail].sort())
    expect(mails[0]!.text).toContain('Samen pakken we mensenhandel aan.')
  })

  test('edit: a new secretariat version is proposed and kept in the history with its author', async () => {
    const { event, speaker } = await setUp()
    const statement = await createStatement(db, {
      eventId: event.id,
      speakerId: speaker.id,
      text: 'Samen pakken we mensenhandel aan.',
    })
    await review(event.id, statement.id, { intent: 'edit', text: 'Samen pakken wij mensenhandel aan.', language: 'nl' })
    const detail = await readDetail(event.id, statement.id)
    expect(detail.statement.status).toBe('awaiting_authorisation')
    expect(detail.versions.map((v) => [v.authorKind, v.text])).toEqual([
      ['speaker', 'Samen pakken we mensenhandel aan.'],
      ['secretariat', 'Samen pakken wij mensenhandel aan.'],
    ])
    expect(detail.versions[1]!.authorName).toBe('Sanne de Wit')
    expect(detail.statement.proposedVersionId).toBe(detail.versions[1]!.id)
    // Proposing again while it awaits authorisation is allowed; asking for changes now is not.
    const refused = await review(event.id, statement.id, { intent: 'request-changes', comment: 'Korter graag.' })
    expect(refused.status).toBe(409)
    expect((refused.data as { error: string }).error).toContain('huidige stand')
  })

  test('ask for changes: status, comment and a mail with the comment; then refusals after withdrawal', async () => {
    const { event, speaker } = await setUp()
    const statement = await createStatement(db, { eventId: event.id, speakerId: speaker.id, text: 'Een lange tekst.' })
    const empty = await review(event.id, statement.id, { intent: 'request-changes', comment: '  ' })
    expect(empty.status).toBe(400)
    const done = await review(event.id, statement.id, {
      intent: 'request-changes',
      comment: 'Kunt u de tekst korter maken?',
    })
    expect(done.status).toBe(302)
    const row = await db.statement.findUniqueOrThrow({ where: { id: statement.id } })
    expect(row).toMatchObject({ status: 'changes_requested', reviewComment: 'Kunt u de tekst korter maken?' })
    const mail = await db.outboxMessage.findFirstOrThrow({
      where: { eventId: event.id, kind: 'statement-changes-requested', to: speaker.email! },
    })
    expect(mail.text).toContain('Kunt u de tekst korter maken?')
    const link = portalToken((await queuedMailBody(mail)).text)
    expect(link).toBeDefined()
    expect(await db.personalLink.count({ where: { tokenHash: hashToken(link!), subjectId: speaker.id } })).toBe(1)

    expect((await review(event.id, statement.id, { intent: 'withdraw' })).status).toBe(302)
    expect((await db.statement.findUniqueOrThrow({ where: { id: statement.id } })).status).toBe('withdrawn')
    const afterWithdrawal: Array<Record<string, string>> = [
      { intent: 'accept' },
      { intent: 'edit', text: 'Nieuw', language: 'nl' },
      { intent: 'withdraw' },
      { intent: 'embargo', embargoDate: '2027-05-01', embargoTime: '09:00' },
    ]
    for (const fields of afterWithdrawal) {
      const refused = await review(event.id, statement.id, fields)
      expect(refused.status, fields.intent).toBe(409)
    }
    expect((await readDetail(event.id, statement.id)).actions).toEqual([])
  })

  test('accept with no text yet is refused; a secretariat text for a speaker awaits authorisation', async () => {
    const { event, speaker, other } = await setUp()
    const statement = await createStatement(db, { eventId: event.id, speakerId: speaker.id })
    const refused = await review(event.id, statement.id, { intent: 'accept' })
    expect(refused.status).toBe(409)
    const entered = await overview(event.id, [
      ['intent', 'enter'],
      ['speakerId', other.id],
      ['text', 'Uit de toespraak: wij laten niemand los.'],
      ['language', 'nl'],
    ])
    expect(entered.status).toBe(302)
    const id = /citaten\/([^/?]+)$/.exec(entered.location ?? '')![1]!
    expect(await doneNotice(detailLoader, entered.location!, organiser, { id: event.id, statementId: id })).toEqual({
      klaar: 'entered',
    })
    const detail = await readDetail(event.id, id)
    expect(detail.statement.status).toBe('awaiting_authorisation')
    expect(detail.versions.map((v) => v.authorKind)).toEqual(['secretariat'])
    const foreign = await setUp()
    const wrong = await overview(event.id, [
      ['intent', 'enter'],
      ['speakerId', foreign.speaker.id],
      ['text', 'Tekst'],
    ])
    expect(wrong.status).toBe(404)
  })

  test('hostile text stays text; a 100 kB text is refused at the limit with a clear message', async () => {
    const { event, speaker } = await setUp()
    const statement = await createStatement(db, { eventId: event.id, speakerId: speaker.id, text: 'Eerste versie.' })
    const hostile = '<script>alert(1)</script> "onerror=alert(2)\nTweede regel'
    expect((await review(event.id, statement.id, { intent: 'edit', text: hostile, language: 'nl' })).status).toBe(302)
    const detail = await readDetail(event.id, statement.id)
    expect(detail.versions[1]!.text).toBe(hostile)
    const mail = await db.outboxMessage.findFirstOrThrow({
      where: { eventId: event.id, kind: 'statement-needs-authorisation', to: speaker.email! },
    })
    expect(mail.html).not.toContain('<script>')
    expect(mail.html).not.toContain('"onerror=')
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(mail.text).toContain(hostile.split('\n')[0])

    const huge = 'woord '.repeat(17_000)
    expect(huge.length).toBeGreaterThan(100_000)
    const tooLong = await review(event.id, statement.id, { intent: 'edit', text: huge, language: 'nl' })
    expect(tooLong.status).toBe(400)
    expect((tooLong.data as { error: string }).error).toBe(
      'De tekst is te lang: 101.999 tekens. Gebruik er hoogstens 3.000.',
    )
    expect(await db.statementVersion.count({ where: { statementId: statement.id } })).toBe(2)
    // The mail template itself renders a hostile quote inert too.
    const rendered = await renderMail('statement-changes-requested', {
      lang: 'nl',
      programmeName: 'Samen tegen mensenhandel',
      speakerName: 'minister Jansen',
      event: {
        title: 'Werkconferentie Zuid',
        startsAt: event.startsAt.toISOString(),
        endsAt: event.endsAt.toISOString(),
        timeZone: event.timeZone,
        venueName: '',
        venueAddress: '',
        venuePostcode: '',
        venueCity: '',
        url: 'https://bijeen.example.org/bijeenkomsten/x',
      },
      comment: hostile,
      portalUrl: 'https://bijeen.example.org/spreker/x',
    })
    expect(rendered.html).not.toContain('<script>')
  })

  test('embargo in Amsterdam time; a broken date is refused; a viewer changes nothing (403)', async () => {
    const { event, speaker } = await setUp()
    const statement = await createStatement(db, { eventId: event.id, speakerId: speaker.id, text: 'Tekst.' })
    const set = await review(event.id, statement.id, {
      intent: 'embargo',
      embargoDate: '2027-05-01',
      embargoTime: '09:00',
    })
    expect(set.status).toBe(302)
    expect((await db.statement.findUniqueOrThrow({ where: { id: statement.id } })).embargoUntil?.toISOString()).toBe(
      '2027-05-01T07:00:00.000Z',
    )
    const broken = await review(event.id, statement.id, {
      intent: 'embargo',
      embargoDate: '2027-13-45',
      embargoTime: '09:00',
    })
    expect(broken.status).toBe(400)
    expect((await review(event.id, statement.id, { intent: 'clear-embargo' })).status).toBe(302)
    expect((await db.statement.findUniqueOrThrow({ where: { id: statement.id } })).embargoUntil).toBeNull()

    const steps: Array<Record<string, string>> = [
      { intent: 'accept' },
      { intent: 'edit', text: 'Anders', language: 'nl' },
      { intent: 'request-changes', comment: 'Nee' },
      { intent: 'withdraw' },
      { intent: 'embargo', embargoDate: '2027-05-01', embargoTime: '09:00' },
    ]
    for (const fields of steps) {
      expect((await review(event.id, statement.id, fields, viewer)).status, fields.intent).toBe(403)
    }
    const seen = await readDetail(event.id, statement.id, viewer)
    expect(seen.actions).toEqual([])
    expect(seen.statement.status).toBe('submitted')
    // Unknown ids and another event's statement: 404, not 500.
    expect((await review(event.id, 'onbekend', { intent: 'accept' })).status).toBe(404)
    const other = await setUp()
    expect((await review(other.event.id, statement.id, { intent: 'accept' })).status).toBe(404)
    expect((await review(event.id, statement.id, { intent: 'explode' })).status).toBe(400)
  })

  test('the overview says who authorised and when', async () => {
    const { event, speaker } = await setUp()
    const statement = await createStatement(db, { eventId: event.id, speakerId: speaker.id, text: 'Tekst.' })
    await db.statement.update({
      where: { id: statement.id },
      data: {
        status: 'authorised',
        authorisedAt: new Date('2027-04-20T08:30:00Z'),
        authorisedBy: 'delegate: Karin Smit',
      },
    })
    const page = await callRoute(overviewLoader, getRequest(overviewPath(event.id), { cookie: viewer }), {
      id: event.id,
    })
    expect(page.status).toBe(200)
    const row = (
      page.data as { speakers: Array<{ id: string; statements: Array<{ shown: string; authorisedBy: string }> }> }
    ).speakers.find((s) => s.id === speaker.id)!
    expect(row.statements[0]).toMatchObject({ shown: 'authorised', authorisedBy: 'delegate: Karin Smit' })
  })
})
