// The registration fields, one set for the public form, the invitation page (invitee and colleagues) and the
// manage page: person, needs, photo consent and the event's own questions. Works without JavaScript: the
// server renders the errors; with JavaScript Conform checks the same schema as the server.
import { type SubmissionResult } from '@conform-to/react'
import {
  answerFieldName,
  HONEYPOT_FIELD,
  questionLabel,
  registrationSchema,
  type RegistrationQuestionDef,
} from '~/domain/registration-form'
import { formatDateTime, formatEventPeriod } from '~/domain/format'
import { useLang, useT } from '~/i18n'
import { ErrorList, ErrorSummary, Fieldset, TextareaField } from './forms'
import { CheckboxFor, InputFor, LanguageFor, TextareaFor, useZodForm } from './conform-fields'

type Defaults = Partial<{
  name: string
  email: string
  organisationName: string
  function: string
  language: 'nl' | 'en'
  dietary: string
  accessibility: string
  photoConsent: boolean
  answers: Record<string, string>
}>

export function useRegistrationForm(input: {
  id: string
  questions: RegistrationQuestionDef[]
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: Defaults
}) {
  const t = useT()
  const lang = useLang()
  const schema = registrationSchema(t.registration.errors, input.questions, lang)
  return useZodForm(schema, {
    id: input.id,
    lastResult: input.lastResult,
    defaultValue: input.defaultValue,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onBlur',
  })
}

type RegistrationForm = ReturnType<typeof useRegistrationForm>
type Fields = RegistrationForm[1]

/** Which parts show: the invitation fixes the organisation; a colleague gets the invitee's mail language. */
export type FieldsVariant = 'public' | 'invitation' | 'colleague'

/** The shared error summary for the registration fields: the event's own questions link to their input too. */
export function RegistrationErrorSummary({
  form,
  fields,
  questions,
  message,
}: {
  form: RegistrationForm[0]
  fields: Fields
  questions: RegistrationQuestionDef[]
  message?: string | null
}) {
  const t = useT()
  const answers = fields.answers.getFieldset()
  return (
    <ErrorSummary
      title={t.registration.errorSummary}
      errors={[message, ...(form.errors ?? [])]}
      fields={[
        ...(
          [
            'name',
            'email',
            'organisationName',
            'function',
            'language',
            'dietary',
            'accessibility',
            'photoConsent',
          ] as const
        ).map((name) => fields[name]),
        ...questions.map((q) => ({ id: answerInputId(answers[q.id]!.id, q), errors: answers[q.id]!.errors })),
      ]}
    />
  )
}

// A radio group is reached through its first option.
const answerInputId = (fieldId: string, q: RegistrationQuestionDef) => (q.type === 'text' ? fieldId : `${fieldId}-0`)

export function RegistrationFields({
  fields,
  questions,
  variant,
  organisationName,
}: {
  fields: Fields
  questions: RegistrationQuestionDef[]
  variant: FieldsVariant
  organisationName?: string
}) {
  const t = useT()
  const f = t.registration.fields
  const answers = fields.answers.getFieldset()
  return (
    <>
      <Fieldset legend={variant === 'colleague' ? f.colleague : f.person}>
        <InputFor meta={fields.name} label={f.name} autoComplete={variant === 'colleague' ? 'off' : 'name'} />
        <InputFor
          meta={fields.email}
          label={f.email}
          hint={variant === 'colleague' ? undefined : f.emailHint}
          type="email"
          autoComplete={variant === 'colleague' ? 'off' : 'email'}
        />
        {variant === 'public' ? (
          <InputFor meta={fields.organisationName} label={f.organisationName} autoComplete="organization" />
        ) : organisationName ? (
          <p>{f.organisationFixed(organisationName)}</p>
        ) : null}
        <InputFor
          meta={fields.function}
          label={f.function}
          autoComplete={variant === 'colleague' ? 'off' : 'organization-title'}
        />
        {variant === 'colleague' ? null : <LanguageFor meta={fields.language} label={f.language} />}
      </Fieldset>
      <Fieldset legend={f.needs}>
        <TextareaFor meta={fields.dietary} label={f.dietary} hint={f.dietaryHint} rows={3} />
        <TextareaFor meta={fields.accessibility} label={f.accessibility} hint={f.accessibilityHint} rows={3} />
      </Fieldset>
      {questions.length ? (
        <Fieldset legend={f.questions}>
          {questions.map((q) => (
            <Question key={q.id} question={q} field={answers[q.id]!} />
          ))}
        </Fieldset>
      ) : null}
      <Fieldset legend={f.consent}>
        <CheckboxFor meta={fields.photoConsent} label={f.photoConsent} hint={f.photoConsentHint} />
      </Fieldset>
    </>
  )
}

