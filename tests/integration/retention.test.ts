// The retention purge against a fake clock: at each moment it deletes exactly what app/config/retention.ts says
// (and nothing that is not due yet), writes its counts to the audit log, never touches a published report,
// and keeps the attendance counts a report is composed from. Several workers at once purge once a day.
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DateTime } from 'luxon'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { retention } from '~/config/retention'
import { purgeDay } from '~/domain/retention'
import { publishReport, publishedReport, reportEditor, reportSource, saveReportDraft } from '~/models/report.server'
import { purgeExpired, runDailyPurge, runPurgeNow } from '~/models/retention.server'
import { db } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import { EVENT_SLUG, seed } from '../../prisma/seed.ts'
import { createEvent, createOrganisation } from '../factories.ts'

let uploadDir: string
const previous = process.env.UPLOAD_DIR
let eventId: string
let laterEventId: string
let eventEnd: Date
let reportSlug: string
const plus = (d: Date, o: Parameters<DateTime['plus']>[0]) => DateTime.fromJSDate(d).plus(o).toJSDate()
const usedPhoto = 'a'.repeat(32) + '.jpg'
const orphanPhoto = 'b'.repeat(32) + '.jpg'

beforeAll(async () => {
  uploadDir = await mkdtemp(path.join(tmpdir(), 'bijeen-retention-'))
  process.env.UPLOAD_DIR = uploadDir
  resetEnvCache()
  const seeded = await seed(db, { adminEmail: 'admin@example.org', adminPassword: 'Bijeen-Beheer-2026' })
  if (!seeded.created) throw new Error('seed did not run')
  const event = await db.event.findUniqueOrThrow({ where: { slug: EVENT_SLUG } })
  eventId = event.id
  eventEnd = event.endsAt
  const later = await createEvent(db, seeded.programmeId, {
    startsAt: plus(eventEnd, { months: 6 }),
    endsAt: plus(eventEnd, { months: 6, hours: 3 }),
  })
  laterEventId = later.id

  const ngo = await createOrganisation(db, { name: 'Stichting Hulp', sector: 'ngo' })
  const gemeente = await createOrganisation(db, { name: 'Gemeente Zwolle', sector: 'gemeente' })
  let n = 0
  const register = (eventId: string, organisationId: string | null, extra: Record<string, unknown> = {}) =>
    db.registration.create({
      data: {
        eventId,
        organisationId,
        name: `Persoon ${++n}`,
        email: `persoon${n}@example.org`,
        function: 'medewerker',
        dietary: n % 2 ? 'vegetarisch' : '',
        accessibility: n % 3 ? '' : 'rolstoel',
        answers: { q: `antwoord ${n}` },
        status: 'confirmed',
        holdsSeat: true,
        activeKey: `${eventId}:persoon${n}@example.org`,
        checkInCode: `code-${n}`,
        ...extra,
      },
    })
  // 4 + 3 confirmed (5 checked in), one cancelled, one without organisation: 9 on the event, 7 with needs.
  for (let i = 0; i < 4; i++) await register(eventId, ngo.id, { checkedInAt: i < 3 ? eventEnd : null })
  for (let i = 0; i < 3; i++) await register(eventId, gemeente.id, { checkedInAt: i < 2 ? eventEnd : null })
  await register(eventId, ngo.id, { status: 'cancelled', holdsSeat: false, activeKey: null })
  await register(eventId, null)
  // The later event's one registration with needs (n = 10: dietary none, accessibility none → make it have some).
  await register(laterEventId, ngo.id, { dietary: 'halal', accessibility: 'doventolk' })

  const admin = await db.user.findFirstOrThrow()
  const editor = await reportEditor(eventId, plus(eventEnd, { days: 1 }))
  await saveReportDraft(
    eventId,
    {
      title: 'Verslag',
      lead: 'Het programma is gestart.',
      titleEn: '',
      leadEn: '',
      visibility: 'public',
      photoCredits: '',
      layout: editor!.layout,
    },
    admin.id,
  )
  const published = await publishReport(eventId, admin.id, plus(eventEnd, { days: 1 }))
  reportSlug = published!.slug

  const mail = (createdAt: Date, status: 'sent' | 'queued', key: string) =>
    db.outboxMessage.create({
      data: {
        kind: 'registration-confirmed',
        to: `${key}@example.org`,
        subject: 'Bevestiging',
        html: '<p>Beste</p>',
        text: 'Beste',
        status,
        createdAt,
        sentAt: status === 'sent' ? createdAt : null,
        messageId: `<${key}@bijeen>`,
        idempotencyKey: key,
      },
    })
  await mail(plus(eventEnd, { days: -70 }), 'sent', 'old-sent')
  await mail(plus(eventEnd, { days: -70 }), 'queued', 'old-queued')
  await mail(plus(eventEnd, { days: -10 }), 'sent', 'recent-sent')
  await db.devMail.create({
    data: { messageId: 'x', to: 'a@example.org', subject: 's', raw: 'r', receivedAt: plus(eventEnd, { days: -70 }) },
  })

  await db.auditEntry.createMany({
    data: [
      { action: 'old', entity: 'X', entityId: '1', at: plus(eventEnd, { years: -2, days: 10 }) },
      { action: 'recent', entity: 'X', entityId: '2', at: plus(eventEnd, { years: -1 }) },
    ],
  })
  await db.personalLink.createMany({
    data: [
      { kind: 'invitation', tokenHash: 'h-expired', subjectId: 's1', expiresAt: plus(eventEnd, { days: -5 }) },
      { kind: 'invitation', tokenHash: 'h-valid', subjectId: 's2', expiresAt: plus(eventEnd, { months: 3 }) },
      {
        kind: 'invitation',
        tokenHash: 'h-revoked',
        subjectId: 's3',
        expiresAt: plus(eventEnd, { years: 3 }),
        revokedAt: plus(eventEnd, { days: -1 }),
      },
    ],
  })
  await db.session.createMany({
    data: [
      { tokenHash: 's-old', userId: admin.id, expiresAt: plus(eventEnd, { days: -1 }) },
      { tokenHash: 's-new', userId: admin.id, expiresAt: plus(eventEnd, { days: 40 }) },
    ],
  })
  await db.rateLimit.createMany({
    data: [
      { key: 'old', count: 3, resetAt: plus(eventEnd, { hours: 2 }) },
      { key: 'new', count: 3, resetAt: plus(eventEnd, { years: 5 }) },
    ],
  })
  await db.speaker.updateMany({ where: { email: 'harbers@example.org' }, data: { photoPath: `speakers/${usedPhoto}` } })
  await import('node:fs/promises').then((fs) => fs.mkdir(path.join(uploadDir, 'speakers'), { recursive: true }))
  for (const name of [usedPhoto, orphanPhoto]) {
    const file = path.join(uploadDir, 'speakers', name)
    await writeFile(file, 'jpeg')
    await utimes(file, eventEnd, eventEnd)
  }
})

