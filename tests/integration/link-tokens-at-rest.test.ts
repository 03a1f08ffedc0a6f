// ADR 004 promises that only a personal link's hash is stored. After a run that sends invitations, a
// registration confirmation and a "here is your link again" mail (one of them retried after a 421), every
// text column of every table is searched for the tokens those mails carried: none may be there. The same for a
// speaker's invitation (to the speaker and to a delegate) and the calendar feed links shown once. (The whole
// browser run is searched the same way: tests/e2e/run-log.test.ts.)
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { readMigrations } from '../../prisma/migrate.ts'
import { MailWorker } from '~/mail/worker.server'
import { action as registerAction } from '~/routes/bijeenkomsten.$slug.aanmelden'
import { action as listAction } from '~/routes/beheer.bijeenkomsten.$id.uitnodigingen._index'
import { action as inviteAction } from '~/routes/beheer.bijeenkomsten.$id.uitnodigingen.nieuw'
import { action as loginAction } from '~/routes/inloggen'
import { db, dbProvider } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import { resolvePersonalLink } from '~/utils/link-session.server'
import { createFeedLink } from '~/models/registration-manage.server'
import { inviteSpeaker } from '~/models/speaker-invitation.server'
import { createSpeakerFeedLink, portalActor } from '~/models/speaker-portal.server'
import {
  addParticipation,
  createAgendaItem,
  createContact,
  createEvent,
  createOrganisation,
  createProgramme,
  createSpeaker,
  createUser,
} from '../factories.ts'
import { BASE, callRoute, cookieFrom, formRequest } from '../support/remix.ts'
import { startSmtpSink, type SmtpSink } from '../support/smtp.ts'

let sink: SmtpSink

beforeAll(async () => {
  sink = await startSmtpSink()
  process.env.SMTP_URL = sink.url
  resetEnvCache()
})
afterAll(async () => {
  await sink.close()
  delete process.env.SMTP_URL
  resetEnvCache()
})

async function deliver() {
  const worker = new MailWorker({ concurrency: 5 })
  try {
    return await worker.drain()
  } finally {
    await worker.stop()
  }
}

/** Every text and JSON column of every table: [table, column]. */
async function textColumns(): Promise<Array<[string, string]>> {
  if (dbProvider() === 'postgresql') {
    const rows = await db.$queryRawUnsafe<Array<{ table_name: string; column_name: string }>>(
      `SELECT table_name::text AS table_name, column_name::text AS column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'json', 'jsonb')`,
    )
    return rows.map((r) => [r.table_name, r.column_name])
  }
  const tables = await db.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
  )
  const out: Array<[string, string]> = []
  for (const { name } of tables) {
    const columns = await db.$queryRawUnsafe<Array<{ name: string; type: string }>>(`PRAGMA table_info("${name}")`)
    for (const c of columns) if (/TEXT|CHAR|JSON|CLOB/i.test(c.type)) out.push([name, c.name])
  }
  return out
}

/** The columns that hold any of the tokens, as "Table.column". */
async function columnsHolding(tokens: string[]): Promise<string[]> {
  const found: string[] = []
  const contains = dbProvider() === 'postgresql' ? 'strpos(CAST("%c" AS TEXT), ?) > 0' : 'instr("%c", ?) > 0'
  for (const [table, column] of await textColumns()) {
    const where = tokens.map(() => contains.replace('%c', column)).join(' OR ')
    let i = 0
    const sql = dbProvider() === 'postgresql' ? where.replace(/\?/g, () => `$${++i}`) : where
    const [row] = await db.$queryRawUnsafe<Array<{ n: bigint | number }>>(
      `SELECT COUNT(*) AS n FROM "${table}" WHERE ${sql}`,
      ...tokens,
    )
    if (Number(row!.n) > 0) found.push(`${table}.${column}`)
  }
  return found
}

const LINK = /\/(uitnodiging|aanmelding)\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g
const SPEAKER_LINK = /\/spreker\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g

