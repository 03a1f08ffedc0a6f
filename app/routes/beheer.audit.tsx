// The audit log for admins: who changed what, when and from where; newest first, 50 a page (keyset), filtered
// by actor, action, entity and days. Others get a 403.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { Field, SelectField } from '~/components/forms'
import { AUDIT_ACTIONS, AUDIT_ENTITIES, AUDIT_ZONE, auditEntityHref, parseAuditQuery } from '~/domain/audit'
import { formatDateTime } from '~/domain/format'
import { metaTitle, useLang, useT } from '~/i18n'
import { auditActors, listAuditEntries } from '~/models/audit.server'
import { requireUserWithRole } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.audit.title)

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithRole(request, 'admin')
  const url = new URL(request.url)
  const { query, badDate } = parseAuditQuery(url.searchParams)
  const [page, actors] = await Promise.all([listAuditEntries(query), auditActors()])
  return {
    ...page,
    actors,
    badDate,
    first: !query.before,
  }
}

const LABELS = ['invitee', 'registrant', 'speaker', 'delegate', 'public', 'system', 'retention'] as const

export default function AuditLog() {
  const t = useT()
  const a = t.audit
  const lang = useLang()
  const { entries, next, actors, badDate, first } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const value = (name: string) => params.get(name) ?? ''
  const pageLink = (cursor: string | null) => {
    const copy = new URLSearchParams(params)
    if (cursor) copy.set('voor', cursor)
    else copy.delete('voor')
    const query = copy.toString()
    return query ? `?${query}` : '.'
  }
  return (
    <>
      <h1>{a.title}</h1>
      <p>{a.intro}</p>
      <Form method="get" className="form-row" aria-label={a.filterLegend}>
        <SelectField
          label={a.actor}
          selectProps={{ id: 'wie', name: 'wie', defaultValue: value('wie') }}
          options={[
            { value: '', label: a.allActors },
            ...actors.map((u) => ({ value: u.id, label: u.name })),
            ...LABELS.map((l) => ({ value: `label:${l}`, label: a.actorLabels[l]! })),
          ]}
        />
        <SelectField
          label={a.action}
          selectProps={{ id: 'actie', name: 'actie', defaultValue: value('actie') }}
          options={[
            { value: '', label: a.allActions },
            ...AUDIT_ACTIONS.map((action) => ({ value: action, label: a.actions[action]! })),
          ]}
        />
        <SelectField
          label={a.entity}
          selectProps={{ id: 'onderdeel', name: 'onderdeel', defaultValue: value('onderdeel') }}
          options={[
            { value: '', label: a.allEntities },
            ...AUDIT_ENTITIES.map((entity) => ({ value: entity, label: a.entities[entity]! })),
          ]}
        />
        <Field
          label={a.from}
          inputProps={{ id: 'van', name: 'van', type: 'date', defaultValue: value('van') }}
          errors={badDate && value('van') ? [a.badDate] : undefined}
        />
        <Field
          label={a.to}
          inputProps={{ id: 'tot', name: 'tot', type: 'date', defaultValue: value('tot') }}
          errors={badDate && value('tot') ? [a.badDate] : undefined}
        />
        <div className="field">
          <button type="submit" className="button">
            {a.filter}
          </button>
        </div>
      </Form>
      {entries.length === 0 ? (
        <p>{a.empty}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{a.title}</caption>
            <thead>
              <tr>
                <th scope="col">{a.columns.at}</th>
                <th scope="col">{a.columns.actor}</th>
                <th scope="col">{a.columns.action}</th>
                <th scope="col">{a.columns.entity}</th>
                <th scope="col">{a.columns.origin}</th>
                <th scope="col">{a.columns.details}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => {
                const href = auditEntityHref(entry)
                const entityLabel = a.entities[entry.entity] ?? entry.entity
                const details =
                  entry.details && typeof entry.details === 'object' && !Array.isArray(entry.details)
                    ? Object.entries(entry.details)
                    : []
                return (
                  <tr key={entry.id}>
                    <td>{formatDateTime(new Date(entry.at), AUDIT_ZONE, lang)}</td>
                    <td>{entry.actor?.name ?? a.actorLabels[entry.actorLabel] ?? a.removedUser}</td>
                    <td>{a.actions[entry.action] ?? entry.action}</td>
                    <td>
                      {href ? (
                        <Link to={href}>
                          {entityLabel}
                          <span className="visually-hidden"> {entry.entityId}</span>
                        </Link>
                      ) : (
                        entityLabel
                      )}
                    </td>
                    <td>{entry.origin === 'system' ? a.system : entry.origin || '—'}</td>
                    <td>
                      {details.length ? (
                        <ul className="plain-list">
                          {details.map(([key, v]) => (
                            <li key={key}>
                              {key}: {Array.isArray(v) ? v.join(', ') : String(v)}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      {next || !first ? (
        <nav aria-label={a.pagination} className="pagination">
          {!first ? <Link to={pageLink(null)}>{a.newest}</Link> : null}
          {next ? <Link to={pageLink(next)}>{a.older}</Link> : null}
        </nav>
      ) : null}
    </>
  )
}
