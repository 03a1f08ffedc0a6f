import { Form, Link } from '@remix-run/react'
import { useEffect, useRef, type ReactNode } from 'react'

/**
 * The question before a step that cannot be undone (cancel a registration, decline an invitation): a heading
 * that takes the focus, what happens, and one form with the confirming button next to a way back. A page of
 * its own state, so it works without JavaScript.
 */
export function ConfirmStep(props: {
  id: string
  title: string
  children: ReactNode
  intent: string
  confirm: string
  back: { to: string; label: string }
}) {
  const ref = useRef<HTMLHeadingElement>(null)
  // Keyboard and screen-reader users land on the question, not at the top of the page.
  useEffect(() => ref.current?.focus(), [])
  return (
    <section className="confirm-box" aria-labelledby={props.id}>
      <h2 id={props.id} ref={ref} tabIndex={-1}>
        {props.title}
      </h2>
      {props.children}
      <Form method="post">
        <input type="hidden" name="intent" value={props.intent} />
        <div className="actions">
          <button type="submit" className="button">
            {props.confirm}
          </button>
          <Link to={props.back.to}>{props.back.label}</Link>
        </div>
      </Form>
    </section>
  )
}
