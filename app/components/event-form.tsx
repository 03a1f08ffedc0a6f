// The event form for "new" and "edit": one component, server-rendered errors, works without JavaScript.
import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import { eventFormSchema } from '~/domain/event-schema'
import { useT } from '~/i18n'
import { HostPicker, type HostChoice } from './host-picker'
import { ErrorSummary, Fieldset } from './forms'
import { CheckboxFor, InputFor, LanguageFor, SelectFor, TextareaFor, useZodForm } from './conform-fields'

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
  const [form, fields] = useZodForm(schema, { id: 'event-form', lastResult, defaultValue: defaults })
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
        <SelectFor
          meta={fields.programmeId}
          label={f.programme}
          options={programmes.map((p) => ({ value: p.id, label: p.name }))}
        />
        <InputFor meta={fields.title} label={f.title} autoComplete="off" />
        <InputFor meta={fields.subtitle} label={f.subtitle} hint={f.subtitleHint} />
        <TextareaFor meta={fields.description} label={f.description} hint={f.descriptionHint} rows={8} />
        <LanguageFor meta={fields.language} label={f.language} />
      </Fieldset>
      <Fieldset legend={t.eventAdmin.sections.when}>
        <p className="field-hint">{f.timeHint}</p>
        <div className="form-row">
          <InputFor meta={fields.date} label={f.date} type="date" />
          <InputFor meta={fields.startTime} label={f.startTime} type="time" />
          <InputFor meta={fields.endTime} label={f.endTime} type="time" />
        </div>
      </Fieldset>
      <Fieldset legend={t.eventAdmin.sections.where}>
        <InputFor meta={fields.venueName} label={f.venueName} />
        <InputFor meta={fields.venueAddress} label={f.venueAddress} autoComplete="street-address" />
        <div className="form-row">
          <InputFor meta={fields.venuePostcode} label={f.venuePostcode} autoComplete="postal-code" />
          <InputFor meta={fields.venueCity} label={f.venueCity} autoComplete="address-level2" />
        </div>
        <GeocodeChoice geocode={geocode} position={position} name={fields.position.name} />
        <button type="submit" name="intent" value="geocode" className="button button--secondary" formNoValidate>
          {t.eventAdmin.geocode.lookup}
        </button>
        <InputFor meta={fields.onlineUrl} label={f.onlineUrl} hint={f.onlineUrlHint} type="url" />
      </Fieldset>
      <Fieldset legend={t.eventAdmin.sections.registration}>
        <InputFor
          meta={fields.capacity}
          label={f.capacity}
          hint={f.capacityHint}
          type="number"
          min={1}
          inputMode="numeric"
        />
        <p className="field-hint">{f.windowHint}</p>
        <div className="form-row">
          <InputFor meta={fields.opensDate} label={`${f.opensAt}: ${f.date.toLowerCase()}`} type="date" />
          <InputFor meta={fields.opensTime} label={`${f.opensAt}: ${f.startTime.toLowerCase()}`} type="time" />
        </div>
        <div className="form-row">
          <InputFor meta={fields.closesDate} label={`${f.closesAt}: ${f.date.toLowerCase()}`} type="date" />
          <InputFor meta={fields.closesTime} label={`${f.closesAt}: ${f.startTime.toLowerCase()}`} type="time" />
        </div>
        <SelectFor
          meta={fields.visibility}
          label={f.visibility}
          options={[
            { value: 'invite_only', label: f.visibilityOptions.invite_only },
            { value: 'public', label: f.visibilityOptions.public },
          ]}
        />
        <CheckboxFor meta={fields.requiresApproval} label={f.requiresApproval} hint={f.requiresApprovalHint} />
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
