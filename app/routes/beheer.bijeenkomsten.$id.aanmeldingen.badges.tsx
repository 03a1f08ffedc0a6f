import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { metaTitle, useT } from '~/i18n'
import { confirmedAttendees, getEventHeader } from '~/models/registration-admin.server'
import { requirePermission } from '~/utils/permissions.server'
import styles from '~/styles/registrations-admin.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  metaTitle(matches, (t) =>
    data ? t.registrationsAdmin.print.badgesTitle(data.event.title) : t.registrationsAdmin.print.badges,
  )

/** Badges per A4 sheet: two across, four down. */
const PER_SHEET = 8

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'read')
  const event = await getEventHeader(params.id ?? '')
  if (!event) throw new Response('Not found', { status: 404 })
  return { event: { id: event.id, title: event.title }, attendees: await confirmedAttendees(event.id, 'name') }
}

export default function Badges() {
  const t = useT()
  const p = t.registrationsAdmin.print
  const { event, attendees } = useLoaderData<typeof loader>()
  // One sheet element per page, so a page break can only fall between sheets, never through a badge.
  const sheets = Array.from({ length: Math.ceil(attendees.length / PER_SHEET) }, (_, i) =>
    attendees.slice(i * PER_SHEET, (i + 1) * PER_SHEET),
  )
  return (
    <>
      <div className="no-print">
        <p className="breadcrumb">
          <Link to={`/beheer/bijeenkomsten/${event.id}/aanmeldingen`}>{t.registrationsAdmin.backToList}</Link>
        </p>
        <h1>{p.badgesTitle(event.title)}</h1>
        <p>{p.count(attendees.length)}</p>
        <p className="muted">{p.printHint}</p>
      </div>
      {attendees.length ? (
        sheets.map((sheet, i) => (
          <ul key={i} className="badge-sheet plain-list">
            {sheet.map((a) => (
              <li key={a.id} className="badge">
                <p className="badge__event">{event.title}</p>
                <p className="badge__name">{a.name}</p>
                {a.function ? <p className="badge__function">{a.function}</p> : null}
                {a.organisation ? <p className="badge__organisation">{a.organisation}</p> : null}
              </li>
            ))}
          </ul>
        ))
      ) : (
        <p>{p.empty}</p>
      )}
    </>
  )
}
