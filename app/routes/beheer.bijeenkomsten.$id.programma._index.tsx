import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { ActionLabel } from '~/components/action-label'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { DateTime } from 'luxon'
import { z } from 'zod'
import { AgendaItemForm } from '~/components/agenda-item-form'
import { MoveButtons } from '~/components/move-buttons'
import { formatTime } from '~/domain/format'
import { dictionary, metaTitle, useLang, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { deleteAgendaItem, getAgendaEditor, moveAgendaItem } from '~/models/agenda.server'
import { handleAgendaItemForm } from '~/routes-support/agenda-form.server'
import { displayName } from '~/models/event.server'
import { redirectWithNotice, takeNotice } from '~/utils/flash.server'
import { requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.agendaAdmin.pageTitle)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const editor = await getAgendaEditor(params.id ?? '')
  if (!editor) throw new Response('Not found', { status: 404 })
  const { event, warnings } = editor
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
    defaults: { date: day.toFormat('yyyy-MM-dd'), kind: 'other' },
  }
}

const listAction = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('move'), itemId: z.string().min(1).max(64), direction: z.enum(['up', 'down']) }),
  z.object({ intent: z.literal('delete'), itemId: z.string().min(1).max(64) }),
])

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

export default function AgendaEditor() {
  const t = useT()
  const lang = useLang()
  const a = t.agendaAdmin
  const { event, items, warnings, actionLines, defaults, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to={`/beheer/bijeenkomsten/${event.id}`}>{a.back(event.title)}</Link>
      </p>
      {notice?.name === 'deleted' ? (
        <p role="status" className="notice">
          {a.deleted}
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
