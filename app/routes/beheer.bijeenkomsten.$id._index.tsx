import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { itemsOutsideEvent } from '~/domain/agenda'
import { formatEventPeriod, formatTime } from '~/domain/format'
import { metaTitle, useLang, useT } from '~/i18n'
import { getEventForSecretariat, transitions } from '~/models/event-admin.server'
import { displayName } from '~/models/event.server'
import { takeNotice } from '~/utils/flash.server'
import { can, requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  metaTitle(matches, (t) => `${data?.event.title ?? ''} · ${t.shell.secretariat}`)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read')
  const event = await getEventForSecretariat(params.id ?? '')
  if (!event) throw new Response('Not found', { status: 404 })
  return {
    notice: await takeNotice(user, request),
    event,
    canEdit: can(user, 'edit'),
    next: transitions[event.status],
    outside: itemsOutsideEvent(event, event.agendaItems).length,
    agenda: event.agendaItems.map((i) => ({
      id: i.id,
      title: i.title,
      kind: i.kind,
      room: i.room,
      startsAt: i.startsAt,
      endsAt: i.endsAt,
      people: i.participations.map((p) => ({ name: displayName(p.speaker), role: p.role, status: p.status })),
    })),
  }
}

export default function EventOverview() {
  const t = useT()
  const lang = useLang()
  const o = t.eventAdmin.overview
  const { event, canEdit, next, agenda, notice, outside } = useLoaderData<typeof loader>()
  const message = !notice
    ? null
    : {
        created: t.eventAdmin.created,
        saved: o.saved(Number(notice.value) || 0),
        'status-changed': o.statusChanged,
        copied: o.copied,
        deleted: null,
        shifted: null,
        done: null,
      }[notice.name]
  return (
    <>
      {message ? (
        <p role="status" className="notice">
          {message}
        </p>
      ) : null}
      <h1>{event.title}</h1>
      <p>
        {o.status}: <span className={`status status--${event.status}`}>{t.eventStatus[event.status]}</span> ·{' '}
        {o.registrationsLabel}: {t.dashboard.registrations(event.registrations, event.capacity)}
      </p>
      <ul className="subnav">
        {canEdit ? (
          <>
            <li>
              <Link to="bewerken">{o.edit}</Link>
            </li>
            <li>
              <Link to="programma">{o.agenda}</Link>
            </li>
            <li>
              <Link to="kopie">{o.copy}</Link>
            </li>
            <li>
              <Link to="vragen">{t.registration.questionsAdmin.navLink}</Link>
            </li>
          </>
        ) : null}
        <li>
          <Link to="uitnodigingen">{t.invitations.title}</Link>
        </li>
        <li>
          <Link to="sprekers">{t.eventSpeakers.nav.speakers}</Link>
        </li>
        <li>
          <Link to="citaten">{t.eventSpeakers.nav.statements}</Link>
        </li>
        <li>
          <Link to="check-in">{t.checkIn.subnavLink}</Link>
        </li>
        <li>
          <Link to="aanmeldingen">{t.registrationsAdmin.title}</Link>
        </li>
        <li>
          <Link to="organisaties">{t.partners.seats.link}</Link>
        </li>
        <li>
          <Link to="verslag">{t.report.navLink}</Link>
        </li>
        <li>
          <Link to="briefing">{t.speakerPortal.admin.heading}</Link>
        </li>
        <li>
          <Link to={`/bijeenkomsten/${event.slug}`}>{event.status === 'draft' ? o.preview : o.publicPage}</Link>
        </li>
      </ul>
      {canEdit && next.length ? (
        <ul className="actions plain-list">
          {next.map((to) => (
            <li key={to}>
              <Link className={to === 'cancelled' ? 'button button--secondary' : 'button'} to={`status?naar=${to}`}>
                {o.transition[to as keyof typeof o.transition]}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <h2>{o.details}</h2>
      <dl className="facts">
        <dt>{t.event.when}</dt>
        <dd>{formatEventPeriod(new Date(event.startsAt), new Date(event.endsAt), event.timeZone, lang)}</dd>
        <dt>{t.event.where}</dt>
        <dd>
          {[event.venueName, event.venueAddress, [event.venuePostcode, event.venueCity].filter(Boolean).join(' ')]
            .filter(Boolean)
            .join(', ') || '—'}
          <br />
          <span className="muted">
            {event.latitude !== null && event.longitude !== null
              ? t.eventAdmin.geocode.geocoded(event.latitude, event.longitude)
              : t.eventAdmin.geocode.notGeocoded}
          </span>
        </dd>
        <dt>{t.event.hosts}</dt>
        <dd>{event.hosts.map((h) => h.organisation.name).join(', ') || '—'}</dd>
        <dt>{t.eventAdmin.fields.capacity}</dt>
        <dd>{o.capacity(event.capacity)}</dd>
        <dt>{o.visibility}</dt>
        <dd>
          {t.eventAdmin.fields.visibilityOptions[event.visibility]}
          {event.requiresApproval ? ` · ${t.eventAdmin.fields.requiresApproval}` : ''}
        </dd>
      </dl>
      <h2>{o.agendaHeading}</h2>
      {outside ? (
        <p className="warning-list" role="status">
          {t.agendaFit.overviewWarning(outside)}{' '}
          {canEdit ? <Link to="programma">{t.agendaFit.overviewLink}</Link> : null}
        </p>
      ) : null}
      {agenda.length ? (
        <ol className="agenda">
          {agenda.map((item) => (
            <li key={item.id} className="agenda__item">
              <p className="agenda__time">
                {formatTime(new Date(item.startsAt), event.timeZone, lang)}–
                {formatTime(new Date(item.endsAt), event.timeZone, lang)}
              </p>
              <h3>{item.title}</h3>
              <p className="agenda__meta">
                {t.event.kinds[item.kind]}
                {item.room ? ` · ${t.event.room(item.room)}` : ''}
              </p>
              {item.people.length ? (
                <ul className="agenda__people">
                  {item.people.map((p, i) => (
                    <li key={i}>
                      {p.name} ({t.event.roles[p.role]}, {t.agendaAdmin.participationStatus[p.status]})
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{o.noAgenda}</p>
      )}
    </>
  )
}
