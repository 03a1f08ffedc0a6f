// The retention rules as plain functions (no IO): from the configuration and a clock, the moments before which
// each kind of data goes; which photo files nobody uses; and what an erasure does to a published report. The
// model (app/models/retention.server.ts, app/models/privacy.server.ts) runs the queries these describe.
import { DateTime } from 'luxon'
import type { RetentionConfig } from '~/config/retention'
import type { DocumentEntry, ReportPerson, ReportSnapshot } from './report'

export type RetentionCutoffs = {
  /** Events that ended before this lose their registrations' dietary and accessibility needs. */
  needsEventEndedBefore: Date
  /** Events that ended before this have their registrations anonymised. */
  registrationsEventEndedBefore: Date
  /** Sent or failed mails written before this lose their bodies; dev-mailbox copies go. */
  mailCreatedBefore: Date
  auditBefore: Date
  importJobsBefore: Date
  /** Personal links that expired or were revoked before this are deleted. */
  linksEndedBefore: Date
  /** Staff sessions and trusted devices that expired or ended before this are deleted. */
  sessionsEndedBefore: Date
  /** Rate-limit windows that ended before this are deleted (they count nothing any more). */
  rateLimitsResetBefore: Date
  /** Unused photo files last written before this are removed. */
  photoFilesWrittenBefore: Date
}

/** The cutoffs for a purge at `now`. Months count on the calendar (UTC), days as 24 hours. */
export function retentionCutoffs(config: RetentionConfig, now: Date): RetentionCutoffs {
  const t = DateTime.fromJSDate(now, { zone: 'utc' })
  const daysAgo = (n: number) => t.minus({ days: n }).toJSDate()
  return {
    needsEventEndedBefore: daysAgo(config.needsDaysAfterEvent),
    registrationsEventEndedBefore: t.minus({ months: config.registrationMonthsAfterEvent }).toJSDate(),
    mailCreatedBefore: daysAgo(config.mailBodyDays),
    auditBefore: daysAgo(config.auditDays),
    importJobsBefore: daysAgo(config.importJobDays),
    linksEndedBefore: daysAgo(config.expiredLinkDays),
    sessionsEndedBefore: daysAgo(config.expiredSessionDays),
    rateLimitsResetBefore: now,
    photoFilesWrittenBefore: t.minus({ hours: config.orphanPhotoHours }).toJSDate(),
  }
}

/** The day (UTC) a daily job belongs to: one run per day, whichever worker gets there first. */
export function purgeDay(now: Date) {
  return now.toISOString().slice(0, 10)
}

export const PURGE_COUNT_KEYS = [
  'needs',
  'registrations',
  'mailBodies',
  'mailMerges',
  'devMails',
  'auditEntries',
  'importJobs',
  'personalLinks',
  'sessions',
  'trustedDevices',
  'rateLimits',
  'photos',
] as const
export type PurgeCounts = Record<(typeof PURGE_COUNT_KEYS)[number], number>

export function emptyCounts(): PurgeCounts {
  return Object.fromEntries(PURGE_COUNT_KEYS.map((k) => [k, 0])) as PurgeCounts
}

/**
 * What an anonymised registration keeps: its event, status, organisation (and the organisation name typed in),
 * check-in moment and seat flag, so the counts per organisation and sector stay as they were. Everything that
 * says who the person was is blanked.
 */
export const anonymousRegistration = {
  name: '',
  email: '',
  function: '',
  dietary: '',
  accessibility: '',
  photoConsent: false,
  activeKey: null,
  checkInCode: null,
} as const

const PHOTO_FILE = /^[0-9a-f]{32}\.jpg$/

/** The stored photo files (names under speakers/) that no speaker uses and that are old enough to go. */
export function orphanPhotoFiles(
  files: ReadonlyArray<{ name: string; writtenAt: Date }>,
  inUse: ReadonlySet<string>,
  writtenBefore: Date,
): string[] {
  return files
    .filter((f) => PHOTO_FILE.test(f.name) && !inUse.has(`speakers/${f.name}`) && f.writtenAt < writtenBefore)
    .map((f) => f.name)
}

// ─── Erasure in a published report ────────────────────────────────────────────────────────────────────────

/**
 * A published report's snapshot with an erased speaker taken out: their name goes from the lists of people
 * (opening, panels); of their quotes, those the secretariat decided to remove go, the others stay exactly as
 * authorised. `changed` says whether anything differs, so untouched versions are not written.
 */
export function eraseSpeakerFromSnapshot(
  snapshot: ReportSnapshot,
  speakerId: string,
  removeStatementIds: ReadonlySet<string>,
): { snapshot: ReportSnapshot; changed: boolean } {
  let changed = false
  const keep = (people: ReportPerson[]) => {
    const left = people.filter((p) => p.speakerId !== speakerId)
    if (left.length !== people.length) changed = true
    return left
  }
  const entries = snapshot.entries.flatMap((entry): DocumentEntry[] => {
    if (entry.type !== 'block') return [entry]
    const block = entry.block
    if (block.kind === 'quote') {
      if (removeStatementIds.has(block.statementId)) {
        changed = true
        return []
      }
      return [entry]
    }
    if (block.kind === 'opening') return [{ ...entry, block: { ...block, people: keep(block.people) } }]
    if (block.kind === 'panel') {
      const panels = block.panels.map((p) => ({ ...p, members: keep(p.members), moderators: keep(p.moderators) }))
      return [{ ...entry, block: { ...block, panels } }]
    }
    return [entry]
  })
  return { snapshot: { ...snapshot, entries }, changed }
}

/** The quotes of a speaker in a published snapshot: what the secretariat must decide on before an erasure. */
export function speakerQuotesInSnapshot(snapshot: ReportSnapshot, speakerId: string) {
  return snapshot.entries.flatMap((entry) =>
    entry.type === 'block' && entry.block.kind === 'quote' && entry.block.speakerId === speakerId
      ? [{ statementId: entry.block.statementId, text: entry.block.text, attribution: entry.block.attribution }]
      : [],
  )
}
