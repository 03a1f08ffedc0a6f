// The post-event report, composed from an event's data: pure, no IO. The model gathers the data (the quotes
// from publishableQuotes and nothing else); this file turns it into blocks, a suggested title and lead, the
// secretariat's arrangement of those blocks with its own paragraphs, and the warnings to read before
// publishing. Everything here is plain JSON (dates as ISO strings), so a published version can be stored as it
// is and never depends on the data it came from again.
import { DateTime } from 'luxon'
import type { SectorKey } from './sectors'
import type { ExclusionReason } from './statement'

export type Lang = 'nl' | 'en'

/** Groups (organisations, sectors) with fewer people than this are shown only as a count, never by name. */
export const SMALL_GROUP_THRESHOLD = 3

// ─── Input ────────────────────────────────────────────────────────────────────────────────────────────────

export type ReportSpeaker = {
  id: string
  honorific: string
  name: string
  function: string
  organisation: { name: string; sector: SectorKey } | null
  consentPublishName: boolean
}

export type ReportSource = {
  event: {
    slug: string
    title: string
    startsAt: Date
    timeZone: string
    venueName: string
    venueCity: string
  }
  programme: { slug: string; name: string; nameEn: string | null }
  /** In agenda order; participants in their order. */
  agenda: Array<{
    id: string
    kind: string
    title: string
    startsAt: Date
    actionLineIds: string[]
    participants: Array<{ speakerId: string; role: 'speaker' | 'moderator' | 'panelist' | 'host'; status: string }>
  }>
  speakers: ReportSpeaker[]
  /** From publishableQuotes: authorised, consented, embargo passed, in agenda order. */
  quotes: Array<{
    statementId: string
    versionId: string
    text: string
    language: Lang
    attribution: string
    speakerId: string
    agendaItemId: string | null
  }>
  /** From publishableQuotes: the quotes left out, each with its reason. */
  excluded: Array<{
    statementId: string
    speakerId: string
    speakerName: string
    reason: ExclusionReason
    embargoUntil: Date | null
  }>
  /** The programme's action lines in their order. */
  actionLines: Array<{ id: string; code: string; title: string; titleEn: string | null }>
  attendance: {
    /** Invitations sent and not revoked. */
    invited: number
    /** Confirmed registrations per organisation (null: registered without a known organisation). */
    organisations: Array<{ name: string | null; sector: SectorKey | null; registered: number; checkedIn: number }>
  }
  photoCredits: string[]
  /** The programme's events after this one, in date order. */
  nextEvents: Array<{ slug: string; title: string; startsAt: Date; timeZone: string }>
}

// ─── Blocks ───────────────────────────────────────────────────────────────────────────────────────────────

export type ReportPerson = {
  speakerId: string
  /** Honorific and name, capitalised: "Staatssecretaris Van Ark". */
  name: string
  function: string
  organisation: string | null
  /** The ministry the person speaks for, when their organisation is one: "Ministerie van Buitenlandse Zaken". */
  ministry: string | null
}

export type CountRow = { registered: number; checkedIn: number }
export type Attendance = {
  invited: number
  registered: number
  checkedIn: number
  noShows: number
  threshold: number
  bySector: Array<{ sector: SectorKey } & CountRow>
  /** Sectors below the threshold, together: how many, and their people. */
  otherSectors: ({ count: number } & CountRow) | null
  byOrganisation: Array<{ name: string; sector: SectorKey } & CountRow>
  /** Organisations below the threshold (and registrations without one), together. */
  otherOrganisations: ({ count: number } & CountRow) | null
}

