import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Paragraphs } from '~/components/paragraphs'
import { formatEventPeriod } from '~/domain/format'
import { metaTitle, useLang, useT } from '~/i18n'
import { getPublicProgramme } from '~/models/programme.server'
import { getEnv } from '~/utils/env.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? metaTitle(matches, (t) =>
        t.meta.lang === 'en' && data.programme.nameEn ? data.programme.nameEn : data.programme.name,
      )
    : []

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export async function loader({ params }: LoaderFunctionArgs) {
  const programme = await getPublicProgramme(params.slug ?? '')
  if (!programme) throw new Response('Not found', { status: 404 })
  const icsPath = `/programmas/${programme.slug}/agenda.ics`
  return data(
    { programme, icsPath, webcal: `webcal://${new URL(getEnv().APP_URL).host}${icsPath}` },
    { headers: { 'Cache-Control': 'public, max-age=300, stale-while-revalidate=3600' } },
  )
}

type EventRow = ReturnType<typeof useLoaderData<typeof loader>>['programme']['upcoming'][number]

function Events({ events }: { events: EventRow[] }) {
  const t = useT()
  const lang = useLang()
  return (
    <ul className="event-list">
      {events.map((e) => (
        <li key={e.id}>
          <h3>
            <Link to={`/bijeenkomsten/${e.slug}`}>{e.title}</Link>
          </h3>
          {e.subtitle ? <p>{e.subtitle}</p> : null}
          <p lang={lang}>
            {formatEventPeriod(new Date(e.startsAt), new Date(e.endsAt), e.timeZone, lang)}
            {e.venueCity ? `, ${e.venueCity}` : ''}
            {e.status === 'cancelled' ? ` (${t.eventStatus.cancelled})` : ''}
          </p>
        </li>
      ))}
    </ul>
  )
}

export default function ProgrammePage() {
  const t = useT()
  const lang = useLang()
  const { programme, icsPath, webcal } = useLoaderData<typeof loader>()
  const english = lang === 'en'
  return (
    <>
      <h1 lang={english && programme.nameEn ? 'en' : 'nl'}>
        {english && programme.nameEn ? programme.nameEn : programme.name}
      </h1>
      <Paragraphs
        text={english && programme.descriptionEn ? programme.descriptionEn : programme.description}
        lang={english && programme.descriptionEn ? 'en' : 'nl'}
      />
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t.programmePage.upcoming}</h2>
        {programme.upcoming.length ? <Events events={programme.upcoming} /> : <p>{t.programmePage.none}</p>}
        <ul className="plain-list">
          <li>
            <a href={icsPath}>{t.programmePage.download}</a>
          </li>
          <li>
            <a href={webcal}>{t.programmePage.subscribe}</a>
          </li>
        </ul>
      </section>
      {programme.actionLines.length ? (
        <section aria-labelledby="lines-heading">
          <h2 id="lines-heading">{t.programmePage.actionLines}</h2>
          <ol className="action-lines">
            {programme.actionLines.map((l) => (
              <li key={l.id} lang={english && l.titleEn ? 'en' : 'nl'}>
                {english && l.titleEn ? l.titleEn : l.title}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {programme.past.length ? (
        <section aria-labelledby="past-heading">
          <h2 id="past-heading">{t.programmePage.past}</h2>
          <Events events={programme.past} />
        </section>
      ) : null}
    </>
  )
}
