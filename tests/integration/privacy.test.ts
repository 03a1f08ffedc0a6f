// The rights of the AVG through /beheer/privacy, with real requests: a person who was invited, registered, spoke
// and was quoted in a published report. The export holds all of it (JSON and a readable document); the erasure
// asks a decision per published quote, confirms, then leaves the address nowhere, keeps the report's counts,
// keeps the quote the secretariat kept exactly as authorised and takes out the other. Only admins get in; the
// audit log records both steps without the person.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { ReportSnapshot } from '~/domain/report'
import { publishReport, reportEditor, reportSource, saveReportDraft } from '~/models/report.server'
import { action, loader } from '~/routes/beheer.privacy'
import { action as exportAction, loader as exportLoader } from '~/routes/beheer.privacy.export'
import { db } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import { articleQuotes, EVENT_SLUG, seed } from '../../prisma/seed.ts'
import { createContact, createStatement } from '../factories.ts'
import { callRoute, formRequest, getRequest } from '../support/remix.ts'
import { signedInStaff } from '../support/staff-session.ts'

const EMAIL = 'blokhuis@example.org'
const SECOND_QUOTE = 'Wie hulp zoekt, moet die ook vinden: dat is wat wij samen beloven.'
const photo = `${'e'.repeat(32)}.jpg`
const previous = process.env.UPLOAD_DIR
let uploadDir: string
let admin: string
let organiser: string
let eventId: string
let speakerId: string
let keepId: string
let removeId: string

async function cookieFor(role: 'admin' | 'organiser') {
  return (await signedInStaff(db, role)).cookie
}

const post = (fields: Record<string, string>, cookie = admin) =>
  callRoute(action, formRequest('/beheer/privacy', fields, { cookie }))
const download = (format: string, cookie = admin) =>
  callRoute(exportAction, formRequest('/beheer/privacy/export', { format, email: EMAIL }, { cookie }))

beforeAll(async () => {
  uploadDir = await mkdtemp(path.join(tmpdir(), 'bijeen-privacy-'))
  process.env.UPLOAD_DIR = uploadDir
  resetEnvCache()
  const seeded = await seed(db, { adminEmail: 'admin@example.org', adminPassword: 'Bijeen-Beheer-2026' })
  if (!seeded.created) throw new Error('seed did not run')
  admin = await cookieFor('admin')
  organiser = await cookieFor('organiser')
  const event = await db.event.findUniqueOrThrow({ where: { slug: EVENT_SLUG } })
  eventId = event.id
  const speaker = await db.speaker.findFirstOrThrow({ where: { email: EMAIL } })
  speakerId = speaker.id
  await db.speaker.update({
    where: { id: speakerId },
    data: { bio: 'Staatssecretaris sinds 2017.', photoPath: `speakers/${photo}` },
  })
  await mkdir(path.join(uploadDir, 'speakers'), { recursive: true })
  await writeFile(path.join(uploadDir, 'speakers', photo), 'jpeg')
  keepId = (await db.statement.findFirstOrThrow({ where: { speakerId } })).id
  removeId = (await createStatement(db, { eventId, speakerId, text: SECOND_QUOTE, authorisedBy: 'speaker', order: 9 }))
    .id

  // Also a contact of a partner, invited, registered with needs, and mailed.
  const vws = speaker.organisationId!
  const contact = await createContact(db, vws, { name: 'Paul Blokhuis', email: EMAIL, function: 'staatssecretaris' })
  await db.invitation.create({ data: { eventId, contactId: contact.id, status: 'registered', sentAt: event.startsAt } })
  await db.registration.create({
    data: {
      eventId,
      organisationId: vws,
      name: 'Paul Blokhuis',
      email: EMAIL,
      function: 'staatssecretaris',
      dietary: 'geen noten',
      status: 'confirmed',
      holdsSeat: true,
      activeKey: `${eventId}:${EMAIL}`,
      checkInCode: 'blokhuis-code',
      checkedInAt: event.startsAt,
    },
  })
  await db.personalLink.create({
    data: { kind: 'speaker', tokenHash: 'hash-blokhuis', subjectId: speakerId, expiresAt: event.endsAt },
  })
  await db.outboxMessage.create({
    data: {
      kind: 'registration-confirmed',
      to: EMAIL,
      toName: 'Paul Blokhuis',
      subject: 'Uw aanmelding',
      text: 'Beste Paul Blokhuis, u bent aangemeld.',
      html: '<p>Beste Paul Blokhuis</p>',
      status: 'sent',
      sentAt: event.startsAt,
      messageId: '<blokhuis@bijeen>',
      idempotencyKey: 'blokhuis-confirmed',
    },
  })

  const adminUser = await db.user.findFirstOrThrow({ where: { role: 'admin' } })
  const after = new Date(event.endsAt.getTime() + 86_400_000)
  const editor = await reportEditor(eventId, after)
  await saveReportDraft(
    eventId,
    {
      title: 'Verslag',
      lead: 'Gestart.',
      titleEn: '',
      leadEn: '',
      visibility: 'public',
      photoCredits: '',
      layout: editor!.layout,
    },
    adminUser.id,
  )
  await publishReport(eventId, adminUser.id, after)
})

