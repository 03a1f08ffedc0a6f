// Seats per organisation for one event: the default quota, this event's override and the seats held.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary } from '~/components/forms'
import { dictionary, metaTitle, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { seatsForEvent, setEventQuota } from '~/models/partners.server'
import { redirectWithNotice, takeNotice } from '~/utils/flash.server'
import { can, requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  metaTitle(matches, (t) => t.partners.seats.title(data?.event.title ?? ''))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read')
  const seats = await seatsForEvent(params.id ?? '')
  if (!seats) throw new Response('Not found', { status: 404 })
  return { ...seats, canEdit: can(user, 'edit'), notice: await takeNotice(user, request) }
}

const quotaSchema = z.object({
  organisationId: z.string().trim().min(1).max(64),
  quota: z
    .string()
    .trim()
    .regex(/^\d{0,6}$/),
})

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const t = dictionary(await getLang(request))
  const form = Object.fromEntries(await request.formData())
  const parsed = quotaSchema.safeParse(form)
  if (!parsed.success) {
    // Which row's field to point at from the summary (only a plain id is echoed back).
    const row = typeof form.organisationId === 'string' && /^[\w-]{1,64}$/.test(form.organisationId)
    return data(
      { error: t.partners.organisations.errors.quotaInvalid, organisationId: row ? form.organisationId : null },
      { status: 400 },
    )
  }
  const { organisationId, quota } = parsed.data
  const result = await setEventQuota(params.id ?? '', organisationId, quota === '' ? null : Number(quota), user.id)
  if (!result) throw new Response('Not found', { status: 404 })
  return redirectWithNotice(user, `/beheer/bijeenkomsten/${params.id}/organisaties`, 'saved', organisationId)
}

export default function EventSeats() {
  const t = useT()
  const p = t.partners
  const s = p.seats
  const { event, rows, canEdit, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const saved = notice?.name === 'saved' ? rows.find((r) => r.id === notice.value) : undefined
  return (
    <>
      <p>
        <Link to={`/beheer/bijeenkomsten/${event.id}`}>{s.back}</Link>
      </p>
      <h1>{s.title(event.title)}</h1>
      <p>{s.intro}</p>
      {saved ? (
        <div role="status">
          <p className="notice">{s.saved(saved.name)}</p>
          {saved.overHeld ? (
            <p className="notice notice--warning">
              {s.belowHeld(saved.name, (saved.override ?? saved.seatQuota)!, saved.held)}
            </p>
          ) : null}
        </div>
      ) : null}
      <ErrorSummary
        title={p.errorSummary}
        errors={actionData?.organisationId ? undefined : [actionData?.error]}
        fields={
          actionData?.organisationId ? [{ id: `quota-${actionData.organisationId}`, errors: [actionData.error] }] : []
        }
      />
      {rows.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{s.title(event.title)}</caption>
            <thead>
              <tr>
                <th scope="col">{s.columns.organisation}</th>
                <th scope="col">{s.columns.sector}</th>
                <th scope="col">{s.columns.defaultQuota}</th>
                <th scope="col">{s.columns.quota}</th>
                <th scope="col">{s.columns.confirmed}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.name}</th>
                  <td>{t.sectors[row.sector]}</td>
                  <td>{row.seatQuota ?? p.noLimit}</td>
                  <td>
                    {canEdit ? (
                      <Form method="post" className="quota-form">
                        <input type="hidden" name="organisationId" value={row.id} />
                        <label htmlFor={`quota-${row.id}`} className="visually-hidden">
                          {s.quotaLabel(row.name)}
                        </label>
                        <input
                          id={`quota-${row.id}`}
                          name="quota"
                          type="text"
                          inputMode="numeric"
                          pattern="[0-9]*"
                          size={5}
                          defaultValue={row.override === null ? '' : String(row.override)}
                          aria-invalid={actionData?.organisationId === row.id ? true : undefined}
                        />{' '}
                        <button type="submit" className="button button--secondary">
                          {p.save}
                          <span className="visually-hidden"> {row.name}</span>
                        </button>
                      </Form>
                    ) : (
                      (row.override ?? '')
                    )}
                  </td>
                  <td>
                    {row.held}
                    {row.overHeld ? <span className="muted"> ({s.overLimit})</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{s.empty}</p>
      )}
    </>
  )
}
