import { Form } from '@remix-run/react'
import { useT } from '~/i18n'
import { Field } from './forms'

type Outside = { id: string; title: string; time: string }

/**
 * The agenda page's warning when items fall outside the event, and the one action that moves every item by
 * the same minutes (prefilled with the shift that makes the agenda fit, when there is one).
 */
export function AgendaShift({
  outside,
  period,
  suggested,
  error,
}: {
  outside: Outside[]
  period: string
  suggested: number | null
  error: string | null
}) {
  const f = useT().agendaFit
  return (
    <>
      {outside.length ? (
        <div className="warning-list" role="status" id="agenda-outside">
          <h2>{f.pageWarning(outside.length)}</h2>
          <ul>
            {outside.map((i) => (
              <li key={i.id}>
                <a href={`#item-${i.id}`}>{i.title}</a> ({i.time})
              </li>
            ))}
          </ul>
          <p>{f.eventTimes(period)}</p>
        </div>
      ) : null}
      <details className="agenda-shift" open={outside.length > 0 || error !== null}>
        <summary>{f.shiftHeading}</summary>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="shift" />
          <p>{f.shiftIntro}</p>
          <Field
            label={f.minutesLabel}
            hint={f.minutesHint}
            errors={error ? [error] : undefined}
            inputProps={{
              id: 'shift-minutes',
              name: 'minutes',
              type: 'number',
              inputMode: 'numeric',
              step: 5,
              defaultValue: suggested ?? '',
              required: true,
            }}
          />
          <button type="submit" className="button button--secondary">
            {f.shiftButton}
          </button>
        </Form>
      </details>
    </>
  )
}
