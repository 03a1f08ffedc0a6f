import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { agendaItemSchema, agendaKinds } from '~/domain/agenda'
import { useT } from '~/i18n'
import { ErrorSummary } from './forms'
import { InputFor, SelectFor, TextareaFor, useZodForm } from './conform-fields'

export function AgendaItemForm({
  id,
  lastResult,
  defaults,
  zone,
  actionLines,
  submitLabel,
}: {
  id: string
  lastResult?: SubmissionResult<string[]> | null
  defaults: Record<string, string | string[]>
  zone: string
  actionLines: Array<{ id: string; code: string; title: string }>
  submitLabel: string
}) {
  const t = useT()
  const a = t.agendaAdmin
  const schema = agendaItemSchema(a.errors, zone)
  const [form, fields] = useZodForm(schema, { id, lastResult, defaultValue: defaults })
  const chosen = new Set((defaults.actionLineIds as string[] | undefined) ?? [])
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save-item" />
      {/* The fields by name: Conform's `fields` proxy cannot be listed with Object.values. */}
      <ErrorSummary
        title={t.eventAdmin.errorSummary}
        errors={[...(form.errors ?? []), fields.actionLineIds.errors?.length ? a.errors.unknownActionLine : null]}
        fields={[
          fields.kind,
          fields.title,
          fields.description,
          fields.date,
          fields.startTime,
          fields.endTime,
          fields.room,
        ]}
      />
      <SelectFor
        meta={fields.kind}
        label={a.fields.kind}
        options={agendaKinds.map((k) => ({ value: k, label: t.event.kinds[k] }))}
      />
      <InputFor meta={fields.title} label={a.fields.title} />
      <TextareaFor meta={fields.description} label={a.fields.description} />
      <div className="form-row">
        <InputFor meta={fields.date} label={a.fields.date} type="date" />
        <InputFor meta={fields.startTime} label={a.fields.startTime} type="time" />
        <InputFor meta={fields.endTime} label={a.fields.endTime} type="time" />
      </div>
      <InputFor meta={fields.room} label={a.fields.room} hint={a.fields.roomHint} />
      {actionLines.length ? (
        <fieldset className="fieldset">
          <legend>{a.fields.actionLines}</legend>
          {fields.actionLineIds.errors?.length ? <p className="field-errors">{a.errors.unknownActionLine}</p> : null}
          <ul className="plain-list checkbox-list">
            {actionLines.map((l) => (
              <li key={l.id} className="checkbox">
                <input
                  type="checkbox"
                  id={`${id}-line-${l.id}`}
                  name={fields.actionLineIds.name}
                  value={l.id}
                  defaultChecked={chosen.has(l.id)}
                />
                <label htmlFor={`${id}-line-${l.id}`}>
                  {l.code}. {l.title}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  )
}
