import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { metaTitle, useT } from '~/i18n'
import { listSpeakers } from '~/models/speaker.server'
import { can, requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.speakersAdmin.title)

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read')
  return { speakers: await listSpeakers(), canEdit: can(user, 'edit') }
}

export default function Speakers() {
  const t = useT()
  const s = t.speakersAdmin
  const { speakers, canEdit } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{s.title}</h1>
      <p>{s.intro}</p>
      {canEdit ? (
        <p>
          <Link className="button" to="nieuw">
            {s.new}
          </Link>
        </p>
      ) : null}
      {speakers.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{s.title}</caption>
            <thead>
              <tr>
                <th scope="col">{s.columns.name}</th>
                <th scope="col">{s.columns.function}</th>
                <th scope="col">{s.columns.organisation}</th>
                <th scope="col">{s.columns.photo}</th>
              </tr>
            </thead>
            <tbody>
              {speakers.map((sp) => (
                <tr key={sp.id}>
                  <th scope="row">{canEdit ? <Link to={sp.id}>{sp.name}</Link> : sp.name}</th>
                  <td>{sp.function}</td>
                  <td>{sp.organisation}</td>
                  <td>{sp.hasPhoto ? s.hasPhoto : s.noPhoto}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{s.empty}</p>
      )}
    </>
  )
}
