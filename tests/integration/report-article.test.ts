// Acceptance: the report composed from the seeded 4 December event against the news item it must reproduce
// (tests/fixtures, a copy of the shared reference). Every quote of the article verbatim with the right speaker,
// honorific, function and ministry; the panel of four; the five action lines; the lead. The comparison is one
// function, and the last test shows that it notices a quote altered or a panel member missing.
import fs from 'node:fs'
import { beforeAll, describe, expect, test } from 'vitest'
import {
  arrange,
  composeBlocks,
  defaultLayout,
  reportWarnings,
  suggestLead,
  type ReportBlock,
  type ReportSource,
} from '~/domain/report'
import { reportSource } from '~/models/report.server'
import { db } from '~/utils/db.server'
import { EVENT_SLUG, seed } from '../../prisma/seed.ts'

const article = fs.readFileSync('tests/fixtures/formele-start-samen-tegen-mensenhandel.txt', 'utf8')
const now = new Date('2026-12-05T10:00:00Z')

// Who says each quote, as the report must name them. The article writes "Staatssecretaris van Ark"; the
// convention for a surname without a first name before it is "Van Ark", which the seed follows.
const expectedSpeakers = [
  {
    attribution: 'Staatssecretaris Harbers van het ministerie van Justitie en Veiligheid',
    name: 'Staatssecretaris Harbers',
    function: 'staatssecretaris van Justitie en Veiligheid',
    ministry: 'Ministerie van Justitie en Veiligheid',
  },
  {
    attribution: 'Staatssecretaris Van Ark van het ministerie van Sociale Zaken en Werkgelegenheid',
    name: 'Staatssecretaris Van Ark',
    function: 'staatssecretaris van Sociale Zaken en Werkgelegenheid',
    ministry: 'Ministerie van Sociale Zaken en Werkgelegenheid',
  },
  {
    attribution: 'Staatssecretaris Blokhuis van het ministerie van Volksgezondheid, Welzijn en Sport',
    name: 'Staatssecretaris Blokhuis',
    function: 'staatssecretaris van Volksgezondheid, Welzijn en Sport',
    ministry: 'Ministerie van Volksgezondheid, Welzijn en Sport',
  },
  {
    attribution: 'Plaatsvervangend Directeur-Generaal Tazelaar van het ministerie van Buitenlandse Zaken',
    name: 'Tazelaar',
    function: 'plaatsvervangend directeur-generaal Buitenlandse Zaken',
    ministry: 'Ministerie van Buitenlandse Zaken',
  },
]
const conventional = (s: string) => s.replace('Staatssecretaris van Ark', 'Staatssecretaris Van Ark')

/** The article's quotes, each with the attribution written between it and the quote before it. */
function articleQuotes() {
  let from = 0
  return [...article.matchAll(/“([^”]+)”/g)].map((m) => {
    const between = conventional(article.slice(from, m.index))
    from = m.index + m[0].length
    const speaker = expectedSpeakers.find((s) => between.includes(`${s.attribution}:`))
    return { text: m[1]!, attribution: speaker?.attribution ?? null }
  })
}

/** The five action lines as the article lists them, compared without case and spaces ("basis aanpak"). */
function articleActionLines() {
  const sentence = /Deze hebben betrekking op (.+?)\./.exec(article)![1]!
  return sentence
    .split(/, | en (?=het |de )/)
    .map((part) => part.replace(/^(de|het) /, ''))
    .map(squash)
}
const squash = (s: string) => s.toLowerCase().replace(/\s+/g, '')

/** Everything in which the composed report differs from the article; empty when it reproduces it. */
function differences(blocks: ReportBlock[], lead: string): string[] {
  const problems: string[] = []
  const quotes = blocks.filter((b) => b.kind === 'quote')
  const panel = blocks.find((b) => b.kind === 'panel')
  const members = panel?.kind === 'panel' ? panel.panels.flatMap((p) => p.members) : []
  const people = new Map(members.map((m) => [m.speakerId, m]))
  for (const q of articleQuotes()) {
    const block = quotes.find((b) => b.text === q.text)
    if (!block) {
      problems.push(`quote missing or altered: ${q.text.slice(0, 40)}…`)
      continue
    }
    if (block.attribution !== q.attribution) problems.push(`attribution: ${block.attribution}`)
    const expected = expectedSpeakers.find((s) => s.attribution === q.attribution)!
    const person = people.get(block.speakerId)
    if (!person) problems.push(`speaker of "${q.text.slice(0, 30)}…" not in the panel`)
    else if (
      person.name !== expected.name ||
      person.function !== expected.function ||
      person.ministry !== expected.ministry
    ) {
      problems.push(`speaker: ${person.name}, ${person.function}, ${person.ministry}`)
    }
  }
  // The order in which the article gives them is the agenda order.
  const order = quotes.map((b) => b.text).filter((t) => articleQuotes().some((q) => q.text === t))
  if (
    order.join('\n') !==
    articleQuotes()
      .map((q) => q.text)
      .join('\n')
  )
    problems.push('quotes out of order')
  const names = members.map((m) => m.name)
  if (
    names.join(', ') !==
    expectedSpeakers
      .map((s) => s.name)
      .sort(panelOrder)
      .join(', ')
  ) {
    problems.push(`panel: ${names.join(', ')}`)
  }
  const lines = blocks.find((b) => b.kind === 'actionLines')
  const titles = lines?.kind === 'actionLines' ? lines.lines.map((l) => squash(l.title)) : []
  if (titles.join('|') !== articleActionLines().join('|')) problems.push(`action lines: ${titles.join(', ')}`)
  if (!article.includes(lead)) problems.push(`lead: ${lead}`)
  return problems
}
// The article names the panel as Harbers, Blokhuis, Van Ark, Tazelaar.
const panelRank = ['Staatssecretaris Harbers', 'Staatssecretaris Blokhuis', 'Staatssecretaris Van Ark', 'Tazelaar']
const panelOrder = (a: string, b: string) => panelRank.indexOf(a) - panelRank.indexOf(b)

