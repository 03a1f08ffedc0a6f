import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { formatDateTime } from '~/domain/format'
import { kindLabel, metaTitle, useLang, useT } from '~/i18n'
import { listBatches } from '~/models/batch.server'
import { requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.batches.title)

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'read')
  return { batches: await listBatches() }
}

export default function Batches() {
  const t = useT()
  const lang = useLang()
  const { batches } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t.batches.title}</h1>
      <p>{t.batches.intro}</p>
      {batches.length === 0 ? (
        <p>{t.batches.empty}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t.batches.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.batches.columns.created}</th>
                <th scope="col">{t.batches.columns.kind}</th>
                <th scope="col">{t.batches.columns.event}</th>
                <th scope="col">{t.batches.columns.progress}</th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id}>
                  <td>
                    <Link to={`/beheer/verzendingen/${b.id}`}>
                      {formatDateTime(new Date(b.createdAt), 'Europe/Amsterdam', lang)}
                    </Link>
                  </td>
                  <td>{kindLabel(t, b.kind)}</td>
                  <td>{b.event?.title ?? '—'}</td>
                  <td>
                    {t.batches.progress(b.progress.sent + b.progress.failed, b.progress.total)}
                    {b.progress.failed ? ` · ${t.batches.counts.failed}: ${b.progress.failed}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
