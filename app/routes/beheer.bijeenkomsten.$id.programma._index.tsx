import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { ActionLabel } from '~/components/action-label'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { DateTime } from 'luxon'
import { z } from 'zod'
import { AgendaItemForm } from '~/components/agenda-item-form'
import { MoveButtons } from '~/components/move-buttons'
import { AgendaShift } from '~/components/agenda-shift'
import { formatEventPeriod, formatTime } from '~/domain/format'
import { dictionary, metaTitle, useLang, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { deleteAgendaItem, getAgendaEditor, moveAgendaItem, shiftAgenda } from '~/models/agenda.server'
import { handleAgendaItemForm } from '~/routes-support/agenda-form.server'
import { displayName } from '~/models/event.server'
import { redirectWithNotice, takeNotice } from '~/utils/flash.server'
import { requirePermission } from '~/utils/permissions.server'
import type { SessionUser } from '~/utils/session.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.agendaAdmin.pageTitle)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const editor = await getAgendaEditor(params.id ?? '')
  if (!editor) throw new Response('Not found', { status: 404 })
  const { event, warnings, outside, shiftToFit } = editor
  const lang = await getLang(request)
  const time = (i: { startsAt: Date; endsAt: Date }) =>
    `${formatTime(i.startsAt, event.timeZone, lang)}–${formatTime(i.endsAt, event.timeZone, lang)}`
  const day = DateTime.fromJSDate(event.startsAt, { zone: event.timeZone })
  return {
    notice: await takeNotice(user, request),
    event: { id: event.id, title: event.title, timeZone: event.timeZone },
    actionLines: event.programme.actionLines,
    items: event.agendaItems.map((i) => ({
      id: i.id,
      kind: i.kind,
      title: i.title,
      room: i.room,
      startsAt: i.startsAt,
      endsAt: i.endsAt,
      people: i.participations.map((p) => ({ name: displayName(p.speaker), role: p.role })),
    })),
    warnings,
    outside: event.agendaItems
      .filter((i) => outside.includes(i.id))
      .map((i) => ({ id: i.id, title: i.title, time: time(i) })),
    period: formatEventPeriod(event.startsAt, event.endsAt, event.timeZone, lang),
    shiftToFit,
    defaults: { date: day.toFormat('yyyy-MM-dd'), kind: 'other' },
  }
}

const listAction = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('move'), itemId: z.string().min(1).max(64), direction: z.enum(['up', 'down']) }),
  z.object({ intent: z.literal('delete'), itemId: z.string().min(1).max(64) }),
])

// Whole minutes, at most a year either way: a typo must not throw the agenda into another century.
const shiftForm = z.object({
  minutes: z.coerce
    .number()
    .int()
    .min(-525_600)
    .max(525_600)
    .refine((m) => m !== 0),
})

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const eventId = params.id ?? ''
  const formData = await request.formData()
  if (formData.get('intent') === 'save-item') {
    const lang = await getLang(request)
    const outcome = await handleAgendaItemForm(formData, eventId, null, dictionary(lang), lang, user.id)
    if (outcome.kind === 'response') return outcome.response
    return redirectWithNotice(user, `/beheer/bijeenkomsten/${eventId}/programma/${outcome.itemId}`, 'saved')
  }
  if (formData.get('intent') === 'shift') return shiftAction(request, formData, eventId, user)
  const parsed = listAction.safeParse(Object.fromEntries(formData))
  if (!parsed.success) throw new Response('Bad request', { status: 400 })
  const ok =
    parsed.data.intent === 'move'
      ? await moveAgendaItem(eventId, parsed.data.itemId, parsed.data.direction, user.id)
      : await deleteAgendaItem(eventId, parsed.data.itemId, user.id)
  // An item of another event is not found here.
  if (!ok) throw new Response('Not found', { status: 404 })
  const list = `/beheer/bijeenkomsten/${eventId}/programma`
  if (parsed.data.intent === 'delete') return redirectWithNotice(user, list, 'deleted')
  return redirect(`${list}#item-${parsed.data.itemId}`)
}

