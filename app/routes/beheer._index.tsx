import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { formatEventPeriod } from '~/domain/format'
import { useLang, useT } from '~/i18n'
import { listDashboardEvents } from '~/models/event.server'
import { requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction = () => [{ title: 'Beheer · bijeen' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'read')
  return { programmes: await listDashboardEvents() }
}

export default function Dashboard() {
  const t = useT()
  const lang = useLang()
  const { programmes } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t.dashboard.title}</h1>
      <p>{t.dashboard.intro}</p>
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
                        <Link to={`/bijeenkomsten/${event.slug}`}>{event.title}</Link>
                      </th>
                      <td>
                        {formatEventPeriod(new Date(event.startsAt), new Date(event.endsAt), event.timeZone, lang)}
                      </td>
                      <td>{event.venueCity}</td>
                      <td>
                        <span className={`status status--${event.status}`}>{t.eventStatus[event.status]}</span>
                      </td>
                      <td>{t.dashboard.registrations(event.confirmedCount, event.capacity)}</td>
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
