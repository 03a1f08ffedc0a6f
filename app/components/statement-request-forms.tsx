// The secretariat's two ways to a quote: ask speakers for one (deadline in the event's zone, reminder days,
// a question), or enter a text itself that the speaker still has to authorise. Plain forms: they work without
// JavaScript; the server checks every field again.
import type { ReactNode } from 'react'
import { Form } from '@remix-run/react'
import { STATEMENT_MAX_LENGTH } from '~/domain/statement'
import { useT } from '~/i18n'
import { CheckboxField, Field, Fieldset, SelectField, TextareaField } from './forms'

export function StatementRequestForms({
  speakers,
  error,
}: {
  /** The event's speakers; one without any e-mail address cannot be asked. */
  speakers: Array<{ id: string; name: string; reachable: boolean }>
  /** The server's message for one of the forms, if it refused it. */
  error: (form: string) => ReactNode
}) {
  const c = useT().eventSpeakers.statements
  return (
    <>
      <h2 id="vragen">{c.request.heading}</h2>
      {error('request')}
      <Form method="post" aria-labelledby="vragen">
        <input type="hidden" name="intent" value="request" />
        <Fieldset legend={c.request.speakers}>
          {speakers.map((sp) => (
            <CheckboxField
              key={sp.id}
              label={sp.name}
              inputProps={{ id: `ask-${sp.id}`, name: 'speakerId', value: sp.id, disabled: !sp.reachable }}
            />
          ))}
        </Fieldset>
        <Field
          label={c.request.deadlineDate}
          hint={c.request.deadlineHint}
          inputProps={{ id: 'deadline-date', name: 'deadlineDate', type: 'date' }}
        />
        <Field
          label={c.request.deadlineTime}
          inputProps={{ id: 'deadline-time', name: 'deadlineTime', type: 'time' }}
        />
        <Field
          label={c.request.reminderDays}
          hint={c.request.reminderHint}
          inputProps={{
            id: 'reminder-days',
            name: 'reminderDays',
            type: 'number',
            min: 1,
            max: 60,
            inputMode: 'numeric',
          }}
        />
        <TextareaField
          label={c.request.prompt}
          hint={c.request.promptHint}
          textareaProps={{ id: 'prompt', name: 'prompt', maxLength: 1000, rows: 3 }}
        />
        <div className="actions">
          <button type="submit" className="button">
            {c.request.submit}
          </button>
        </div>
      </Form>
      <h2 id="invoeren">{c.enter.heading}</h2>
      <p>{c.enter.hint}</p>
      {error('enter')}
      <Form method="post" aria-labelledby="invoeren">
        <input type="hidden" name="intent" value="enter" />
        <SelectField
          label={c.enter.speaker}
          selectProps={{ id: 'enter-speaker', name: 'speakerId' }}
          options={speakers.map((sp) => ({ value: sp.id, label: sp.name }))}
        />
        <TextareaField
          label={c.enter.text}
          textareaProps={{
            id: 'enter-text',
            name: 'text',
            required: true,
            maxLength: STATEMENT_MAX_LENGTH,
            rows: 6,
          }}
        />
        <SelectField
          label={c.enter.language}
          selectProps={{ id: 'enter-language', name: 'language', defaultValue: 'nl' }}
          options={(['nl', 'en'] as const).map((l) => ({ value: l, label: c.enter.languages[l] }))}
        />
        <div className="actions">
          <button type="submit" className="button">
            {c.enter.submit}
          </button>
        </div>
      </Form>
    </>
  )
}
