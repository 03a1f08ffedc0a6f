import { describe, expect, test } from 'vitest'
import {
  arrange,
  composeBlocks,
  defaultLayout,
  mergeLayout,
  moveEntry,
  reportWarnings,
  snapshotOf,
  suggestLead,
  summariseAttendance,
  type LayoutEntry,
  type ReportSource,
} from '~/domain/report'

function source(change: Partial<ReportSource> = {}): ReportSource {
  return {
    event: {
      slug: 'werkconferentie',
      title: 'Werkconferentie gemeenten',
      startsAt: new Date('2027-03-10T09:00:00Z'),
      timeZone: 'Europe/Amsterdam',
      venueName: 'Stadhuis',
      venueCity: 'Utrecht',
    },
    programme: { slug: 'stm', name: 'Samen tegen mensenhandel', nameEn: null },
    agenda: [
      {
        id: 'i-open',
        kind: 'opening',
        title: 'Opening',
        startsAt: new Date('2027-03-10T09:00:00Z'),
        actionLineIds: [],
        participants: [{ speakerId: 's-wethouder', role: 'speaker', status: 'confirmed' }],
      },
      {
        id: 'i-panel',
        kind: 'panel',
        title: 'Panel',
        startsAt: new Date('2027-03-10T10:00:00Z'),
        actionLineIds: ['l-4', 'l-2'],
        participants: [
          { speakerId: 's-mod', role: 'moderator', status: 'confirmed' },
          { speakerId: 's-minister', role: 'panelist', status: 'confirmed' },
          { speakerId: 's-ngo', role: 'panelist', status: 'invited' },
          { speakerId: 's-weg', role: 'panelist', status: 'declined' },
        ],
      },
    ],
    speakers: [
      speaker('s-wethouder', 'wethouder', 'De Vries', 'wethouder Zorg', 'Gemeente Utrecht', 'gemeente'),
      speaker('s-mod', '', 'Anna Bakker', 'dagvoorzitter', null, null),
      speaker(
        's-minister',
        'minister',
        'Jansen',
        'minister van Justitie en Veiligheid',
        'Ministerie van Justitie en Veiligheid',
        'rijksoverheid',
      ),
      speaker('s-ngo', '', 'Lotte Visser', 'directeur', 'CoMensha', 'ngo'),
      speaker('s-weg', '', 'Niet Aanwezig', 'adviseur', null, null),
    ],
    quotes: [
      {
        statementId: 'q1',
        versionId: 'v1',
        text: 'Samen komen we verder.',
        language: 'nl',
        attribution: 'Wethouder De Vries van de gemeente Utrecht',
        speakerId: 's-wethouder',
        agendaItemId: 'i-open',
      },
    ],
    excluded: [],
    actionLines: [
      { id: 'l-1', code: '1', title: 'Basisaanpak', titleEn: null },
      { id: 'l-2', code: '2', title: 'Arbeidsuitbuiting', titleEn: 'Labour exploitation' },
      { id: 'l-4', code: '4', title: 'Gemeentelijke aanpak', titleEn: null },
    ],
    attendance: {
      invited: 40,
      organisations: [
        { name: 'Gemeente Utrecht', sector: 'gemeente', registered: 10, checkedIn: 8 },
        { name: 'Gemeente Rotterdam', sector: 'gemeente', registered: 4, checkedIn: 3 },
      ],
    },
    photoCredits: ['Robert Huiberts', ' Robert Huiberts ', ''],
    nextEvents: [],
    ...change,
  }
}

function speaker(
  id: string,
  honorific: string,
  name: string,
  fn: string,
  organisation: string | null,
  sector: 'gemeente' | 'rijksoverheid' | 'ngo' | null,
  consentPublishName = true,
) {
  return {
    id,
    honorific,
    name,
    function: fn,
    organisation: organisation && sector ? { name: organisation, sector } : null,
    consentPublishName,
  }
}

