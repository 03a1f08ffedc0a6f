import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { DataTable, ExportLinks } from '~/components/data-table'
import { Field, SelectField } from '~/components/forms'
import { exportQuery, parseListFilter } from '~/domain/partners'
import { SECTORS } from '~/domain/sectors'
import { metaTitle, useT } from '~/i18n'
import { listContacts, organisationChoices } from '~/models/partners.server'
import { takeNotice } from '~/utils/flash.server'
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
    notice: await takeNotice(user, request),
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
  const { contacts, total, page, pages, organisations, filter, canEdit, notice } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const pageLink = (n: number) => {
    const copy = new URLSearchParams(params)
    copy.set('pagina', String(n))
    return `?${copy.toString()}`
  }
  return (
    <>
      {notice?.name === 'deleted' ? (
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
        <ExportLinks
          intro={p.exportHint}
          href={(format) => `/beheer/contacten/exporteren?${exportQuery(params, format)}`}
          labels={{ csv: p.exportCsv, xlsx: p.exportXlsx }}
        />
      ) : null}
      <DataTable
        caption={c.title}
        rows={contacts}
        empty={c.empty}
        columns={[
          {
            header: c.columns.name,
            cell: (contact) => {
              const name = contact.name || t.privacy.anonymised
              return canEdit ? <Link to={contact.id}>{name}</Link> : name
            },
          },
          { header: c.columns.email, cell: (contact) => contact.email },
          { header: c.columns.function, cell: (contact) => contact.function },
          { header: c.columns.organisation, cell: (contact) => contact.organisation.name },
          { header: c.columns.sector, cell: (contact) => t.sectors[contact.organisation.sector] },
          { header: c.columns.language, cell: (contact) => t.languages[contact.language] },
        ]}
      />
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
