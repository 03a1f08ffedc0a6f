// The organisation and contact forms of the secretariat. One Zod schema for server and browser (Conform):
// without JavaScript the server renders the same errors.
import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { contactSchema, organisationSchema } from '~/domain/partners'
import { SECTORS } from '~/domain/sectors'
import { useT } from '~/i18n'
import { ErrorSummary } from './forms'
import { InputFor, LanguageFor, SelectFor, useZodForm } from './conform-fields'

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
  const [form, fields] = useZodForm(organisationSchema(p.organisations.errors), {
    id: 'organisation-form',
    lastResult,
    defaultValue: defaults,
  })
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      <ErrorSummary
        title={p.errorSummary}
        errors={form.errors}
        fields={[fields.name, fields.shortName, fields.sector, fields.seatQuota]}
      />
      <InputFor meta={fields.name} label={f.name} autoComplete="organization" />
      <InputFor meta={fields.shortName} label={f.shortName} />
      <SelectFor
        meta={fields.sector}
        label={f.sector}
        options={SECTORS.map((s) => ({ value: s, label: t.sectors[s] }))}
      />
      <InputFor meta={fields.seatQuota} label={f.seatQuota} hint={f.seatQuotaHint} inputMode="numeric" />
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
  const [form, fields] = useZodForm(contactSchema(p.contacts.errors), {
    id: 'contact-form',
    lastResult,
    defaultValue: defaults,
  })
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      <ErrorSummary
        title={p.errorSummary}
        errors={form.errors}
        fields={[fields.name, fields.email, fields.function, fields.organisationId, fields.language]}
      />
      <InputFor meta={fields.name} label={f.name} autoComplete="off" />
      <InputFor meta={fields.email} label={f.email} type="email" autoComplete="off" />
      <InputFor meta={fields.function} label={f.function} />
      <SelectFor
        meta={fields.organisationId}
        label={f.organisation}
        options={[
          { value: '', label: f.chooseOrganisation },
          ...organisations.map((o) => ({ value: o.id, label: o.name })),
        ]}
      />
      <LanguageFor meta={fields.language} label={f.language} />
      <button type="submit" className="button">
        {p.save}
      </button>
    </Form>
  )
}

/** "Opgeslagen." after a save, on the edit page the action sent the browser to. */
export function SavedNotice() {
  return (
    <p role="status" className="notice">
      {useT().partners.saved}
    </p>
  )
}

/** Deleting an organisation or contact: why it cannot go (still in use) shows here, with the button. */
export function DeleteSection({ title, hint, error }: { title: string; hint: string; error: string | null }) {
  const t = useT()
  return (
    <section aria-labelledby="delete-heading">
      <h2 id="delete-heading">{title}</h2>
      <p>{hint}</p>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <Form method="post">
        <input type="hidden" name="intent" value="delete" />
        <button type="submit" className="button button--secondary">
          {t.partners.delete}
        </button>
      </Form>
    </section>
  )
}