describe('composing the blocks', () => {
  test('opening, panel with moderator (declined left out), quotes, action lines in programme order', () => {
    const blocks = composeBlocks(source())
    expect(blocks.map((b) => b.id)).toEqual([
      'opening',
      'panel',
      'quote:q1',
      'action-lines',
      'attendance',
      'photo-credits',
      'links',
    ])
    const [opening, panel, quote, lines] = blocks
    expect(opening).toMatchObject({ item: { title: 'Opening' }, people: [{ name: 'Wethouder De Vries' }] })
    expect(panel).toEqual({
      id: 'panel',
      kind: 'panel',
      panels: [
        {
          title: 'Panel',
          members: [
            {
              speakerId: 's-minister',
              name: 'Minister Jansen',
              function: 'minister van Justitie en Veiligheid',
              organisation: 'Ministerie van Justitie en Veiligheid',
              ministry: 'Ministerie van Justitie en Veiligheid',
            },
            {
              speakerId: 's-ngo',
              name: 'Lotte Visser',
              function: 'directeur',
              organisation: 'CoMensha',
              ministry: null,
            },
          ],
          moderators: [expect.objectContaining({ name: 'Anna Bakker', ministry: null })],
        },
      ],
    })
    expect(quote).toMatchObject({ text: 'Samen komen we verder.', agendaItemTitle: 'Opening', language: 'nl' })
    expect(lines).toMatchObject({ lines: [{ code: '2' }, { code: '4' }] })
    expect(blocks[5]).toMatchObject({ credits: ['Robert Huiberts'] })
  })

  test('someone who did not consent to their name is not named, and that is a warning', () => {
    const s = source()
    s.speakers = s.speakers.map((p) => (p.id === 's-minister' ? { ...p, consentPublishName: false } : p))
    const panel = composeBlocks(s)[1]
    expect(panel?.kind === 'panel' && panel.panels[0]!.members.map((m) => m.name)).toEqual(['Lotte Visser'])
    expect(reportWarnings(s)).toContainEqual({
      code: 'missing-consent',
      speakerId: 's-minister',
      speakerName: 'Minister Jansen',
      consent: 'name',
    })
  })

  test('a quote holding markup and a line break stays exactly that text', () => {
    const s = source()
    s.quotes = [{ ...s.quotes[0]!, text: 'Eerst <b>dit</b>\nen dan dat & meer' }]
    expect(composeBlocks(s)[2]).toMatchObject({ text: 'Eerst <b>dit</b>\nen dan dat & meer' })
  })
})

describe('the lead', () => {
  test('a formal start: "is op … formeel gestart", then who opened it where', () => {
    const s = source({
      event: {
        ...source().event,
        title: 'Formele start Samen tegen mensenhandel',
        startsAt: new Date('2026-12-04T13:00:00Z'),
      },
    })
    expect(suggestLead(s)).toBe(
      'Het programma Samen tegen mensenhandel is op 4 december formeel gestart. Wethouder De Vries opende de bijeenkomst in Utrecht.',
    )
  })

  test('another event, and no one named at the opening', () => {
    const s = source({ agenda: source().agenda.slice(1) })
    expect(suggestLead(s)).toBe(
      'Op 10 maart kwamen de partners van het programma Samen tegen mensenhandel bijeen: Werkconferentie gemeenten. De bijeenkomst vond plaats in Utrecht.',
    )
  })
})

