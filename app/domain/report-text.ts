// A published report as an outline of headings, paragraphs, quotes, lists and tables: what the Markdown,
// plain-text and Word exports are written from, so that they say the same as the page. Pure. Quote text is
// carried as authorised, split only at its own line breaks; each format escapes it for itself.
import { en } from '~/i18n/en'
import { nl } from '~/i18n/nl'
import { formatDate, formatTime } from './format'
import type { Attendance, ReportBlock, ReportSnapshot } from './report'
import { statementParagraphs } from './statement'

type Lang = 'nl' | 'en'
const dictionary = (lang: Lang) => (lang === 'en' ? en : nl)

export type OutlineNode =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; lines: string[]; lang?: Lang }
  | { kind: 'quote'; attribution: string; paragraphs: string[][]; lang: Lang }
  | { kind: 'list'; items: Array<{ text: string; url?: string }> }
  | { kind: 'table'; caption: string; header: string[]; rows: string[][] }

const textParagraphs = (text: string) => statementParagraphs(text)

/** The report in the reader's language where an English version exists (quotes stay as authorised). */
export function reportOutline(snapshot: ReportSnapshot, lang: Lang, base: string): OutlineNode[] {
  const docLang: Lang = lang === 'en' && snapshot.en ? 'en' : 'nl'
  const t = dictionary(docLang)
  const d = t.report.doc
  const title = docLang === 'en' ? snapshot.en!.title : snapshot.title
  const lead = docLang === 'en' ? snapshot.en!.lead : snapshot.lead
  const e = snapshot.event
  const nodes: OutlineNode[] = [
    { kind: 'heading', level: 1, text: title },
    {
      kind: 'paragraph',
      lines: [`${formatDate(new Date(e.startsAt), e.timeZone, docLang)}${e.venueCity ? `, ${e.venueCity}` : ''}`],
    },
    ...textParagraphs(lead).map((lines): OutlineNode => ({ kind: 'paragraph', lines })),
  ]
  for (const entry of snapshot.entries) {
    if (entry.type === 'paragraph') {
      const english = docLang === 'en' && entry.textEn.trim()
      for (const lines of textParagraphs(english ? entry.textEn : entry.text)) {
        nodes.push({ kind: 'paragraph', lines, lang: english ? 'en' : 'nl' })
      }
      continue
    }
    nodes.push(...blockNodes(entry.block, docLang, base))
  }
  nodes.push({
    kind: 'paragraph',
    lines: [d.version(snapshot.version, formatDate(new Date(snapshot.publishedAt), e.timeZone, docLang))],
  })
  return nodes
}

const person = (p: { name: string; function: string }) => (p.function ? `${p.name} (${p.function})` : p.name)

function blockNodes(block: ReportBlock, lang: Lang, base: string): OutlineNode[] {
  const t = dictionary(lang)
  const d = t.report.doc
  switch (block.kind) {
    case 'opening':
      return [
        { kind: 'heading', level: 2, text: d.headings.opening },
        {
          kind: 'paragraph',
          lines: [
            [
              block.item ? `${block.item.title}.` : '',
              block.people.length ? d.openedBy(block.people.map(person).join(', ')) : '',
            ]
              .filter(Boolean)
              .join(' '),
          ],
        },
      ]
    case 'panel':
      return [
        { kind: 'heading', level: 2, text: d.headings.panel },
        ...block.panels.flatMap((panel): OutlineNode[] => [
          { kind: 'paragraph', lines: [panel.title] },
          {
            kind: 'list',
            items: panel.members.map((m) => ({
              text: [m.name, m.function, !m.function && m.organisation ? m.organisation : '']
                .filter(Boolean)
                .join(', '),
            })),
          },
          ...(panel.moderators.length
            ? [{ kind: 'paragraph', lines: [d.moderator(panel.moderators.map(person).join(', '))] } as OutlineNode]
            : []),
        ]),
      ]
    case 'quote':
      return [
        {
          kind: 'quote',
          attribution: block.attribution,
          paragraphs: statementParagraphs(block.text),
          lang: block.language,
        },
      ]
    case 'actionLines':
      return [
        { kind: 'heading', level: 2, text: d.headings.actionLines },
        { kind: 'paragraph', lines: [d.actionLinesIntro] },
        {
          kind: 'list',
          items: block.lines.map((l) => ({
            text: d.actionLine(l.code, lang === 'en' && l.titleEn ? l.titleEn : l.title),
          })),
        },
      ]
    case 'attendance':
      return attendanceNodes(block, lang)
    case 'photoCredits':
      return [{ kind: 'paragraph', lines: [d.credits(block.credits.join(', '))] }]
    case 'links':
      return [
        { kind: 'heading', level: 2, text: d.headings.links },
        {
          kind: 'list',
          items: [
            {
              text: d.programme(
                lang === 'en' && block.programme.nameEn ? block.programme.nameEn : block.programme.name,
              ),
              url: base + block.programme.path,
            },
            ...block.nextEvents.map((e) => ({
              text: `${e.title}, ${formatDate(new Date(e.startsAt), e.timeZone, lang)} ${formatTime(new Date(e.startsAt), e.timeZone, lang)}`,
              url: base + e.path,
            })),
          ],
        },
      ]
  }
}