afterAll(async () => {
  if (previous === undefined) delete process.env.UPLOAD_DIR
  else process.env.UPLOAD_DIR = previous
  resetEnvCache()
  await rm(uploadDir, { recursive: true, force: true })
})

async function snapshot() {
  const version = await db.reportVersion.findFirstOrThrow({ where: { report: { eventId } } })
  return version.snapshot as unknown as ReportSnapshot
}

describe('only administrators', () => {
  test('an organiser gets 403 on the page and on every step; nobody signed in goes to sign in', async () => {
    expect((await callRoute(loader, getRequest('/beheer/privacy', { cookie: organiser }))).status).toBe(403)
    for (const intent of ['find', 'review', 'erase']) {
      expect((await post({ intent, email: EMAIL }, organiser)).status).toBe(403)
    }
    expect((await download('json', organiser)).status).toBe(403)
    expect((await callRoute(exportLoader, getRequest('/beheer/privacy/export', { cookie: organiser }))).status).toBe(
      403,
    )
    expect((await callRoute(exportLoader, getRequest('/beheer/privacy/export', { cookie: admin }))).location).toBe(
      '/beheer/privacy',
    )
    const anonymous = await callRoute(loader, getRequest('/beheer/privacy'))
    expect(anonymous.status).toBe(302)
    expect(anonymous.location).toMatch(/^\/inloggen/)
    expect((await callRoute(loader, getRequest('/beheer/privacy', { cookie: admin }))).status).toBe(200)
  })

  test('an address that is not one, or an unknown step, is a 400', async () => {
    expect((await post({ intent: 'find', email: 'geen adres' })).status).toBe(400)
    expect((await post({ intent: 'delete-everything', email: EMAIL })).status).toBe(400)
    expect((await download('pdf')).status).toBe(400)
  })
})