test('after invitations and registrations are sent, no token of theirs is in any text column', async () => {
  const programmeId = (await createProgramme(db)).id
  const { user, password } = await createUser(db, { role: 'organiser' })
  const login = formRequest('/inloggen', { email: user.email, password }, { 'x-bijeen-client-ip': '10.31.0.1' })
  const cookie = cookieFrom(await callRoute(loginAction, login))

  // Invitations: two contacts, sent as one bulk batch.
  const event = await createEvent(db, programmeId, { status: 'published', title: 'Regiobijeenkomst West' })
  const organisation = await createOrganisation(db, { name: `Gemeente Leiden ${event.id}`, sector: 'gemeente' })
  const contacts = await Promise.all([1, 2].map((i) => createContact(db, organisation.id, { name: `Contact ${i}` })))
  const post = (path: string, fields: Array<[string, string]>) =>
    new Request(BASE + path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams(fields).toString(),
    })
  const base = `/beheer/bijeenkomsten/${event.id}/uitnodigingen`
  const invited = await callRoute(
    inviteAction,
    post(
      `${base}/nieuw`,
      contacts.map((c) => ['contactId', c.id]),
    ),
    {
      id: event.id,
    },
  )
  expect(invited.status).toBe(302)
  expect((await callRoute(listAction, post(base, [['intent', 'send']]), { id: event.id })).status).toBe(302)

  // A public registration (the confirmation carries the manage link), then the same address again (a mail
  // with the manage link).
  const open = await createEvent(db, programmeId, { visibility: 'public', title: 'Open middag' })
  const email = `eva-${open.id}@example.org`
  const register = (ip: string) =>
    callRoute(
      registerAction,
      formRequest(
        `/bijeenkomsten/${open.slug}/aanmelden`,
        { name: 'Eva Smit', email, organisationName: 'Gemeente Utrecht', language: 'nl', website: '' },
        { 'x-bijeen-client-ip': ip },
      ),
      { slug: open.slug },
    )
  expect((await register('10.31.0.2')).status).toBe(303)
  await register('10.31.0.3')

  // The first mail to arrive is refused for now: its retry must still carry a working link.
  sink.failNext(1, 421, 'Try again later')
  await deliver()
  await db.outboxMessage.updateMany({
    where: { eventId: { in: [event.id, open.id] }, status: 'retry' },
    data: { nextAttemptAt: new Date() },
  })
  await deliver()
  const ours = await db.outboxMessage.findMany({ where: { eventId: { in: [event.id, open.id] } } })
  expect(ours.map((m) => m.status)).toEqual(ours.map(() => 'sent'))
  expect(ours.map((m) => m.kind).sort()).toEqual([
    'invitation',
    'invitation',
    'registration-confirmed',
    'registration-link',
  ])

  // The tokens as the recipients got them: each one opens its page.
  const received = sink.messages.filter((m) => [...contacts.map((c) => c.email), email].includes(m.envelope.to[0]!))
  expect(received).toHaveLength(4)
  const tokens = new Set<string>()
  for (const mail of received) {
    const inMail = [...`${mail.parsed!.text}\n${String(mail.parsed!.html)}`.matchAll(LINK)]
    expect(inMail.length, mail.parsed!.subject).toBeGreaterThan(0)
    for (const [, path, token] of inMail) {
      const link = await resolvePersonalLink(path === 'uitnodiging' ? 'invitation' : 'registration', token!)
      expect(link.ok).toBe(true)
      tokens.add(token!)
    }
  }
  expect(tokens.size).toBe(4)

  expect(await columnsHolding([...tokens])).toEqual([])
})

