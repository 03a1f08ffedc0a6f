import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { DateTime } from 'luxon'
import { z } from 'zod'
import { StatementHistory } from '~/components/statement-history'
import { StatementReview } from '~/components/statement-review'
import { formatDateTime } from '~/domain/format'
import { availableActions } from '~/domain/statement'
import { dictionary, metaTitle, useLang, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { displayName } from '~/models/event.server'
import {
  invalidField,
  parseComment,
  parseEmbargo,
  parseLanguage,
  parseStatementText,
  refusedStep,
} from '~/routes-support/statement-form.server'
import {
  proposeStatement,
  requestChanges,
  setEmbargo,
  statementDetail,
  withdrawStatement,
} from '~/models/statement-request.server'
import { redirectWithNotice, takeNotice } from '~/utils/flash.server'
import { noticeCounts } from '~/utils/notice'
import { can, requirePermission } from '~/utils/permissions.server'
import styles from '~/styles/statements.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  metaTitle(matches, (t) => t.eventSpeakers.statements.detail.title(data?.speaker.name ?? ''))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read')
  const statement = await statementDetail(params.id ?? '', params.statementId ?? '')
  if (!statement) throw new Response('Not found', { status: 404 })
  const zone = statement.event.timeZone
  const wall = (d: Date | null, f: string) => (d ? DateTime.fromJSDate(d, { zone }).toFormat(f) : '')
  return {
    statement: {
      id: statement.id,
      status: statement.status,
      shown: statement.shown,
      prompt: statement.prompt,
      deadline: statement.deadline,
      reviewComment: statement.reviewComment,
      embargoUntil: statement.embargoUntil,
      authorisedVersionId: statement.authorisedVersionId,
      authorisedAt: statement.authorisedAt,
      authorisedBy: statement.authorisedBy,
      proposedVersionId: statement.proposedVersionId,
      agendaItem: statement.agendaItem?.title ?? null,
    },
    embargo: { date: wall(statement.embargoUntil, 'yyyy-MM-dd'), time: wall(statement.embargoUntil, 'HH:mm') },
    event: statement.event,
    speaker: { id: statement.speaker.id, name: displayName(statement.speaker) },
    versions: statement.versions,
    actions: can(user, 'edit') ? availableActions(statement.status, 'secretariat') : [],
    canEdit: can(user, 'edit'),
    notice: await takeNotice(user, request),
  }
}

const intent = z.enum(['accept', 'edit', 'request-changes', 'withdraw', 'embargo', 'clear-embargo'])

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const t = dictionary(await getLang(request)).eventSpeakers.statements
  const eventId = params.id ?? ''
  const statementId = params.statementId ?? ''
  const here = `/beheer/bijeenkomsten/${eventId}/citaten/${statementId}`
  const statement = await statementDetail(eventId, statementId)
  if (!statement) throw new Response('Not found', { status: 404 })
  const form = await request.formData()
  const parsed = intent.safeParse(form.get('intent'))
  if (!parsed.success) throw new Response('Bad request', { status: 400 })
  const actor = { id: user.id, name: user.name }
  let outcome
  let done: keyof typeof t.done
  switch (parsed.data) {
    case 'accept':
      outcome = await proposeStatement(eventId, statementId, {}, actor)
      done = 'proposed'
      break
    case 'edit': {
      const text = parseStatementText(form.get('text'), t)
      if (!text.ok) return invalidField(text.error, 'edit')
      outcome = await proposeStatement(
        eventId,
        statementId,
        { text: text.value, language: parseLanguage(form.get('language')) },
        actor,
      )
      done = 'proposed'
      break
    }
    case 'request-changes': {
      const comment = parseComment(form.get('comment'), t)
      if (!comment.ok) return invalidField(comment.error, 'request-changes')
      outcome = await requestChanges(eventId, statementId, comment.value, user.id)
      done = 'changesRequested'
      break
    }
    case 'withdraw':
      outcome = await withdrawStatement(eventId, statementId, actor)
      done = 'withdrawn'
      break
    case 'embargo':
    case 'clear-embargo': {
      const at =
        parsed.data === 'embargo' ? parseEmbargo(form, statement.event.timeZone, t) : { ok: true as const, value: null }
      if (!at.ok) return invalidField(at.error, 'embargo')
      outcome = await setEmbargo(eventId, statementId, at.value, user.id)
      done = 'embargo'
      break
    }
  }
  if (outcome.kind !== 'done') return refusedStep(outcome, t)
  return redirectWithNotice(user, here, 'done', { klaar: done })
}

export default function StatementDetail() {
  const t = useT()
  const lang = useLang()
  const c = t.eventSpeakers.statements
  const d = c.detail
  const { statement, event, speaker, versions, actions, canEdit, embargo, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const when = (x: string | Date) => formatDateTime(new Date(x), event.timeZone, lang)
  const done = noticeCounts(notice).get('klaar') as keyof typeof c.done | null
  const latest = versions[versions.length - 1]
  const error = (field: string | null) =>
    actionData?.error && actionData.field === field ? (
      <p className="field-errors" role="alert">
        {actionData.error}
      </p>
    ) : null
  return (
    <>
      <p>
        <Link to={`/beheer/bijeenkomsten/${event.id}/citaten`}>{d.backToOverview}</Link>
      </p>
      {done && Object.hasOwn(c.done, done) ? (
        <p role="status" className="notice">
          {c.done[done]}
        </p>
      ) : null}
      <h1>{d.title(speaker.name)}</h1>
      {error(null)}
      <dl className="facts">
        <dt>{c.status}</dt>
        <dd>
          <strong className={`status status--${statement.shown}`}>{c.statuses[statement.shown]}</strong>
          {statement.authorisedAt && statement.authorisedBy
            ? ` · ${c.authorisedOn(
                statement.authorisedBy.startsWith('delegate')
                  ? c.by.delegate(statement.authorisedBy.replace(/^delegate:?\s*/, ''))
                  : c.by.speaker,
                when(statement.authorisedAt),
              )}`
            : null}
        </dd>
        {statement.agendaItem ? (
          <>
            <dt>{d.agendaItem}</dt>
            <dd>{statement.agendaItem}</dd>
          </>
        ) : null}
        {statement.prompt ? (
          <>
            <dt>{d.prompt}</dt>
            <dd>{statement.prompt}</dd>
          </>
        ) : null}
        {statement.deadline ? (
          <>
            <dt>{d.deadline}</dt>
            <dd>{when(statement.deadline)}</dd>
          </>
        ) : null}
        <dt>{d.embargo}</dt>
        <dd>{statement.embargoUntil ? c.embargoUntil(when(statement.embargoUntil)) : d.noEmbargo}</dd>
        {statement.reviewComment ? (
          <>
            <dt>{d.reviewComment}</dt>
            <dd>{statement.reviewComment}</dd>
          </>
        ) : null}
      </dl>

      <h2>{d.history}</h2>
      <StatementHistory
        versions={versions}
        authorisedVersionId={statement.authorisedVersionId}
        proposedVersionId={statement.status === 'awaiting_authorisation' ? statement.proposedVersionId : null}
        timeZone={event.timeZone}
      />

      {canEdit && actions.length ? (
        <StatementReview
          actions={actions}
          latest={latest ?? null}
          status={statement.status}
          embargo={{ ...embargo, set: !!statement.embargoUntil }}
          error={error}
        />
      ) : null}
    </>
  )
}