describe('attendance and the small-group rule', () => {
  test('totals, no-shows, named organisations and sectors', () => {
    const a = summariseAttendance(source().attendance)
    expect(a).toMatchObject({ invited: 40, registered: 14, checkedIn: 11, noShows: 3, threshold: 3 })
    expect(a.byOrganisation.map((o) => o.name)).toEqual(['Gemeente Utrecht', 'Gemeente Rotterdam'])
    expect(a.bySector).toEqual([{ sector: 'gemeente', registered: 14, checkedIn: 11 }])
    expect(a.otherOrganisations).toBeNull()
    expect(a.otherSectors).toBeNull()
  })

  test('organisations below the threshold are only counted, never named', () => {
    const a = summariseAttendance({
      invited: 20,
      organisations: [
        { name: 'Gemeente Utrecht', sector: 'gemeente', registered: 5, checkedIn: 4 },
        { name: 'Hogeschool Leiden', sector: 'onderwijs', registered: 2, checkedIn: 2 },
        { name: 'CoMensha', sector: 'ngo', registered: 1, checkedIn: 1 },
        // Enough registered, but one person came: naming it would point at that person.
        { name: 'Nationale Politie', sector: 'politie_om', registered: 4, checkedIn: 1 },
        // Nobody came: says nothing about a person.
        { name: 'IOM Nederland', sector: 'internationaal', registered: 3, checkedIn: 0 },
        { name: null, sector: null, registered: 2, checkedIn: 1 },
      ],
    })
    expect(a.byOrganisation.map((o) => o.name)).toEqual(['Gemeente Utrecht', 'IOM Nederland'])
    expect(a.otherOrganisations).toEqual({ count: 3, registered: 9, checkedIn: 5 })
    expect(a.bySector.map((s) => s.sector)).toEqual(['gemeente', 'internationaal'])
    expect(a.otherSectors).toEqual({ count: 4, registered: 9, checkedIn: 5 })
    // Nothing is lost: the shown rows and the "others" add up to the totals.
    const shown = a.byOrganisation.reduce((n, o) => n + o.registered, 0) + a.otherOrganisations!.registered
    expect(shown).toBe(a.registered)
  })

  test('exactly at the threshold is named; the threshold can be raised', () => {
    const organisations = [{ name: 'CoMensha', sector: 'ngo' as const, registered: 3, checkedIn: 3 }]
    expect(summariseAttendance({ invited: 3, organisations }).byOrganisation).toHaveLength(1)
    const strict = summariseAttendance({ invited: 3, organisations }, 5)
    expect(strict.byOrganisation).toEqual([])
    expect(strict.otherOrganisations).toEqual({ count: 1, registered: 3, checkedIn: 3 })
  })
})

describe('warnings before publishing', () => {
  const excluded = (reason: ReportSource['excluded'][number]['reason'], embargoUntil: Date | null = null) =>
    source({
      excluded: [{ statementId: 'q9', speakerId: 's-minister', speakerName: 'Minister Jansen', reason, embargoUntil }],
    })

  test('not authorised', () => {
    expect(reportWarnings(excluded('not-authorised'))).toContainEqual({
      code: 'speaker-without-quote',
      speakerId: 's-minister',
      speakerName: 'Minister Jansen',
      reason: 'not-authorised',
    })
  })

  test('withdrawn', () => {
    expect(reportWarnings(excluded('withdrawn'))).toContainEqual(
      expect.objectContaining({ code: 'speaker-without-quote', reason: 'withdrawn' }),
    )
  })

  test('under embargo, with its end', () => {
    expect(reportWarnings(excluded('embargoed', new Date('2027-03-11T08:00:00Z')))).toContainEqual({
      code: 'quote-embargoed',
      speakerId: 's-minister',
      speakerName: 'Minister Jansen',
      embargoUntil: '2027-03-11T08:00:00.000Z',
    })
  })

  test('no consent to publish quotes', () => {
    expect(reportWarnings(excluded('no-consent'))).toContainEqual({
      code: 'missing-consent',
      speakerId: 's-minister',
      speakerName: 'Minister Jansen',
      consent: 'quotes',
    })
  })

  test('a panelist with no statement at all; the moderator and a declined panelist are not expected to', () => {
    const warnings = reportWarnings(source())
    const without = warnings.filter((w) => w.code === 'speaker-without-quote')
    expect(without.map((w) => w.code === 'speaker-without-quote' && [w.speakerName, w.reason])).toEqual([
      ['Minister Jansen', 'no-statement'],
      ['Lotte Visser', 'no-statement'],
    ])
  })

  test('blocks without data', () => {
    const s = source({
      agenda: [],
      quotes: [],
      attendance: { invited: 0, organisations: [] },
      photoCredits: [],
    })
    expect(reportWarnings(s).filter((w) => w.code === 'empty-block')).toEqual([
      { code: 'empty-block', block: 'opening' },
      { code: 'empty-block', block: 'panel' },
      { code: 'empty-block', block: 'actionLines' },
      { code: 'empty-block', block: 'attendance' },
      { code: 'empty-block', block: 'photoCredits' },
      { code: 'empty-block', block: 'quote' },
    ])
    expect(reportWarnings(source()).filter((w) => w.code === 'empty-block')).toEqual([])
  })
})