async function shiftAction(request: Request, formData: FormData, eventId: string, user: SessionUser) {
  const f = dictionary(await getLang(request)).agendaFit
  const parsed = shiftForm.safeParse({ minutes: String(formData.get('minutes') ?? '').trim() || undefined })
  if (!parsed.success) return data({ result: null, shiftError: f.minutesInvalid }, { status: 400 })
  const outcome = await shiftAgenda(eventId, parsed.data.minutes, user.id)
  if (outcome.kind === 'not-found') throw new Response('Not found', { status: 404 })
  if (outcome.kind === 'outside-event') {
    return data({ result: null, shiftError: f.shiftedOutside(outcome.titles.join(', ')) }, { status: 400 })
  }
  return redirectWithNotice(
    user,
    `/beheer/bijeenkomsten/${eventId}/programma`,
    'shifted',
    `${outcome.items}:${outcome.mailed}`,
  )
}

export default function AgendaEditor() {
  const t = useT()
  const lang = useLang()
  const a = t.agendaAdmin
  const { event, items, warnings, actionLines, defaults, notice, outside, period, shiftToFit } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const shiftError = actionData && 'shiftError' in actionData ? actionData.shiftError : null
  const [shiftedItems, shiftedMails] = notice?.name === 'shifted' ? (notice.value ?? '0:0').split(':').map(Number) : []
  return (
    <>
      <p>
        <Link to={`/beheer/bijeenkomsten/${event.id}`}>{a.back(event.title)}</Link>
      </p>
      {notice?.name === 'deleted' || notice?.name === 'shifted' ? (
        <p role="status" className="notice">
          {notice.name === 'deleted' ? a.deleted : t.agendaFit.shiftedPage(shiftedItems ?? 0, shiftedMails ?? 0)}
        </p>
      ) : null}
      <h1>{a.title(event.title)}</h1>
      <p>{a.intro}</p>
      {warnings.length ? (
        <div className="warning-list" role="status">
          <h2>{a.warnings.heading}</h2>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>{a.warnings.doubleBooked(w.speakerName, w.first, w.second)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {items.length ? (
        <AgendaShift outside={outside} period={period} suggested={shiftToFit} error={shiftError} />
      ) : null}
      {items.length ? (
        <ol className="agenda agenda--editor">
          {items.map((item, index) => (
            <li key={item.id} id={`item-${item.id}`} className="agenda__item">
              <p className="agenda__time">
                {formatTime(new Date(item.startsAt), event.timeZone, lang)}–
                {formatTime(new Date(item.endsAt), event.timeZone, lang)}
              </p>
              <h2 className="agenda__title">{item.title}</h2>
              <p className="agenda__meta">
                {t.event.kinds[item.kind]}
                {item.room ? ` · ${t.event.room(item.room)}` : ''}
                {item.people.length
                  ? ` · ${item.people.map((p) => `${p.name} (${t.event.roles[p.role]})`).join(', ')}`
                  : ''}
              </p>
              <div className="actions">
                <Link to={item.id}>
                  {a.edit}
                  <span className="visually-hidden">: {item.title}</span>
                </Link>
                <MoveButtons
                  fields={{ intent: 'move', itemId: item.id }}
                  index={index}
                  count={items.length}
                  text={{ up: a.up, down: a.down }}
                  object={item.title}
                />
                <Form method="post">
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="itemId" value={item.id} />
                  <button type="submit" className="link-button">
                    <ActionLabel text={a.delete} object={item.title} />
                  </button>
                </Form>
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <p>{a.empty}</p>
      )}
      <section aria-labelledby="new-item">
        <h2 id="new-item">{a.addHeading}</h2>
        <AgendaItemForm
          id="new-agenda-item"
          lastResult={actionData?.result}
          defaults={defaults}
          zone={event.timeZone}
          actionLines={actionLines}
          submitLabel={a.add}
        />
      </section>
    </>
  )
}