afterAll(async () => {
  if (previous === undefined) delete process.env.UPLOAD_DIR
  else process.env.UPLOAD_DIR = previous
  resetEnvCache()
  await rm(uploadDir, { recursive: true, force: true })
})

async function snapshotJson() {
  const versions = await db.reportVersion.findMany({ orderBy: { version: 'asc' }, select: { snapshot: true } })
  return JSON.stringify(versions)
}

function attendanceOf(report: Awaited<ReturnType<typeof publishedReport>>) {
  return report!.snapshot.entries.find((e) => e.type === 'block' && e.block.kind === 'attendance')
}

describe('the purge at a fake clock', () => {
  let publishedBefore: string
  let attendanceBefore: unknown
  let sourceCountsBefore: unknown

  test('the configuration has the promised defaults', () => {
    expect(retention).toMatchObject({
      needsDaysAfterEvent: 30,
      registrationMonthsAfterEvent: 12,
      mailBodyDays: 90,
      auditDays: 730,
    })
  })

  test('the day of the event: nothing of the event is due yet', async () => {
    publishedBefore = await snapshotJson()
    attendanceBefore = attendanceOf(await publishedReport(reportSlug))
    expect(attendanceBefore).toMatchObject({ block: { registered: 8, checkedIn: 5 } })
    sourceCountsBefore = (await reportSource(eventId, eventEnd))!.attendance
    const counts = await purgeExpired({ now: plus(eventEnd, { hours: 1 }) })
    // Only what ended before the event: the rate-limit window and the sign-in session of the day before are
    // not past their retention yet (7 days), nor the expired link (30 days).
    expect(counts).toEqual({
      needs: 0,
      registrations: 0,
      mailBodies: 0,
      mailMerges: 0,
      devMails: 0,
      auditEntries: 0,
      importJobs: 0,
      personalLinks: 0,
      sessions: 0,
      trustedDevices: 0,
      rateLimits: 0,
      photos: 0,
    })
  })

  test('31 days after the event: needs, old mail bodies, old audit entries, ended links and the unused photo go', async () => {
    const now = plus(eventEnd, { days: 31 })
    const counts = await purgeExpired({ now })
    expect(counts).toEqual({
      needs: 6,
      registrations: 0,
      mailBodies: 1,
      mailMerges: 0,
      devMails: 1,
      auditEntries: 1,
      importJobs: 0,
      personalLinks: 2,
      sessions: 1,
      trustedDevices: 0,
      rateLimits: 1,
      photos: 1,
    })
    const rows = await db.registration.findMany({ where: { eventId } })
    expect(rows.every((r) => r.dietary === '' && r.accessibility === '')).toBe(true)
    expect(rows.map((r) => r.answers)).not.toContain(null)
    expect(rows.every((r) => r.name !== '' && r.email !== '' && r.anonymisedAt === null)).toBe(true)
    const later = await db.registration.findFirstOrThrow({ where: { eventId: laterEventId } })
    expect(later).toMatchObject({ dietary: 'halal', accessibility: 'doventolk' })

    const mails = await db.outboxMessage.findMany({ orderBy: { idempotencyKey: 'asc' } })
    expect(mails.map((m) => [m.idempotencyKey, m.html !== null, m.purgedAt !== null])).toEqual([
      ['old-queued', true, false],
      ['old-sent', false, true],
      ['recent-sent', true, false],
    ])
    expect((await db.auditEntry.findMany({ where: { entity: 'X' } })).map((a) => a.action)).toEqual(['recent'])
    expect((await db.personalLink.findMany()).map((l) => l.tokenHash)).toEqual(['h-valid'])
    expect((await db.session.findMany()).map((s) => s.tokenHash)).toEqual(['s-new'])
    expect((await db.rateLimit.findMany()).map((r) => r.key)).toEqual(['new'])
    expect(await readdir(path.join(uploadDir, 'speakers'))).toEqual([usedPhoto])

    // The counts are in the audit log, without personal data.
    const entry = await db.auditEntry.findFirstOrThrow({
      where: { action: 'retention.purge', entityId: purgeDay(now) },
    })
    expect(entry.details).toEqual(counts)
    expect(await snapshotJson()).toBe(publishedBefore)
  })

  test('12 months and a day after: the event’s registrations are anonymised, the counts stay', async () => {
    const now = plus(eventEnd, { months: 12, days: 1 })
    const counts = await purgeExpired({ now })
    expect(counts).toMatchObject({ needs: 1, registrations: 9, mailBodies: 1 })
    const rows = await db.registration.findMany({ where: { eventId } })
    expect(rows).toHaveLength(9)
    for (const r of rows) {
      expect(r).toMatchObject({ name: '', email: '', function: '', dietary: '', activeKey: null, checkInCode: null })
      expect(r.answers).toBeNull()
      expect(r.anonymisedAt).toEqual(now)
    }
    // The later event (ended 6 months ago) keeps its people, loses its needs.
    const later = await db.registration.findFirstOrThrow({ where: { eventId: laterEventId } })
    expect(later).toMatchObject({ name: 'Persoon 10', dietary: '', accessibility: '', anonymisedAt: null })

    // The published report did not change, and a report composed now counts the same people.
    expect(await snapshotJson()).toBe(publishedBefore)
    expect(attendanceOf(await publishedReport(reportSlug))).toEqual(attendanceBefore)
    expect((await reportSource(eventId, now))!.attendance).toEqual(sourceCountsBefore)
  })

  test('a second purge at the same moment finds nothing left to do', async () => {
    const counts = await purgeExpired({ now: plus(eventEnd, { months: 12, days: 1 }) })
    expect(Object.values(counts).every((n) => n === 0)).toBe(true)
  })
})

