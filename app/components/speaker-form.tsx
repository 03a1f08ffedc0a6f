import { getFormProps, getInputProps, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { speakerSchema } from '~/domain/speaker-schema'
import { useT } from '~/i18n'
import { CheckboxField, ErrorSummary, Field, Fieldset } from './forms'
import { InputFor, LanguageFor, SelectFor, TextareaFor, useZodForm } from './conform-fields'

export function SpeakerForm({
  lastResult,
  defaults,
  organisations,
  photoError,
  currentPhoto,
  name,
}: {
  lastResult?: SubmissionResult<string[]> | null
  defaults: Record<string, string | boolean>
  organisations: Array<{ id: string; name: string }>
  photoError?: string | null
  currentPhoto?: string | null
  name?: string
}) {
  const t = useT()
  const s = t.speakersAdmin
  const f = s.fields
  const schema = speakerSchema(s.errors)
  const [form, fields] = useZodForm(schema, { id: 'speaker-form', lastResult, defaultValue: defaults })
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
      {/* The fields by name: Conform's `fields` proxy cannot be listed with Object.values. */}
      <ErrorSummary
        title={t.eventAdmin.errorSummary}
        errors={form.errors}
        fields={[
          fields.honorific,
          fields.name,
          fields.function,
          fields.organisationId,
          fields.attribution,
          fields.bio,
          fields.email,
          fields.language,
          fields.delegateName,
          fields.delegateEmail,
          { id: 'photo', errors: [photoError] },
          fields.photoCredit,
        ]}
      />
      <Fieldset legend={s.sections.person}>
        <InputFor meta={fields.honorific} label={f.honorific} hint={f.honorificHint} />
        <InputFor meta={fields.name} label={f.name} autoComplete="off" />
        <InputFor meta={fields.function} label={f.function} hint={f.functionHint} />
        <SelectFor
          meta={fields.organisationId}
          label={f.organisation}
          options={[
            { value: '', label: f.noOrganisation },
            ...organisations.map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
        <InputFor meta={fields.attribution} label={f.attribution} hint={f.attributionHint} />
        <TextareaFor meta={fields.bio} label={f.bio} />
      </Fieldset>
      <Fieldset legend={s.sections.contact}>
        <InputFor meta={fields.email} label={f.email} type="email" autoComplete="off" />
        <LanguageFor meta={fields.language} label={f.language} />
        <InputFor meta={fields.delegateName} label={f.delegateName} hint={f.delegateHint} />
        <InputFor meta={fields.delegateEmail} label={f.delegateEmail} type="email" />
      </Fieldset>
      <Fieldset legend={s.sections.photo}>
        {currentPhoto ? (
          <>
            <img
              src={currentPhoto}
              alt={f.currentPhoto(name ?? '')}
              width="160"
              height="160"
              className="photo-preview"
            />
            <CheckboxField label={f.removePhoto} inputProps={getInputProps(fields.removePhoto, { type: 'checkbox' })} />
          </>
        ) : null}
        <Field
          label={f.photo}
          hint={f.photoHint}
          inputProps={{ id: 'photo', name: 'photo', type: 'file', accept: 'image/jpeg,image/png,image/webp' }}
          errors={photoError ? [photoError] : undefined}
        />
        <InputFor meta={fields.photoCredit} label={f.photoCredit} />
      </Fieldset>
      <Fieldset legend={s.sections.consent}>
        <p className="field-hint">{s.consentHint}</p>
        <CheckboxField
          label={f.consentName}
          inputProps={getInputProps(fields.consentPublishName, { type: 'checkbox' })}
        />
        <CheckboxField
          label={f.consentPhoto}
          inputProps={getInputProps(fields.consentPublishPhoto, { type: 'checkbox' })}
        />
        <CheckboxField
          label={f.consentQuotes}
          inputProps={getInputProps(fields.consentPublishQuotes, { type: 'checkbox' })}
        />
      </Fieldset>
      <button type="submit" className="button">
        {s.save}
      </button>
    </Form>
  )
}
