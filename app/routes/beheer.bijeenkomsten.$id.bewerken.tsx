import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { EventForm } from '~/components/event-form'
import { describeScheduleChanges, type ScheduleChange } from '~/domain/event-changes'
import { dictionary, metaTitle, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { ConcurrentChangeError } from '~/models/event-mail.server'
import { eventFormDefaults, eventFormOptions, updateEventFromForm } from '~/models/event-admin.server'
import { readEventForm } from '~/routes-support/event-form.server'
import { redirectWithNotice } from '~/utils/flash.server'
import { requirePermission } from '~/utils/permissions.server'

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
  try {
    const outcome = await updateEventFromForm(params.id ?? '', values, user.id, confirmed)
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
      return data(
        { result: form.submission.reply(), geocode: null, confirm: { recipients: outcome.recipients, changes } },
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
  const confirm = (actionData as { confirm?: { recipients: number; changes: ScheduleChange[] } | null } | undefined)
    ?.confirm
  return (
    <>
      <h1>{t.eventAdmin.editTitle(event.title)}</h1>
      {confirm ? <ConfirmNotification recipients={confirm.recipients} changes={confirm.changes} /> : null}
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

/**
 * The "are you sure" step before mailing people about a change. It re-submits the same form with the
 * confirmation, so it works without JavaScript: the form below still holds every value.
 */
function ConfirmNotification({
  recipients,
  changes,
}: {
  recipients: number
  changes: Array<{ label: string; from: string; to: string }>
}) {
  const t = useT()
  return (
    <section className="confirm-box" aria-labelledby="notify-title" role="alertdialog" aria-describedby="notify-text">
      <h2 id="notify-title">{t.eventAdmin.notify.title}</h2>
      <p id="notify-text">{t.eventAdmin.notify.text(recipients)}</p>
      <h3>{t.eventAdmin.notify.changes}</h3>
      <ul>
        {changes.map((c) => (
          <li key={c.label}>
            {c.label}: {c.from} → <strong>{c.to}</strong>
          </li>
        ))}
      </ul>
      <button type="submit" form="event-form" name="notify" value="confirmed" className="button">
        {t.eventAdmin.notify.confirm(recipients)}
      </button>
    </section>
  )
}
