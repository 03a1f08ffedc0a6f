// The retention purge (app/config/retention.ts says how long; app/domain/retention.ts turns that into cutoffs):
// blanks and deletes what is past its time, and writes the counts to the audit log. Published report versions
// are frozen JSON and are never touched: the attendance counts they show stay as they were. Runs daily inside
// the worker (app/server/retention-purge.ts) and by `npm run purge`; a lease in JobLock makes one process at a
// time do it, however many workers share the database.
import { randomBytes } from 'node:crypto'
import { retention, type RetentionConfig } from '~/config/retention'
import { Prisma } from '~/generated/prisma/client'
import { anonymousRegistration, emptyCounts, purgeDay, retentionCutoffs, type PurgeCounts } from '~/domain/retention'
import { db } from '~/utils/db.server'
import { audit } from './audit.server'
import { removeUnusedSpeakerPhotos } from './photo.server'

const LOCK = 'retention-purge'
// Long enough for any purge; a worker that died half-way frees the lease by this time.
const LEASE_MS = 30 * 60_000

export type PurgeOptions = { now?: Date; config?: RetentionConfig }

/** One purge: everything past its retention at `now`. Safe to repeat; each step only touches what is left. */
export async function purgeExpired(options: PurgeOptions = {}): Promise<PurgeCounts> {
  const now = options.now ?? new Date()
  const c = retentionCutoffs(options.config ?? retention, now)
  const counts = emptyCounts()

  counts.needs = (
    await db.registration.updateMany({
      where: {
        event: { endsAt: { lt: c.needsEventEndedBefore } },
        OR: [{ dietary: { not: '' } }, { accessibility: { not: '' } }],
      },
      data: { dietary: '', accessibility: '' },
    })
  ).count

  // The registrations' links go with them: a link to an anonymised registration has nothing to show.
  const toAnonymise = await db.registration.findMany({
    where: { anonymisedAt: null, event: { endsAt: { lt: c.registrationsEventEndedBefore } } },
    select: { id: true },
  })
  for (const ids of chunks(toAnonymise.map((r) => r.id))) {
    const [, updated] = await db.$transaction([
      db.personalLink.deleteMany({
        where: { kind: { in: ['registration', 'registration_feed'] }, subjectId: { in: ids } },
      }),
      db.registration.updateMany({
        where: { id: { in: ids }, anonymisedAt: null },
        data: { ...anonymousRegistration, answers: Prisma.DbNull, anonymisedAt: now },
      }),
    ])
    counts.registrations += updated.count
  }

  counts.mailBodies = (
    await db.outboxMessage.updateMany({
      where: { purgedAt: null, status: { in: ['sent', 'failed'] }, createdAt: { lt: c.mailCreatedBefore } },
      data: {
        html: null,
        text: null,
        attachments: Prisma.DbNull,
        icsContent: null,
        parts: Prisma.DbNull,
        mergeValues: Prisma.DbNull,
        linkSecrets: Prisma.DbNull,
        purgedAt: now,
      },
    })
  ).count
  // A bulk send's shared body goes once none of its mails still needs it.
  counts.mailMerges = (
    await db.mailMerge.updateMany({
      where: { purgedAt: null, createdAt: { lt: c.mailCreatedBefore }, messages: { none: { purgedAt: null } } },
      data: { html: '', text: '', purgedAt: now },
    })
  ).count
  counts.devMails = (await db.devMail.deleteMany({ where: { receivedAt: { lt: c.mailCreatedBefore } } })).count

  counts.auditEntries = (await db.auditEntry.deleteMany({ where: { at: { lt: c.auditBefore } } })).count
  counts.importJobs = (await db.importJob.deleteMany({ where: { createdAt: { lt: c.importJobsBefore } } })).count
  counts.personalLinks = (
    await db.personalLink.deleteMany({
      where: { OR: [{ expiresAt: { lt: c.linksEndedBefore } }, { revokedAt: { lt: c.linksEndedBefore } }] },
    })
  ).count
  counts.sessions = (
    await db.session.deleteMany({
      where: { OR: [{ expiresAt: { lt: c.sessionsEndedBefore } }, { revokedAt: { lt: c.sessionsEndedBefore } }] },
    })
  ).count
  counts.trustedDevices = (
    await db.trustedDevice.deleteMany({ where: { expiresAt: { lt: c.sessionsEndedBefore } } })
  ).count
  counts.rateLimits = (await db.rateLimit.deleteMany({ where: { resetAt: { lt: c.rateLimitsResetBefore } } })).count
  counts.photos = await removeUnusedSpeakerPhotos(c.photoFilesWrittenBefore)

  // Counts only: the audit log holds no personal data.
  await audit({
    actorLabel: 'retention',
    action: 'retention.purge',
    entity: 'Retention',
    entityId: purgeDay(now),
    details: counts,
  })
  return counts
}

export type PurgeRunOutcome =
  | { kind: 'purged'; counts: PurgeCounts }
  | { kind: 'busy' } // another process holds the lease
  | { kind: 'done-today' } // the daily run already happened

/**
 * The daily purge: runs when no other process is purging and no run completed this (UTC) day. Every worker
 * may call it every hour; one of them does the work.
 */
export function runDailyPurge(options: PurgeOptions & { holder?: string } = {}) {
  return runWithLease({ ...options, daily: true })
}

/** `npm run purge`: now, whatever day it is, unless another process is purging at this moment. */
export function runPurgeNow(options: PurgeOptions & { holder?: string } = {}) {
  return runWithLease({ ...options, daily: false })
}

async function runWithLease(options: PurgeOptions & { holder?: string; daily: boolean }): Promise<PurgeRunOutcome> {
  const now = options.now ?? new Date()
  const day = purgeDay(now)
  const holder = options.holder ?? randomBytes(8).toString('hex')
  try {
    await db.jobLock.create({ data: { name: LOCK, leaseUntil: new Date(0) } })
  } catch (error) {
    if ((error as { code?: string }).code !== 'P2002') throw error
  }
  // The conditional update is the claim: of several processes, exactly one sees count 1.
  const claimed = await db.jobLock.updateMany({
    where: {
      name: LOCK,
      leaseUntil: { lt: now },
      ...(options.daily ? { OR: [{ lastDay: null }, { lastDay: { not: day } }] } : {}),
    },
    data: { leaseUntil: new Date(now.getTime() + LEASE_MS), holder },
  })
  if (claimed.count !== 1) {
    const lock = await db.jobLock.findUnique({ where: { name: LOCK } })
    return options.daily && lock?.lastDay === day ? { kind: 'done-today' } : { kind: 'busy' }
  }
  try {
    const counts = await purgeExpired(options)
    await db.jobLock.updateMany({
      where: { name: LOCK, holder },
      data: { leaseUntil: new Date(0), holder: null, lastDay: day, lastRunAt: now },
    })
    return { kind: 'purged', counts }
  } catch (error) {
    await db.jobLock.updateMany({ where: { name: LOCK, holder }, data: { leaseUntil: new Date(0), holder: null } })
    throw error
  }
}

function chunks<T>(items: T[], size = 500): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
