import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { formatEventPeriod } from '~/domain/format'
import { useLang, useT } from '~/i18n'
import { listPublicEvents } from '~/models/event.server'

export async function loader(_: LoaderFunctionArgs) {
  const events = await listPublicEvents()
  const now = Date.now()
  return {
    upcoming: events.filter((e) => e.endsAt.getTime() >= now),
    past: events.filter((e) => e.endsAt.getTime() < now).reverse(),
  }
}

function EventList({ events }: { events: ReturnType<typeof useLoaderData<typeof loader>>['upcoming'] }) {
  const lang = useLang()
  const t = useT()
  return (
    <ul className="event-list">
      {events.map((event) => (
        <li key={event.id}>
          <h3>
            <Link to={`/bijeenkomsten/${event.slug}`}>{event.title}</Link>
          </h3>
          {event.subtitle ? <p>{event.subtitle}</p> : null}
          <p>
            {formatEventPeriod(new Date(event.startsAt), new Date(event.endsAt), event.timeZone, lang)}
            {event.venueCity ? `, ${event.venueCity}` : ''}
            {event.status === 'cancelled' ? ` (${t.eventStatus.cancelled})` : ''}
          </p>
        </li>
      ))}
    </ul>
  )
}

export default function Home() {
  const t = useT()
  const { upcoming, past } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t.home.title}</h1>
      <p>{t.home.intro}</p>
      <section aria-labelledby="upcoming">
        <h2 id="upcoming">{t.home.upcoming}</h2>
        {upcoming.length ? <EventList events={upcoming} /> : <p>{t.home.none}</p>}
      </section>
      {past.length ? (
        <section aria-labelledby="past">
          <h2 id="past">{t.home.past}</h2>
          <EventList events={past} />
        </section>
      ) : null}
    </>
  )
}
