import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { ActionLabel } from '~/components/action-label'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { StatementRequestForms } from '~/components/statement-request-forms'
import { formatDateTime } from '~/domain/format'
import { dictionary, metaTitle, useLang, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import {
  invalidField,
  parseLanguage,
  parseRequestForm,
  parseStatementText,
  refusedStep,
} from '~/routes-support/statement-form.server'
import {
  enterStatementForSpeaker,
  remindLateStatements,
  requestStatements,
  statementEventZone,
  statementOverview,
} from '~/models/statement-request.server'
import { redirectWithNotice, takeNotice } from '~/utils/flash.server'
import { noticeCounts } from '~/utils/notice'
import { can, requirePermission } from '~/utils/permissions.server'
import styles from '~/styles/statements.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  metaTitle(matches, (t) =>
    data ? t.eventSpeakers.statements.titleFor(data.event.title) : t.eventSpeakers.statements.title,
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read')
  const overview = await statementOverview(params.id ?? '')
  if (!overview) throw new Response('Not found', { status: 404 })
  return { ...overview, canEdit: can(user, 'edit'), notice: await takeNotice(user, request) }
}

const intent = z.enum(['request', 'remind', 'remind-late', 'enter'])

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const t = dictionary(await getLang(request)).eventSpeakers.statements
  const eventId = params.id ?? ''
  const here = `/beheer/bijeenkomsten/${eventId}/citaten`
  const zone = await statementEventZone(eventId)
  if (!zone) throw new Response('Not found', { status: 404 })
  const form = await request.formData()
  const parsedIntent = intent.safeParse(form.get('intent'))
  if (!parsedIntent.success) throw new Response('Bad request', { status: 400 })

  switch (parsedIntent.data) {
    case 'request': {
      const parsed = parseRequestForm(form, zone, t)
      if (!parsed.ok) {
        if (!parsed.error) throw new Response('Bad request', { status: 400 })
        return invalidField(parsed.error, 'request')
      }
      const result = await requestStatements(eventId, parsed.value, user.id)
      if (result.kind === 'not-found') throw new Response('Not found', { status: 404 })
      return redirectWithNotice(user, here, 'done', {
        gevraagd: result.requested,
        open: result.alreadyOpen,
        onbereikbaar: result.unreachable,
      })
    }
    case 'remind':
    case 'remind-late': {
      const ids = z.array(z.string().min(1).max(64)).max(500).safeParse(form.getAll('statementId'))
      if (!ids.success) throw new Response('Bad request', { status: 400 })
      const result = await remindLateStatements(eventId, parsedIntent.data === 'remind' ? ids.data : undefined, user.id)
      return redirectWithNotice(user, here, 'done', { herinnerd: result.sent })
    }
    case 'enter': {
      const speakerId = z.string().min(1).max(64).safeParse(form.get('speakerId'))
      if (!speakerId.success) throw new Response('Bad request', { status: 400 })
      const text = parseStatementText(form.get('text'), t)
      if (!text.ok) return invalidField(text.error, 'enter')
      const outcome = await enterStatementForSpeaker(
        eventId,
        speakerId.data,
        { text: text.value, language: parseLanguage(form.get('language')) },
        { id: user.id, name: user.name },
      )
      if (outcome.kind !== 'done') return refusedStep(outcome, t)
      return redirectWithNotice(user, `${here}/${outcome.statementId}`, 'done', { klaar: 'entered' })
    }
  }
}

