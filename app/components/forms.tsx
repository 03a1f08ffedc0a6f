// Form building blocks: a label, the control, a hint and the errors, wired for screen readers
// (aria-invalid, aria-describedby). They work without JavaScript: the server renders the errors.
import type { InputHTMLAttributes, ReactNode } from 'react'
import { useEffect, useRef } from 'react'

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
  const { id } = inputProps
  const errorId = errors?.length ? `${id}-error` : undefined
  const hintId = hint ? `${id}-hint` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <div className={errorId ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <ErrorList id={errorId} errors={errors} />
      <input {...inputProps} aria-invalid={errorId ? true : undefined} aria-describedby={describedBy} />
    </div>
  )
}

/**
 * A summary of what went wrong, shown above the form. It takes focus when it appears so that
 * keyboard and screen-reader users hear it at once.
 */
export function ErrorSummary({ title, errors }: { title: string; errors?: ListOfErrors }) {
  const ref = useRef<HTMLDivElement>(null)
  const list = errors?.filter(Boolean) ?? []
  const key = list.join('|')
  useEffect(() => {
    if (key) ref.current?.focus()
  }, [key])
  if (!list.length) return null
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1}>
      <h2>{title}</h2>
      <ul>
        {list.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </div>
  )
}