type AnswerField = ReturnType<Fields['answers']['getFieldset']>[string]

function Question({ question, field }: { question: RegistrationQuestionDef; field: AnswerField }) {
  const t = useT()
  const lang = useLang()
  const f = t.registration.fields
  const label = `${questionLabel(question, lang)}${question.required ? '' : ` ${f.optional}`}`
  const name = answerFieldName(question.id)
  const initial = typeof field.initialValue === 'string' ? field.initialValue : ''
  if (question.type === 'text') {
    return (
      <TextareaField
        label={label}
        textareaProps={{
          id: field.id,
          name,
          rows: 3,
          defaultValue: initial,
          required: question.required || undefined,
          maxLength: 2000,
        }}
        errors={field.errors}
      />
    )
  }
  const options =
    question.type === 'choice'
      ? question.options.map((o) => ({ value: o, label: o }))
      : [
          { value: 'yes', label: f.yes },
          { value: 'no', label: f.no },
        ]
  const invalid = Boolean(field.errors?.length)
  const errorId = `${field.id}-error`
  return (
    <fieldset
      className={invalid ? 'fieldset field--checkbox field--invalid' : 'fieldset field--checkbox'}
      aria-describedby={invalid ? errorId : undefined}
    >
      <legend>{label}</legend>
      <ErrorList id={invalid ? errorId : undefined} errors={field.errors} />
      {options.map((o, i) => (
        <div className="checkbox" key={o.value}>
          <input
            type="radio"
            id={`${field.id}-${i}`}
            name={name}
            value={o.value}
            defaultChecked={initial === o.value}
            required={question.required || undefined}
          />
          <label htmlFor={`${field.id}-${i}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  )
}

/** A field that people never see and robots fill in; filled means the post is refused. */
export function Honeypot({ id = 'registration-website' }: { id?: string }) {
  const t = useT()
  return (
    <div className="visually-hidden" aria-hidden="true">
      <label htmlFor={id}>{t.registration.fields.honeypot}</label>
      <input id={id} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  )
}

/** Title, date and time, place, and what happens with a registration now (seats, waitlist, approval). */
export function RegistrationEventSummary({
  event,
}: {
  event: {
    title: string
    startsAt: string
    endsAt: string
    timeZone: string
    venue: { name: string; address: string; postcode: string; city: string }
    online: boolean
    seatsLeft: number | null
    requiresApproval: boolean
    window: 'open' | 'not-yet' | 'closed'
    opensAt: string | null
    closesAt: string | null
  }
}) {
  const t = useT()
  const lang = useLang()
  const s = t.registration.summary
  const place = [
    event.venue.name,
    event.venue.address,
    [event.venue.postcode, event.venue.city].filter(Boolean).join(' '),
  ]
    .filter(Boolean)
    .join(', ')
  return (
    <section aria-labelledby="event-summary-heading">
      <h2 id="event-summary-heading">{s.heading}</h2>
      <dl className="facts">
        <dt>{s.when}</dt>
        <dd>{formatEventPeriod(new Date(event.startsAt), new Date(event.endsAt), event.timeZone, lang)}</dd>
        {place ? (
          <>
            <dt>{s.where}</dt>
            <dd lang="nl">{place}</dd>
          </>
        ) : null}
        {event.online ? (
          <>
            <dt>{s.online}</dt>
            <dd>{s.onlineYes}</dd>
          </>
        ) : null}
      </dl>
      {event.window === 'not-yet' ? (
        <p className="notice notice--warning">
          {event.opensAt
            ? s.opensAt(formatDateTime(new Date(event.opensAt), event.timeZone, lang))
            : t.registration.errors.notOpenYet}
        </p>
      ) : event.window === 'closed' ? (
        <p className="notice notice--warning">{t.registration.errors.closed}</p>
      ) : (
        <>
          {event.requiresApproval ? <p className="notice">{s.approval}</p> : null}
          {event.seatsLeft === null ? null : event.seatsLeft > 0 ? (
            <p>{s.seatsLeft(event.seatsLeft)}</p>
          ) : (
            <p className="notice notice--warning">{s.full}</p>
          )}
          {event.closesAt ? <p>{s.closesAt(formatDateTime(new Date(event.closesAt), event.timeZone, lang))}</p> : null}
        </>
      )}
    </section>
  )
}
