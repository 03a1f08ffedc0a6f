import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { ActionLabel } from '~/components/action-label'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { DateTime } from 'luxon'
import { z } from 'zod'
import { AgendaItemForm } from '~/components/agenda-item-form'
import { Field, SelectField } from '~/components/forms'
import { dictionary, metaTitle, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import {
  addParticipation,
  getAgendaEditor,
  getAgendaItem,
  listSpeakerChoices,
  removeParticipation,
  updateParticipation,
} from '~/models/agenda.server'
import { handleAgendaItemForm } from '~/routes-support/agenda-form.server'
import { displayName } from '~/models/event.server'
import { redirectWithNotice, takeNotice } from '~/utils/flash.server'
import { noticeCounts } from '~/utils/notice'
import { requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.agendaAdmin.itemPageTitle)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const [editor, item, speakers] = await Promise.all([
    getAgendaEditor(params.id ?? ''),
    getAgendaItem(params.id ?? '', params.itemId ?? ''),
    listSpeakerChoices(),
  ])
  if (!editor || !item) throw new Response('Not found', { status: 404 })
  const zone = editor.event.timeZone
  const wall = (d: Date, f: string) => DateTime.fromJSDate(d, { zone }).toFormat(f)
  return {
    notice: await takeNotice(user, request),
    event: { id: editor.event.id, title: editor.event.title, timeZone: zone },
    actionLines: editor.event.programme.actionLines,
    warnings: editor.warnings.filter((w) => w.first === item.title || w.second === item.title),
    item: { id: item.id, title: item.title },
    defaults: {
      kind: item.kind,
      title: item.title,
      description: item.description,
      date: wall(item.startsAt, 'yyyy-MM-dd'),
      startTime: wall(item.startsAt, 'HH:mm'),
      endTime: wall(item.endsAt, 'HH:mm'),
      room: item.room,
      actionLineIds: item.actionLines.map((l) => l.actionLineId),
    },
    participations: item.participations.map((p) => ({
      id: p.id,
      speakerId: p.speakerId,
      name: displayName(p.speaker),
      role: p.role,
      order: p.order,
      status: p.status,
      responseMessage: p.responseMessage,
    })),
    speakers,
    nextOrder: item.participations.length,
  }
}

const role = z.enum(['speaker', 'moderator', 'panelist', 'host'])
// Every intent this page posts. The item form itself is checked by its own Conform schema.
const itemAction = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('save-item') }),
  z.object({
    intent: z.literal('add-participant'),
    speakerId: z.string().min(1).max(64),
    role,
    order: z.coerce.number().int().min(0).max(99),
  }),
  z.object({
    intent: z.literal('update-participant'),
    participationId: z.string().min(1).max(64),
    role,
    order: z.coerce.number().int().min(0).max(99),
    status: z.enum(['invited', 'confirmed', 'declined']),
  }),
  z.object({ intent: z.literal('remove-participant'), participationId: z.string().min(1).max(64) }),
])

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const eventId = params.id ?? ''
  const itemId = params.itemId ?? ''
  const lang = await getLang(request)
  const t = dictionary(lang)
  const formData = await request.formData()
  const here = `/beheer/bijeenkomsten/${eventId}/programma/${itemId}`
  const parsed = itemAction.safeParse(Object.fromEntries(formData))
  if (!parsed.success) throw new Response('Bad request', { status: 400 })
  const input = parsed.data
  if (input.intent === 'save-item') {
    const outcome = await handleAgendaItemForm(formData, eventId, itemId, t, lang, user.id)
    if (outcome.kind === 'response') return outcome.response
    return redirectWithNotice(user, here, 'saved')
  }
  if (input.intent === 'add-participant') {
    const { speakerId, role, order } = input
    const result = await addParticipation(eventId, itemId, { speakerId, role, order }, user.id)
    if (result.kind === 'not-found') throw new Response('Not found', { status: 404 })
    if (result.kind === 'duplicate')
      return data({ participantError: t.agendaAdmin.alreadyAdded, result: null }, { status: 409 })
  } else if (input.intent === 'update-participant') {
    const { participationId, role, order, status } = input
    if (!(await updateParticipation(eventId, participationId, { role, order, status }, user.id)))
      throw new Response('Not found', { status: 404 })
  } else if (!(await removeParticipation(eventId, input.participationId, user.id))) {
    throw new Response('Not found', { status: 404 })
  }
  return redirect(`${here}#sprekers`)
}