/** The attendance figures and tables, with the small groups only counted (as on the page). */
export function attendanceTables(a: Attendance, lang: Lang) {
  const t = dictionary(lang)
  const d = t.report.doc
  const number = (n: number) => n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB')
  const row = (label: string, r: { registered: number; checkedIn: number }) => [
    label,
    number(r.registered),
    number(r.checkedIn),
  ]
  return {
    sectors: {
      caption: d.bySector,
      header: [d.columns.sector, d.columns.registered, d.columns.checkedIn],
      rows: [
        ...a.bySector.map((r) => row(t.sectors[r.sector], r)),
        ...(a.otherSectors ? [row(d.otherSectors(a.otherSectors.count), a.otherSectors)] : []),
      ],
    },
    organisations: {
      caption: d.byOrganisation,
      header: [d.columns.organisation, d.columns.registered, d.columns.checkedIn],
      rows: [
        ...a.byOrganisation.map((r) => row(r.name, r)),
        ...(a.otherOrganisations ? [row(d.otherOrganisations(a.otherOrganisations.count), a.otherOrganisations)] : []),
      ],
    },
  }
}

function attendanceNodes(a: Attendance, lang: Lang): OutlineNode[] {
  const d = dictionary(lang).report.doc
  const { sectors, organisations } = attendanceTables(a, lang)
  return [
    { kind: 'heading', level: 2, text: d.headings.attendance },
    { kind: 'paragraph', lines: [d.totals(a)] },
    ...(sectors.rows.length ? [{ kind: 'table', ...sectors } as OutlineNode] : []),
    ...(organisations.rows.length ? [{ kind: 'table', ...organisations } as OutlineNode] : []),
    { kind: 'paragraph', lines: [d.smallGroups(a.threshold)] },
  ]
}

// ─── Markdown ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Every character Markdown (CommonMark, GFM tables) could read as markup or HTML escaped, and a list, quote or
 * heading marker at the start of a line: text stays text.
 */
export function escapeMarkdown(text: string) {
  return text
    .replace(/[\\`*_{}[\]<>#|~&]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+=]|\d+(?=[.)]))/gm, (_, space: string, marker: string) =>
      /\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`,
    )
}

/** Lines of one paragraph, joined by hard line breaks (a backslash at the end of the line). */
const mdLines = (lines: string[]) => lines.map(escapeMarkdown).join('\\\n')

export function reportMarkdown(snapshot: ReportSnapshot, lang: Lang, base: string) {
  return (
    reportOutline(snapshot, lang, base)
      .map((node) => {
        switch (node.kind) {
          case 'heading':
            return `${'#'.repeat(node.level)} ${escapeMarkdown(node.text)}`
          case 'paragraph':
            return mdLines(node.lines)
          case 'quote': {
            const body = node.paragraphs.map((lines, i) => {
              const marked = [...lines]
              if (i === 0) marked[0] = `„${marked[0]}`
              if (i === node.paragraphs.length - 1) marked[marked.length - 1] = `${marked[marked.length - 1]}”`
              return mdLines(marked)
                .split('\n')
                .map((l) => `> ${l}`)
                .join('\n')
            })
            return `${escapeMarkdown(node.attribution)}:\n\n${body.join('\n>\n')}`
          }
          case 'list':
            return node.items
              .map(
                (item) => `- ${item.url ? `[${escapeMarkdown(item.text)}](<${item.url}>)` : escapeMarkdown(item.text)}`,
              )
              .join('\n')
          case 'table': {
            const cell = (c: string) => escapeMarkdown(c)
            return [
              `*${escapeMarkdown(node.caption)}*`,
              '',
              `| ${node.header.map(cell).join(' | ')} |`,
              `| ${node.header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
              ...node.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
            ].join('\n')
          }
        }
      })
      .join('\n\n') + '\n'
  )
}

// ─── Plain text ───────────────────────────────────────────────────────────────────────────────────────────

/** Plain text for pasting into a CMS: no markup at all, blank lines between paragraphs. */
export function reportPlainText(snapshot: ReportSnapshot, lang: Lang, base: string) {
  return (
    reportOutline(snapshot, lang, base)
      .map((node) => {
        switch (node.kind) {
          case 'heading':
            return node.text
          case 'paragraph':
            return node.lines.join('\n')
          case 'quote':
            return `${node.attribution}:\n\n„${node.paragraphs.map((lines) => lines.join('\n')).join('\n\n')}”`
          case 'list':
            return node.items.map((item) => `- ${item.text}${item.url ? ` (${item.url})` : ''}`).join('\n')
          case 'table':
            return [node.caption, node.header.join('\t'), ...node.rows.map((r) => r.join('\t'))].join('\n')
        }
      })
      .join('\n\n') + '\n'
  )
}
