import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { Field, SelectField } from '~/components/forms'
import { exportQuery, parseListFilter } from '~/domain/partners'
import { SECTORS } from '~/domain/sectors'
import { metaTitle, useT } from '~/i18n'
import { listContacts, organisationChoices } from '~/models/partners.server'
import { can, requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.partners.contacts.title)

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read')
  const filter = parseListFilter(new URL(request.url))
  const page = filter.pagina ?? 1
  const [list, organisations] = await Promise.all([
    listContacts({ q: filter.q, sector: filter.sector, organisationId: filter.organisatie }, page),
    organisationChoices(),
  ])
  return {
    ...list,
    page,
    organisations,
    filter: { q: filter.q ?? '', sector: filter.sector ?? '', organisatie: filter.organisatie ?? '' },
    canEdit: can(user, 'edit'),
  }
}

export default function Contacts() {
  const t = useT()
  const p = t.partners
  const c = p.contacts
  const { contacts, total, page, pages, organisations, filter, canEdit } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const pageLink = (n: number) => {
    const copy = new URLSearchParams(params)
    copy.set('pagina', String(n))
    return `?${copy.toString()}`
  }
  return (
    <>
      {params.get('verwijderd') ? (
        <p role="status" className="notice">
          {p.deleted}
        </p>
      ) : null}
      <h1>{c.title}</h1>
      <p>{c.intro}</p>
      <ul className="subnav">
        <li>
          <Link to="/beheer/organisaties">{p.organisations.title}</Link>
        </li>
        {canEdit ? (
          <>
            <li>
              <Link to="nieuw">{c.new}</Link>
            </li>
            <li>
              <Link to="importeren">{c.import}</Link>
            </li>
          </>
        ) : null}
      </ul>
      <Form method="get" className="form-row" aria-label={p.filter}>
        <Field label={c.searchLabel} inputProps={{ id: 'q', name: 'q', type: 'search', defaultValue: filter.q }} />
        <SelectField
          label={c.organisationFilter}
          selectProps={{ id: 'organisatie', name: 'organisatie', defaultValue: filter.organisatie }}
          options={[
            { value: '', label: p.allOrganisations },
            ...organisations.map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
        <SelectField
          label={c.sectorFilter}
          selectProps={{ id: 'sector', name: 'sector', defaultValue: filter.sector }}
          options={[{ value: '', label: p.allSectors }, ...SECTORS.map((s) => ({ value: s, label: t.sectors[s] }))]}
        />
        <div className="field">
          <button type="submit" className="button">
            {p.filter}
          </button>
        </div>
      </Form>
      <p aria-live="polite">{p.results(total)}</p>
      {canEdit ? (
        <p>
          {p.exportHint} <a href={`/beheer/contacten/exporteren?${exportQuery(params, 'csv')}`}>{p.exportCsv}</a> ·{' '}
          <a href={`/beheer/contacten/exporteren?${exportQuery(params, 'xlsx')}`}>{p.exportXlsx}</a>
        </p>
      ) : null}
      {contacts.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{c.title}</caption>
            <thead>
              <tr>
                <th scope="col">{c.columns.name}</th>
                <th scope="col">{c.columns.email}</th>
                <th scope="col">{c.columns.function}</th>
                <th scope="col">{c.columns.organisation}</th>
                <th scope="col">{c.columns.sector}</th>
                <th scope="col">{c.columns.language}</th>
              </tr>
            </thead>
            <tbody>
              {contacts.map((contact) => (
                <tr key={contact.id}>
                  <th scope="row">{canEdit ? <Link to={contact.id}>{contact.name}</Link> : contact.name}</th>
                  <td>{contact.email}</td>
                  <td>{contact.function}</td>
                  <td>{contact.organisation.name}</td>
                  <td>{t.sectors[contact.organisation.sector]}</td>
                  <td>{t.languages[contact.language]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{c.empty}</p>
      )}
      {pages > 1 ? (
        <nav aria-label={t.mailbox.page(page, pages)} className="pagination">
          {page > 1 ? <Link to={pageLink(page - 1)}>{t.mailbox.previous}</Link> : null}
          <span>{t.mailbox.page(page, pages)}</span>
          {page < pages ? <Link to={pageLink(page + 1)}>{t.mailbox.next}</Link> : null}
        </nav>
      ) : null}
    </>
  )
}