export type ReportBlock =
  | { id: 'opening'; kind: 'opening'; item: { title: string; startsAt: string } | null; people: ReportPerson[] }
  | {
      id: 'panel'
      kind: 'panel'
      panels: Array<{ title: string; members: ReportPerson[]; moderators: ReportPerson[] }>
    }
  | {
      id: `quote:${string}`
      kind: 'quote'
      statementId: string
      versionId: string
      /** Exactly as authorised. */
      text: string
      language: Lang
      /** As the speaker chose: "Staatssecretaris Van Ark van het ministerie van Sociale Zaken en Werkgelegenheid". */
      attribution: string
      speakerId: string
      agendaItemTitle: string | null
    }
  | {
      id: 'action-lines'
      kind: 'actionLines'
      lines: Array<{ code: string; title: string; titleEn: string | null }>
    }
  | ({ id: 'attendance'; kind: 'attendance' } & Attendance)
  | { id: 'photo-credits'; kind: 'photoCredits'; credits: string[] }
  | {
      id: 'links'
      kind: 'links'
      programme: { name: string; nameEn: string | null; path: string }
      nextEvents: Array<{ title: string; path: string; startsAt: string; timeZone: string }>
    }

export type BlockKind = ReportBlock['kind']

/** "Staatssecretaris Harbers": the honorific before the name, capitalised at the start. */
export function displayName(s: { honorific: string; name: string }) {
  const full = [s.honorific, s.name].filter(Boolean).join(' ')
  return full.charAt(0).toUpperCase() + full.slice(1)
}

function ministryOf(organisation: ReportSpeaker['organisation']) {
  return organisation && organisation.sector === 'rijksoverheid' && /^ministerie\b/i.test(organisation.name)
    ? organisation.name
    : null
}

function personOf(s: ReportSpeaker): ReportPerson {
  return {
    speakerId: s.id,
    name: displayName(s),
    function: s.function,
    organisation: s.organisation?.name ?? null,
    ministry: ministryOf(s.organisation),
  }
}

/** Sums, the small-group rule and the order of the attendance table. */
export function summariseAttendance(input: ReportSource['attendance'], threshold = SMALL_GROUP_THRESHOLD): Attendance {
  const sum = (rows: CountRow[]) =>
    rows.reduce((acc, r) => ({ registered: acc.registered + r.registered, checkedIn: acc.checkedIn + r.checkedIn }), {
      registered: 0,
      checkedIn: 0,
    })
  // A group is named only when every count shown for it is large enough not to point at one person (a group
  // where nobody checked in says nothing about anyone).
  const large = (r: CountRow) => r.registered >= threshold && (r.checkedIn === 0 || r.checkedIn >= threshold)
  const rows = input.organisations.filter((r) => r.registered > 0 || r.checkedIn > 0)
  const total = sum(rows)

  const sectors = new Map<SectorKey, CountRow>()
  for (const r of rows) {
    const key = r.sector ?? 'overig'
    const acc = sectors.get(key) ?? { registered: 0, checkedIn: 0 }
    sectors.set(key, { registered: acc.registered + r.registered, checkedIn: acc.checkedIn + r.checkedIn })
  }
  const sectorRows = [...sectors].map(([sector, counts]) => ({ sector, ...counts }))
  const bigSectors = sectorRows.filter(large).sort((a, b) => b.registered - a.registered)
  const smallSectors = sectorRows.filter((r) => !large(r))

  const named = rows.filter((r): r is typeof r & { name: string; sector: SectorKey } => !!r.name && large(r))
  const unnamed = rows.filter((r) => !named.includes(r as (typeof named)[number]))
  const collator = new Intl.Collator('nl')
  return {
    invited: input.invited,
    registered: total.registered,
    checkedIn: total.checkedIn,
    noShows: Math.max(0, total.registered - total.checkedIn),
    threshold,
    bySector: bigSectors,
    otherSectors: smallSectors.length ? { count: smallSectors.length, ...sum(smallSectors) } : null,
    byOrganisation: named
      .map((r) => ({ name: r.name, sector: r.sector, registered: r.registered, checkedIn: r.checkedIn }))
      .sort((a, b) => b.registered - a.registered || collator.compare(a.name, b.name)),
    otherOrganisations: unnamed.length ? { count: unnamed.filter((r) => r.name).length, ...sum(unnamed) } : null,
  }
}

