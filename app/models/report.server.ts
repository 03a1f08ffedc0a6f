// The post-event report of an event: gathers what app/domain/report.ts composes. Quote text comes from
// publishableQuotes and from nowhere else, so a report can never print unauthorised text.
import {
  arrange,
  composeBlocks,
  defaultLayout,
  mergeLayout,
  reportWarnings,
  snapshotOf,
  suggestLead,
  suggestTitle,
  type LayoutEntry,
  type ReportSnapshot,
  type ReportSource,
} from '~/domain/report'
import type { SectorKey } from '~/domain/sectors'
import type { ReportVisibility } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import { audit } from './audit.server'
import { publishableQuotes } from './statement.server'
import { speakerNameSelect } from './selects.server'

/** Everything the report of `eventId` is composed from, as it is `now`; null for an unknown event. */
export async function reportSource(eventId: string, now = new Date()): Promise<ReportSource | null> {
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      slug: true,
      title: true,
      startsAt: true,
      timeZone: true,
      venueName: true,
      venueCity: true,
      programme: {
        select: {
          id: true,
          slug: true,
          name: true,
          nameEn: true,
          actionLines: {
            orderBy: [{ order: 'asc' }, { code: 'asc' }],
            select: { id: true, code: true, title: true, titleEn: true },
          },
        },
      },
      agendaItems: {
        orderBy: [{ order: 'asc' }, { startsAt: 'asc' }],
        select: {
          id: true,
          kind: true,
          title: true,
          startsAt: true,
          actionLines: { select: { actionLineId: true } },
          participations: {
            orderBy: [{ order: 'asc' }, { createdAt: 'asc' }],
            select: {
              role: true,
              status: true,
              speaker: {
                select: {
                  ...speakerNameSelect,
                  consentPublishName: true,
                  consentPublishPhoto: true,
                  photoPath: true,
                  photoCredit: true,
                  organisation: { select: { name: true, sector: true } },
                },
              },
            },
          },
        },
      },
    },
  })
  if (!event) return null

  const [{ quotes, excluded }, invited, registrations, checkIns, nextEvents, report] = await Promise.all([
    publishableQuotes(eventId, now),
    db.invitation.count({ where: { eventId, revokedAt: null, sentAt: { not: null } } }),
    db.registration.groupBy({
      by: ['organisationId'],
      where: { eventId, status: 'confirmed' },
      _count: { _all: true },
    }),
    db.registration.groupBy({
      by: ['organisationId'],
      where: { eventId, status: 'confirmed', checkedInAt: { not: null } },
      _count: { _all: true },
    }),
    db.event.findMany({
      where: {
        programmeId: event.programme.id,
        startsAt: { gt: event.startsAt },
        status: { in: ['published', 'completed'] },
      },
      orderBy: { startsAt: 'asc' },
      take: 3,
      select: { slug: true, title: true, startsAt: true, timeZone: true },
    }),
    db.report.findUnique({ where: { eventId }, select: { photoCredits: true } }),
  ])

  const organisationIds = registrations.map((r) => r.organisationId).filter((id): id is string => !!id)
  const organisations = new Map(
    (
      await db.organisation.findMany({
        where: { id: { in: organisationIds } },
        select: { id: true, name: true, sector: true },
      })
    ).map((o) => [o.id, o]),
  )
  const checkedIn = new Map(checkIns.map((c) => [c.organisationId, c._count._all]))

  const speakers = new Map<string, ReportSource['speakers'][number]>()
  const credits: string[] = []
  for (const item of event.agendaItems) {
    for (const p of item.participations) {
      const s = p.speaker
      if (speakers.has(s.id)) continue
      speakers.set(s.id, {
        id: s.id,
        honorific: s.honorific,
        name: s.name,
        function: s.function,
        organisation: s.organisation ? { name: s.organisation.name, sector: s.organisation.sector } : null,
        consentPublishName: s.consentPublishName,
      })
      // A photo's credit belongs in the report only when the photo itself may be published.
      if (s.consentPublishPhoto && s.photoPath && s.photoCredit) credits.push(s.photoCredit)
    }
  }

  return {
    event: {
      slug: event.slug,
      title: event.title,
      startsAt: event.startsAt,
      timeZone: event.timeZone,
      venueName: event.venueName,
      venueCity: event.venueCity,
    },
    programme: { slug: event.programme.slug, name: event.programme.name, nameEn: event.programme.nameEn },
    agenda: event.agendaItems.map((item) => ({
      id: item.id,
      kind: item.kind,
      title: item.title,
      startsAt: item.startsAt,
      actionLineIds: item.actionLines.map((l) => l.actionLineId),
      participants: item.participations.map((p) => ({ speakerId: p.speaker.id, role: p.role, status: p.status })),
    })),
    speakers: [...speakers.values()],
    quotes: quotes.map((q) => ({
      statementId: q.statementId,
      versionId: q.versionId,
      text: q.text,
      language: q.language,
      attribution: q.attribution,
      speakerId: q.speaker.id,
      agendaItemId: q.agendaItem?.id ?? null,
    })),
    excluded: excluded.map((e) => ({
      statementId: e.statementId,
      speakerId: e.speaker.id,
      speakerName: e.speaker.name,
      reason: e.reason,
      embargoUntil: e.embargoUntil,
    })),
    actionLines: event.programme.actionLines,
    attendance: {
      invited,
      organisations: registrations.map((r) => {
        const organisation = r.organisationId ? organisations.get(r.organisationId) : undefined
        return {
          name: organisation?.name ?? null,
          sector: (organisation?.sector ?? null) as SectorKey | null,
          registered: r._count._all,
          checkedIn: checkedIn.get(r.organisationId) ?? 0,
        }
      }),
    },
    photoCredits: [...credits, ...(report?.photoCredits.split('\n') ?? [])],
    nextEvents,
  }
}

