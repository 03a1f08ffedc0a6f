// The programme view: gathers, in a fixed handful of queries (never one per event), what
// app/domain/programme-overview.ts composes. Quotes are read from the latest published report version of each
// event and from nowhere else.
import { composeProgrammeOverview, type ProgrammeOverviewSource } from '~/domain/programme-overview'
import type { ReportSnapshot } from '~/domain/report'
import type { SectorKey } from '~/domain/sectors'
import { db } from '~/utils/db.server'

/** The overview of programme `programmeId`; null for an unknown programme. */
export async function programmeOverview(programmeId: string) {
  const programme = await db.programme.findUnique({
    where: { id: programmeId },
    select: {
      id: true,
      slug: true,
      name: true,
      nameEn: true,
      actionLines: {
        orderBy: [{ order: 'asc' }, { code: 'asc' }],
        select: { id: true, code: true, title: true, titleEn: true },
      },
      events: {
        // A cancelled event had no attendance to report on.
        where: { status: { not: 'cancelled' } },
        orderBy: { startsAt: 'asc' },
        select: {
          id: true,
          slug: true,
          title: true,
          startsAt: true,
          timeZone: true,
          agendaItems: { select: { id: true, actionLines: { select: { actionLineId: true } } } },
        },
      },
    },
  })
  if (!programme) return null
  const eventIds = programme.events.map((e) => e.id)

  const [invited, registrations, checkIns, reports] = await Promise.all([
    db.invitation.groupBy({
      by: ['eventId'],
      where: { eventId: { in: eventIds }, revokedAt: null, sentAt: { not: null } },
      _count: { _all: true },
    }),
    db.registration.groupBy({
      by: ['eventId', 'organisationId'],
      where: { eventId: { in: eventIds }, status: 'confirmed' },
      _count: { _all: true },
    }),
    db.registration.groupBy({
      by: ['eventId', 'organisationId'],
      where: { eventId: { in: eventIds }, status: 'confirmed', checkedInAt: { not: null } },
      _count: { _all: true },
    }),
    db.report.findMany({
      where: { eventId: { in: eventIds }, versions: { some: {} } },
      select: {
        eventId: true,
        versions: { orderBy: { version: 'desc' }, take: 1, select: { version: true, snapshot: true } },
      },
    }),
  ])

  const organisationIds = [...new Set(registrations.map((r) => r.organisationId).filter((id): id is string => !!id))]
  const organisations = new Map(
    (
      await db.organisation.findMany({
        where: { id: { in: organisationIds } },
        select: { id: true, name: true, sector: true },
      })
    ).map((o) => [o.id, o]),
  )
  const invitedBy = new Map(invited.map((i) => [i.eventId, i._count._all]))
  const checkedIn = new Map(checkIns.map((c) => [`${c.eventId}:${c.organisationId}`, c._count._all]))
  const latest = new Map(reports.map((r) => [r.eventId, r.versions[0]]))

  const source: ProgrammeOverviewSource = {
    programme: { id: programme.id, slug: programme.slug, name: programme.name, nameEn: programme.nameEn },
    actionLines: programme.actionLines,
    events: programme.events.map((e) => {
      const version = latest.get(e.id)
      return {
        id: e.id,
        slug: e.slug,
        title: e.title,
        startsAt: e.startsAt,
        timeZone: e.timeZone,
        agendaActionLines: e.agendaItems.flatMap((item) =>
          item.actionLines.map((l) => ({ agendaItemId: item.id, actionLineId: l.actionLineId })),
        ),
        attendance: {
          invited: invitedBy.get(e.id) ?? 0,
          organisations: registrations
            .filter((r) => r.eventId === e.id)
            .map((r) => {
              const organisation = r.organisationId ? organisations.get(r.organisationId) : undefined
              return {
                name: organisation?.name ?? null,
                sector: (organisation?.sector ?? null) as SectorKey | null,
                registered: r._count._all,
                checkedIn: checkedIn.get(`${e.id}:${r.organisationId}`) ?? 0,
              }
            }),
        },
        report: version ? { version: version.version, snapshot: version.snapshot as unknown as ReportSnapshot } : null,
      }
    }),
  }
  return composeProgrammeOverview(source)
}
