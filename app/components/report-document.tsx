// The report as people read it: the secretariat's preview, the public page and the printed page all render
// this one component from a snapshot. Everything is text — a quote holding "<b>" shows those characters —
// and each quote carries the language it was authorised in.
import { formatDate, formatTime } from '~/domain/format'
import type { Attendance, DocumentEntry, ReportBlock, ReportSnapshot } from '~/domain/report'
import { statementParagraphs } from '~/domain/statement'
import { dictionary } from '~/i18n'
import type { Dictionary } from '~/i18n/nl'
import { Paragraphs } from './paragraphs'

type Lang = 'nl' | 'en'

/** Title and lead in the reader's language where an English version exists; otherwise Dutch, marked as such. */
export function reportTexts(snapshot: Pick<ReportSnapshot, 'title' | 'lead' | 'en'>, lang: Lang) {
  return lang === 'en' && snapshot.en
    ? { title: snapshot.en.title, lead: snapshot.en.lead, lang: 'en' as const }
    : { title: snapshot.title, lead: snapshot.lead, lang: 'nl' as const }
}

export function ReportDocument({
  snapshot,
  lang,
  headingLevel = 1,
  base = '',
}: {
  snapshot: Pick<ReportSnapshot, 'title' | 'lead' | 'en' | 'entries' | 'event'>
  lang: Lang
  /** Put before the report's own links: the app's address in exports, which are read elsewhere. */
  base?: string
  headingLevel?: 1 | 2
}) {
  const texts = reportTexts(snapshot, lang)
  // The document's own language: its generated headings follow the reader only when an English version exists.
  const docT = texts.lang
  const t = dictionary(docT)
  const Title = headingLevel === 1 ? 'h1' : 'h2'
  return (
    <article className="report" lang={docT}>
      <Title>{texts.title}</Title>
      <p className="report__meta">
        {formatDate(new Date(snapshot.event.startsAt), snapshot.event.timeZone, docT)}
        {snapshot.event.venueCity ? `, ${snapshot.event.venueCity}` : ''}
      </p>
      <Paragraphs text={texts.lead} />
      {snapshot.entries.map((entry) => (
        <Entry
          key={entry.type === 'block' ? entry.block.id : entry.id}
          entry={entry}
          t={t}
          lang={docT}
          level={headingLevel + 1}
          base={base}
        />
      ))}
    </article>
  )
}

function Entry({
  entry,
  t,
  lang,
  level,
  base,
}: {
  entry: DocumentEntry
  t: Dictionary
  lang: Lang
  level: number
  base: string
}) {
  if (entry.type === 'paragraph') {
    const english = lang === 'en' && entry.textEn.trim()
    return english ? (
      <Paragraphs text={entry.textEn} />
    ) : (
      <Paragraphs text={entry.text} lang={lang === 'en' ? 'nl' : undefined} />
    )
  }
  return <Block block={entry.block} t={t} lang={lang} level={level} base={base} />
}

function Heading({ level, children }: { level: number; children: string }) {
  return level === 2 ? <h2>{children}</h2> : <h3>{children}</h3>
}

/** "staatssecretaris van Justitie en Veiligheid" already says "Ministerie van Justitie en Veiligheid". */
function namesMinistry(fn: string, ministry: string) {
  return fn.toLowerCase().includes(ministry.toLowerCase().replace(/^ministerie van /, ''))
}

function people(list: Array<{ name: string; function: string }>) {
  return list.map((p) => (p.function ? `${p.name} (${p.function})` : p.name)).join(', ')
}

