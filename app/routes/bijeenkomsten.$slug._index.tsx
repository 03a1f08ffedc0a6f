import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Paragraphs } from '~/components/paragraphs'
import { formatEventPeriod, formatTime } from '~/domain/format'
import { metaTitle, useLang, useT } from '~/i18n'
import { getPublicEvent } from '~/models/event.server'
import { getEnv } from '~/utils/env.server'
import { getSessionUser } from '~/utils/session.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? [
        ...metaTitle(matches, (t) => {
          const { name, nameEn } = data.event.programme
          return `${data.event.title} · ${t.meta.lang === 'en' && nameEn ? nameEn : name}`
        }),
        { name: 'description', content: data.event.subtitle || data.event.title },
      ]
    : []

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Drafts: 404 for the public, a preview for the secretariat.
  const user = await getSessionUser(request)
  const event = await getPublicEvent(params.slug ?? '', { preview: Boolean(user) })
  if (!event) throw new Response('Not found', { status: 404 })
  const base = new URL(getEnv().APP_URL)
  const icsPath = `/bijeenkomsten/${event.slug}/agenda.ics`
  return data(
    { event, webcal: `webcal://${base.host}${icsPath}`, icsPath },
    {
      headers: {
        // A public page that changes rarely: shared caches may keep it briefly and serve it while refreshing.
        // Signed-in views (and previews) are personal: never stored.
        'Cache-Control': user ? 'private, no-store' : 'public, max-age=300, stale-while-revalidate=3600',
        Vary: 'Cookie, Accept-Language',
      },
    },
  )
}