// ─── Draft and publishing ─────────────────────────────────────────────────────────────────────────────────

export type ReportDraftInput = {
  title: string
  lead: string
  titleEn: string
  leadEn: string
  visibility: ReportVisibility
  photoCredits: string
  layout: LayoutEntry[]
}

function layoutOf(value: unknown): LayoutEntry[] | null {
  return Array.isArray(value) ? (value as LayoutEntry[]) : null
}

/**
 * The secretariat's page: the draft (or, before anything is saved, a suggestion), the generated blocks in the
 * draft's arrangement, the preview, the warnings and the published versions. Null for an unknown event.
 */
export async function reportEditor(eventId: string, now = new Date()) {
  const [source, report] = await Promise.all([
    reportSource(eventId, now),
    db.report.findUnique({
      where: { eventId },
      include: { versions: { orderBy: { version: 'desc' }, select: { version: true, publishedAt: true } } },
    }),
  ])
  if (!source) return null
  const blocks = composeBlocks(source)
  const layout = mergeLayout(blocks, layoutOf(report?.layout) ?? defaultLayout(blocks))
  const draft = {
    title: report?.title || suggestTitle(source),
    lead: report?.summary || suggestLead(source, blocks),
    titleEn: report?.titleEn ?? '',
    leadEn: report?.summaryEn ?? '',
    visibility: report?.visibility ?? ('public' as ReportVisibility),
    photoCredits: report?.photoCredits ?? '',
  }
  const preview: Omit<ReportSnapshot, 'version' | 'publishedAt'> = {
    title: draft.title,
    lead: draft.lead,
    en: draft.titleEn && draft.leadEn ? { title: draft.titleEn, lead: draft.leadEn } : null,
    event: { ...source.event, startsAt: source.event.startsAt.toISOString() },
    entries: arrange(blocks, layout),
  }
  return {
    event: { id: eventId, title: source.event.title, slug: source.event.slug },
    saved: !!report,
    slug: report?.slug ?? source.event.slug,
    draft,
    blocks,
    layout,
    preview,
    warnings: reportWarnings(source, blocks),
    versions: report?.versions ?? [],
  }
}

/** Saves the draft; creates the report on the first save. False for an unknown event. */
export async function saveReportDraft(eventId: string, input: ReportDraftInput, userId: string) {
  const event = await db.event.findUnique({ where: { id: eventId }, select: { slug: true } })
  if (!event) return false
  const data = {
    title: input.title,
    summary: input.lead,
    titleEn: input.titleEn,
    summaryEn: input.leadEn,
    visibility: input.visibility,
    photoCredits: input.photoCredits,
    layout: input.layout,
  }
  const report = await db.report.upsert({
    where: { eventId },
    create: { eventId, slug: event.slug, ...data },
    update: data,
    select: { id: true },
  })
  await audit({ actorUserId: userId, action: 'report.save', entity: 'Report', entityId: report.id })
  return true
}

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002'

