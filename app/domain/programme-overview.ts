// The programme view: across all events of a programme, attendance per event (by sector, over time), per
// action line, and every published quote. Pure, no IO. Quotes come only from the latest published report
// version of each event, exactly as that snapshot holds them; attendance goes through the report's
// small-group rule (summariseAttendance), so no group below the threshold is named here either.
import type { SectorKey } from './sectors'
import {
  SMALL_GROUP_THRESHOLD,
  summariseAttendance,
  type Attendance,
  type Lang,
  type ReportSnapshot,
  type ReportSource,
} from './report'

export type ProgrammeOverviewSource = {
  programme: { id: string; slug: string; name: string; nameEn: string | null }
  /** In the programme's order. */
  actionLines: Array<{ id: string; code: string; title: string; titleEn: string | null }>
  events: Array<{
    id: string
    slug: string
    title: string
    startsAt: Date
    timeZone: string
    /** The action lines each agenda item of this event touches (one entry per item and line). */
    agendaActionLines: Array<{ agendaItemId: string; actionLineId: string }>
    attendance: ReportSource['attendance']
    /** The latest published version of the event's report, if any. */
    report: { version: number; snapshot: ReportSnapshot } | null
  }>
}

export type EventOverview = {
  id: string
  slug: string
  title: string
  startsAt: string
  timeZone: string
  attendance: Attendance
  reportVersion: number | null
}

export type ActionLineOverview = {
  code: string
  title: string
  titleEn: string | null
  /** How many agenda items, across the programme, touch this line. */
  agendaItems: number
  /** The events with such an item, in date order. */
  events: Array<{ id: string; title: string; startsAt: string; timeZone: string }>
  invited: number
  registered: number
  checkedIn: number
  noShows: number
}

export type PublishedQuote = {
  eventId: string
  eventTitle: string
  eventStartsAt: string
  timeZone: string
  reportVersion: number
  statementId: string
  /** Verbatim from the published snapshot. */
  text: string
  attribution: string
  language: Lang
  agendaItemTitle: string | null
}

/** A sector over time: per event (in the events' order) its counts, or null when it is below the threshold. */
export type SectorSeries = { sector: SectorKey; cells: Array<{ registered: number; checkedIn: number } | null> }

export type ProgrammeOverview = {
  programme: ProgrammeOverviewSource['programme']
  threshold: number
  /** In date order. */
  events: EventOverview[]
  /** All events together (counts are registrations, so one person at two events counts twice). */
  totals: Attendance
  /** Every sector named at some event; per event null where that event had it below the threshold. */
  sectorsOverTime: SectorSeries[]
  actionLines: ActionLineOverview[]
  quotes: PublishedQuote[]
}

export function composeProgrammeOverview(
  source: ProgrammeOverviewSource,
  threshold = SMALL_GROUP_THRESHOLD,
): ProgrammeOverview {
  const events = [...source.events].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
  const perEvent = events.map((e) => ({ event: e, attendance: summariseAttendance(e.attendance, threshold) }))

  // Totals: the same organisation at several events is one group, so the rule looks at its sum.
  const merged = new Map<string, ReportSource['attendance']['organisations'][number]>()
  for (const e of events) {
    for (const r of e.attendance.organisations) {
      const key = `${r.name ?? ''}\u0000${r.sector ?? ''}`
      const acc = merged.get(key) ?? { name: r.name, sector: r.sector, registered: 0, checkedIn: 0 }
      merged.set(key, { ...acc, registered: acc.registered + r.registered, checkedIn: acc.checkedIn + r.checkedIn })
    }
  }
  const totals = summariseAttendance(
    { invited: events.reduce((n, e) => n + e.attendance.invited, 0), organisations: [...merged.values()] },
    threshold,
  )

  const named = new Set(perEvent.flatMap((p) => p.attendance.bySector.map((s) => s.sector)))
  const order = totals.bySector.map((s) => s.sector)
  const sectors = [...order.filter((s) => named.has(s)), ...[...named].filter((s) => !order.includes(s))]
  const sectorsOverTime = sectors.map((sector) => ({
    sector,
    cells: perEvent.map((p) => {
      const row = p.attendance.bySector.find((s) => s.sector === sector)
      return row ? { registered: row.registered, checkedIn: row.checkedIn } : null
    }),
  }))

  const actionLines = source.actionLines.map((line): ActionLineOverview => {
    const touching = perEvent.filter((p) => p.event.agendaActionLines.some((a) => a.actionLineId === line.id))
    const items = new Set(
      events.flatMap((e) => e.agendaActionLines.filter((a) => a.actionLineId === line.id).map((a) => a.agendaItemId)),
    )
    const registered = touching.reduce((n, p) => n + p.attendance.registered, 0)
    const checkedIn = touching.reduce((n, p) => n + p.attendance.checkedIn, 0)
    return {
      code: line.code,
      title: line.title,
      titleEn: line.titleEn,
      agendaItems: items.size,
      events: touching.map((p) => ({
        id: p.event.id,
        title: p.event.title,
        startsAt: p.event.startsAt.toISOString(),
        timeZone: p.event.timeZone,
      })),
      invited: touching.reduce((n, p) => n + p.attendance.invited, 0),
      registered,
      checkedIn,
      noShows: Math.max(0, registered - checkedIn),
    }
  })

  const quotes: PublishedQuote[] = []
  for (const e of events) {
    if (!e.report) continue
    for (const entry of e.report.snapshot.entries) {
      if (entry.type !== 'block' || entry.block.kind !== 'quote') continue
      const q = entry.block
      quotes.push({
        eventId: e.id,
        eventTitle: e.title,
        eventStartsAt: e.startsAt.toISOString(),
        timeZone: e.timeZone,
        reportVersion: e.report.version,
        statementId: q.statementId,
        text: q.text,
        attribution: q.attribution,
        language: q.language,
        agendaItemTitle: q.agendaItemTitle,
      })
    }
  }

  return {
    programme: source.programme,
    threshold,
    events: perEvent.map(({ event: e, attendance }) => ({
      id: e.id,
      slug: e.slug,
      title: e.title,
      startsAt: e.startsAt.toISOString(),
      timeZone: e.timeZone,
      attendance,
      reportVersion: e.report?.version ?? null,
    })),
    totals,
    sectorsOverTime,
    actionLines,
    quotes,
  }
}
