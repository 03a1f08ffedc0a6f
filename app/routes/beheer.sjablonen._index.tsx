import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { ActionLabel } from '~/components/action-label'
import { Link, useLoaderData } from '@remix-run/react'
import { metaTitle, useT } from '~/i18n'
import { listPreviewKinds } from '~/models/mail-templates.server'
import { requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.templates.title)

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'read')
  return { kinds: listPreviewKinds() }
}

export default function Templates() {
  const t = useT()
  const { kinds } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t.templates.title}</h1>
      <p>{t.templates.intro}</p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t.templates.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.templates.columns.kind}</th>
              <th scope="col">{t.templates.columns.languages}</th>
            </tr>
          </thead>
          <tbody>
            {kinds.map((kind) => (
              <tr key={kind}>
                <th scope="row">{t.mailKinds[kind]}</th>
                <td>
                  <Link to={`/beheer/sjablonen/${kind}?taal=nl`}>
                    <ActionLabel text={t.templates.dutch} object={t.mailKinds[kind]} />
                  </Link>
                  {' · '}
                  <Link to={`/beheer/sjablonen/${kind}?taal=en`}>
                    <ActionLabel text={t.templates.english} object={t.mailKinds[kind]} />
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