test('speaker invitations (speaker and delegate) and feed links: no token of theirs is in any text column', async () => {
  const programmeId = (await createProgramme(db)).id
  const { user } = await createUser(db, { role: 'organiser' })
  const event = await createEvent(db, programmeId, {
    status: 'published',
    title: 'Regiobijeenkomst Oost',
    date: '2027-03-10',
    startTime: '10:00',
    endTime: '16:00',
  })
  const item = await createAgendaItem(db, event, { date: '2027-03-10', start: '11:00', end: '12:00', title: 'Panel' })
  const speaker = await createSpeaker(db, { email: `spreker-${event.id}@example.org` })
  const delegated = await createSpeaker(db, {
    delegateName: 'Anna Bakker',
    delegateEmail: `woordvoerder-${event.id}@example.org`,
  })
  for (const s of [speaker, delegated]) await addParticipation(db, { agendaItemId: item.id, speakerId: s.id })
  expect((await inviteSpeaker(event.id, speaker.id, { toDelegate: false }, user.id)).kind).toBe('sent')
  expect((await inviteSpeaker(event.id, delegated.id, { toDelegate: true }, user.id)).kind).toBe('sent')
  await deliver()
  const addresses = [speaker.email!, delegated.delegateEmail!]
  const received = sink.messages.filter((m) => addresses.includes(m.envelope.to[0]!))
  expect(received).toHaveLength(2)
  const speakerTokens = new Set(
    received.flatMap((mail) =>
      [...`${mail.parsed!.text}\n${String(mail.parsed!.html)}`.matchAll(SPEAKER_LINK)].map((m) => m[1]!),
    ),
  )
  expect(speakerTokens.size).toBe(2)
  const tokens = new Set(speakerTokens)
  for (const token of speakerTokens) {
    const link = await resolvePersonalLink('speaker', token)
    if (!link.ok) throw new Error('the speaker link does not open')
    // The calendar feed link the portal shows once.
    const actor = await portalActor({ subjectId: link.subjectId, eventId: link.eventId, linkId: link.linkId })
    const feed = await createSpeakerFeedLink(actor!)
    if (feed.kind !== 'created') throw new Error('no feed link')
    tokens.add(/\/spreker\/([A-Za-z0-9_-]+)\/agenda\.ics$/.exec(feed.url)![1]!)
  }
  // And a registrant's calendar feed link.
  const open = await createEvent(db, programmeId, { visibility: 'public', title: 'Open middag' })
  const registered = await callRoute(
    registerAction,
    formRequest(
      `/bijeenkomsten/${open.slug}/aanmelden`,
      {
        name: 'Eva Smit',
        email: `eva-${open.id}@example.org`,
        organisationName: 'Gemeente Utrecht',
        language: 'nl',
        website: '',
      },
      { 'x-bijeen-client-ip': '10.31.0.9' },
    ),
    { slug: open.slug },
  )
  expect(registered.status).toBe(303)
  const registration = await db.registration.findFirstOrThrow({ where: { eventId: open.id } })
  const feed = await createFeedLink(registration.id)
  expect(feed.kind).toBe('created')
  if (feed.kind === 'created') tokens.add(feed.token)

  expect(tokens.size).toBe(5)
  expect(await columnsHolding([...tokens])).toEqual([])
})

test('the migration that brings linkSecrets purges the bodies of mails sent before it, and keeps queued ones', async () => {
  const { default: Database } = await import('better-sqlite3')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bijeen-link-secrets-'))
  const file = new Database(path.join(dir, 'old.db'))
  try {
    const migrations = readMigrations('sqlite')
    const at = migrations.findIndex((m) => m.name.endsWith('_outbox_link_secrets'))
    expect(at).toBeGreaterThan(0)
    for (const m of migrations.slice(0, at)) file.exec(m.sql)
    const token = 'A'.repeat(43)
    const insert = file.prepare(
      `INSERT INTO "OutboxMessage" ("id", "kind", "to", "subject", "html", "text", "mergeValues", "status",
         "messageId", "idempotencyKey", "createdAt", "updatedAt", "sentAt")
       VALUES (?, 'invitation', 'a@example.org', 'Uitnodiging', ?, ?, ?, ?, ?, ?, '2026-12-01T10:00:00.000+00:00',
         '2026-12-01T10:00:00.000+00:00', ?)`,
    )
    const body = `https://bijeen.example.org/uitnodiging/${token}`
    insert.run(
      'sent',
      body,
      body,
      JSON.stringify({ registerUrl: body }),
      'sent',
      '<1@x>',
      'k1',
      '2026-12-01T10:01:00.000+00:00',
    )
    insert.run('queued', body, body, null, 'queued', '<2@x>', 'k2', null)
    file.exec(migrations[at]!.sql)
    const rows = file.prepare(`SELECT * FROM "OutboxMessage" ORDER BY "id"`).all() as Array<Record<string, unknown>>
    expect(JSON.stringify(rows.filter((r) => r.status === 'sent'))).not.toContain(token)
    expect(rows.find((r) => r.id === 'sent')).toMatchObject({ html: null, text: null, mergeValues: null })
    expect(rows.find((r) => r.id === 'sent')!.purgedAt).toBe('2026-12-01T10:01:00.000+00:00')
    // A mail not yet sent is not lost.
    expect(rows.find((r) => r.id === 'queued')).toMatchObject({ html: body, text: body, purgedAt: null })
  } finally {
    file.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