/** The generated blocks in their default order: opening, panel, quotes in agenda order, action lines, … */
export function composeBlocks(source: ReportSource): ReportBlock[] {
  const speakers = new Map(source.speakers.map((s) => [s.id, s]))
  // Someone who did not consent to their name being published is not named (a warning says so).
  const people = (ids: string[]) =>
    ids
      .map((id) => speakers.get(id))
      .filter((s): s is ReportSpeaker => !!s && s.consentPublishName)
      .map(personOf)
  const present = (p: { status: string }) => p.status !== 'declined'

  const openingItem = source.agenda.find((i) => i.kind === 'opening') ?? null
  const opening: ReportBlock = {
    id: 'opening',
    kind: 'opening',
    item: openingItem ? { title: openingItem.title, startsAt: openingItem.startsAt.toISOString() } : null,
    people: openingItem
      ? people(
          openingItem.participants
            .filter((p) => present(p) && (p.role === 'speaker' || p.role === 'host'))
            .map((p) => p.speakerId),
        )
      : [],
  }

  const panel: ReportBlock = {
    id: 'panel',
    kind: 'panel',
    panels: source.agenda
      .filter((i) => i.kind === 'panel')
      .map((i) => ({
        title: i.title,
        members: people(i.participants.filter((p) => present(p) && p.role !== 'moderator').map((p) => p.speakerId)),
        moderators: people(i.participants.filter((p) => present(p) && p.role === 'moderator').map((p) => p.speakerId)),
      }))
      .filter((p) => p.members.length || p.moderators.length),
  }

  const itemTitles = new Map(source.agenda.map((i) => [i.id, i.title]))
  const quotes: ReportBlock[] = source.quotes.map((q) => ({
    id: `quote:${q.statementId}`,
    kind: 'quote',
    statementId: q.statementId,
    versionId: q.versionId,
    text: q.text,
    language: q.language,
    attribution: q.attribution,
    speakerId: q.speakerId,
    agendaItemTitle: q.agendaItemId ? (itemTitles.get(q.agendaItemId) ?? null) : null,
  }))

  const touched = new Set(source.agenda.flatMap((i) => i.actionLineIds))
  const actionLines: ReportBlock = {
    id: 'action-lines',
    kind: 'actionLines',
    lines: source.actionLines
      .filter((l) => touched.has(l.id))
      .map((l) => ({ code: l.code, title: l.title, titleEn: l.titleEn })),
  }

  const credits = [...new Set(source.photoCredits.map((c) => c.trim()).filter(Boolean))]
  return [
    opening,
    panel,
    ...quotes,
    actionLines,
    { id: 'attendance', kind: 'attendance', ...summariseAttendance(source.attendance) },
    { id: 'photo-credits', kind: 'photoCredits', credits },
    {
      id: 'links',
      kind: 'links',
      programme: {
        name: source.programme.name,
        nameEn: source.programme.nameEn,
        path: `/programmas/${source.programme.slug}`,
      },
      nextEvents: source.nextEvents.map((e) => ({
        title: e.title,
        path: `/bijeenkomsten/${e.slug}`,
        startsAt: e.startsAt.toISOString(),
        timeZone: e.timeZone,
      })),
    },
  ]
}

/** True when a block has nothing to show. */
export function blockIsEmpty(block: ReportBlock) {
  switch (block.kind) {
    case 'opening':
      return !block.item && block.people.length === 0
    case 'panel':
      return block.panels.length === 0
    case 'quote':
      return !block.text.trim()
    case 'actionLines':
      return block.lines.length === 0
    case 'attendance':
      return block.invited === 0 && block.registered === 0
    case 'photoCredits':
      return block.credits.length === 0
    case 'links':
      return false
  }
}

// ─── Title and lead ───────────────────────────────────────────────────────────────────────────────────────

/** The first person who opened the event, if the opening names one. */
function opener(blocks: ReportBlock[]) {
  const opening = blocks.find((b) => b.kind === 'opening')
  return opening?.kind === 'opening' ? (opening.people[0] ?? null) : null
}

export function suggestTitle(source: ReportSource) {
  return source.event.title
}

