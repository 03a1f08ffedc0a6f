import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { DateTime } from 'luxon'
import { z } from 'zod'
import { Field } from '~/components/forms'
import { dictionary, metaTitle, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { copyAsNextEdition, copyFormDefaults } from '~/models/event-admin.server'
import { redirectWithNotice } from '~/utils/flash.server'
import { requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.eventAdmin.copyForm.title)

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'edit')
  const form = await copyFormDefaults(params.id ?? '')
  if (!form) throw new Response('Not found', { status: 404 })
  return form
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const t = dictionary(await getLang(request))
  const form = await request.formData()
  const date = z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((v) => DateTime.fromISO(v).isValid)
    .safeParse(form.get('date'))
  if (!date.success) return data({ error: t.eventAdmin.copyForm.dateRequired }, { status: 400 })
  const copy = await copyAsNextEdition(params.id ?? '', date.data, user.id)
  if (!copy) throw new Response('Not found', { status: 404 })
  return redirectWithNotice(user, `/beheer/bijeenkomsten/${copy.id}`, 'copied')
}

export default function CopyEvent() {
  const t = useT()
  const c = t.eventAdmin.copyForm
  const { event, suggestion } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="narrow">
      <h1>{c.title}</h1>
      <p>
        <strong>{event.title}</strong>
      </p>
      <p>{c.intro}</p>
      <Form method="post">
        <Field
          label={c.date}
          inputProps={{ id: 'date', name: 'date', type: 'date', required: true, defaultValue: suggestion }}
          errors={actionData ? [actionData.error] : undefined}
        />
        <button type="submit" className="button">
          {c.submit}
        </button>
      </Form>
    </div>
  )
}
