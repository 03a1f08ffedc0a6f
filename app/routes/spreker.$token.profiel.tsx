import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { CheckboxField, ErrorSummary, Field, Fieldset, LanguageField, TextareaField } from '~/components/forms'
import { PortalHeader } from '~/components/speaker-portal-nav'
import { profileSchema } from '~/domain/speaker-portal'
import { dictionary, metaTitle, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { getPortal } from '~/models/speaker-portal.server'
import { handleProfileForm, requireSpeakerActor } from '~/routes-support/speaker-portal.server'
import portalStyles from '~/styles/speaker-portal.css?url'
import { linkPageHeaders, linkProblemResponse } from '~/utils/link-session.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: portalStyles }]

export const meta: MetaFunction = ({ matches }) => [
  ...metaTitle(matches, (t) => t.speakerPortal.profile.heading),
  { name: 'robots', content: 'noindex' },
]

export const headers = linkPageHeaders

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session, actor } = await requireSpeakerActor(request, params.token ?? '')
  const portal = await getPortal(actor)
  if (!portal) throw linkProblemResponse('unknown')
  const saved = new URL(request.url).searchParams.get('klaar') === 'opgeslagen'
  return data(
    { speaker: portal.speaker, delegate: portal.actor.delegate, base: session.path, saved },
    { headers: session.headers },
  )
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, actor } = await requireSpeakerActor(request, params.token ?? '')
  const outcome = await handleProfileForm(request, actor, dictionary(await getLang(request)))
  if (outcome.kind === 'response') return outcome.response
  return redirect(`${session.path}/profiel?klaar=opgeslagen`, 303)
}

export default function SpeakerProfile() {
  const t = useT()
  const p = t.speakerPortal
  const f = p.profile
  const { speaker, delegate, base, saved } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const schema = profileSchema(p.errors)
  const [form, fields] = useForm({
    id: 'speaker-profile',
    lastResult: actionData?.result ?? null,
    defaultValue: {
      honorific: speaker.honorific,
      name: speaker.plainName,
      function: speaker.function,
      attribution: speaker.attribution,
      bio: speaker.bio,
      language: speaker.language,
      photoCredit: speaker.photoCredit,
      consentPublishName: speaker.consentPublishName,
      consentPublishPhoto: speaker.consentPublishPhoto,
      consentPublishQuotes: speaker.consentPublishQuotes,
    },
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const photoError = actionData?.photoError ?? null
  return (
    <div className="narrow portal">
      <h1>{f.heading}</h1>
      <PortalHeader
        base={base}
        onBehalfOf={delegate ? speaker.name : null}
        notice={saved ? p.notices.profileSaved : null}
      />
      <p>{f.intro}</p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <ErrorSummary
          title={p.errors.summary}
          errors={form.errors}
          fields={[
            fields.honorific,
            fields.name,
            fields.function,
            fields.attribution,
            fields.bio,
            fields.language,
            { id: 'photo', errors: photoError ? [photoError] : undefined },
            fields.photoCredit,
          ]}
        />
        <Field
          label={f.honorific}
          hint={f.honorificHint}
          inputProps={getInputProps(fields.honorific, { type: 'text' })}
          errors={fields.honorific.errors}
        />
        <Field
          label={f.name}
          inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'name' }}
          errors={fields.name.errors}
        />
        <Field
          label={f.function}
          hint={f.functionHint}
          inputProps={{ ...getInputProps(fields.function, { type: 'text' }), autoComplete: 'organization-title' }}
          errors={fields.function.errors}
        />
        <Field
          label={f.attribution}
          hint={f.attributionHint}
          inputProps={getInputProps(fields.attribution, { type: 'text' })}
          errors={fields.attribution.errors}
        />
        <TextareaField
          label={f.bio}
          textareaProps={{ ...getTextareaProps(fields.bio), rows: 5 }}
          errors={fields.bio.errors}
        />
        <LanguageField
          label={f.language}
          selectProps={getSelectProps(fields.language)}
          errors={fields.language.errors}
        />
        <Fieldset legend={f.photo}>
          {speaker.photoSrc ? (
            <img className="photo-preview" src={speaker.photoSrc} alt={f.currentPhoto(speaker.name)} width={160} />
          ) : (
            <p>{f.noPhoto}</p>
          )}
          <Field
            label={f.newPhoto}
            inputProps={{ id: 'photo', name: 'photo', type: 'file', accept: 'image/jpeg,image/png,image/webp' }}
            errors={photoError ? [photoError] : undefined}
          />
          <Field
            label={f.photoCredit}
            inputProps={getInputProps(fields.photoCredit, { type: 'text' })}
            errors={fields.photoCredit.errors}
          />
          {speaker.photoSrc ? (
            <CheckboxField
              label={f.removePhoto}
              inputProps={getInputProps(fields.removePhoto, { type: 'checkbox' })}
              errors={fields.removePhoto.errors}
            />
          ) : null}
        </Fieldset>
        <Fieldset legend={f.consents}>
          <p>{f.consentsIntro}</p>
          <CheckboxField
            label={f.consentName}
            inputProps={getInputProps(fields.consentPublishName, { type: 'checkbox' })}
            errors={fields.consentPublishName.errors}
          />
          <CheckboxField
            label={f.consentPhoto}
            inputProps={getInputProps(fields.consentPublishPhoto, { type: 'checkbox' })}
            errors={fields.consentPublishPhoto.errors}
          />
          <CheckboxField
            label={f.consentQuotes}
            inputProps={getInputProps(fields.consentPublishQuotes, { type: 'checkbox' })}
            errors={fields.consentPublishQuotes.errors}
          />
        </Fieldset>
        <button type="submit" className="button">
          {f.save}
        </button>
      </Form>
    </div>
  )
}
