import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ActionLabel } from '~/components/action-label'
import { formatDateTime } from '~/domain/format'
import { metaTitle, useLang, useT } from '~/i18n'
import { listStaff } from '~/models/staff.server'
import { takeNotice } from '~/utils/flash.server'
import { requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.staff.list.title)

const ZONE = 'Europe/Amsterdam'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'manage-users')
  return { notice: await takeNotice(user, request), staff: await listStaff() }
}

export default function StaffList() {
  const t = useT()
  const lang = useLang()
  const s = t.staff.list
  const { staff, notice } = useLoaderData<typeof loader>()
  return (
    <>
      {notice?.name === 'created' && notice.value ? (
        <p role="status" className="notice">
          {t.staff.invite.sent(notice.value)}
        </p>
      ) : null}
      <h1>{s.title}</h1>
      <p>{s.intro}</p>
      <p>
        <Link className="button" to="nieuw">
          {s.invite}
        </Link>
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{s.title}</caption>
          <thead>
            <tr>
              <th scope="col">{s.columns.name}</th>
              <th scope="col">{s.columns.email}</th>
              <th scope="col">{s.columns.role}</th>
              <th scope="col">{s.columns.twoFactor}</th>
              <th scope="col">{s.columns.lastSignIn}</th>
              <th scope="col">{s.columns.status}</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((member) => (
              <tr key={member.id}>
                <th scope="row">
                  <Link to={member.id}>
                    <ActionLabel text={member.name} object={s.manage} />
                  </Link>
                </th>
                <td>{member.email}</td>
                <td>{t.roles[member.role]}</td>
                <td>{member.twoFactor ? s.on : s.off}</td>
                <td>{member.lastLoginAt ? formatDateTime(new Date(member.lastLoginAt), ZONE, lang) : s.never}</td>
                <td>{s.status[member.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
