import { Form } from '@remix-run/react'

/**
 * "Up" and "Down" for an item in an ordered list: two submit buttons in a small POST form, so ordering works
 * by keyboard and without JavaScript. The labels name the item for screen readers.
 */
export function MoveButtons({
  fields,
  index,
  count,
  text,
  labels,
}: {
  fields: Record<string, string>
  index: number
  count: number
  text: { up: string; down: string }
  labels: { up: string; down: string }
}) {
  return (
    <Form method="post" className="actions">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        name="direction"
        value="up"
        className="button button--secondary"
        disabled={index === 0}
        aria-label={labels.up}
      >
        {text.up}
      </button>
      <button
        type="submit"
        name="direction"
        value="down"
        className="button button--secondary"
        disabled={index === count - 1}
        aria-label={labels.down}
      >
        {text.down}
      </button>
    </Form>
  )
}
