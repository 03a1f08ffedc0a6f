import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { SpeakerForm } from '~/components/speaker-form'
import { dictionary, metaTitle, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { handleSpeakerForm } from '~/routes-support/speaker-form.server'
import { organisationChoices } from '~/models/speaker.server'
import { redirectWithNotice } from '~/utils/flash.server'
import { requirePermission } from '~/utils/permissions.server'
import { safeRedirect } from '~/utils/safe-redirect'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.speakersAdmin.newTitle)

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'edit')
  return { organisations: await organisationChoices() }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const back = new URL(request.url).searchParams.get('terug')
  const outcome = await handleSpeakerForm(request, null, dictionary(await getLang(request)), user.id)
  if (outcome.kind === 'response') return outcome.response
  if (back) return redirect(safeRedirect(back, '/beheer/sprekers'))
  return redirectWithNotice(user, `/beheer/sprekers/${outcome.id}`, 'saved')
}

export default function NewSpeaker() {
  const t = useT()
  const { organisations } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <h1>{t.speakersAdmin.newTitle}</h1>
      <SpeakerForm
        lastResult={actionData?.result}
        photoError={actionData?.photoError}
        organisations={organisations}
        defaults={{ language: 'nl' }}
      />
    </>
  )
}
