// The secretariat's review of a statement: accept as is, propose an edited text, ask for changes, withdraw,
// and the embargo. Only the steps the state machine allows now are offered (`actions`); every form works
// without JavaScript.
import type { ReactNode } from 'react'
import { Form } from '@remix-run/react'
import type { StatementAction, StatementStatus } from '~/domain/statement'
import { STATEMENT_MAX_LENGTH } from '~/domain/statement'
import { useT } from '~/i18n'
import { Field, SelectField, TextareaField } from './forms'

export function StatementReview({
  actions,
  latest,
  status,
  embargo,
  error,
}: {
  actions: StatementAction[]
  latest: { text: string; language: string } | null
  status: StatementStatus
  /** The embargo as typed in the event's zone, and whether one is set. */
  embargo: { date: string; time: string; set: boolean }
  /** The server's message for one of the forms, if it refused it. */
  error: (form: string) => ReactNode
}) {
  const t = useT()
  const c = t.eventSpeakers.statements
  const d = c.detail
  return (
    <section aria-labelledby="beoordelen">
      <h2 id="beoordelen">{d.review}</h2>
      {actions.includes('propose') && latest ? (
        <Form method="post">
          <input type="hidden" name="intent" value="accept" />
          <p className="field-hint">{d.acceptHint}</p>
          <button type="submit" className="button">
            {d.accept}
          </button>
        </Form>
      ) : null}
      {actions.includes('propose') ? (
        <Form method="post">
          <h3>{d.edit}</h3>
          <p className="field-hint">{d.editHint}</p>
          {error('edit')}
          <input type="hidden" name="intent" value="edit" />
          <TextareaField
            label={d.editText}
            textareaProps={{
              id: 'edit-text',
              name: 'text',
              required: true,
              maxLength: STATEMENT_MAX_LENGTH,
              rows: 8,
              defaultValue: latest?.text ?? '',
            }}
          />
          <SelectField
            label={c.enter.language}
            selectProps={{ id: 'edit-language', name: 'language', defaultValue: latest?.language ?? 'nl' }}
            options={(['nl', 'en'] as const).map((l) => ({ value: l, label: c.enter.languages[l] }))}
          />
          <button type="submit" className="button">
            {d.edit}
          </button>
        </Form>
      ) : null}
      {actions.includes('request_changes') ? (
        <Form method="post">
          <h3>{d.askChanges}</h3>
          {error('request-changes')}
          <input type="hidden" name="intent" value="request-changes" />
          <TextareaField
            label={d.comment}
            textareaProps={{ id: 'comment', name: 'comment', required: true, maxLength: 2000, rows: 4 }}
          />
          <button type="submit" className="button button--secondary">
            {d.askChanges}
          </button>
        </Form>
      ) : null}
      {actions.includes('withdraw') ? (
        <Form method="post">
          <h3>{d.withdraw}</h3>
          <p className="field-hint">{d.withdrawHint}</p>
          <input type="hidden" name="intent" value="withdraw" />
          <button type="submit" className="button button--secondary">
            {d.withdraw}
          </button>
        </Form>
      ) : null}
      {status !== 'withdrawn' ? (
        <Form method="post">
          <h3>{d.embargo}</h3>
          <p className="field-hint">{d.embargoHint}</p>
          {error('embargo')}
          <input type="hidden" name="intent" value="embargo" />
          <Field
            label={d.embargoDate}
            inputProps={{
              id: 'embargo-date',
              name: 'embargoDate',
              type: 'date',
              required: true,
              defaultValue: embargo.date,
            }}
          />
          <Field
            label={d.embargoTime}
            inputProps={{
              id: 'embargo-time',
              name: 'embargoTime',
              type: 'time',
              required: true,
              defaultValue: embargo.time,
            }}
          />
          <button type="submit" className="button">
            {d.saveEmbargo}
          </button>
        </Form>
      ) : null}
      {embargo.set && status !== 'withdrawn' ? (
        <Form method="post">
          <input type="hidden" name="intent" value="clear-embargo" />
          <button type="submit" className="link-button">
            {d.clearEmbargo}
          </button>
        </Form>
      ) : null}
    </section>
  )
}
