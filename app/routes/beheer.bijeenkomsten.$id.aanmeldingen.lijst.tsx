import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { SelectField } from '~/components/forms'
import { formatEventPeriod } from '~/domain/format'
import { metaTitle, useLang, useT } from '~/i18n'
import { confirmedAttendees, getEventHeader } from '~/models/registration-admin.server'
import { requirePermission } from '~/utils/permissions.server'
import styles from '~/styles/registrations-admin.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  metaTitle(matches, (t) =>
    data ? t.registrationsAdmin.print.listTitle(data.event.title) : t.registrationsAdmin.print.list,
  )

const orderSchema = z.enum(['organisatie', 'naam']).catch('organisatie')

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'read')
  const event = await getEventHeader(params.id ?? '')
  if (!event) throw new Response('Not found', { status: 404 })
  const order = orderSchema.parse(new URL(request.url).searchParams.get('volgorde') ?? undefined)
  const attendees = await confirmedAttendees(event.id, order === 'naam' ? 'name' : 'organisation')
  return { event, order, attendees }
}

export default function AttendeeList() {
  const t = useT()
  const lang = useLang()
  const p = t.registrationsAdmin.print
  const { event, order, attendees } = useLoaderData<typeof loader>()
  return (
    <>
      <div className="no-print">
        <p className="breadcrumb">
          <Link to={`/beheer/bijeenkomsten/${event.id}/aanmeldingen`}>{t.registrationsAdmin.backToList}</Link>
        </p>
        <Form method="get" className="inline-form">
          <SelectField
            label={p.orderBy}
            selectProps={{ id: 'volgorde', name: 'volgorde', defaultValue: order }}
            options={[
              { value: 'organisatie', label: p.byOrganisation },
              { value: 'naam', label: p.byName },
            ]}
          />
          <button type="submit" className="button button--secondary">
            {p.show}
          </button>
        </Form>
        <p className="muted">{p.printHint}</p>
      </div>
      <h1>{p.listTitle(event.title)}</h1>
      <p>
        {formatEventPeriod(new Date(event.startsAt), new Date(event.endsAt), event.timeZone, lang)} ·{' '}
        {p.count(attendees.length)}
      </p>
      {attendees.length ? (
        <table className="attendee-list">
          <caption className="visually-hidden">{p.listTitle(event.title)}</caption>
          <thead>
            <tr>
              <th scope="col">{p.number}</th>
              <th scope="col">{t.registrationsAdmin.columns.name}</th>
              <th scope="col">{t.registrationsAdmin.columns.organisation}</th>
              <th scope="col">{t.registrationsAdmin.detail.function}</th>
              <th scope="col" className="tick">
                {p.present}
              </th>
              <th scope="col" className="signature">
                {p.signature}
              </th>
            </tr>
          </thead>
          <tbody>
            {attendees.map((a, i) => (
              <tr key={a.id}>
                <td>{i + 1}</td>
                <th scope="row">{a.name}</th>
                <td>{a.organisation}</td>
                <td>{a.function}</td>
                <td className="tick">
                  {/* A box for a pen, not a form control: the list is meant for paper. */}
                  <span className="tick-box" role="img" aria-label={p.presentFor(a.name)} />
                </td>
                <td className="signature" />
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{p.empty}</p>
      )}
    </>
  )
}
