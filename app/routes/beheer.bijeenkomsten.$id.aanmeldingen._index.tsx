import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { CheckboxField, Field, SelectField } from '~/components/forms'
import { formatDateTime } from '~/domain/format'
import { filterQuery, parseRegistrationFilter, STATUSES } from '~/domain/registration-admin'
import { SECTORS } from '~/domain/sectors'
import { metaTitle, useLang, useT } from '~/i18n'
import {
  getEventHeader,
  listRegistrations,
  organisationsOfEvent,
  registrationCounts,
} from '~/models/registration-admin.server'
import { can, requirePermission } from '~/utils/permissions.server'
import styles from '~/styles/registrations-admin.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  metaTitle(matches, (t) => (data ? t.registrationsAdmin.titleFor(data.event.title) : t.registrationsAdmin.title))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read')
  const eventId = params.id ?? ''
  const event = await getEventHeader(eventId)
  if (!event) throw new Response('Not found', { status: 404 })
  const filter = parseRegistrationFilter(new URL(request.url).searchParams)
  const [counts, organisations, list] = await Promise.all([
    registrationCounts(eventId),
    organisationsOfEvent(eventId),
    listRegistrations(eventId, filter),
  ])
  return {
    event: { id: event.id, title: event.title, timeZone: event.timeZone },
    counts: counts!,
    organisations,
    filter,
    ...list,
    sensitive: can(user, 'read-sensitive'),
  }
}

export default function Registrations() {
  const t = useT()
  const lang = useLang()
  const r = t.registrationsAdmin
  const { event, counts, organisations, filter, registrations, total, page, pages, sensitive } =
    useLoaderData<typeof loader>()
  const location = useLocation()
  // Absolute: "." from an index route would add "?index" to the URL.
  const listPath = `/beheer/bijeenkomsten/${event.id}/aanmeldingen`
  const pageLink = (n: number) => `?${filterQuery(filter, { pagina: String(n) })}`
  const exportLink = (format: string) => `exporteren?${filterQuery(filter, { formaat: format })}`
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/beheer/bijeenkomsten/${event.id}`}>{r.backToEvent}</Link>
      </p>
      <h1>{r.titleFor(event.title)}</h1>

      <h2>{r.counts.heading}</h2>
      <ul className="counts">
        <li>
          <strong>{r.counts.confirmed(counts.confirmed, counts.capacity)}</strong>
          {counts.free !== null ? ` (${r.counts.free(counts.free)})` : ''}
        </li>
        <li>
          {r.counts.waitlisted}: <strong>{counts.waitlisted}</strong>
        </li>
        <li>
          {r.counts.pending}: <strong>{counts.pending_approval}</strong>
        </li>
        <li>
          {r.counts.cancelled}: <strong>{counts.cancelled}</strong>
        </li>
        <li>
          {r.counts.rejected}: <strong>{counts.rejected}</strong>
        </li>
        <li>
          {r.counts.checkedIn}: <strong>{counts.checkedIn}</strong>
        </li>
        <li>
          {r.counts.flagged}: <strong>{counts.flagged}</strong>
        </li>
      </ul>

      <ul className="subnav">
        <li>
          <Link to="lijst">{r.print.list}</Link>
        </li>
        <li>
          <Link to="badges">{r.print.badges}</Link>
        </li>
      </ul>

      {/* A plain GET form: filtering works without JavaScript and the URL can be bookmarked. */}
      <Form method="get" action={listPath} className="filters" key={location.search} aria-labelledby="filters-heading">
        <h2 id="filters-heading">{r.filters.heading}</h2>
        <div className="form-row">
          <Field
            label={r.filters.search}
            inputProps={{ id: 'zoek', name: 'zoek', type: 'search', defaultValue: filter.q ?? '', maxLength: 200 }}
          />
          <SelectField
            label={r.filters.status}
            selectProps={{ id: 'status', name: 'status', defaultValue: filter.status ?? '' }}
            options={[
              { value: '', label: r.filters.allStatuses },
              ...STATUSES.map((s) => ({ value: s, label: r.statuses[s] })),
            ]}
          />
        </div>
        <div className="form-row">
          <SelectField
            label={r.filters.organisation}
            selectProps={{ id: 'organisatie', name: 'organisatie', defaultValue: filter.organisation ?? '' }}
            options={[
              { value: '', label: r.filters.allOrganisations },
              ...organisations.map((o) => ({ value: o.id, label: o.name })),
            ]}
          />
          <SelectField
            label={r.filters.sector}
            selectProps={{ id: 'sector', name: 'sector', defaultValue: filter.sector ?? '' }}
            options={[
              { value: '', label: r.filters.allSectors },
              ...SECTORS.map((s) => ({ value: s, label: t.sectors[s] })),
            ]}
          />
        </div>
        <CheckboxField
          label={r.filters.flagged}
          inputProps={{ id: 'doorgestuurd', name: 'doorgestuurd', value: '1', defaultChecked: filter.flagged }}
        />
        <div className="actions">
          <button type="submit" className="button">
            {r.filters.apply}
          </button>
          <Link to={listPath}>{r.filters.reset}</Link>
        </div>
      </Form>

      <p role="status">{r.results(registrations.length, total)}</p>
      {registrations.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{r.title}</caption>
            <thead>
              <tr>
                <th scope="col">{r.columns.name}</th>
                <th scope="col">{r.columns.email}</th>
                <th scope="col">{r.columns.organisation}</th>
                <th scope="col">{r.columns.status}</th>
                <th scope="col">{r.columns.registeredAt}</th>
                <th scope="col">{r.columns.checkedIn}</th>
              </tr>
            </thead>
            <tbody>
              {registrations.map((reg) => (
                <tr key={reg.id}>
                  <th scope="row">
                    <Link to={reg.id}>{reg.name || t.privacy.anonymised}</Link>
                  </th>
                  <td>{reg.email}</td>
                  <td>{reg.organisation || '—'}</td>
                  <td>
                    {r.statuses[reg.status]}
                    {reg.waitlistPosition !== null ? ` (${r.position(reg.waitlistPosition)})` : ''}
                    {reg.waitingForQuota ? (
                      <>
                        {' '}
                        <span className="tag">{r.waitingForQuota(reg.waitingForQuota.organisation)}</span>
                      </>
                    ) : null}
                    {reg.flagged ? (
                      <>
                        {' '}
                        <span className="tag">{r.flaggedBadge}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{formatDateTime(new Date(reg.createdAt), event.timeZone, lang)}</td>
                  <td>{reg.checkedInAt ? formatDateTime(new Date(reg.checkedInAt), event.timeZone, lang) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{r.empty}</p>
      )}
      {pages > 1 ? (
        <nav aria-label={r.page(page, pages)} className="pagination">
          {page > 1 ? <Link to={pageLink(page - 1)}>{r.previous}</Link> : null}
          <span>{r.page(page, pages)}</span>
          {page < pages ? <Link to={pageLink(page + 1)}>{r.next}</Link> : null}
        </nav>
      ) : null}

      <h2>{r.exports.heading}</h2>
      <p>{r.exports.hint}</p>
      <p>{sensitive ? r.exports.sensitiveIncluded : r.exports.sensitiveExcluded}</p>
      <ul className="actions plain-list">
        <li>
          <Link className="button button--secondary" to={exportLink('csv')} reloadDocument>
            {r.exports.csv}
          </Link>
        </li>
        <li>
          <Link className="button button--secondary" to={exportLink('xlsx')} reloadDocument>
            {r.exports.xlsx}
          </Link>
        </li>
      </ul>
    </>
  )
}
