import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { metaTitle, useT } from '~/i18n'
import { briefingSpeakers, mailBriefings } from '~/models/speaker-briefing.server'
import { getEventHeader } from '~/models/registration-admin.server'
import { redirectWithNotice, takeNotice } from '~/utils/flash.server'
import { noticeCounts } from '~/utils/notice'
import { can, requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  metaTitle(matches, (t) => (data ? t.speakerPortal.admin.title(data.event.title) : t.speakerPortal.admin.heading))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read')
  const event = await getEventHeader(params.id ?? '')
  if (!event) throw new Response('Not found', { status: 404 })
  return {
    event: { id: event.id, title: event.title },
    speakers: await briefingSpeakers(event.id),
    mayMail: can(user, 'edit'),
    notice: await takeNotice(user, request),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const form = await request.formData()
  if (form.get('intent') !== 'mail-all') throw new Response('Bad request', { status: 400 })
  const outcome = await mailBriefings(params.id ?? '', user.id)
  if (outcome.kind === 'not-found') throw new Response('Not found', { status: 404 })
  if (outcome.kind === 'nobody') return data({ nobody: true }, { status: 409 })
  return redirectWithNotice(user, `/beheer/bijeenkomsten/${params.id}/briefing`, 'done', {
    verstuurd: outcome.count,
    verzending: outcome.batchId,
  })
}

export default function AdminBriefings() {
  const t = useT()
  const a = t.speakerPortal.admin
  const { event, speakers, mayMail, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const query = noticeCounts(notice)
  const sent = Number(query.get('verstuurd'))
  const batchId = query.get('verzending')
  const withEmail = speakers.filter((s) => s.email).length
  return (
    <div>
      <p className="breadcrumb">
        <Link to={`/beheer/bijeenkomsten/${event.id}`}>{a.back}</Link>
      </p>
      <h1>{a.title(event.title)}</h1>
      <p>{a.intro}</p>
      {sent > 0 ? (
        <p role="status" className="notice">
          {a.mailed(sent)}{' '}
          {batchId ? <Link to={`/beheer/verzendingen/${encodeURIComponent(batchId)}`}>{a.progress}</Link> : null}
        </p>
      ) : null}
      {actionData?.nobody ? (
        <p role="alert" className="notice notice--error">
          {a.nothingToMail}
        </p>
      ) : null}
      {speakers.length === 0 ? (
        <p>{a.none}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{a.columns.speaker}</th>
                <th scope="col">{a.columns.slots}</th>
                <th scope="col">{a.columns.email}</th>
                <th scope="col">{a.columns.briefing}</th>
              </tr>
            </thead>
            <tbody>
              {speakers.map((s) => (
                <tr key={s.id}>
                  <td>{s.name}</td>
                  <td>{s.slots}</td>
                  <td>{s.email ?? a.noEmail}</td>
                  <td>
                    <Link to={`/beheer/bijeenkomsten/${event.id}/briefing/${s.id}`}>{a.open(s.name)}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayMail && withEmail > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="mail-all" />
          <p>{a.mailAllHint(withEmail)}</p>
          <button type="submit" className="button">
            {a.mailAll}
          </button>
        </Form>
      ) : null}
    </div>
  )
}
