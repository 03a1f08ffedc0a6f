import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { DataTable, ExportLinks } from '~/components/data-table'
import { Field, SelectField } from '~/components/forms'
import { exportQuery, parseListFilter } from '~/domain/partners'
import { SECTORS } from '~/domain/sectors'
import { metaTitle, useT } from '~/i18n'
import { listOrganisations } from '~/models/partners.server'
import { takeNotice } from '~/utils/flash.server'
import { can, requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.partners.organisations.title)

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read')
  const filter = parseListFilter(new URL(request.url))
  return {
    notice: await takeNotice(user, request),
    organisations: await listOrganisations({ q: filter.q, sector: filter.sector }),
    filter: { q: filter.q ?? '', sector: filter.sector ?? '' },
    canEdit: can(user, 'edit'),
  }
}

export default function Organisations() {
  const t = useT()
  const p = t.partners
  const o = p.organisations
  const { organisations, filter, canEdit, notice } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  return (
    <>
      {notice?.name === 'deleted' ? (
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
        <ExportLinks
          intro={p.exportHint}
          href={(format) => `/beheer/organisaties/exporteren?${exportQuery(params, format)}`}
          labels={{ csv: p.exportCsv, xlsx: p.exportXlsx }}
        />
      ) : null}
      <DataTable
        caption={o.title}
        rows={organisations}
        empty={o.empty}
        columns={[
          { header: o.columns.name, cell: (org) => (canEdit ? <Link to={org.id}>{org.name}</Link> : org.name) },
          { header: o.columns.shortName, cell: (org) => org.shortName },
          { header: o.columns.sector, cell: (org) => t.sectors[org.sector] },
          { header: o.columns.seatQuota, cell: (org) => org.seatQuota ?? p.noLimit },
          {
            header: o.columns.contacts,
            cell: (org) => <Link to={`/beheer/contacten?organisatie=${org.id}`}>{org.contacts}</Link>,
          },
        ]}
      />
    </>
  )
}