/**
 * Publishes the saved draft as a new version: the report as composed now, frozen. Two publishes at once get
 * consecutive versions (the unique version number refuses the second; it takes the next). Null when there is
 * no saved draft.
 */
export async function publishReport(eventId: string, userId: string, now = new Date()) {
  const report = await db.report.findUnique({ where: { eventId } })
  const source = await reportSource(eventId, now)
  if (!report || !source) return null
  const blocks = composeBlocks(source)
  for (let attempt = 0; ; attempt++) {
    const last = await db.reportVersion.findFirst({
      where: { reportId: report.id },
      orderBy: { version: 'desc' },
      select: { version: true },
    })
    const version = (last?.version ?? 0) + 1
    const snapshot = snapshotOf({
      version,
      publishedAt: now,
      title: report.title,
      lead: report.summary,
      titleEn: report.titleEn,
      leadEn: report.summaryEn,
      source,
      layout: mergeLayout(blocks, layoutOf(report.layout) ?? defaultLayout(blocks)),
    })
    try {
      await db.$transaction([
        db.reportVersion.create({
          data: { reportId: report.id, version, snapshot, publishedAt: now, publishedById: userId },
        }),
        db.report.update({ where: { id: report.id }, data: { status: 'published', publishedAt: now } }),
        audit({
          actorUserId: userId,
          action: 'report.publish',
          entity: 'Report',
          entityId: report.id,
          details: { version },
        }),
      ])
      return { version, slug: report.slug }
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error
    }
  }
}

export type PublishedReport = {
  id: string
  eventId: string
  slug: string
  visibility: ReportVisibility
  snapshot: ReportSnapshot
  latest: number
  versions: Array<{ version: number; publishedAt: Date }>
}

/** A published report by its slug: the latest version, or the one asked for. Null when there is none. */
export async function publishedReport(slug: string, version?: number): Promise<PublishedReport | null> {
  const report = await db.report.findUnique({
    where: { slug },
    select: {
      id: true,
      eventId: true,
      slug: true,
      visibility: true,
      versions: { orderBy: { version: 'desc' }, select: { version: true, publishedAt: true } },
    },
  })
  const latest = report?.versions[0]?.version
  if (!report || latest === undefined) return null
  const wanted = version ?? latest
  if (!report.versions.some((v) => v.version === wanted)) return null
  const row = await db.reportVersion.findFirst({
    where: { report: { slug }, version: wanted },
    select: { snapshot: true },
  })
  if (!row) return null
  return {
    id: report.id,
    eventId: report.eventId,
    slug: report.slug,
    visibility: report.visibility,
    snapshot: row.snapshot as unknown as ReportSnapshot,
    latest,
    versions: report.versions,
  }
}

/** What the public may read: a published report whose visibility is public. */
export async function publicReport(slug: string, version?: number) {
  const report = await publishedReport(slug, version)
  if (!report || report.visibility !== 'public') return null
  return { slug: report.slug, snapshot: report.snapshot, latest: report.latest, versions: report.versions }
}

/**
 * The statements that any published version of these events' reports holds: once published, a quote can only
 * be taken out by the secretariat. A snapshot names each quote by its statement id.
 */
export async function statementIdsInPublishedReports(eventIds: string[]): Promise<Set<string>> {
  if (!eventIds.length) return new Set()
  const versions = await db.reportVersion.findMany({
    where: { report: { eventId: { in: eventIds } } },
    select: { snapshot: true },
  })
  const ids = new Set<string>()
  for (const { snapshot } of versions) {
    for (const match of JSON.stringify(snapshot).matchAll(/"statementId":"([^"]+)"/g)) ids.add(match[1]!)
  }
  return ids
}

/** A published version of an event's report, whatever its visibility: for the secretariat's exports and mail. */
export async function publishedReportOfEvent(eventId: string, version?: number) {
  const report = await db.report.findUnique({ where: { eventId }, select: { slug: true } })
  return report ? publishedReport(report.slug, version) : null
}

/** What a partner's report link opens: the latest published version of that report, whatever its visibility. */
export async function partnerReport(reportId: string) {
  const row = await db.report.findUnique({ where: { id: reportId }, select: { slug: true } })
  const report = row ? await publishedReport(row.slug) : null
  if (!report) return null
  return { slug: report.slug, snapshot: report.snapshot, latest: report.latest, versions: report.versions }
}
