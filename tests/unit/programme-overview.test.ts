// The programme view's composition: events in date order with their attendance, the small-group rule of the
// report (per event and for the totals), action lines with the events that touched them, and quotes taken
// verbatim from the latest published snapshot of each event only.
import { describe, expect, test } from 'vitest'
import { composeProgrammeOverview, type ProgrammeOverviewSource } from '~/domain/programme-overview'
import type { ReportSnapshot } from '~/domain/report'

const programme = { id: 'p1', slug: 'samen', name: 'Samen tegen mensenhandel', nameEn: 'Together' }
const actionLines = [
  { id: 'l1', code: '1', title: 'Preventie', titleEn: 'Prevention' },
  { id: 'l2', code: '2', title: 'Opsporing', titleEn: null },
  { id: 'l3', code: '3', title: 'Nazorg', titleEn: null },
]

function snapshot(version: number, quotes: Array<{ id: string; text: string; attribution: string }>): ReportSnapshot {
  return {
    version,
    publishedAt: '2026-12-05T10:00:00.000Z',
    title: 'Verslag',
    lead: 'Lead',
    en: null,
    event: {
      slug: 'e',
      title: 'E',
      startsAt: '2026-12-04T13:00:00.000Z',
      timeZone: 'Europe/Amsterdam',
      venueName: '',
      venueCity: '',
    },
    entries: [
      { type: 'paragraph', id: 'x', text: 'Een eigen alinea, geen citaat.', textEn: '' },
      ...quotes.map((q) => ({
        type: 'block' as const,
        block: {
          id: `quote:${q.id}` as const,
          kind: 'quote' as const,
          statementId: q.id,
          versionId: `v-${q.id}`,
          text: q.text,
          language: 'nl' as const,
          attribution: q.attribution,
          speakerId: 's',
          agendaItemTitle: 'Opening',
        },
      })),
    ],
  }
}

const later: ProgrammeOverviewSource['events'][number] = {
  id: 'e2',
  slug: 'werkconferentie',
  title: 'Werkconferentie',
  startsAt: new Date('2027-03-10T09:00:00Z'),
  timeZone: 'Europe/Amsterdam',
  agendaActionLines: [
    { agendaItemId: 'a3', actionLineId: 'l2' },
    { agendaItemId: 'a4', actionLineId: 'l2' },
  ],
  attendance: {
    invited: 20,
    organisations: [
      { name: 'Gemeente Utrecht', sector: 'gemeente', registered: 2, checkedIn: 2 },
      { name: 'Politie', sector: 'politie_om', registered: 6, checkedIn: 5 },
    ],
  },
  report: null,
}

const start: ProgrammeOverviewSource['events'][number] = {
  id: 'e1',
  slug: 'formele-start',
  title: 'Formele start',
  startsAt: new Date('2026-12-04T13:00:00Z'),
  timeZone: 'Europe/Amsterdam',
  agendaActionLines: [
    { agendaItemId: 'a1', actionLineId: 'l1' },
    { agendaItemId: 'a2', actionLineId: 'l1' },
    { agendaItemId: 'a2', actionLineId: 'l2' },
  ],
  attendance: {
    invited: 40,
    organisations: [
      { name: 'Gemeente Utrecht', sector: 'gemeente', registered: 4, checkedIn: 3 },
      { name: 'CoMensha', sector: 'ngo', registered: 1, checkedIn: 1 },
      { name: null, sector: null, registered: 1, checkedIn: 0 },
    ],
  },
  report: {
    version: 2,
    snapshot: snapshot(2, [
      { id: 'st1', text: 'Eerst <b>vet</b>\nen een tweede regel.', attribution: 'Staatssecretaris Van Ark' },
      { id: 'st2', text: 'Samen staan we sterker.', attribution: 'Staatssecretaris Harbers' },
    ]),
  },
}

const source: ProgrammeOverviewSource = { programme, actionLines, events: [later, start] }

