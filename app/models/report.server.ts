// The post-event report of an event: gathers what app/domain/report.ts composes. Quote text comes from
// publishableQuotes and from nowhere else, so a report can never print unauthorised text.
import type { ReportSource } from '~/domain/report'
import type { SectorKey } from '~/domain/sectors'
import { db } from '~/utils/db.server'
import { publishableQuotes } from './statement.server'

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
                  id: true,
                  honorific: true,
                  name: true,
                  function: true,
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

  const [{ quotes, excluded }, invited, registrations, checkIns, nextEvents] = await Promise.all([
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
    photoCredits: credits,
    nextEvents,
  }
}