let source: ReportSource

beforeAll(async () => {
  await seed(db, {
    adminEmail: 'admin@example.org',
    adminPassword: 'Verslag-Test-1',
    now: new Date('2026-11-29T08:00:00Z'),
  })
  const event = await db.event.findUniqueOrThrow({ where: { slug: EVENT_SLUG } })
  source = (await reportSource(event.id, now))!
})

describe('the report of the seeded 4 December event reproduces the article', () => {
  test('the article has what the comparison looks for', () => {
    expect(articleQuotes()).toHaveLength(4)
    expect(articleQuotes().every((q) => q.attribution)).toBe(true)
    expect(articleActionLines()).toHaveLength(5)
    expect(article).toContain(
      'De bewindspersonen Harbers (staatssecretaris Justitie en Veiligheid), Blokhuis (staatssecretaris VWS), Van Ark (staatssecretaris SZW) en Tazelaar',
    )
  })

  test('every quote verbatim with its speaker, the panel, the action lines and the lead', () => {
    const blocks = composeBlocks(source)
    expect(differences(blocks, suggestLead(source, blocks))).toEqual([])
    expect(suggestLead(source, blocks)).toBe(
      'Het programma Samen tegen mensenhandel is op 4 december formeel gestart. Staatssecretaris Harbers opende de bijeenkomst in Den Haag.',
    )
    const opening = blocks.find((b) => b.kind === 'opening')
    expect(opening?.kind === 'opening' && opening.people.map((p) => p.name)).toEqual(['Staatssecretaris Harbers'])
    // Arranged as it will be published, nothing is lost.
    const published = arrange(blocks, defaultLayout(blocks)).flatMap((e) => (e.type === 'block' ? [e.block] : []))
    expect(differences(published, suggestLead(source, blocks))).toEqual([])
  })

  test('the Nationaal Rapporteur, whom the article announces without a quote, is a warning', () => {
    const warnings = reportWarnings(source)
    expect(warnings).toContainEqual(
      expect.objectContaining({
        code: 'speaker-without-quote',
        speakerName: 'Herman Bolhaar',
        reason: 'not-authorised',
      }),
    )
    // No registrations in the seed yet: the attendance block has no data.
    expect(warnings).toContainEqual({ code: 'empty-block', block: 'attendance' })
  })

  test('the comparison fails on an altered quote, a different attribution or a missing panel member', () => {
    const blocks = composeBlocks(source)
    const lead = suggestLead(source, blocks)
    const alter = (change: (b: ReportBlock) => ReportBlock | null) =>
      differences(
        blocks.map(change).filter((b): b is ReportBlock => !!b),
        lead,
      )

    expect(
      alter((b) =>
        b.kind === 'quote' && b.text.startsWith('Arbeidsuitbuiting') ? { ...b, text: b.text.replace('.', '!') } : b,
      ),
    ).toContainEqual(expect.stringContaining('quote missing or altered'))
    expect(
      alter((b) =>
        b.kind === 'quote' && b.text.startsWith('Arbeidsuitbuiting')
          ? { ...b, attribution: 'Staatssecretaris van Ark van het ministerie van Sociale Zaken en Werkgelegenheid' }
          : b,
      ),
    ).toContainEqual(expect.stringContaining('attribution'))
    expect(
      alter((b) =>
        b.kind === 'panel'
          ? { ...b, panels: b.panels.map((p) => ({ ...p, members: p.members.filter((m) => m.name !== 'Tazelaar') })) }
          : b,
      ),
    ).toContainEqual(expect.stringContaining('panel'))
    expect(alter((b) => (b.kind === 'actionLines' ? { ...b, lines: b.lines.slice(1) } : b))).toContainEqual(
      expect.stringContaining('action lines'),
    )
    expect(alter((b) => (b.kind === 'quote' && b.text.startsWith('Wereldwijd') ? null : b))).not.toEqual([])
    expect(differences(blocks, 'Het programma is gestart.')).toContainEqual(expect.stringContaining('lead'))
  })
})
