// The event form for "new" and "edit": one component, server-rendered errors, works without JavaScript.
import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Form, useNavigation } from '@remix-run/react'
import { eventFormSchema } from '~/domain/event-schema'
import { useT } from '~/i18n'
import { HostPicker, type HostChoice } from './host-picker'
import { CheckboxField, ErrorSummary, Field, Fieldset, SelectField, LanguageField, TextareaField } from './forms'

export type EventFormDefaults = Partial<{
  programmeId: string
  title: string
  subtitle: string
  description: string
  date: string
  startTime: string
  endTime: string
  venueName: string
  venueAddress: string
  venuePostcode: string
  venueCity: string
  onlineUrl: string
  capacity: string
  opensDate: string
  opensTime: string
  closesDate: string
  closesTime: string
  visibility: string
  requiresApproval: boolean
  language: string
  hostIds: string[]
  position: string
}>

export type GeocodeOutcome =
  | { kind: 'ok'; suggestions: Array<{ id: string; label: string; latitude: number; longitude: number }> }
  | { kind: 'unavailable' }

export function EventForm({
  lastResult,
  defaults,
  programmes,
  organisations,
  geocode,
  submitLabel,
  position,
}: {
  lastResult?: SubmissionResult<string[]> | null
  defaults: EventFormDefaults
  programmes: Array<{ id: string; name: string }>
  organisations: HostChoice[]
  geocode?: GeocodeOutcome | null
  submitLabel: string
  position?: { latitude: number; longitude: number } | null
}) {
  const t = useT()
  const f = t.eventAdmin.fields
  const schema = eventFormSchema(t.eventAdmin.errors)
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'event-form',
    lastResult,
    defaultValue: defaults,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const hostValues = new Set((fields.hostIds.value as string[] | string | undefined) ?? defaults.hostIds ?? [])
  return (
    <Form method="post" {...getFormProps(form)}>
      {/* The fields by name: Conform's `fields` proxy cannot be listed with Object.values. */}
      <ErrorSummary
        title={t.eventAdmin.errorSummary}
        errors={[...(form.errors ?? []), fields.hostIds.errors?.length ? t.eventAdmin.errors.hostUnknown : null]}
        fields={[
          fields.programmeId,
          fields.title,
          fields.subtitle,
          fields.description,
          fields.language,
          fields.date,
          fields.startTime,
          fields.endTime,
          fields.venueName,
          fields.venueAddress,
          fields.venuePostcode,
          fields.venueCity,
          fields.onlineUrl,
          fields.capacity,
          fields.opensDate,
          fields.opensTime,
          fields.closesDate,
          fields.closesTime,
          fields.visibility,
          fields.requiresApproval,
        ]}
      />
      <Fieldset legend={t.eventAdmin.sections.basics}>
        <SelectField
          label={f.programme}
          selectProps={getSelectProps(fields.programmeId)}
          options={programmes.map((p) => ({ value: p.id, label: p.name }))}
          errors={fields.programmeId.errors}
        />
        <Field
          label={f.title}
          inputProps={{ ...getInputProps(fields.title, { type: 'text' }), autoComplete: 'off' }}
          errors={fields.title.errors}
        />
        <Field
          label={f.subtitle}
          hint={f.subtitleHint}
          inputProps={getInputProps(fields.subtitle, { type: 'text' })}
          errors={fields.subtitle.errors}
        />
        <TextareaField
          label={f.description}
          hint={f.descriptionHint}
          textareaProps={{ ...getTextareaProps(fields.description), rows: 8 }}
          errors={fields.description.errors}
        />
        <LanguageField
          label={f.language}
          selectProps={getSelectProps(fields.language)}
          errors={fields.language.errors}
        />
      </Fieldset>
      <Fieldset legend={t.eventAdmin.sections.when}>
        <p className="field-hint">{f.timeHint}</p>
        <div className="form-row">
          <Field label={f.date} inputProps={getInputProps(fields.date, { type: 'date' })} errors={fields.date.errors} />
          <Field
            label={f.startTime}
            inputProps={getInputProps(fields.startTime, { type: 'time' })}
            errors={fields.startTime.errors}
          />
          <Field
            label={f.endTime}
            inputProps={getInputProps(fields.endTime, { type: 'time' })}
            errors={fields.endTime.errors}
          />
        </div>
      </Fieldset>
      <Fieldset legend={t.eventAdmin.sections.where}>
        <Field
          label={f.venueName}
          inputProps={getInputProps(fields.venueName, { type: 'text' })}
          errors={fields.venueName.errors}
        />
        <Field
          label={f.venueAddress}
          inputProps={{ ...getInputProps(fields.venueAddress, { type: 'text' }), autoComplete: 'street-address' }}
          errors={fields.venueAddress.errors}
        />
        <div className="form-row">
          <Field
            label={f.venuePostcode}
            inputProps={{ ...getInputProps(fields.venuePostcode, { type: 'text' }), autoComplete: 'postal-code' }}
            errors={fields.venuePostcode.errors}
          />
          <Field
            label={f.venueCity}
            inputProps={{ ...getInputProps(fields.venueCity, { type: 'text' }), autoComplete: 'address-level2' }}
            errors={fields.venueCity.errors}
          />
        </div>
        <GeocodeChoice geocode={geocode} position={position} name={fields.position.name} />
        <button type="submit" name="intent" value="geocode" className="button button--secondary" formNoValidate>
          {t.eventAdmin.geocode.lookup}
        </button>
        <Field
          label={f.onlineUrl}
          hint={f.onlineUrlHint}
          inputProps={getInputProps(fields.onlineUrl, { type: 'url' })}
          errors={fields.onlineUrl.errors}
        />
      </Fieldset>
      <Fieldset legend={t.eventAdmin.sections.registration}>
        <Field
          label={f.capacity}
          hint={f.capacityHint}
          inputProps={{ ...getInputProps(fields.capacity, { type: 'number' }), min: 1, inputMode: 'numeric' }}
          errors={fields.capacity.errors}
        />
        <p className="field-hint">{f.windowHint}</p>
        <div className="form-row">
          <Field
            label={`${f.opensAt}: ${f.date.toLowerCase()}`}
            inputProps={getInputProps(fields.opensDate, { type: 'date' })}
            errors={fields.opensDate.errors}
          />
          <Field
            label={`${f.opensAt}: ${f.startTime.toLowerCase()}`}
            inputProps={getInputProps(fields.opensTime, { type: 'time' })}
            errors={fields.opensTime.errors}
          />
        </div>
        <div className="form-row">
          <Field
            label={`${f.closesAt}: ${f.date.toLowerCase()}`}
            inputProps={getInputProps(fields.closesDate, { type: 'date' })}
            errors={fields.closesDate.errors}
          />
          <Field
            label={`${f.closesAt}: ${f.startTime.toLowerCase()}`}
            inputProps={getInputProps(fields.closesTime, { type: 'time' })}
            errors={fields.closesTime.errors}
          />
        </div>
        <SelectField
          label={f.visibility}
          selectProps={getSelectProps(fields.visibility)}
          options={[
            { value: 'invite_only', label: f.visibilityOptions.invite_only },
            { value: 'public', label: f.visibilityOptions.public },
          ]}
          errors={fields.visibility.errors}
        />
        <CheckboxField
          label={f.requiresApproval}
          hint={f.requiresApprovalHint}
          inputProps={getInputProps(fields.requiresApproval, { type: 'checkbox' })}
          errors={fields.requiresApproval.errors}
        />
      </Fieldset>
      <HostPicker
        name={fields.hostIds.name}
        organisations={organisations}
        selected={hostValues}
        error={fields.hostIds.errors?.length ? t.eventAdmin.errors.hostUnknown : null}
      />
      <div className="actions">
        <button
          type="submit"
          name="intent"
          value="save"
          className="button"
          disabled={navigation.state === 'submitting'}
        >
          {submitLabel}
        </button>
      </div>
    </Form>
  )
}