describe('one purge a day, however many workers', () => {
  test('workers asking at once: one purges, the others skip; later that day nobody purges again', async () => {
    const now = plus(eventEnd, { months: 13 })
    const outcomes = await Promise.all([1, 2, 3].map((i) => runDailyPurge({ now, holder: `worker-${i}` })))
    expect(outcomes.filter((o) => o.kind === 'purged')).toHaveLength(1)
    expect(outcomes.filter((o) => o.kind !== 'purged').every((o) => o.kind === 'busy' || o.kind === 'done-today')).toBe(
      true,
    )
    expect((await runDailyPurge({ now: plus(now, { hours: 5 }) })).kind).toBe('done-today')
    expect((await runDailyPurge({ now: plus(now, { days: 1 }) })).kind).toBe('purged')
  })

  test('a lease held by another process makes the command wait its turn', async () => {
    const now = plus(eventEnd, { months: 14 })
    await db.jobLock.update({
      where: { name: 'retention-purge' },
      data: { leaseUntil: plus(now, { minutes: 5 }), holder: 'other' },
    })
    expect((await runPurgeNow({ now })).kind).toBe('busy')
    // A lease that ran out (its worker died) is taken over.
    expect((await runPurgeNow({ now: plus(now, { minutes: 6 }) })).kind).toBe('purged')
  })
})