describe('arranging: keep, move, leave out, paragraphs between', () => {
  const blocks = composeBlocks(source())

  test('left-out blocks and empty paragraphs disappear; paragraphs stay where they were put', () => {
    const layout: LayoutEntry[] = [
      { type: 'paragraph', id: 'p1', text: 'Eigen inleiding.', textEn: '' },
      ...defaultLayout(blocks).map((e) => (e.id === 'panel' ? { ...e, included: false } : e)),
      { type: 'paragraph', id: 'p2', text: '  ', textEn: '' },
    ]
    const doc = arrange(blocks, layout)
    expect(doc.map((e) => (e.type === 'block' ? e.block.id : e.id))).toEqual([
      'p1',
      'opening',
      'quote:q1',
      'action-lines',
      'attendance',
      'photo-credits',
      'links',
    ])
  })

  test('moving up and down, and not past either end', () => {
    const layout = defaultLayout(blocks)
    expect(
      moveEntry(layout, 'panel', 'up')
        .map((e) => e.id)
        .slice(0, 2),
    ).toEqual(['panel', 'opening'])
    expect(moveEntry(layout, 'opening', 'up')).toBe(layout)
    expect(moveEntry(layout, 'links', 'down')).toBe(layout)
    expect(moveEntry(layout, 'nope', 'down')).toBe(layout)
  })

  test('a quote authorised after the draft was saved joins after its predecessor; a withdrawn one drops out', () => {
    const saved: LayoutEntry[] = [
      { type: 'block', id: 'panel', included: true },
      { type: 'block', id: 'quote:gone', included: true },
      { type: 'block', id: 'opening', included: true },
    ]
    expect(mergeLayout(blocks, saved).map((e) => e.id)).toEqual([
      'panel',
      'quote:q1',
      'action-lines',
      'attendance',
      'photo-credits',
      'links',
      'opening',
    ])
  })
})

describe('the published snapshot', () => {
  test('plain JSON, English only with both title and lead, unaffected by later changes to the data', () => {
    const s = source()
    const input = {
      version: 2,
      publishedAt: new Date('2027-03-11T09:00:00Z'),
      title: ' Verslag ',
      lead: 'Lead.',
      titleEn: 'Report',
      leadEn: '',
      source: s,
      layout: defaultLayout(composeBlocks(s)),
    }
    const snapshot = snapshotOf(input)
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot)
    expect(snapshot).toMatchObject({ version: 2, title: 'Verslag', en: null, publishedAt: '2027-03-11T09:00:00.000Z' })
    expect(snapshotOf({ ...input, leadEn: 'Lead in English.' }).en).toEqual({
      title: 'Report',
      lead: 'Lead in English.',
    })
    const frozen = JSON.stringify(snapshot)
    s.quotes[0]!.text = 'Iets anders.'
    s.speakers[0]!.name = 'Ander'
    expect(JSON.stringify(snapshot)).toBe(frozen)
  })
})