describe('export, then erasure', () => {
  test('finding the person lists what there is and the two published quotes', async () => {
    const found = await post({ intent: 'find', email: 'Blokhuis@Example.org ' })
    expect(found.status).toBe(200)
    const d = found.data as {
      step: string
      preview: { counts: object; quotes: Array<{ statementId: string; text: string }> }
    }
    expect(d.step).toBe('found')
    expect(d.preview.counts).toEqual({ contacts: 1, registrations: 1, speakerProfiles: 1, delegateFor: 0, mails: 1 })
    expect(d.preview.quotes.map((q) => q.text).sort()).toEqual([articleQuotes.blokhuis, SECOND_QUOTE].sort())
  })

  test('the JSON export holds contact, invitation, registration, profile, statements and mails', async () => {
    const result = await download('json')
    expect(result.status).toBe(200)
    expect(result.headers.get('content-disposition')).toMatch(/^attachment; filename="bijeen-gegevens-.*\.json"$/)
    expect(result.headers.get('cache-control')).toBe('no-store')
    const data = result.data as {
      contacts: Array<{ name: string; invitations: Array<{ status: string }> }>
      registrations: Array<{ dietary: string; checkedInAt: string }>
      speakerProfiles: Array<{
        bio: string
        hasPhoto: boolean
        statements: Array<{ versions: Array<{ text: string }> }>
      }>
      mails: Array<{ subject: string; text: string }>
    }
    expect(data.contacts[0]).toMatchObject({ name: 'Paul Blokhuis', invitations: [{ status: 'registered' }] })
    expect(data.registrations[0]).toMatchObject({ dietary: 'geen noten' })
    expect(data.registrations[0]!.checkedInAt).toBeTruthy()
    expect(data.speakerProfiles[0]).toMatchObject({ bio: 'Staatssecretaris sinds 2017.', hasPhoto: true })
    expect(data.speakerProfiles[0]!.statements.flatMap((s) => s.versions.map((v) => v.text)).sort()).toEqual(
      [articleQuotes.blokhuis, SECOND_QUOTE].sort(),
    )
    expect(data.mails).toEqual([
      expect.objectContaining({ subject: 'Uw aanmelding', text: expect.stringContaining('aangemeld') }),
    ])
  })

  test('the readable export is a Dutch HTML document with the same data, times in Amsterdam', async () => {
    const result = await download('html')
    expect(result.status).toBe(200)
    expect(result.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = String(result.data)
    expect(html).toContain('<html lang="nl">')
    expect(html).toContain('<h1>Uw gegevens in bijeen</h1>')
    for (const text of ['Aanmeldingen', 'Dieetwensen', 'geen noten', 'Staatssecretaris sinds 2017.', 'Uw aanmelding'])
      expect(html).toContain(text)
    expect(html).toContain(SECOND_QUOTE)
    expect(html).toMatch(/4 december 2026, \d\d\.\d\d uur/)
  })

  test('erasure needs a decision for every published quote, then a confirmation', async () => {
    const none = await post({ intent: 'review', email: EMAIL })
    expect(none.status).toBe(400)
    expect(none.data).toMatchObject({ step: 'found', decisionsMissing: true })
    const half = await post({ intent: 'erase', email: EMAIL, [`quote:${keepId}`]: 'keep' })
    expect(half.status).toBe(400)
    expect(await db.speaker.count({ where: { id: speakerId } })).toBe(1)

    const review = await post({
      intent: 'review',
      email: EMAIL,
      [`quote:${keepId}`]: 'keep',
      [`quote:${removeId}`]: 'remove',
    })
    expect(review.status).toBe(200)
    expect(review.data).toMatchObject({ step: 'confirm', decisions: { [keepId]: 'keep', [removeId]: 'remove' } })
    // The review changed nothing yet.
    expect(await db.registration.count({ where: { email: EMAIL } })).toBe(1)
  })

  test('erasing: the address is nowhere, counts stay, the kept quote stays as authorised, the other goes', async () => {
    const countsBefore = (await reportSource(eventId))!.attendance
    const before = await snapshot()
    const erased = await post({
      intent: 'erase',
      email: EMAIL,
      [`quote:${keepId}`]: 'keep',
      [`quote:${removeId}`]: 'remove',
    })
    expect(erased.status).toBe(200)
    expect(erased.data).toMatchObject({
      step: 'erased',
      counts: {
        registrations: 1,
        contacts: 1,
        speakerProfiles: 1,
        mails: 1,
        quotesKept: 1,
        quotesRemoved: 1,
        reportVersions: 1,
      },
    })

    // No row anywhere holds the address or the name (the kept quote's attribution aside, in the report).
    const tables = await Promise.all([
      db.contact.findMany(),
      db.registration.findMany(),
      db.speaker.findMany(),
      db.outboxMessage.findMany(),
      db.statementVersion.findMany(),
      db.personalLink.findMany(),
      db.auditEntry.findMany(),
      db.participation.findMany(),
    ])
    const dump = JSON.stringify(tables)
    expect(dump).not.toContain(EMAIL)
    expect(dump).not.toContain('Blokhuis')
    expect(dump).not.toContain('geen noten')
    expect(await readdir(path.join(uploadDir, 'speakers'))).toEqual([])

    // The report's counts are the same: the registration was anonymised, not deleted.
    expect((await reportSource(eventId))!.attendance).toEqual(countsBefore)

    // The published version: the kept quote exactly as it was, the other gone, the name out of the panel.
    const after = await snapshot()
    const quoteTexts = (s: ReportSnapshot) =>
      s.entries.flatMap((e) => (e.type === 'block' && e.block.kind === 'quote' ? [e.block.text] : []))
    expect(quoteTexts(before)).toContain(SECOND_QUOTE)
    expect(quoteTexts(after)).not.toContain(SECOND_QUOTE)
    const kept = (s: ReportSnapshot) =>
      s.entries.find((e) => e.type === 'block' && e.block.kind === 'quote' && e.block.statementId === keepId)
    expect(kept(after)).toEqual(kept(before))
    const people = JSON.stringify(after.entries.filter((e) => e.type === 'block' && e.block.kind !== 'quote'))
    expect(people).not.toContain(speakerId)
    expect(people).toContain('Van Ark')

    // The audit log: an export of each kind and the erasure with its counts, never the person.
    const entries = await db.auditEntry.findMany({ where: { entity: 'Person' }, orderBy: { at: 'asc' } })
    expect(entries.map((e) => e.action)).toEqual(['privacy.export', 'privacy.export', 'privacy.erase'])
    expect(entries[2]!.details).toMatchObject({ quotesKept: 1, quotesRemoved: 1 })
  })

  test('afterwards the address is not found', async () => {
    expect((await post({ intent: 'find', email: EMAIL })).status).toBe(404)
  })
})

describe('a speaker’s delegate', () => {
  test('erasing the delegate takes their name and address from the speaker, who stays', async () => {
    const found = await post({ intent: 'find', email: 'ps-jenv@example.org' })
    expect(found.data).toMatchObject({ step: 'found', preview: { counts: { delegateFor: 1 }, quotes: [] } })
    const erased = await post({ intent: 'erase', email: 'ps-jenv@example.org' })
    expect(erased.data).toMatchObject({ step: 'erased', counts: { delegateFor: 1, speakerProfiles: 0 } })
    const harbers = await db.speaker.findFirstOrThrow({ where: { email: 'harbers@example.org' } })
    expect(harbers).toMatchObject({ delegateName: null, delegateEmail: null })
  })
})