function Block({
  block,
  t,
  lang,
  level,
  base,
}: {
  block: ReportBlock
  t: Dictionary
  lang: Lang
  level: number
  base: string
}) {
  const d = t.report.doc
  switch (block.kind) {
    case 'opening':
      return (
        <section>
          <Heading level={level}>{d.headings.opening}</Heading>
          <p>
            {block.item ? `${block.item.title}. ` : ''}
            {block.people.length ? d.openedBy(people(block.people)) : ''}
          </p>
        </section>
      )
    case 'panel':
      return (
        <section>
          <Heading level={level}>{d.headings.panel}</Heading>
          {block.panels.map((panel, i) => (
            <div key={i}>
              <p>{panel.title}</p>
              <ul>
                {panel.members.map((m) => (
                  <li key={m.speakerId}>
                    <strong>{m.name}</strong>
                    {m.function ? `, ${m.function}` : ''}
                    {m.ministry && !namesMinistry(m.function, m.ministry) ? ` (${m.ministry})` : ''}
                    {!m.ministry && m.organisation ? ` (${m.organisation})` : ''}
                  </li>
                ))}
              </ul>
              {panel.moderators.length ? <p>{d.moderator(people(panel.moderators))}</p> : null}
            </div>
          ))}
        </section>
      )
    case 'quote':
      return <Quote text={block.text} attribution={block.attribution} language={block.language} />
    case 'actionLines':
      return (
        <section>
          <Heading level={level}>{d.headings.actionLines}</Heading>
          <p>{d.actionLinesIntro}</p>
          <ul>
            {block.lines.map((l) => (
              <li key={l.code}>{d.actionLine(l.code, lang === 'en' && l.titleEn ? l.titleEn : l.title)}</li>
            ))}
          </ul>
        </section>
      )
    case 'attendance':
      return <AttendanceBlock attendance={block} t={t} lang={lang} level={level} />
    case 'photoCredits':
      return <p className="report__credits">{d.credits(block.credits.join(', '))}</p>
    case 'links':
      return (
        <section>
          <Heading level={level}>{d.headings.links}</Heading>
          <ul>
            <li>
              <a href={base + block.programme.path}>
                {d.programme(lang === 'en' && block.programme.nameEn ? block.programme.nameEn : block.programme.name)}
              </a>
            </li>
          </ul>
          {block.nextEvents.length ? (
            <>
              <p>{d.nextEvents}</p>
              <ul>
                {block.nextEvents.map((e) => (
                  <li key={e.path}>
                    <a href={base + e.path}>{e.title}</a>, {formatDate(new Date(e.startsAt), e.timeZone, lang)}{' '}
                    {formatTime(new Date(e.startsAt), e.timeZone, lang)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      )
  }
}

/** The attribution, then the quote in Dutch quotation marks („…”), paragraphs and line breaks as authorised. */
export function Quote({ text, attribution, language }: { text: string; attribution: string; language: Lang }) {
  const paragraphs = statementParagraphs(text)
  return (
    <figure className="report__quote">
      <figcaption>{attribution}:</figcaption>
      <blockquote lang={language}>
        {paragraphs.map((lines, i) => (
          <p key={i}>
            {i === 0 ? '„' : ''}
            {lines.map((line, j) => (
              <span key={j}>
                {j > 0 ? <br /> : null}
                {line}
              </span>
            ))}
            {i === paragraphs.length - 1 ? '”' : ''}
          </p>
        ))}
      </blockquote>
    </figure>
  )
}

function AttendanceBlock({
  attendance: a,
  t,
  lang,
  level,
}: {
  attendance: Attendance
  t: Dictionary
  lang: Lang
  level: number
}) {
  const d = t.report.doc
  const sectorRows = [
    ...a.bySector.map((r) => ({ label: t.sectors[r.sector], registered: r.registered, checkedIn: r.checkedIn })),
    ...(a.otherSectors ? [{ label: d.otherSectors(a.otherSectors.count), ...a.otherSectors }] : []),
  ]
  const organisationRows = [
    ...a.byOrganisation.map((r) => ({ label: r.name, registered: r.registered, checkedIn: r.checkedIn })),
    ...(a.otherOrganisations
      ? [{ label: d.otherOrganisations(a.otherOrganisations.count), ...a.otherOrganisations }]
      : []),
  ]
  const number = (n: number) => n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB')
  return (
    <section>
      <Heading level={level}>{d.headings.attendance}</Heading>
      <p>{d.totals(a)}</p>
      {sectorRows.length ? (
        <>
          <SectorChart rows={sectorRows} t={t} />
          <CountTable caption={d.bySector} first={d.columns.sector} rows={sectorRows} t={t} number={number} />
        </>
      ) : null}
      {organisationRows.length ? (
        <CountTable
          caption={d.byOrganisation}
          first={d.columns.organisation}
          rows={organisationRows}
          t={t}
          number={number}
        />
      ) : null}
      <p className="muted">{d.smallGroups(a.threshold)}</p>
    </section>
  )
}

type CountRowView = { label: string; registered: number; checkedIn: number }

function CountTable({
  caption,
  first,
  rows,
  t,
  number,
}: {
  caption: string
  first: string
  rows: CountRowView[]
  t: Dictionary
  number: (n: number) => string
}) {
  const c = t.report.doc.columns
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col" className="numeric">
              {c.registered}
            </th>
            <th scope="col" className="numeric">
              {c.checkedIn}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td className="numeric">{number(r.registered)}</td>
              <td className="numeric">{number(r.checkedIn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Bars of those present per sector; the table beside it holds the same figures, the description says them. */
function SectorChart({ rows, t }: { rows: CountRowView[]; t: Dictionary }) {
  const d = t.report.doc
  return (
    <AttendanceChart
      id="verslag-grafiek"
      rows={rows}
      title={d.chartTitle}
      description={d.chartDescription(rows.map((r) => `${r.label} ${r.checkedIn}`).join(', '))}
    />
  )
}

/**
 * Bars of those present per row, as an image with a title and a description that says every figure (the
 * programme view uses it too). `id` makes the title and description ids unique on the page.
 */
export function AttendanceChart({
  id,
  rows,
  title,
  description,
}: {
  id: string
  rows: CountRowView[]
  title: string
  description: string
}) {
  const max = Math.max(1, ...rows.map((r) => r.checkedIn))
  const rowHeight = 28
  const labelWidth = 260
  const barWidth = 300
  const height = rows.length * rowHeight + 8
  return (
    <svg
      className="report__chart"
      role="img"
      aria-labelledby={`${id}-titel ${id}-beschrijving`}
      viewBox={`0 0 ${labelWidth + barWidth + 60} ${height}`}
      width="100%"
    >
      <title id={`${id}-titel`}>{title}</title>
      <desc id={`${id}-beschrijving`}>{description}</desc>
      {rows.map((r, i) => {
        const y = i * rowHeight + 4
        const width = Math.round((r.checkedIn / max) * barWidth)
        return (
          <g key={`${i}-${r.label}`} aria-hidden="true">
            <text x={labelWidth - 8} y={y + 17} textAnchor="end" fontSize="14" fill="currentColor">
              {r.label}
            </text>
            <rect x={labelWidth} y={y + 4} width={Math.max(width, 1)} height={18} fill="#154273" />
            <text x={labelWidth + width + 6} y={y + 17} fontSize="14" fill="currentColor">
              {r.checkedIn}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

// The link to the other language is named in that language, as language switches are.
const VERSION_IN_ITS_LANGUAGE = { nl: 'Nederlandse versie', en: 'English version' }

/** A published version with its place in the history: which version, when, and links to the others. */
export function PublishedReportView({
  slug,
  snapshot,
  latest,
  versions,
  lang,
  history = true,
}: {
  slug: string
  snapshot: ReportSnapshot
  latest: number
  versions: Array<{ version: number; publishedAt: string | Date }>
  lang: Lang
  /** Links to the other versions: on the public pages, not behind a partner's personal link. */
  history?: boolean
}) {
  const d = dictionary(lang).report.doc
  const at = (date: string | Date) => formatDate(new Date(date), snapshot.event.timeZone, lang)
  const others = history ? versions.filter((v) => v.version !== snapshot.version) : []
  const path = (version: number) => (version === latest ? `/verslagen/${slug}` : `/verslagen/${slug}/versie/${version}`)
  return (
    <>
      {snapshot.version !== latest ? (
        <p className="notice" role="status">
          {d.olderVersion(snapshot.version)} <a href={path(latest)}>{d.latestVersion}</a>
        </p>
      ) : null}
      {snapshot.en ? (
        <p>
          {lang === 'en' ? (
            <a href="?lang=nl" hrefLang="nl" lang="nl">
              {VERSION_IN_ITS_LANGUAGE.nl}
            </a>
          ) : (
            <a href="?lang=en" hrefLang="en" lang="en">
              {VERSION_IN_ITS_LANGUAGE.en}
            </a>
          )}
        </p>
      ) : null}
      <ReportDocument snapshot={snapshot} lang={lang} />
      <p className="muted">{d.version(snapshot.version, at(snapshot.publishedAt))}</p>
      {others.length ? (
        <nav aria-labelledby="verslag-versies">
          <h2 id="verslag-versies">{d.history}</h2>
          <ul>
            {others.map((v) => (
              <li key={v.version}>
                <a href={path(v.version)}>{d.version(v.version, at(v.publishedAt))}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </>
  )
}