export default function StatementsOverview() {
  const t = useT()
  const lang = useLang()
  const c = t.eventSpeakers.statements
  const { event, speakers, counts, canEdit, notice: taken } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const params = noticeCounts(taken)
  const when = (d: string | Date) => formatDateTime(new Date(d), event.timeZone, lang)
  const byWhom = (by: string) =>
    by.startsWith('delegate') ? c.by.delegate(by.replace(/^delegate:?\s*/, '')) : c.by.speaker
  const notice =
    params.get('gevraagd') !== null
      ? c.request.done(
          Number(params.get('gevraagd')) || 0,
          Number(params.get('open')) || 0,
          Number(params.get('onbereikbaar')) || 0,
        )
      : params.get('herinnerd') !== null
        ? c.reminded(Number(params.get('herinnerd')) || 0)
        : null
  const error = (field: string) =>
    actionData?.error && (actionData.field === field || (!actionData.field && field === 'top')) ? (
      <p className="field-errors" role="alert">
        {actionData.error}
      </p>
    ) : null
  const shownOrder = [
    'requested',
    'late',
    'submitted',
    'changes_requested',
    'awaiting_authorisation',
    'authorised',
    'withdrawn',
  ] as const
  return (
    <>
      <p>
        <Link to={`/beheer/bijeenkomsten/${event.id}`}>{t.eventSpeakers.backToEvent}</Link>
      </p>
      {notice ? (
        <p role="status" className="notice">
          {notice}
        </p>
      ) : null}
      <h1>{c.titleFor(event.title)}</h1>
      <p>{c.intro}</p>
      {error('top')}
      <h2>{c.counts}</h2>
      <ul>
        {shownOrder.map((s) => (
          <li key={s}>
            {c.statuses[s]}: {counts[s] ?? 0}
          </li>
        ))}
      </ul>
      {canEdit && (counts.late ?? 0) > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="remind-late" />
          <button type="submit" className="button">
            {c.remindLate}
          </button>
        </Form>
      ) : null}
      {speakers.length ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{c.speaker}</th>
              <th scope="col">{c.statement}</th>
            </tr>
          </thead>
          <tbody>
            {speakers.map((sp) => (
              <tr key={sp.id}>
                <th scope="row">
                  {sp.name}
                  {sp.function ? <span className="muted"> · {sp.function}</span> : null}
                  {!sp.reachable ? <p className="muted">{c.noReachable}</p> : null}
                </th>
                <td>
                  {sp.statements.length ? (
                    <ul className="plain-list">
                      {sp.statements.map((st, i) => (
                        <li key={st.id}>
                          <strong className={`status status--${st.shown}`}>{c.statuses[st.shown]}</strong>
                          <ul>
                            {st.deadline ? <li>{c.deadlineOn(when(st.deadline))}</li> : null}
                            {st.remindedAt ? <li>{c.remindedOn(when(st.remindedAt))}</li> : null}
                            {st.lastVersionAt ? <li>{c.lastVersionOn(when(st.lastVersionAt))}</li> : null}
                            {st.authorisedAt && st.authorisedBy ? (
                              <li>{c.authorisedOn(byWhom(st.authorisedBy), when(st.authorisedAt))}</li>
                            ) : null}
                            {st.embargoUntil ? <li>{c.embargoUntil(when(st.embargoUntil))}</li> : null}
                            {st.withdrawnAt ? <li>{c.withdrawnOn(when(st.withdrawnAt))}</li> : null}
                            {st.withdrawalRequestedAt && st.status !== 'withdrawn' ? (
                              <li>{c.withdrawalRequested}</li>
                            ) : null}
                          </ul>
                          <Link to={st.id}>
                            <ActionLabel text={c.open} object={`${sp.name} (${i + 1})`} />
                          </Link>
                          {canEdit && (st.status === 'requested' || st.status === 'changes_requested') ? (
                            <Form method="post" className="inline-form">
                              <input type="hidden" name="intent" value="remind" />
                              <input type="hidden" name="statementId" value={st.id} />
                              <button type="submit" className="link-button">
                                <ActionLabel text={c.remind} object={sp.name} />
                              </button>
                            </Form>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    c.noStatements
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{c.noSpeakers}</p>
      )}
      {canEdit && speakers.length ? <StatementRequestForms speakers={speakers} error={error} /> : null}
    </>
  )
}
