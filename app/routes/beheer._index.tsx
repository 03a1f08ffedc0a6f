import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { formatEventPeriod } from '~/domain/format'
import { metaTitle, useLang, useT } from '~/i18n'
import { listDashboardEvents } from '~/models/event.server'
import { can, requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.shell.secretariat)

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read')
  return { programmes: await listDashboardEvents(), canEdit: can(user, 'edit') }
}

export default function Dashboard() {
  const t = useT()
  const lang = useLang()
  const { programmes, canEdit } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t.dashboard.title}</h1>
      <p>{t.dashboard.intro}</p>
      {canEdit ? (
        <p>
          <Link className="button" to="/beheer/bijeenkomsten/nieuw">
            {t.eventAdmin.new}
          </Link>
        </p>
      ) : null}
      {programmes.map((programme) => (
        <section key={programme.id} aria-labelledby={`programme-${programme.id}`}>
          <h2 id={`programme-${programme.id}`}>{t.dashboard.eventsOf(programme.name)}</h2>
          {programme.events.length === 0 ? (
            <p>{t.dashboard.none}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t.dashboard.eventsOf(programme.name)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.dashboard.columns.event}</th>
                    <th scope="col">{t.dashboard.columns.date}</th>
                    <th scope="col">{t.dashboard.columns.place}</th>
                    <th scope="col">{t.dashboard.columns.status}</th>
                    <th scope="col">{t.dashboard.columns.registrations}</th>
                  </tr>
                </thead>
                <tbody>
                  {programme.events.map((event) => (
                    <tr key={event.id}>
                      <th scope="row">
                        <Link to={`/beheer/bijeenkomsten/${event.id}`}>{event.title}</Link>
                      </th>
                      <td>
                        {formatEventPeriod(new Date(event.startsAt), new Date(event.endsAt), event.timeZone, lang)}
                      </td>
                      <td>{event.venueCity}</td>
                      <td>
                        <span className={`status status--${event.status}`}>{t.eventStatus[event.status]}</span>
                      </td>
                      <td>{t.dashboard.registrations(event.registrations, event.capacity)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </>
  )
}
