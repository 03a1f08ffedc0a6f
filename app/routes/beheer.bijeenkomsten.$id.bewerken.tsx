import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { EventForm } from '~/components/event-form'
import { z } from 'zod'
import { describeScheduleChanges, type ScheduleChange } from '~/domain/event-changes'
import { formatTime } from '~/domain/format'
import { dictionary, metaTitle, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { ConcurrentChangeError } from '~/models/event-mail.server'
import { eventFormDefaults, eventFormOptions, updateEventFromForm } from '~/models/event-admin.server'
import { readEventForm } from '~/routes-support/event-form.server'
import { redirectWithNotice } from '~/utils/flash.server'
import { requirePermission } from '~/utils/permissions.server'

const agendaChoice = z.enum(['shift', 'keep']).nullable()

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.eventAdmin.editPageTitle)

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'edit')
  const [found, options] = await Promise.all([eventFormDefaults(params.id ?? ''), eventFormOptions()])
  if (!found) throw new Response('Not found', { status: 404 })
  const { event, defaults } = found
  return {
    ...options,
    defaults,
    event: { id: event.id, title: event.title },
    position:
      event.latitude !== null && event.longitude !== null
        ? { latitude: event.latitude, longitude: event.longitude }
        : null,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const lang = await getLang(request)
  const t = dictionary(lang)
  const form = await readEventForm(request, t)
  if (form.kind === 'response') return form.response
  const values = form.submission.value
  const confirmed = form.formData.get('notify') === 'confirmed'
  const agenda = agendaChoice.catch(null).parse(form.formData.get('agenda'))
  try {
    const outcome = await updateEventFromForm(params.id ?? '', values, user.id, confirmed, agenda)
    if (outcome.kind === 'not-found') throw new Response('Not found', { status: 404 })
    if (outcome.kind === 'invalid') {
      return data(
        {
          result: form.submission.reply({ fieldErrors: { hostIds: [t.eventAdmin.errors.hostUnknown] } }),
          geocode: null,
          confirm: null,
        },
        { status: 400 },
      )
    }
    if (outcome.kind === 'confirm') {
      // Nothing saved yet: the secretariat sees who will be mailed, and confirms.
      const changes = describeScheduleChanges(outcome.before, outcome.after, lang)
      const zone = outcome.after.timeZone
      const agenda = outcome.agenda && {
        shiftMinutes: outcome.agenda.shiftMinutes,
        outside: outcome.agenda.outside.map((i) => ({
          id: i.id,
          title: i.title,
          time: `${formatTime(i.startsAt, zone, lang)}–${formatTime(i.endsAt, zone, lang)}`,
        })),
      }
      return data(
        {
          result: form.submission.reply(),
          geocode: null,
          confirm: { recipients: outcome.recipients, changes, agenda },
        },
        { status: 200 },
      )
    }
    return redirectWithNotice(user, `/beheer/bijeenkomsten/${params.id}`, 'saved', outcome.mailed)
  } catch (error) {
    if (error instanceof ConcurrentChangeError) {
      return data(
        { result: form.submission.reply({ formErrors: [t.eventAdmin.conflict] }), geocode: null, confirm: null },
        { status: 409 },
      )
    }
    throw error
  }
}

export default function EditEvent() {
  const t = useT()
  const { programmes, organisations, defaults, event, position } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const confirm = (actionData as { confirm?: Confirmation | null } | undefined)?.confirm
  return (
    <>
      <h1>{t.eventAdmin.editTitle(event.title)}</h1>
      {confirm ? <ConfirmNotification {...confirm} /> : null}
      <EventForm
        lastResult={actionData?.result}
        geocode={actionData?.geocode}
        defaults={defaults}
        position={position}
        programmes={programmes}
        organisations={organisations}
        submitLabel={t.eventAdmin.save}
      />
    </>
  )
}

type Confirmation = {
  recipients: number
  changes: ScheduleChange[]
  agenda: { shiftMinutes: number | null; outside: Array<{ id: string; title: string; time: string }> } | null
}

/**
 * The "are you sure" step before mailing people about a change, and the question what happens to an agenda
 * that the new times leave behind. It re-submits the same form with the answers, so it works without
 * JavaScript: the form below still holds every value.
 */
function ConfirmNotification({ recipients, changes, agenda }: Confirmation) {
  const t = useT()
  const f = t.agendaFit
  return (
    <section className="confirm-box" aria-labelledby="notify-title" role="alertdialog" aria-describedby="notify-text">
      <h2 id="notify-title">{recipients ? t.eventAdmin.notify.title : f.title}</h2>
      {recipients ? <p id="notify-text">{t.eventAdmin.notify.text(recipients)}</p> : null}
      <h3>{t.eventAdmin.notify.changes}</h3>
      <ul>
        {changes.map((c) => (
          <li key={c.label}>
            {c.label}: {c.from} → <strong>{c.to}</strong>
          </li>
        ))}
      </ul>
      {agenda ? <AgendaQuestion {...agenda} describedBy={recipients ? undefined : 'notify-text'} /> : null}
      <button type="submit" form="event-form" name="notify" value="confirmed" className="button">
        {recipients ? t.eventAdmin.notify.confirm(recipients) : f.save}
      </button>
    </section>
  )
}

/** Shift the whole agenda along (when that fits) or leave it; the radios belong to the event form. */
function AgendaQuestion({
  shiftMinutes,
  outside,
  describedBy,
}: NonNullable<Confirmation['agenda']> & { describedBy?: string }) {
  const t = useT()
  const f = t.agendaFit
  return (
    <fieldset className="fieldset">
      <legend>
        <h3>{f.title}</h3>
      </legend>
      <p id={describedBy}>{outside.length ? f.outside(outside.length) : f.moved}</p>
      {outside.length ? (
        <ul>
          {outside.map((i) => (
            <li key={i.id}>
              {i.title} ({i.time})
            </li>
          ))}
        </ul>
      ) : null}
      {shiftMinutes !== null ? (
        <ul className="plain-list">
          <li className="checkbox">
            <input
              type="radio"
              form="event-form"
              name="agenda"
              value="shift"
              id="agenda-shift"
              aria-describedby="agenda-shift-hint"
              defaultChecked
            />
            <label htmlFor="agenda-shift">{f.shift(shiftMinutes)}</label>
            <p className="muted" id="agenda-shift-hint">
              {f.shiftHint}
            </p>
          </li>
          <li className="checkbox">
            <input type="radio" form="event-form" name="agenda" value="keep" id="agenda-keep" />
            <label htmlFor="agenda-keep">{f.keep}</label>
          </li>
        </ul>
      ) : (
        <>
          <input type="hidden" form="event-form" name="agenda" value="keep" />
          <p>{f.noShift}</p>
        </>
      )}
    </fieldset>
  )
}
