import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { Field, SelectField } from '~/components/forms'
import { exportQuery, parseListFilter } from '~/domain/partners'
import { SECTORS } from '~/domain/sectors'
import { metaTitle, useT } from '~/i18n'
import { listOrganisations } from '~/models/partners.server'
import { can, requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.partners.organisations.title)

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read')
  const filter = parseListFilter(new URL(request.url))
  return {
    organisations: await listOrganisations({ q: filter.q, sector: filter.sector }),
    filter: { q: filter.q ?? '', sector: filter.sector ?? '' },
    canEdit: can(user, 'edit'),
  }
}

export default function Organisations() {
  const t = useT()
  const p = t.partners
  const o = p.organisations
  const { organisations, filter, canEdit } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  return (
    <>
      {params.get('verwijderd') ? (
        <p role="status" className="notice">
          {p.deleted}
        </p>
      ) : null}
      <h1>{o.title}</h1>
      <p>{o.intro}</p>
      <ul className="subnav">
        <li>
          <Link to="/beheer/contacten">{p.contacts.title}</Link>
        </li>
        {canEdit ? (
          <li>
            <Link to="nieuw">{o.new}</Link>
          </li>
        ) : null}
      </ul>
      <Form method="get" className="form-row" aria-label={p.filter}>
        <Field label={o.searchLabel} inputProps={{ id: 'q', name: 'q', type: 'search', defaultValue: filter.q }} />
        <SelectField
          label={o.columns.sector}
          selectProps={{ id: 'sector', name: 'sector', defaultValue: filter.sector }}
          options={[{ value: '', label: p.allSectors }, ...SECTORS.map((s) => ({ value: s, label: t.sectors[s] }))]}
        />
        <div className="field">
          <button type="submit" className="button">
            {p.filter}
          </button>
        </div>
      </Form>
      <p aria-live="polite">{p.results(organisations.length)}</p>
      {canEdit ? (
        <p>
          {p.exportHint} <a href={`/beheer/organisaties/exporteren?${exportQuery(params, 'csv')}`}>{p.exportCsv}</a> ·{' '}
          <a href={`/beheer/organisaties/exporteren?${exportQuery(params, 'xlsx')}`}>{p.exportXlsx}</a>
        </p>
      ) : null}
      {organisations.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{o.title}</caption>
            <thead>
              <tr>
                <th scope="col">{o.columns.name}</th>
                <th scope="col">{o.columns.shortName}</th>
                <th scope="col">{o.columns.sector}</th>
                <th scope="col">{o.columns.seatQuota}</th>
                <th scope="col">{o.columns.contacts}</th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((org) => (
                <tr key={org.id}>
                  <th scope="row">{canEdit ? <Link to={org.id}>{org.name}</Link> : org.name}</th>
                  <td>{org.shortName}</td>
                  <td>{t.sectors[org.sector]}</td>
                  <td>{org.seatQuota ?? p.noLimit}</td>
                  <td>
                    <Link to={`/beheer/contacten?organisatie=${org.id}`}>{org.contacts}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{o.empty}</p>
      )}
    </>
  )
}
