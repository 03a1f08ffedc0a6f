import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { redirectWithNotice } from '~/utils/flash.server'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary, Fieldset } from '~/components/forms'
import { SECTORS } from '~/domain/sectors'
import { dictionary, metaTitle, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { inviteCandidates } from '~/models/invitation-list.server'
import { inviteContacts } from '~/models/invitation-send.server'
import { requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.invitations.new.title)

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'edit')
  const q = z
    .string()
    .max(200)
    .catch('')
    .parse(new URL(request.url).searchParams.get('zoek') ?? '')
  const candidates = await inviteCandidates(params.id ?? '', q)
  if (!candidates) throw new Response('Not found', { status: 404 })
  return { ...candidates, event: { id: candidates.event.id, title: candidates.event.title } }
}

const id = z.string().min(1).max(100)
const selectionSchema = z.object({
  contactId: z.array(id).max(10_000),
  organisationId: z.array(id).max(10_000),
  sector: z.array(z.enum(SECTORS)).max(SECTORS.length),
})

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const t = dictionary(await getLang(request)).invitations
  const eventId = params.id ?? ''
  const form = await request.formData()
  const parsed = selectionSchema.safeParse({
    contactId: form.getAll('contactId'),
    organisationId: form.getAll('organisationId'),
    sector: form.getAll('sector'),
  })
  if (!parsed.success) throw new Response('Bad request', { status: 400 })
  const result = await inviteContacts(
    eventId,
    { contactIds: parsed.data.contactId, organisationIds: parsed.data.organisationId, sectors: parsed.data.sector },
    user.id,
  )
  switch (result.kind) {
    case 'not-found':
      throw new Response('Not found', { status: 404 })
    case 'closed':
      return data({ error: t.errors.closed }, { status: 409 })
    case 'empty': {
      const chosen = parsed.data.contactId.length + parsed.data.organisationId.length + parsed.data.sector.length
      return data({ error: chosen ? t.errors.noContacts : t.errors.chooseSomeone }, { status: 400 })
    }
    case 'invited':
      return redirectWithNotice(user, `/beheer/bijeenkomsten/${eventId}/uitnodigingen`, 'done', {
        nieuw: result.created,
        bestaand: result.existing,
        heropend: result.reinvited,
      })
  }
}

export default function InviteContacts() {
  const t = useT()
  const i = t.invitations
  const n = i.new
  const { event, contacts, more, organisations, sectors: sectorCounts } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const back = `/beheer/bijeenkomsten/${event.id}/uitnodigingen`
  return (
    <>
      <p>
        <Link to={back}>{n.cancel}</Link>
      </p>
      <h1>{n.title}</h1>
      <p>
        <strong>{event.title}</strong>
      </p>
      <p>{n.intro}</p>
      <ErrorSummary title={i.errors.summary} errors={actionData?.error ? [actionData.error] : undefined} />

      <Form method="get" className="inline-form" role="search">
        <div className="field">
          <label htmlFor="contact-search">{n.search}</label>
          <p id="contact-search-hint" className="field-hint">
            {n.searchHint}
          </p>
          <input
            id="contact-search"
            name="zoek"
            type="search"
            maxLength={200}
            defaultValue={params.get('zoek') ?? ''}
            aria-describedby="contact-search-hint"
          />
        </div>
        <button type="submit" className="button button--secondary">
          {n.searchButton}
        </button>
      </Form>

      <Form method="post">
        <Fieldset legend={n.contacts}>
          {contacts.length ? (
            <ul className="checkbox-list plain-list">
              {contacts.map((c) => (
                <li key={c.id} className="checkbox">
                  <input
                    type="checkbox"
                    id={`contact-${c.id}`}
                    name="contactId"
                    value={c.id}
                    disabled={c.invited === 'invited'}
                    aria-describedby={c.invited ? `contact-${c.id}-note` : undefined}
                  />
                  <label htmlFor={`contact-${c.id}`}>{n.contactLabel(c.name, c.organisation)}</label>{' '}
                  {c.invited ? (
                    <span id={`contact-${c.id}-note`} className="muted">
                      ({c.invited === 'revoked' ? n.revoked : n.alreadyInvited})
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>{n.noContacts}</p>
          )}
          {more ? <p className="muted">{n.more}</p> : null}
        </Fieldset>
        {organisations.length ? (
          <Fieldset legend={n.organisations}>
            <ul className="checkbox-list plain-list">
              {organisations.map((o) => (
                <li key={o.id} className="checkbox">
                  <input type="checkbox" id={`organisation-${o.id}`} name="organisationId" value={o.id} />
                  <label htmlFor={`organisation-${o.id}`}>{n.organisationLabel(o.name, o.contacts)}</label>
                </li>
              ))}
            </ul>
          </Fieldset>
        ) : null}
        {sectorCounts.length ? (
          <Fieldset legend={n.sectors}>
            <ul className="checkbox-list plain-list">
              {sectorCounts.map((s) => (
                <li key={s.sector} className="checkbox">
                  <input type="checkbox" id={`sector-${s.sector}`} name="sector" value={s.sector} />
                  <label htmlFor={`sector-${s.sector}`}>{n.sectorLabel(t.sectors[s.sector], s.contacts)}</label>
                </li>
              ))}
            </ul>
          </Fieldset>
        ) : null}
        <div className="actions">
          <button type="submit" className="button">
            {n.submit}
          </button>
          <Link to={back}>{n.cancel}</Link>
        </div>
      </Form>
    </>
  )
}
