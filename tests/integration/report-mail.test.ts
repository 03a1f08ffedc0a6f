// Mailing a published report: 500 attendees give 500 outbox rows in one batch whose progress the secretariat
// sees; mailing the same version again queues nobody twice; chosen organisations get the mail in their
// language, delivered over SMTP with the lead, the link and the PDF attached.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { MailWorker } from '~/mail/worker.server'
import { mailReport } from '~/models/report-mail.server'
import { publishReport, reportEditor, saveReportDraft } from '~/models/report.server'
import { action as loginAction } from '~/routes/inloggen'
import { loader as batchLoader } from '~/routes/beheer.verzendingen.$id'
import { loader as partnerLoader } from '~/routes/verslag.$token'
import { loader as publicLoader } from '~/routes/verslagen.$slug._index'
import { db } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import { EVENT_SLUG, seed } from '../../prisma/seed.ts'
import { createUser } from '../factories.ts'
import { callRoute, cookieFrom, formRequest, getRequest } from '../support/remix.ts'
import { startSmtpSink, type SmtpSink } from '../support/smtp.ts'

let eventId: string
let userId: string
let sink: SmtpSink
const lead = 'Het programma Samen tegen mensenhandel is op 4 december formeel gestart.'

beforeAll(async () => {
  sink = await startSmtpSink()
  process.env.SMTP_URL = sink.url
  resetEnvCache()
  await seed(db, {
    adminEmail: 'admin@example.org',
    adminPassword: 'Mail-Test-1',
    now: new Date('2026-11-29T08:00:00Z'),
  })
  eventId = (await db.event.findUniqueOrThrow({ where: { slug: EVENT_SLUG } })).id
  userId = (await db.user.findFirstOrThrow()).id
  const organisation = await db.organisation.findUniqueOrThrow({ where: { name: 'Gemeente Rotterdam' } })
  await db.registration.createMany({
    data: Array.from({ length: 500 }, (_, i) => ({
      eventId,
      organisationId: i < 2 ? organisation.id : null,
      name: `Deelnemer ${i}`,
      email: `deelnemer${i}@example.org`,
      language: i === 1 ? ('en' as const) : ('nl' as const),
      status: 'confirmed' as const,
      checkedInAt: new Date('2026-12-04T13:05:00Z'),
    })),
  })
  // Registered but did not come: not an attendee.
  await db.registration.create({
    data: { eventId, name: 'Niet Gekomen', email: 'niet.gekomen@example.org', status: 'confirmed' },
  })
})

afterAll(async () => {
  await sink.close()
})

