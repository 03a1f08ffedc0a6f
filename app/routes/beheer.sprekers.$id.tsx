import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'

import { useActionData, useLoaderData } from '@remix-run/react'
import { SpeakerForm } from '~/components/speaker-form'
import { dictionary, metaTitle, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { displayName } from '~/models/event.server'
import { handleSpeakerForm } from '~/routes-support/speaker-form.server'
import { getSpeaker, organisationChoices } from '~/models/speaker.server'
import { redirectWithNotice, takeNotice } from '~/utils/flash.server'
import { requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.speakersAdmin.editPageTitle)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const [speaker, organisations] = await Promise.all([getSpeaker(params.id ?? ''), organisationChoices()])
  if (!speaker) throw new Response('Not found', { status: 404 })
  return {
    notice: await takeNotice(user, request),
    organisations,
    name: displayName(speaker),
    photo: speaker.photoPath ? `/media/${speaker.photoPath}` : null,
    defaults: {
      honorific: speaker.honorific,
      name: speaker.name,
      function: speaker.function,
      organisationId: speaker.organisationId ?? '',
      attribution: speaker.attribution,
      bio: speaker.bio,
      email: speaker.email ?? '',
      language: speaker.language,
      delegateName: speaker.delegateName ?? '',
      delegateEmail: speaker.delegateEmail ?? '',
      photoCredit: speaker.photoCredit ?? '',
      consentPublishName: speaker.consentPublishName,
      consentPublishPhoto: speaker.consentPublishPhoto,
      consentPublishQuotes: speaker.consentPublishQuotes,
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const outcome = await handleSpeakerForm(request, params.id ?? '', dictionary(await getLang(request)), user.id)
  if (outcome.kind === 'response') return outcome.response
  return redirectWithNotice(user, `/beheer/sprekers/${outcome.id}`, 'saved')
}

export default function EditSpeaker() {
  const t = useT()
  const { organisations, defaults, name, photo, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      {notice?.name === 'saved' ? (
        <p role="status" className="notice">
          {t.speakersAdmin.saved}
        </p>
      ) : null}
      <h1>{t.speakersAdmin.editTitle(name)}</h1>
      <SpeakerForm
        lastResult={actionData?.result}
        photoError={actionData?.photoError}
        organisations={organisations}
        defaults={defaults}
        currentPhoto={photo}
        name={name}
      />
    </>
  )
}
