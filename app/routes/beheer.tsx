import type { LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { useT } from '~/i18n'
import { requirePermission } from '~/utils/permissions.server'

// Everything under /beheer is for the secretariat. Child loaders check their own permission too:
// Remix runs loaders in parallel, so this layout's check alone would not protect them.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read')
  return { user: { name: user.name, role: user.role } }
}

export default function SecretariatLayout() {
  const t = useT()
  const { user } = useLoaderData<typeof loader>()
  return (
    <div className="secretariat">
      <div className="secretariat__bar">
        <p className="muted">
          {t.shell.signedInAs(user.name)} · {t.dashboard.role(t.roles[user.role])}
        </p>
        <nav aria-label={t.shell.secretariat}>
          <ul className="subnav">
            <li>
              <NavLink to="/beheer" end>
                {t.dashboard.title}
              </NavLink>
            </li>
            <li>
              <NavLink to="/beheer/programmas">{t.shell.programmes}</NavLink>
            </li>
            <li>
              <NavLink to="/beheer/sprekers">{t.shell.speakers}</NavLink>
            </li>
            <li>
              <NavLink to="/beheer/organisaties">{t.partners.nav}</NavLink>
            </li>
            <li>
              <NavLink to="/beheer/verzendingen">{t.shell.batches}</NavLink>
            </li>
            <li>
              <NavLink to="/beheer/sjablonen">{t.shell.templates}</NavLink>
            </li>
            {user.role === 'admin' ? (
              <li>
                <NavLink to="/beheer/mailbox">{t.shell.mailbox}</NavLink>
              </li>
            ) : null}
            {user.role === 'admin' ? (
              <li>
                <NavLink to="/beheer/privacy">{t.privacy.admin.nav}</NavLink>
              </li>
            ) : null}
            {user.role === 'admin' ? (
              <li>
                <NavLink to="/beheer/medewerkers">{t.staff.nav}</NavLink>
              </li>
            ) : null}
            {user.role === 'admin' ? (
              <li>
                <NavLink to="/beheer/audit">{t.audit.nav}</NavLink>
              </li>
            ) : null}
            <li>
              <NavLink to="/beheer/account">{t.staff.accountNav}</NavLink>
            </li>
          </ul>
        </nav>
      </div>
      <Outlet />
    </div>
  )
}