describe('mailing the report', () => {
  test('not published yet: nothing is queued', async () => {
    expect(await mailReport(eventId, { kind: 'attendees' }, userId)).toEqual({ kind: 'not-published' })
    expect(await db.outboxMessage.count({ where: { kind: 'report-published' } })).toBe(0)
  })

  test('500 attendees: 500 outbox rows in one batch, with progress; again: none twice', async () => {
    const editor = (await reportEditor(eventId))!
    await saveReportDraft(
      eventId,
      {
        title: editor.draft.title,
        lead,
        titleEn: 'Formal start',
        leadEn: 'The programme Together against human trafficking formally started on 4 December.',
        visibility: 'public',
        photoCredits: '',
        layout: editor.layout,
      },
      userId,
    )
    await publishReport(eventId, userId)
    const result = await mailReport(eventId, { kind: 'attendees' }, userId)
    expect(result).toMatchObject({ kind: 'queued', total: 500 })
    const batchId = result.kind === 'queued' ? result.batchId : ''
    expect(await db.outboxMessage.count({ where: { batchId } })).toBe(500)
    expect(await db.outboxMessage.count({ where: { batchId, to: 'niet.gekomen@example.org' } })).toBe(0)
    expect(await db.outboxMessage.count({ where: { batchId, language: 'en' } })).toBe(1)
    // The PDF is stored once per language, not once per mail.
    expect(await db.mailAttachment.count()).toBe(2)

    const { user, password } = await createUser(db, { role: 'viewer' })
    const cookie = cookieFrom(
      await callRoute(
        loginAction,
        formRequest('/inloggen', { email: user.email, password }, { 'x-bijeen-client-ip': '10.9.3.1' }),
      ),
    )
    const page = await callRoute(batchLoader, getRequest(`/beheer/verzendingen/${batchId}`, { cookie }), {
      id: batchId,
    })
    expect(page.status).toBe(200)
    expect(page.data).toMatchObject({ progress: { total: 500, queued: 500, sent: 0 } })

    const again = await mailReport(eventId, { kind: 'attendees' }, userId)
    expect(again).toMatchObject({ kind: 'queued', total: 0 })
    expect(await db.outboxMessage.count({ where: { kind: 'report-published' } })).toBe(500)
    // Clear the queue for the delivery test below.
    await db.outboxMessage.deleteMany({ where: { kind: 'report-published' } })
  })

  test('chosen organisations, in their language, delivered with the lead, the link and the PDF', async () => {
    const organisation = await db.organisation.findUniqueOrThrow({ where: { name: 'Gemeente Rotterdam' } })
    // A new version, so that these two are not "already mailed".
    await publishReport(eventId, userId)
    const result = await mailReport(eventId, { kind: 'organisations', organisationIds: [organisation.id] }, userId)
    expect(result).toMatchObject({ kind: 'queued', total: 2 })
    const worker = new MailWorker({ concurrency: 4 })
    try {
      await worker.drain()
    } finally {
      await worker.stop()
    }
    const mails = await sink.waitFor(2)
    const nl = mails.find((m) => m.envelope.to.includes('deelnemer0@example.org'))!.parsed!
    const en = mails.find((m) => m.envelope.to.includes('deelnemer1@example.org'))!.parsed!
    expect(nl.subject).toBe('Het verslag van Formele start Samen tegen mensenhandel staat online')
    expect(nl.text).toContain(lead)
    expect(nl.text).toContain(`/verslagen/${EVENT_SLUG}`)
    expect(en.subject).toBe('The report on Formele start Samen tegen mensenhandel is now online')
    expect(en.text).toContain('formally started on 4 December')
    expect(en.text).toContain(`/verslagen/${EVENT_SLUG}?lang=en`)
    for (const [mail, name] of [
      [nl, `verslag-${EVENT_SLUG}.pdf`],
      [en, `verslag-${EVENT_SLUG}-en.pdf`],
    ] as const) {
      const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf')
      expect(pdf?.filename).toBe(name)
      expect(pdf?.content.subarray(0, 5).toString()).toBe('%PDF-')
    }
  })

  test('for partners only: each recipient gets a personal link that opens the report; the public does not', async () => {
    await db.report.update({ where: { eventId }, data: { visibility: 'partners' } })
    await publishReport(eventId, userId)
    sink.messages.length = 0
    const organisation = await db.organisation.findUniqueOrThrow({ where: { name: 'Gemeente Rotterdam' } })
    const result = await mailReport(eventId, { kind: 'organisations', organisationIds: [organisation.id] }, userId)
    expect(result).toMatchObject({ kind: 'queued', total: 2 })
    expect(await db.personalLink.count({ where: { kind: 'report', eventId } })).toBe(2)
    const worker = new MailWorker({ concurrency: 4 })
    try {
      await worker.drain()
    } finally {
      await worker.stop()
    }
    const [mail] = (await sink.waitFor(2)).filter((m) => m.envelope.to.includes('deelnemer0@example.org'))
    const token = /\/verslag\/([A-Za-z0-9_-]{43})/.exec(mail!.parsed!.text ?? '')?.[1]
    expect(token).toBeDefined()
    // The token is traded for a cookie, then the page opens with it.
    const exchange = await callRoute(partnerLoader, getRequest(`/verslag/${token}`), { token: token! })
    expect(exchange.status).toBe(303)
    const linkPath = exchange.location!
    const opened = await callRoute(partnerLoader, getRequest(linkPath, { cookie: cookieFrom(exchange) }), {
      token: linkPath.split('/').pop()!,
    })
    expect(opened.status).toBe(200)
    expect((opened.data as { report: { snapshot: { version: number } } }).report.snapshot.version).toBe(3)
    expect((await callRoute(partnerLoader, getRequest(linkPath), { token: linkPath.split('/').pop()! })).status).toBe(
      401,
    )
    const publicPage = await callRoute(publicLoader, getRequest(`/verslagen/${EVENT_SLUG}`), { slug: EVENT_SLUG })
    expect(publicPage.status).toBe(404)
  })
})
