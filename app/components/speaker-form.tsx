import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { speakerSchema } from '~/domain/speaker-schema'
import { useT } from '~/i18n'
import { CheckboxField, ErrorSummary, Field, Fieldset, SelectField, LanguageField, TextareaField } from './forms'

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
  const [form, fields] = useForm({
    id: 'speaker-form',
    lastResult,
    defaultValue: defaults,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
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
        <Field
          label={f.honorific}
          hint={f.honorificHint}
          inputProps={getInputProps(fields.honorific, { type: 'text' })}
          errors={fields.honorific.errors}
        />
        <Field
          label={f.name}
          inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'off' }}
          errors={fields.name.errors}
        />
        <Field
          label={f.function}
          hint={f.functionHint}
          inputProps={getInputProps(fields.function, { type: 'text' })}
          errors={fields.function.errors}
        />
        <SelectField
          label={f.organisation}
          selectProps={getSelectProps(fields.organisationId)}
          options={[
            { value: '', label: f.noOrganisation },
            ...organisations.map((o) => ({ value: o.id, label: o.name })),
          ]}
          errors={fields.organisationId.errors}
        />
        <Field
          label={f.attribution}
          hint={f.attributionHint}
          inputProps={getInputProps(fields.attribution, { type: 'text' })}
          errors={fields.attribution.errors}
        />
        <TextareaField label={f.bio} textareaProps={getTextareaProps(fields.bio)} errors={fields.bio.errors} />
      </Fieldset>
      <Fieldset legend={s.sections.contact}>
        <Field
          label={f.email}
          inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'off' }}
          errors={fields.email.errors}
        />
        <LanguageField
          label={f.language}
          selectProps={getSelectProps(fields.language)}
          errors={fields.language.errors}
        />
        <Field
          label={f.delegateName}
          hint={f.delegateHint}
          inputProps={getInputProps(fields.delegateName, { type: 'text' })}
          errors={fields.delegateName.errors}
        />
        <Field
          label={f.delegateEmail}
          inputProps={getInputProps(fields.delegateEmail, { type: 'email' })}
          errors={fields.delegateEmail.errors}
        />
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
        <Field
          label={f.photoCredit}
          inputProps={getInputProps(fields.photoCredit, { type: 'text' })}
          errors={fields.photoCredit.errors}
        />
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
