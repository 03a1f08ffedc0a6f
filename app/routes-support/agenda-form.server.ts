// Reading the agenda item form and turning model problems into field errors, for the agenda routes.
import { parseWithZod } from '@conform-to/zod'
import { data } from '@remix-run/node'
import { agendaItemSchema } from '~/domain/agenda'
import { formatEventPeriod, type Lang } from '~/domain/format'
import type { Dictionary } from '~/i18n/nl'
import { getAgendaEventSchedule, saveAgendaItem } from '~/models/agenda.server'

export async function handleAgendaItemForm(
  formData: FormData,
  eventId: string,
  itemId: string | null,
  t: Dictionary,
  lang: Lang,
  actorUserId: string,
) {
  const event = await getAgendaEventSchedule(eventId)
  if (!event) throw new Response('Not found', { status: 404 })
  const e = t.agendaAdmin.errors
  const submission = parseWithZod(formData, { schema: agendaItemSchema(e, event.timeZone) })
  if (submission.status !== 'success')
    return { kind: 'response' as const, response: data({ result: submission.reply() }, { status: 400 }) }
  const outcome = await saveAgendaItem(eventId, itemId, submission.value, actorUserId)
  if (outcome.kind === 'not-found') throw new Response('Not found', { status: 404 })
  if (outcome.kind === 'invalid') {
    const fieldErrors: Record<string, string[]> = {}
    for (const p of outcome.problems) {
      if (p.problem === 'end-before-start') fieldErrors.endTime = [e.endBeforeStart]
      if (p.problem === 'outside-event')
        fieldErrors.startTime = [e.outsideEvent(formatEventPeriod(event.startsAt, event.endsAt, event.timeZone, lang))]
      if (p.problem === 'room-overlap') fieldErrors.room = [...(fieldErrors.room ?? []), e.roomOverlap(p.with ?? '')]
    }
    if (outcome.unknownActionLines) fieldErrors.actionLineIds = [e.unknownActionLine]
    return { kind: 'response' as const, response: data({ result: submission.reply({ fieldErrors }) }, { status: 400 }) }
  }
  return { kind: 'saved' as const, itemId: outcome.itemId }
}
