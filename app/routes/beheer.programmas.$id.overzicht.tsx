import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { AttendanceChart, Quote } from '~/components/report-document'
import { formatDate } from '~/domain/format'
import { metaTitle, useLang, useT } from '~/i18n'
import { programmeOverview } from '~/models/programme-overview.server'
import styles from '~/styles/report.css?url'
import { can, requirePermission } from '~/utils/permissions.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.programmeOverview.pageTitle)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read')
  const overview = await programmeOverview(params.id ?? '')
  if (!overview) throw new Response('Not found', { status: 404 })
  return { overview, canEdit: can(user, 'edit') }
}

/** A table that may scroll sideways: a named region that takes keyboard focus, so it can be scrolled by keys. */
function TableWrap({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    // axe asks that a scrollable region take focus (scrollable-region-focusable); a named region may.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  )
}

export default function ProgrammeOverviewPage() {
  const t = useT()
  const lang = useLang()
  const p = t.programmeOverview
  const c = p.columns
  const { overview: o, canEdit } = useLoaderData<typeof loader>()
  const name = lang === 'en' && o.programme.nameEn ? o.programme.nameEn : o.programme.name
  const number = (n: number) => n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB')
  const date = (iso: string, zone: string) => formatDate(new Date(iso), zone, lang)
  const pair = (cell: { registered: number; checkedIn: number } | null) =>
    cell ? `${number(cell.registered)} / ${number(cell.checkedIn)}` : '–'
  const base = `/beheer/programmas/${o.programme.id}`
  return (
    <div className="report report--wide">
      <p>
        <Link to={canEdit ? base : '/beheer/programmas'}>{canEdit ? p.back : t.programmesAdmin.title}</Link>
      </p>
      <h1>{p.title(name)}</h1>
      <p>{p.intro}</p>
      <section aria-labelledby="downloads">
        <h2 id="downloads">{p.downloads}</h2>
        <ul>
          <li>
            <a href={`${base}/overzicht.xlsx?taal=${lang}`} download>
              {p.downloadXlsx}
            </a>
          </li>
          <li>
            <a href={`${base}/overzicht.docx?taal=${lang}`} download>
              {p.downloadDocx}
            </a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="bijeenkomsten">
        <h2 id="bijeenkomsten">{p.headings.events}</h2>
        {o.events.length ? (
          <>
            <AttendanceChart
              id="overzicht-grafiek"
              rows={o.events.map((e) => ({ label: date(e.startsAt, e.timeZone), ...e.attendance }))}
              title={p.chartTitle}
              description={p.chartDescription(
                o.events
                  .map((e) => `${e.title} (${date(e.startsAt, e.timeZone)}) ${e.attendance.checkedIn}`)
                  .join(', '),
              )}
            />
            <TableWrap label={p.eventsCaption}>
              <table>
                <caption>{p.eventsCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{c.date}</th>
                    <th scope="col">{c.event}</th>
                    <th scope="col" className="numeric">
                      {c.invited}
                    </th>
                    <th scope="col" className="numeric">
                      {c.registered}
                    </th>
                    <th scope="col" className="numeric">
                      {c.checkedIn}
                    </th>
                    <th scope="col" className="numeric">
                      {c.noShows}
                    </th>
                    <th scope="col">{c.report}</th>
                  </tr>
                </thead>
                <tbody>
                  {o.events.map((e) => (
                    <tr key={e.id}>
                      <td>{date(e.startsAt, e.timeZone)}</td>
                      <th scope="row">
                        <Link to={`/beheer/bijeenkomsten/${e.id}`}>{e.title}</Link>
                      </th>
                      <td className="numeric">{number(e.attendance.invited)}</td>
                      <td className="numeric">{number(e.attendance.registered)}</td>
                      <td className="numeric">{number(e.attendance.checkedIn)}</td>
                      <td className="numeric">{number(e.attendance.noShows)}</td>
                      <td>{e.reportVersion ? p.reportVersion(e.reportVersion) : p.noReport}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={2}>
                      {p.total}
                    </th>
                    <td className="numeric">{number(o.totals.invited)}</td>
                    <td className="numeric">{number(o.totals.registered)}</td>
                    <td className="numeric">{number(o.totals.checkedIn)}</td>
                    <td className="numeric">{number(o.totals.noShows)}</td>
                    <td />
                  </tr>
                </tfoot>
              </table>
            </TableWrap>
          </>
        ) : (
          <p>{p.noEvents}</p>
        )}
      </section>

      {o.events.length ? (
        <section aria-labelledby="sectoren">
          <h2 id="sectoren">{p.headings.sectors}</h2>
          <TableWrap label={p.sectorsCaption}>
            <table>
              <caption>{p.sectorsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{c.event}</th>
                  {o.sectorsOverTime.map((s) => (
                    <th key={s.sector} scope="col" className="numeric">
                      {t.sectors[s.sector]}
                    </th>
                  ))}
                  <th scope="col" className="numeric">
                    {c.other}
                  </th>
                </tr>
              </thead>
              <tbody>
                {o.events.map((e, i) => (
                  <tr key={e.id}>
                    <th scope="row">
                      {e.title} ({date(e.startsAt, e.timeZone)})
                    </th>
                    {o.sectorsOverTime.map((s) => (
                      <td key={s.sector} className="numeric">
                        {pair(s.cells[i] ?? null)}
                      </td>
                    ))}
                    <td className="numeric">{e.attendance.otherSectors ? pair(e.attendance.otherSectors) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p className="muted">{p.belowThresholdNote(o.threshold)}</p>
          {o.totals.bySector.length || o.totals.otherSectors ? (
            <>
              <AttendanceChart
                id="sector-grafiek"
                rows={[
                  ...o.totals.bySector.map((s) => ({ label: t.sectors[s.sector], ...s })),
                  ...(o.totals.otherSectors
                    ? [{ label: t.report.doc.otherSectors(o.totals.otherSectors.count), ...o.totals.otherSectors }]
                    : []),
                ]}
                title={p.sectorChartTitle}
                description={t.report.doc.chartDescription(
                  [
                    ...o.totals.bySector.map((s) => `${t.sectors[s.sector]} ${s.checkedIn}`),
                    ...(o.totals.otherSectors
                      ? [`${t.report.doc.otherSectors(o.totals.otherSectors.count)} ${o.totals.otherSectors.checkedIn}`]
                      : []),
                  ].join(', '),
                )}
              />
              <TableWrap label={p.totalsCaption}>
                <table>
                  <caption>{p.totalsCaption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{c.sector}</th>
                      <th scope="col" className="numeric">
                        {c.registered}
                      </th>
                      <th scope="col" className="numeric">
                        {c.checkedIn}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {o.totals.bySector.map((s) => (
                      <tr key={s.sector}>
                        <th scope="row">{t.sectors[s.sector]}</th>
                        <td className="numeric">{number(s.registered)}</td>
                        <td className="numeric">{number(s.checkedIn)}</td>
                      </tr>
                    ))}
                    {o.totals.otherSectors ? (
                      <tr>
                        <th scope="row">{t.report.doc.otherSectors(o.totals.otherSectors.count)}</th>
                        <td className="numeric">{number(o.totals.otherSectors.registered)}</td>
                        <td className="numeric">{number(o.totals.otherSectors.checkedIn)}</td>
                      </tr>
                    ) : null}
                  </tbody>
                </table>
              </TableWrap>
            </>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="actielijnen">
        <h2 id="actielijnen">{p.headings.actionLines}</h2>
        {o.actionLines.length ? (
          <TableWrap label={p.actionLinesCaption}>
            <table>
              <caption>{p.actionLinesCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{c.actionLine}</th>
                  <th scope="col" className="numeric">
                    {c.agendaItems}
                  </th>
                  <th scope="col">{c.events}</th>
                  <th scope="col" className="numeric">
                    {c.invited}
                  </th>
                  <th scope="col" className="numeric">
                    {c.registered}
                  </th>
                  <th scope="col" className="numeric">
                    {c.checkedIn}
                  </th>
                  <th scope="col" className="numeric">
                    {c.noShows}
                  </th>
                </tr>
              </thead>
              <tbody>
                {o.actionLines.map((l) => (
                  <tr key={l.code}>
                    <th scope="row">
                      {l.code} {lang === 'en' && l.titleEn ? l.titleEn : l.title}
                    </th>
                    <td className="numeric">{number(l.agendaItems)}</td>
                    <td>
                      {l.events.length
                        ? l.events.map((e) => `${e.title} (${date(e.startsAt, e.timeZone)})`).join('; ')
                        : p.none}
                    </td>
                    <td className="numeric">{number(l.invited)}</td>
                    <td className="numeric">{number(l.registered)}</td>
                    <td className="numeric">{number(l.checkedIn)}</td>
                    <td className="numeric">{number(l.noShows)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : (
          <p>{p.noActionLines}</p>
        )}
      </section>

      <section aria-labelledby="citaten">
        <h2 id="citaten">{p.headings.quotes}</h2>
        {o.quotes.length ? (
          <>
            <p>{p.quotesIntro}</p>
            {o.events
              .filter((e) => o.quotes.some((q) => q.eventId === e.id))
              .map((e) => (
                <section key={e.id} aria-labelledby={`citaten-${e.id}`}>
                  <h3 id={`citaten-${e.id}`}>
                    {e.title} ({date(e.startsAt, e.timeZone)}, {p.reportVersion(e.reportVersion ?? 0)})
                  </h3>
                  {o.quotes
                    .filter((q) => q.eventId === e.id)
                    .map((q) => (
                      <Quote key={q.statementId} text={q.text} attribution={q.attribution} language={q.language} />
                    ))}
                </section>
              ))}
          </>
        ) : (
          <p>{p.noQuotes}</p>
        )}
      </section>
    </div>
  )
}