/**
 * "Het programma Samen tegen mensenhandel is op 4 december formeel gestart. Staatssecretaris Harbers opende de
 * bijeenkomst in Den Haag."
 */
export function suggestLead(source: ReportSource, blocks = composeBlocks(source)) {
  const day = DateTime.fromJSDate(source.event.startsAt, { zone: source.event.timeZone })
    .setLocale('nl-NL')
    .toFormat('d MMMM')
  const first = /^formele start\b/i.test(source.event.title)
    ? `Het programma ${source.programme.name} is op ${day} formeel gestart.`
    : `Op ${day} kwamen de partners van het programma ${source.programme.name} bijeen: ${source.event.title}.`
  const city = source.event.venueCity.trim()
  const who = opener(blocks)
  const second = who
    ? `${who.name} opende de bijeenkomst${city ? ` in ${city}` : ''}.`
    : city
      ? `De bijeenkomst vond plaats in ${city}.`
      : ''
  return [first, second].filter(Boolean).join(' ')
}

// ─── Warnings ─────────────────────────────────────────────────────────────────────────────────────────────

export type ReportWarning =
  /** A speaker on the agenda whose quote is not (yet) authorised, was withdrawn, or was never asked for. */
  | {
      code: 'speaker-without-quote'
      speakerId: string
      speakerName: string
      reason: 'not-authorised' | 'withdrawn' | 'no-statement'
    }
  | { code: 'quote-embargoed'; speakerId: string; speakerName: string; embargoUntil: string | null }
  | { code: 'missing-consent'; speakerId: string; speakerName: string; consent: 'quotes' | 'name' }
  | { code: 'empty-block'; block: BlockKind }

/** What to read before publishing: every quote left out and why, missing consent, and blocks without data. */
export function reportWarnings(source: ReportSource, blocks = composeBlocks(source)): ReportWarning[] {
  const warnings: ReportWarning[] = []
  for (const e of source.excluded) {
    if (e.reason === 'embargoed') {
      warnings.push({
        code: 'quote-embargoed',
        speakerId: e.speakerId,
        speakerName: e.speakerName,
        embargoUntil: e.embargoUntil?.toISOString() ?? null,
      })
    } else if (e.reason === 'no-consent') {
      warnings.push({ code: 'missing-consent', speakerId: e.speakerId, speakerName: e.speakerName, consent: 'quotes' })
    } else {
      warnings.push({
        code: 'speaker-without-quote',
        speakerId: e.speakerId,
        speakerName: e.speakerName,
        reason: e.reason,
      })
    }
  }
  // Speakers who take part but have no statement at all; moderators and hosts are not expected to give one.
  const withStatement = new Set([...source.quotes, ...source.excluded].map((q) => q.speakerId))
  const speakers = new Map(source.speakers.map((s) => [s.id, s]))
  const onAgenda = new Set<string>()
  for (const item of source.agenda) {
    for (const p of item.participants) {
      if (p.status === 'declined') continue
      const s = speakers.get(p.speakerId)
      if (!s || onAgenda.has(s.id)) continue
      onAgenda.add(s.id)
      if (!s.consentPublishName) {
        warnings.push({ code: 'missing-consent', speakerId: s.id, speakerName: displayName(s), consent: 'name' })
      }
      if ((p.role === 'speaker' || p.role === 'panelist') && !withStatement.has(s.id)) {
        warnings.push({
          code: 'speaker-without-quote',
          speakerId: s.id,
          speakerName: displayName(s),
          reason: 'no-statement',
        })
      }
    }
  }
  const kinds = new Set<BlockKind>()
  for (const block of blocks) {
    if (blockIsEmpty(block) && !kinds.has(block.kind)) {
      kinds.add(block.kind)
      warnings.push({ code: 'empty-block', block: block.kind })
    }
  }
  if (!blocks.some((b) => b.kind === 'quote')) warnings.push({ code: 'empty-block', block: 'quote' })
  return warnings
}

// ─── Arrangement ──────────────────────────────────────────────────────────────────────────────────────────

