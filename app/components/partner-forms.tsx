// The organisation and contact forms of the secretariat. One Zod schema for server and browser (Conform):
// without JavaScript the server renders the same errors.
import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import type { z } from 'zod'
import { contactSchema, organisationSchema } from '~/domain/partners'
import { SECTORS } from '~/domain/sectors'
import { useT } from '~/i18n'
import { ErrorSummary, Field, LanguageField, SelectField } from './forms'

type FormInput = { lastResult?: SubmissionResult<string[]> | null; defaults: Record<string, string> }

/** Both partner forms: the schema checks in the browser on leaving a field, the server checks the same. */
function usePartnerForm<Schema extends z.ZodTypeAny>(id: string, schema: Schema, input: FormInput) {
  return useForm({
    id,
    lastResult: input.lastResult,
    defaultValue: input.defaults,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
}

export function OrganisationForm({
  lastResult,
  defaults,
}: {
  lastResult?: SubmissionResult<string[]> | null
  defaults: Record<string, string>
}) {
  const t = useT()
  const p = t.partners
  const f = p.organisations.fields
  const [form, fields] = usePartnerForm('organisation-form', organisationSchema(p.organisations.errors), {
    lastResult,
    defaults,
  })
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      <ErrorSummary
        title={p.errorSummary}
        errors={form.errors}
        fields={[fields.name, fields.shortName, fields.sector, fields.seatQuota]}
      />
      <Field
        label={f.name}
        inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'organization' }}
        errors={fields.name.errors}
      />
      <Field
        label={f.shortName}
        inputProps={getInputProps(fields.shortName, { type: 'text' })}
        errors={fields.shortName.errors}
      />
      <SelectField
        label={f.sector}
        selectProps={getSelectProps(fields.sector)}
        options={SECTORS.map((s) => ({ value: s, label: t.sectors[s] }))}
        errors={fields.sector.errors}
      />
      <Field
        label={f.seatQuota}
        hint={f.seatQuotaHint}
        inputProps={{ ...getInputProps(fields.seatQuota, { type: 'text' }), inputMode: 'numeric' }}
        errors={fields.seatQuota.errors}
      />
      <button type="submit" className="button">
        {p.save}
      </button>
    </Form>
  )
}

export function ContactForm({
  lastResult,
  defaults,
  organisations,
}: {
  lastResult?: SubmissionResult<string[]> | null
  defaults: Record<string, string>
  organisations: Array<{ id: string; name: string }>
}) {
  const t = useT()
  const p = t.partners
  const f = p.contacts.fields
  const [form, fields] = usePartnerForm('contact-form', contactSchema(p.contacts.errors), { lastResult, defaults })
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      <ErrorSummary
        title={p.errorSummary}
        errors={form.errors}
        fields={[fields.name, fields.email, fields.function, fields.organisationId, fields.language]}
      />
      <Field
        label={f.name}
        inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'off' }}
        errors={fields.name.errors}
      />
      <Field
        label={f.email}
        inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'off' }}
        errors={fields.email.errors}
      />
      <Field
        label={f.function}
        inputProps={getInputProps(fields.function, { type: 'text' })}
        errors={fields.function.errors}
      />
      <SelectField
        label={f.organisation}
        selectProps={getSelectProps(fields.organisationId)}
        options={[
          { value: '', label: f.chooseOrganisation },
          ...organisations.map((o) => ({ value: o.id, label: o.name })),
        ]}
        errors={fields.organisationId.errors}
      />
      <LanguageField label={f.language} selectProps={getSelectProps(fields.language)} errors={fields.language.errors} />
      <button type="submit" className="button">
        {p.save}
      </button>
    </Form>
  )
}
