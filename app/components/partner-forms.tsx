// The organisation and contact forms of the secretariat. One Zod schema for server and browser (Conform):
// without JavaScript the server renders the same errors.
import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { contactSchema, LANGUAGES, organisationSchema } from '~/domain/partners'
import { SECTORS } from '~/domain/sectors'
import { useT } from '~/i18n'
import { Field, SelectField, type ListOfErrors } from './forms'

/**
 * The error summary with each message linked to its field (GOV.UK / NL Design System pattern). It takes focus
 * when it appears, so keyboard and screen-reader users hear it at once.
 */
export function LinkedErrorSummary({
  title,
  items,
}: {
  title: string
  items: Array<{ id?: string; errors?: ListOfErrors }>
}) {
  const ref = useRef<HTMLDivElement>(null)
  const list = items.flatMap((item) =>
    (item.errors ?? []).filter((e): e is string => Boolean(e)).map((message) => ({ id: item.id, message })),
  )
  const key = list.map((e) => e.message).join('|')
  useEffect(() => {
    if (key) ref.current?.focus()
  }, [key])
  if (!list.length) return null
  return (
    // autoFocus puts the `autofocus` attribute in the server's HTML: after a form post without JavaScript the
    // browser focuses the summary itself (the effect above does it when JavaScript runs). A summary appears
    // only after a submit, so the focus never jumps on a page the user just opened.
    // eslint-disable-next-line jsx-a11y/no-autofocus
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} autoFocus>
      <h2>{title}</h2>
      <ul>
        {list.map((e) => (
          <li key={`${e.id}-${e.message}`}>{e.id ? <a href={`#${e.id}`}>{e.message}</a> : e.message}</li>
        ))}
      </ul>
    </div>
  )
}

// Conform's `fields` is a proxy that Object.values cannot list, so each form names its fields.
const summaryItems = (formErrors: ListOfErrors, fields: Array<{ id: string; errors?: string[] }>) => [
  { errors: formErrors },
  ...fields.map((f) => ({ id: f.id, errors: f.errors })),
]

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
  const schema = organisationSchema(p.organisations.errors)
  const [form, fields] = useForm({
    id: 'organisation-form',
    lastResult,
    defaultValue: defaults,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      <LinkedErrorSummary
        title={p.errorSummary}
        items={summaryItems(form.errors, [fields.name, fields.shortName, fields.sector, fields.seatQuota])}
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
  const schema = contactSchema(p.contacts.errors)
  const [form, fields] = useForm({
    id: 'contact-form',
    lastResult,
    defaultValue: defaults,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      <LinkedErrorSummary
        title={p.errorSummary}
        items={summaryItems(form.errors, [
          fields.name,
          fields.email,
          fields.function,
          fields.organisationId,
          fields.language,
        ])}
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
      <SelectField
        label={f.language}
        selectProps={getSelectProps(fields.language)}
        options={LANGUAGES.map((l) => ({ value: l, label: p.languages[l] }))}
        errors={fields.language.errors}
      />
      <button type="submit" className="button">
        {p.save}
      </button>
    </Form>
  )
}
