import { Form } from '@remix-run/react'
import { ActionLabel } from '~/components/action-label'

/**
 * "Up" and "Down" for an item in an ordered list: two submit buttons in a small POST form, so ordering works
 * by keyboard and without JavaScript. Each names the item after its visible text, for screen readers.
 */
export function MoveButtons({
  fields,
  index,
  count,
  text,
  object,
}: {
  fields: Record<string, string>
  index: number
  count: number
  text: { up: string; down: string }
  /** What moves, named after the visible text for assistive technology. */
  object: string
}) {
  return (
    <Form method="post" className="actions">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" name="direction" value="up" className="button button--secondary" disabled={index === 0}>
        <ActionLabel text={text.up} object={object} />
      </button>
      <button
        type="submit"
        name="direction"
        value="down"
        className="button button--secondary"
        disabled={index === count - 1}
      >
        <ActionLabel text={text.down} object={object} />
      </button>
    </Form>
  )
}