describe('composeProgrammeOverview', () => {
  const o = composeProgrammeOverview(source)

  test('events in date order with invited, registered, checked in and no-shows', () => {
    expect(o.events.map((e) => e.id)).toEqual(['e1', 'e2'])
    const [first, second] = o.events
    expect(first!.attendance).toMatchObject({ invited: 40, registered: 6, checkedIn: 4, noShows: 2 })
    expect(second!.attendance).toMatchObject({ invited: 20, registered: 8, checkedIn: 7, noShows: 1 })
    expect(first!.reportVersion).toBe(2)
    expect(second!.reportVersion).toBeNull()
    expect(o.totals).toMatchObject({ invited: 60, registered: 14, checkedIn: 11, noShows: 3 })
  })

  test('the small-group rule: a sector below the threshold at one event is only counted there', () => {
    // Gemeente: 4/3 at the start (named), 2/2 at the conference (below 3: only in "other").
    const gemeente = o.sectorsOverTime.find((s) => s.sector === 'gemeente')!
    expect(gemeente.cells).toEqual([{ registered: 4, checkedIn: 3 }, null])
    const politie = o.sectorsOverTime.find((s) => s.sector === 'politie_om')!
    expect(politie.cells).toEqual([null, { registered: 6, checkedIn: 5 }])
    expect(o.sectorsOverTime.some((s) => s.sector === 'ngo')).toBe(false)
    expect(o.events[0]!.attendance.otherSectors).toEqual({ count: 2, registered: 2, checkedIn: 1 })
    expect(o.events[1]!.attendance.otherSectors).toEqual({ count: 1, registered: 2, checkedIn: 2 })
    expect(o.events[0]!.attendance.byOrganisation.map((r) => r.name)).toEqual(['Gemeente Utrecht'])
    // Across the programme Gemeente Utrecht sums to 6/5 and is named; CoMensha (1/1) never is.
    expect(o.totals.byOrganisation.map((r) => r.name)).toEqual(['Gemeente Utrecht', 'Politie'])
    expect(o.totals.otherOrganisations).toEqual({ count: 1, registered: 2, checkedIn: 1 })
    expect(o.totals.otherSectors).toEqual({ count: 2, registered: 2, checkedIn: 1 })
    expect(o.threshold).toBe(3)
  })

  test('action lines: agenda items touching them, the events of those items and their attendance', () => {
    expect(o.actionLines).toEqual([
      {
        code: '1',
        title: 'Preventie',
        titleEn: 'Prevention',
        agendaItems: 2,
        events: [
          { id: 'e1', title: 'Formele start', startsAt: '2026-12-04T13:00:00.000Z', timeZone: 'Europe/Amsterdam' },
        ],
        invited: 40,
        registered: 6,
        checkedIn: 4,
        noShows: 2,
      },
      expect.objectContaining({
        code: '2',
        agendaItems: 3,
        events: [expect.objectContaining({ id: 'e1' }), expect.objectContaining({ id: 'e2' })],
        invited: 60,
        registered: 14,
        checkedIn: 11,
        noShows: 3,
      }),
      expect.objectContaining({ code: '3', agendaItems: 0, events: [], invited: 0, registered: 0, checkedIn: 0 }),
    ])
  })

  test('quotes: verbatim from the published snapshot, with attribution, event and version; paragraphs left out', () => {
    expect(o.quotes).toEqual([
      expect.objectContaining({
        eventId: 'e1',
        reportVersion: 2,
        statementId: 'st1',
        text: 'Eerst <b>vet</b>\nen een tweede regel.',
        attribution: 'Staatssecretaris Van Ark',
        agendaItemTitle: 'Opening',
      }),
      expect.objectContaining({ statementId: 'st2', text: 'Samen staan we sterker.' }),
    ])
  })

  test('a programme with no events: empty tables, zero totals, action lines untouched', () => {
    const empty = composeProgrammeOverview({ programme, actionLines, events: [] })
    expect(empty.events).toEqual([])
    expect(empty.quotes).toEqual([])
    expect(empty.sectorsOverTime).toEqual([])
    expect(empty.totals).toMatchObject({ invited: 0, registered: 0, checkedIn: 0, noShows: 0, bySector: [] })
    expect(empty.actionLines.map((l) => [l.code, l.agendaItems, l.events.length])).toEqual([
      ['1', 0, 0],
      ['2', 0, 0],
      ['3', 0, 0],
    ])
  })
})
