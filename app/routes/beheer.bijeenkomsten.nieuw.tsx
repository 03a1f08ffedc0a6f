import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { EventForm } from '~/components/event-form'
import { dictionary, metaTitle, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { createEventFromForm, eventFormOptions } from '~/models/event-admin.server'
import { readEventForm } from '~/routes-support/event-form.server'
import { redirectWithNotice } from '~/utils/flash.server'
import { requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.eventAdmin.newTitle)

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'edit')
  return eventFormOptions()
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const t = dictionary(await getLang(request))
  const form = await readEventForm(request, t)
  if (form.kind === 'response') return form.response
  const created = await createEventFromForm(form.submission.value, user.id)
  if (!created.ok) {
    const fieldErrors = Object.fromEntries(
      Object.keys(created.problems).map((k) => [
        k,
        [k === 'hostIds' ? t.eventAdmin.errors.hostUnknown : t.eventAdmin.errors.programmeRequired],
      ]),
    )
    return data({ result: form.submission.reply({ fieldErrors }), geocode: null }, { status: 400 })
  }
  return redirectWithNotice(user, `/beheer/bijeenkomsten/${created.event.id}`, 'created')
}

export default function NewEvent() {
  const t = useT()
  const { programmes, organisations } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <h1>{t.eventAdmin.newTitle}</h1>
      <EventForm
        lastResult={actionData?.result}
        geocode={actionData?.geocode}
        defaults={{ programmeId: programmes[0]?.id, visibility: 'invite_only', language: 'nl' }}
        programmes={programmes}
        organisations={organisations}
        submitLabel={t.eventAdmin.create}
      />
    </>
  )
}
