import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirectWithNotice } from '~/utils/flash.server'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { metaTitle, useT } from '~/i18n'
import { getInvitation, revokeInvitation } from '~/models/invitation-send.server'
import { requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.invitations.revokePage.title)

// GET asks for confirmation; only the POST revokes.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'edit')
  const invitation = await getInvitation(params.id ?? '', params.invitationId ?? '')
  if (!invitation) throw new Response('Not found', { status: 404 })
  return {
    eventId: invitation.event.id,
    eventTitle: invitation.event.title,
    name: invitation.contact.name,
    organisation: invitation.contact.organisation.name,
    revoked: Boolean(invitation.revokedAt),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const eventId = params.id ?? ''
  const result = await revokeInvitation(eventId, params.invitationId ?? '', user.id)
  if (result.kind === 'not-found') throw new Response('Not found', { status: 404 })
  return redirectWithNotice(user, `/beheer/bijeenkomsten/${eventId}/uitnodigingen`, 'done', { ingetrokken: 1 })
}

export default function RevokeInvitation() {
  const t = useT()
  const r = t.invitations.revokePage
  const { eventId, eventTitle, name, organisation, revoked } = useLoaderData<typeof loader>()
  const back = `/beheer/bijeenkomsten/${eventId}/uitnodigingen`
  return (
    <div className="narrow">
      <h1>{r.title}</h1>
      <p>
        <strong>{eventTitle}</strong>
      </p>
      {revoked ? (
        <>
          <p>{r.already}</p>
          <p>
            <Link to={back}>{t.invitations.new.cancel}</Link>
          </p>
        </>
      ) : (
        <Form method="post">
          <div className="confirm-box">
            <p>{r.body(name, organisation)}</p>
          </div>
          <div className="actions">
            <button type="submit" className="button">
              {r.confirm}
            </button>
            <Link to={back}>{r.cancel}</Link>
          </div>
        </Form>
      )}
    </div>
  )
}