export default function AgendaItemPage() {
  const t = useT()
  const a = t.agendaAdmin
  const { event, item, defaults, actionLines, participations, speakers, nextOrder, warnings, notice } =
    useLoaderData<typeof loader>()
  const sentNotice = noticeCounts(notice)
  const actionData = useActionData<typeof action>()
  const roleOptions = (['speaker', 'moderator', 'panelist', 'host'] as const).map((r) => ({
    value: r,
    label: a.roleOptions[r],
  }))
  const statusOptions = (['invited', 'confirmed', 'declined'] as const).map((s) => ({
    value: s,
    label: a.participationStatus[s],
  }))
  return (
    <>
      <p>
        <Link to={`/beheer/bijeenkomsten/${event.id}/programma`}>{a.backToAgenda}</Link>
      </p>
      {notice?.name === 'saved' ? (
        <p role="status" className="notice">
          {a.saved}
        </p>
      ) : null}
      {sentNotice.get('verstuurd') ? (
        <p role="status" className="notice">
          {t.eventSpeakers.speakers.sent(
            Number(sentNotice.get('verstuurd')) || 0,
            sentNotice.get('vertegenwoordiger') === '1',
          )}
        </p>
      ) : null}
      <h1>{a.editTitle(item.title)}</h1>
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
      <AgendaItemForm
        id="agenda-item"
        lastResult={actionData && 'result' in actionData ? actionData.result : null}
        defaults={defaults}
        zone={event.timeZone}
        actionLines={actionLines}
        submitLabel={a.save}
      />
      <section aria-labelledby="sprekers">
        <h2 id="sprekers">{a.participants}</h2>
        {participations.length ? (
          <ul className="plain-list participants">
            {participations.map((p) => (
              <li key={p.id} className="participant">
                <Form method="post" className="form-row">
                  <input type="hidden" name="intent" value="update-participant" />
                  <input type="hidden" name="participationId" value={p.id} />
                  <p className="participant__name">
                    <strong>{p.name}</strong>
                    {p.responseMessage ? <span className="participant__message">{p.responseMessage}</span> : null}
                  </p>
                  <SelectField
                    label={a.role}
                    selectProps={{ id: `role-${p.id}`, name: 'role', defaultValue: p.role }}
                    options={roleOptions}
                  />
                  <SelectField
                    label={a.status}
                    selectProps={{ id: `status-${p.id}`, name: 'status', defaultValue: p.status }}
                    options={statusOptions}
                  />
                  <Field
                    label={a.order}
                    inputProps={{
                      id: `order-${p.id}`,
                      name: 'order',
                      type: 'number',
                      min: 0,
                      max: 99,
                      defaultValue: p.order,
                    }}
                  />
                  <div className="actions">
                    <button type="submit" className="button button--secondary">
                      <ActionLabel text={a.update} object={p.name} />
                    </button>
                  </div>
                </Form>
                <Form method="post" action={`/beheer/bijeenkomsten/${event.id}/sprekers`}>
                  <input type="hidden" name="intent" value="invite" />
                  <input type="hidden" name="speakerId" value={p.speakerId} />
                  <input type="hidden" name="terug" value={`/beheer/bijeenkomsten/${event.id}/programma/${item.id}`} />
                  <button type="submit" className="link-button">
                    <ActionLabel text={t.eventSpeakers.speakers.inviteFromItem} object={p.name} />
                  </button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="intent" value="remove-participant" />
                  <input type="hidden" name="participationId" value={p.id} />
                  <button type="submit" className="link-button">
                    <ActionLabel text={a.remove} object={p.name} />
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p>{a.noParticipants}</p>
        )}
        <h3>{a.addParticipant}</h3>
        {actionData && 'participantError' in actionData ? (
          <p className="field-errors" role="alert">
            {actionData.participantError}
          </p>
        ) : null}
        {speakers.length ? (
          <Form method="post" className="form-row">
            <input type="hidden" name="intent" value="add-participant" />
            <SelectField
              label={a.speaker}
              selectProps={{ id: 'new-speaker', name: 'speakerId' }}
              options={speakers.map((s) => ({ value: s.id, label: s.label }))}
            />
            <SelectField
              label={a.role}
              selectProps={{ id: 'new-role', name: 'role', defaultValue: 'panelist' }}
              options={roleOptions}
            />
            <Field
              label={a.order}
              hint={a.orderHint}
              inputProps={{ id: 'new-order', name: 'order', type: 'number', min: 0, max: 99, defaultValue: nextOrder }}
            />
            <div className="actions">
              <button type="submit" className="button">
                {a.addParticipant}
              </button>
            </div>
          </Form>
        ) : (
          <p>{a.noSpeakers}</p>
        )}
        <p>
          <Link
            to={`/beheer/sprekers/nieuw?terug=${encodeURIComponent(`/beheer/bijeenkomsten/${event.id}/programma/${item.id}`)}`}
          >
            {a.newSpeaker}
          </Link>
        </p>
      </section>
    </>
  )
}
