import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { programmeSchema } from '~/domain/programme-schema'
import { useT } from '~/i18n'
import { ErrorSummary } from './forms'
import { InputFor, TextareaFor, useZodForm } from './conform-fields'

/** A programme's name and description in Dutch and (optionally) English: for "new" and "edit". */
export function ProgrammeForm({
  id,
  intent,
  lastResult,
  defaults,
  submitLabel,
}: {
  id: string
  intent?: string
  lastResult?: SubmissionResult<string[]> | null
  defaults?: Record<string, string>
  submitLabel: string
}) {
  const t = useT()
  const p = t.programmesAdmin
  const schema = programmeSchema(p.errors)
  const [form, fields] = useZodForm(schema, { id, lastResult, defaultValue: defaults, shouldRevalidate: 'onBlur' })
  return (
    <Form method="post" {...getFormProps(form)}>
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <ErrorSummary
        title={t.eventAdmin.errorSummary}
        errors={form.errors}
        fields={[fields.name, fields.nameEn, fields.description, fields.descriptionEn]}
      />
      <InputFor meta={fields.name} label={p.fields.name} />
      <InputFor meta={fields.nameEn} label={p.fields.nameEn} hint={p.fields.optional} />
      <TextareaFor meta={fields.description} label={p.fields.description} />
      <TextareaFor meta={fields.descriptionEn} label={p.fields.descriptionEn} hint={p.fields.optional} />
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  )
}
