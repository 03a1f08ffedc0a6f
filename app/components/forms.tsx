// Form building blocks: a label, the control, a hint and the errors, wired for screen readers
// (aria-invalid, aria-describedby). They work without JavaScript: the server renders the errors.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react'
import { useEffect, useRef } from 'react'
import { useT } from '~/i18n'

export type ListOfErrors = Array<string | null | undefined> | null | undefined

export function ErrorList({ id, errors }: { id?: string; errors?: ListOfErrors }) {
  const list = errors?.filter(Boolean)
  if (!list?.length) return null
  return (
    <ul id={id} className="field-errors">
      {list.map((e) => (
        <li key={e}>
          <span className="visually-hidden">Fout: </span>
          {e}
        </li>
      ))}
    </ul>
  )
}

type ControlAria = { 'aria-invalid'?: true; 'aria-describedby'?: string }

/**
 * Label, hint and errors around one control, with the ids that tie them together. The control itself comes
 * from the caller, which spreads `aria` onto it.
 */
function FieldShell({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string
  label: ReactNode
  hint?: ReactNode
  errors?: ListOfErrors
  children: (aria: ControlAria) => ReactNode
}) {
  const invalid = Boolean(errors?.filter(Boolean).length)
  const errorId = invalid ? `${id}-error` : undefined
  const hintId = hint ? `${id}-hint` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <div className={invalid ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <ErrorList id={errorId} errors={errors} />
      {children({ 'aria-invalid': invalid ? true : undefined, 'aria-describedby': describedBy })}
    </div>
  )
}

export function Field({
  label,
  hint,
  inputProps,
  errors,
}: {
  label: ReactNode
  hint?: ReactNode
  inputProps: InputHTMLAttributes<HTMLInputElement> & { id: string; name: string }
  errors?: ListOfErrors
}) {
  return (
    <FieldShell id={inputProps.id} label={label} hint={hint} errors={errors}>
      {(aria) => <input {...inputProps} {...aria} />}
    </FieldShell>
  )
}

/**
 * A summary of what went wrong, shown above the form (GOV.UK / NL Design System pattern). General messages
 * (`errors`) come first; each field error (`fields`) is a link to its field, so keyboard users reach it at once.
 * It takes focus when it appears so that keyboard and screen-reader users hear it at once.
 *
 * Pass the fields by name (`fields={[fields.name, fields.email]}`): Conform's `fields` is a proxy that
 * Object.values cannot list before the server has answered.
 */
export function ErrorSummary({
  title,
  errors,
  fields,
}: {
  title: string
  errors?: ListOfErrors
  fields?: Array<{ id: string; errors?: ListOfErrors }>
}) {
  const ref = useRef<HTMLDivElement>(null)
  const general = (errors ?? []).filter((e): e is string => Boolean(e))
  const linked = (fields ?? []).flatMap((f) =>
    (f.errors ?? []).filter((e): e is string => Boolean(e)).map((message) => ({ id: f.id, message })),
  )
  const key = [...general, ...linked.map((e) => e.message)].join('|')
  useEffect(() => {
    if (key) ref.current?.focus()
  }, [key])
  if (!key) return null
  return (
    // autoFocus puts the `autofocus` attribute in the server's HTML: after a form post without JavaScript the
    // browser focuses the summary itself (the effect above does it when JavaScript runs). A summary appears
    // only after a submit, so the focus never jumps on a page the user just opened.
    // eslint-disable-next-line jsx-a11y/no-autofocus
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} autoFocus>
      <h2>{title}</h2>
      <ul>
        {general.map((message) => (
          <li key={message}>{message}</li>
        ))}
        {linked.map((e) => (
          <li key={`${e.id}-${e.message}`}>
            <a href={`#${e.id}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

export function TextareaField({
  label,
  hint,
  textareaProps,
  errors,
}: {
  label: ReactNode
  hint?: ReactNode
  textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string; name: string }
  errors?: ListOfErrors
}) {
  return (
    <FieldShell id={textareaProps.id} label={label} hint={hint} errors={errors}>
      {(aria) => <textarea rows={5} {...textareaProps} {...aria} />}
    </FieldShell>
  )
}

export function SelectField({
  label,
  hint,
  selectProps,
  options,
  errors,
}: {
  label: ReactNode
  hint?: ReactNode
  selectProps: SelectHTMLAttributes<HTMLSelectElement> & { id: string; name: string }
  options: Array<{ value: string; label: string }>
  errors?: ListOfErrors
}) {
  return (
    <FieldShell id={selectProps.id} label={label} hint={hint} errors={errors}>
      {(aria) => (
        <select {...selectProps} {...aria}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  )
}

/** The choice of Dutch or English (for pages and mail), with the app's one set of language labels. */
export function LanguageField({
  label,
  selectProps,
  errors,
}: {
  label: ReactNode
  selectProps: SelectHTMLAttributes<HTMLSelectElement> & { id: string; name: string }
  errors?: ListOfErrors
}) {
  const t = useT()
  return (
    <SelectField
      label={label}
      selectProps={selectProps}
      options={(['nl', 'en'] as const).map((l) => ({ value: l, label: t.languages[l] }))}
      errors={errors}
    />
  )
}

export function CheckboxField({
  label,
  hint,
  inputProps,
  errors,
}: {
  label: ReactNode
  hint?: ReactNode
  inputProps: InputHTMLAttributes<HTMLInputElement> & { id: string; name: string }
  errors?: ListOfErrors
}) {
  // Here the label follows the box and the hint follows both, as people expect for a checkbox.
  const invalid = Boolean(errors?.filter(Boolean).length)
  const errorId = invalid ? `${inputProps.id}-error` : undefined
  const hintId = hint ? `${inputProps.id}-hint` : undefined
  const described = [hintId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <div className={errorId ? 'field field--checkbox field--invalid' : 'field field--checkbox'}>
      <ErrorList id={errorId} errors={errors} />
      <div className="checkbox">
        <input type="checkbox" {...inputProps} aria-invalid={errorId ? true : undefined} aria-describedby={described} />
        <label htmlFor={inputProps.id}>{label}</label>
      </div>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  )
}

/** A group of related fields (date and times, an address) with a visible legend. */
export function Fieldset({ legend, children }: { legend: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  )
}