function GeocodeChoice({
  geocode,
  position,
  name,
}: {
  geocode?: GeocodeOutcome | null
  position?: { latitude: number; longitude: number } | null
  name: string
}) {
  const t = useT()
  const g = t.eventAdmin.geocode
  if (geocode?.kind === 'unavailable')
    return (
      <p className="notice notice--warning" role="status">
        {g.unavailable}
      </p>
    )
  if (geocode?.kind === 'ok') {
    if (!geocode.suggestions.length)
      return (
        <p className="notice notice--warning" role="status">
          {g.none}
        </p>
      )
    return (
      <fieldset className="fieldset">
        <legend>{g.suggestions}</legend>
        <ul className="plain-list">
          {geocode.suggestions.map((s, i) => (
            <li key={s.id} className="checkbox">
              <input
                type="radio"
                id={`position-${i}`}
                name={name}
                value={`${s.latitude},${s.longitude}`}
                defaultChecked={i === 0}
              />
              <label htmlFor={`position-${i}`}>{s.label}</label>
            </li>
          ))}
          <li className="checkbox">
            <input type="radio" id="position-none" name={name} value="" />
            <label htmlFor="position-none">{g.keep}</label>
          </li>
        </ul>
      </fieldset>
    )
  }
  return <p className="muted">{position ? g.geocoded(position.latitude, position.longitude) : g.notGeocoded}</p>
}