/** The secretariat's arrangement: generated blocks kept or left out, in its order, with its own paragraphs. */
export type LayoutEntry =
  { type: 'block'; id: string; included: boolean } | { type: 'paragraph'; id: string; text: string; textEn: string }

export type DocumentEntry =
  { type: 'block'; block: ReportBlock } | { type: 'paragraph'; id: string; text: string; textEn: string }

export function defaultLayout(blocks: ReportBlock[]): LayoutEntry[] {
  return blocks.map((b) => ({ type: 'block', id: b.id, included: true }))
}

/**
 * The layout completed with what the data has now: a block the layout does not know yet (a quote authorised
 * after the draft was saved) goes right after the block it follows in the default order; a block whose data is
 * gone (a withdrawn quote) drops out.
 */
export function mergeLayout(blocks: ReportBlock[], layout: LayoutEntry[]): LayoutEntry[] {
  const ids = new Set<string>(blocks.map((b) => b.id))
  const merged: LayoutEntry[] = layout.filter((e) => e.type === 'paragraph' || ids.has(e.id))
  const known = new Set(merged.filter((e) => e.type === 'block').map((e) => e.id))
  blocks.forEach((block, index) => {
    if (known.has(block.id)) return
    let at = 0
    for (let i = index - 1; i >= 0; i--) {
      const position = merged.findIndex((e) => e.type === 'block' && e.id === blocks[i]!.id)
      if (position >= 0) {
        at = position + 1
        break
      }
    }
    merged.splice(at, 0, { type: 'block', id: block.id, included: true })
    known.add(block.id)
  })
  return merged
}

/** The report as it reads: included blocks and paragraphs in the layout's order. */
export function arrange(blocks: ReportBlock[], layout: LayoutEntry[]): DocumentEntry[] {
  const byId = new Map<string, ReportBlock>(blocks.map((b) => [b.id, b]))
  const entries: DocumentEntry[] = []
  for (const e of mergeLayout(blocks, layout)) {
    if (e.type === 'paragraph') {
      if (e.text.trim() || e.textEn.trim()) entries.push(e)
      continue
    }
    const block = byId.get(e.id)
    if (block && e.included && !blockIsEmpty(block)) entries.push({ type: 'block', block })
  }
  return entries
}

/** Moves the entry `id` one place up or down; unknown ids and moves past either end change nothing. */
export function moveEntry(layout: LayoutEntry[], id: string, direction: 'up' | 'down'): LayoutEntry[] {
  const index = layout.findIndex((e) => e.id === id)
  const to = direction === 'up' ? index - 1 : index + 1
  if (index < 0 || to < 0 || to >= layout.length) return layout
  const next = [...layout]
  ;[next[index], next[to]] = [next[to]!, next[index]!]
  return next
}

// ─── The frozen version ───────────────────────────────────────────────────────────────────────────────────

/** What a published version holds: everything its pages and exports show, and nothing they must look up. */
export type ReportSnapshot = {
  version: number
  publishedAt: string
  title: string
  lead: string
  /** Present when the secretariat wrote an English title and lead. */
  en: { title: string; lead: string } | null
  event: Omit<ReportSource['event'], 'startsAt'> & { startsAt: string }
  entries: DocumentEntry[]
}

export function snapshotOf(input: {
  version: number
  publishedAt: Date
  title: string
  lead: string
  titleEn: string
  leadEn: string
  source: ReportSource
  layout: LayoutEntry[]
}): ReportSnapshot {
  const blocks = composeBlocks(input.source)
  const e: ReportSource['event'] = input.source.event
  return {
    version: input.version,
    publishedAt: input.publishedAt.toISOString(),
    title: input.title.trim(),
    lead: input.lead.trim(),
    en: input.titleEn.trim() && input.leadEn.trim() ? { title: input.titleEn.trim(), lead: input.leadEn.trim() } : null,
    event: { ...e, startsAt: e.startsAt.toISOString() },
    entries: arrange(blocks, input.layout),
  }
}