function osmUrl(v: {
  latitude: number | null
  longitude: number | null
  address: string
  postcode: string
  city: string
}) {
  if (v.latitude !== null && v.longitude !== null) {
    return `https://www.openstreetmap.org/?mlat=${v.latitude}&mlon=${v.longitude}#map=18/${v.latitude}/${v.longitude}`
  }
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent([v.address, v.postcode, v.city].filter(Boolean).join(' '))}`
}

export default function EventPage() {
  const t = useT()
  const lang = useLang()
  const { event, webcal, icsPath } = useLoaderData<typeof loader>()
  const { registrationWindow } = event
  const start = new Date(event.startsAt)
  const end = new Date(event.endsAt)
  const programmeName = lang === 'en' && event.programme.nameEn ? event.programme.nameEn : event.programme.name
  const place = [event.venue.name, event.venue.city].filter(Boolean).join(', ')
  return (
    <article className="event-page" lang="nl">
      {event.isPreview ? (
        <p className="notice notice--warning" lang={lang}>
          {t.event.preview}
        </p>
      ) : null}
      <p className="breadcrumb" lang={lang}>
        <Link to={`/programmas/${event.programme.slug}`}>{t.event.backToProgramme(programmeName)}</Link>
      </p>
      <h1>{event.title}</h1>
      {event.subtitle ? <p className="lead">{event.subtitle}</p> : null}
      {event.status === 'cancelled' ? (
        <p className="notice notice--error" lang={lang}>
          {t.event.cancelled}
        </p>
      ) : null}
      {event.status === 'completed' ? (
        <p className="notice" lang={lang}>
          {t.event.completed}
        </p>
      ) : null}

      <dl className="facts facts--event" lang={lang}>
        <dt>{t.event.when}</dt>
        <dd>{formatEventPeriod(start, end, event.timeZone, lang)}</dd>
        {place ? (
          <>
            <dt>{t.event.where}</dt>
            <dd>
              <span lang="nl">
                {event.venue.name}
                {event.venue.name ? <br /> : null}
                {event.venue.address}
                {event.venue.address ? <br /> : null}
                {[event.venue.postcode, event.venue.city].filter(Boolean).join(' ')}
              </span>
              <br />
              <a href={osmUrl(event.venue)}>{t.event.map(place)}</a>
            </dd>
          </>
        ) : null}
        {event.onlineUrl ? (
          <>
            <dt>{t.event.online}</dt>
            <dd>
              <a href={event.onlineUrl}>{t.event.onlineLink}</a>
            </dd>
          </>
        ) : null}
        {event.hosts.length ? (
          <>
            <dt>{t.event.hosts}</dt>
            <dd>
              <ul className="plain-list" lang="nl">
                {event.hosts.map((h) => (
                  <li key={h}>{h}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>

      <Paragraphs text={event.description} />

      {event.status === 'published' ? (
        <section className="call-to-action" aria-labelledby="register-heading" lang={lang}>
          <h2 id="register-heading">{t.event.register}</h2>
          {event.visibility === 'public' && registrationWindow === 'open' ? (
            <p>
              <Link className="button" to={`/bijeenkomsten/${event.slug}/aanmelden`}>
                {t.event.registerCta}
              </Link>
            </p>
          ) : event.visibility === 'public' ? (
            <p>{registrationWindow === 'not-yet' ? t.registration.errors.notOpenYet : t.registration.errors.closed}</p>
          ) : (
            <p>{t.event.inviteOnly}</p>
          )}
        </section>
      ) : null}

      {event.agenda.length ? (
        <section aria-labelledby="agenda-heading">
          <h2 id="agenda-heading" lang={lang}>
            {t.event.programme}
          </h2>
          <ol className="agenda">
            {event.agenda.map((item) => (
              <li key={item.id} className={`agenda__item agenda__item--${item.kind}`}>
                <p className="agenda__time" lang={lang}>
                  <time dateTime={new Date(item.startsAt).toISOString()}>
                    {formatTime(new Date(item.startsAt), event.timeZone, lang)}
                  </time>
                  {'–'}
                  <time dateTime={new Date(item.endsAt).toISOString()}>
                    {formatTime(new Date(item.endsAt), event.timeZone, lang)}
                  </time>
                  {lang === 'nl' ? ' uur' : ''}
                </p>
                <h3>{item.title}</h3>
                <p className="agenda__meta" lang={lang}>
                  {t.event.kinds[item.kind]}
                  {item.room ? ` · ${t.event.room(item.room)}` : ''}
                </p>
                {item.description ? <Paragraphs text={item.description} /> : null}
                {item.people.length ? (
                  <ul className="agenda__people">
                    {item.people.map((p) => (
                      <li key={p.speakerId}>
                        <strong>{p.name}</strong>
                        {p.function ? `, ${p.function}` : ''} <span lang={lang}>({t.event.roles[p.role]})</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {event.speakers.length ? (
        <section aria-labelledby="speakers-heading">
          <h2 id="speakers-heading" lang={lang}>
            {t.event.speakers}
          </h2>
          <ul className="speaker-cards">
            {event.speakers.map((s) => (
              <li key={s.id} className="speaker-card">
                {s.photo ? (
                  <figure>
                    <img src={s.photo.src} alt={t.event.photoOf(s.name)} width="160" height="160" loading="lazy" />
                    {s.photo.credit ? <figcaption lang={lang}>{t.event.photoCredit(s.photo.credit)}</figcaption> : null}
                  </figure>
                ) : null}
                <h3>{s.name}</h3>
                {s.function ? <p>{s.function}</p> : null}
                {s.organisation && !s.function.toLowerCase().includes(s.organisation.toLowerCase()) ? (
                  <p className="muted">{s.organisation}</p>
                ) : null}
                {s.bio ? <Paragraphs text={s.bio} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {event.actionLines.length ? (
        <section aria-labelledby="lines-heading" lang={lang}>
          <h2 id="lines-heading">{t.event.actionLines}</h2>
          <p>{t.event.actionLinesIntro(programmeName)}</p>
          <ol className="action-lines">
            {event.actionLines.map((l) => (
              <li key={l.code} lang={lang === 'en' && l.titleEn ? 'en' : 'nl'}>
                {lang === 'en' && l.titleEn ? l.titleEn : l.title}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {event.status !== 'draft' ? (
        <section aria-labelledby="calendar-heading" lang={lang}>
          <h2 id="calendar-heading">{t.event.calendar}</h2>
          <ul className="plain-list">
            <li>
              <a href={icsPath} download>
                {t.event.addToCalendar}
              </a>
            </li>
            <li>
              <a href={`${icsPath}?programmaonderdelen=1`} download>
                {t.event.addWithItems}
              </a>
            </li>
            <li>
              <a href={webcal}>{t.event.subscribe}</a>
            </li>
          </ul>
        </section>
      ) : null}
    </article>
  )
}
