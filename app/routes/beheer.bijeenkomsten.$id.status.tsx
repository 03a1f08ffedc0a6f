import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'

import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { TextareaField } from '~/components/forms'
import { metaTitle, useT } from '~/i18n'
import { statusChangePreview, transitionEvent } from '~/models/event-admin.server'
import { redirectWithNotice } from '~/utils/flash.server'
import { requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.eventAdmin.statusConfirm.pageTitle)

const target = z.enum(['published', 'completed', 'cancelled'])

// GET shows what will happen (how many people a cancellation mails); only the POST changes anything.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'edit')
  const to = target.safeParse(new URL(request.url).searchParams.get('naar'))
  if (!to.success) throw new Response('Bad request', { status: 400 })
  const preview = await statusChangePreview(params.id ?? '', to.data)
  if (!preview) throw new Response('Not found', { status: 404 })
  if (!preview.allowed) throw new Response('Conflict', { status: 409 })
  const { event, recipients } = preview
  return { event, to: to.data, recipients }
}

const formSchema = z.object({ to: target, message: z.string().max(2000).optional().default('') })

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const parsed = formSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) throw new Response('Bad request', { status: 400 })
  const result = await transitionEvent(params.id ?? '', parsed.data.to, user.id, parsed.data.message.trim())
  if (result.kind === 'not-found') throw new Response('Not found', { status: 404 })
  if (result.kind === 'not-allowed' || result.kind === 'conflict') throw new Response('Conflict', { status: 409 })
  return redirectWithNotice(user, `/beheer/bijeenkomsten/${params.id}`, 'status-changed', parsed.data.to)
}

export default function StatusConfirm() {
  const t = useT()
  const c = t.eventAdmin.statusConfirm
  const { event, to, recipients } = useLoaderData<typeof loader>()
  const label = t.eventAdmin.overview.transition[to]
  return (
    <div className="narrow">
      <h1>{c.title(label)}</h1>
      <p>
        <strong>{event.title}</strong>
      </p>
      <p>{to === 'cancelled' ? c.cancelled(recipients) : c[to]}</p>
      <Form method="post">
        <input type="hidden" name="to" value={to} />
        {to === 'cancelled' ? (
          <TextareaField
            label={c.message}
            hint={c.messageHint}
            textareaProps={{ id: 'message', name: 'message', maxLength: 2000 }}
          />
        ) : null}
        <div className="actions">
          <button type="submit" className="button">
            {c.confirm(label)}
          </button>
          <Link to={`/beheer/bijeenkomsten/${event.id}`}>{c.back}</Link>
        </div>
      </Form>
    </div>
  )
}
