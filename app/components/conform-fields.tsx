// The form building blocks of ./forms, fed by a Conform field: `<InputFor meta={fields.title} label={…} />`
// takes the name, id, value and constraints from Conform and shows the field's errors, so a form states each
// field once. Extra attributes (autoComplete, rows, min) pass through to the control.
import {
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type DefaultValue,
  type FieldMetadata,
  type SubmissionResult,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react'
import type { z } from 'zod'
import { CheckboxField, Field, LanguageField, SelectField, TextareaField } from './forms'

// Conform's metadata for a field of any form; the controls only read its name, id, value and errors.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Meta = FieldMetadata<any, any, any>

type Timing = 'onSubmit' | 'onBlur' | 'onInput'

/**
 * A form checked in the browser by the same Zod schema the server uses (without JavaScript the server renders
 * the same errors). By default a field is checked when it is left, and again on every input once it was wrong.
 */
export function useZodForm<Schema extends z.ZodTypeAny>(
  schema: Schema,
  options: {
    id: string
    lastResult?: SubmissionResult<string[]> | null
    defaultValue?: DefaultValue<z.input<Schema>> | Record<string, unknown>
    shouldValidate?: Timing
    shouldRevalidate?: Timing
  },
) {
  const { shouldValidate = 'onBlur', shouldRevalidate = 'onInput', ...rest } = options
  return useForm<z.input<Schema>, z.output<Schema>>({
    ...rest,
    defaultValue: rest.defaultValue as DefaultValue<z.input<Schema>>,
    constraint: getZodConstraint(schema),
    shouldValidate,
    shouldRevalidate,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
}
type Labelled = { meta: Meta; label: ReactNode; hint?: ReactNode }
type InputType = 'text' | 'email' | 'tel' | 'url' | 'number' | 'date' | 'time' | 'datetime-local' | 'password'
type Passed<T> = Omit<T, 'id' | 'name' | 'type' | 'defaultValue' | 'defaultChecked' | 'form'>

export function InputFor({
  meta,
  label,
  hint,
  type = 'text',
  ...attributes
}: Labelled & { type?: InputType } & Passed<InputHTMLAttributes<HTMLInputElement>>) {
  return (
    <Field
      label={label}
      hint={hint}
      inputProps={{ ...getInputProps(meta, { type }), ...attributes }}
      errors={meta.errors}
    />
  )
}

export function CheckboxFor({ meta, label, hint }: Labelled) {
  return (
    <CheckboxField
      label={label}
      hint={hint}
      inputProps={getInputProps(meta, { type: 'checkbox' })}
      errors={meta.errors}
    />
  )
}

export function TextareaFor({
  meta,
  label,
  hint,
  ...attributes
}: Labelled & Passed<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  return (
    <TextareaField
      label={label}
      hint={hint}
      textareaProps={{ ...getTextareaProps(meta), ...attributes }}
      errors={meta.errors}
    />
  )
}

export function SelectFor({
  meta,
  label,
  hint,
  options,
}: Labelled & { options: Array<{ value: string; label: string }> }) {
  return (
    <SelectField label={label} hint={hint} selectProps={getSelectProps(meta)} options={options} errors={meta.errors} />
  )
}

/** Dutch or English, with the app's one set of language labels. */
export function LanguageFor({ meta, label }: { meta: Meta; label: ReactNode }) {
  return <LanguageField label={label} selectProps={getSelectProps(meta)} errors={meta.errors} />
}
