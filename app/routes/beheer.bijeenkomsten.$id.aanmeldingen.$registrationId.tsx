import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { Fragment, useEffect, useRef } from 'react'
import { z } from 'zod'
import { ErrorSummary, TextareaField } from '~/components/forms'
import { formatDateTime, formatTime } from '~/domain/format'
import { metaTitle, useLang, useT } from '~/i18n'
import { actionsFor, ACTIONS, type RegistrationAction } from '~/domain/registration-admin'
import {
  applyRegistrationAction,
  getEventHeader,
  getRegistrationDetail,
  type Conflict,
} from '~/models/registration-admin.server'
import { can, requirePermission } from '~/utils/permissions.server'
import styles from '~/styles/registrations-admin.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  metaTitle(matches, (t) =>
    data ? `${data.registration.name} · ${t.registrationsAdmin.title}` : t.registrationsAdmin.title,
  )

// The confirmation step is a GET (?bevestig=…) that shows what will happen; only the POST changes anything.
const confirmNames = { goedkeuren: 'approve', afwijzen: 'reject', plaatsen: 'promote', annuleren: 'cancel' } as const
const confirmParam = Object.fromEntries(Object.entries(confirmNames).map(([nl, action]) => [action, nl])) as Record<
  Exclude<RegistrationAction, 'review'>,
  keyof typeof confirmNames
>

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read')
  const eventId = params.id ?? ''
  const [event, registration] = await Promise.all([
    getEventHeader(eventId),
    getRegistrationDetail(eventId, params.registrationId ?? '', { sensitive: can(user, 'read-sensitive') }),
  ])
  if (!event || !registration) throw new Response('Not found', { status: 404 })
  const canEdit = can(user, 'edit')
  const actions = canEdit ? actionsFor(registration) : []
  const asked = new URL(request.url).searchParams.get('bevestig')
  const confirm = asked && asked in confirmNames ? confirmNames[asked as keyof typeof confirmNames] : null
  return {
    event: { id: event.id, title: event.title, timeZone: event.timeZone },
    registration,
    canEdit,
    sensitive: can(user, 'read-sensitive'),
    actions,
    // Only an action that fits the current state is offered for confirmation.
    confirm: confirm && actions.includes(confirm) ? confirm : null,
  }
}

const actionSchema = z.object({
  intent: z.enum(ACTIONS),
  reason: z.string().max(1000, 'reasonTooLong').optional(),
})

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const eventId = params.id ?? ''
  const registrationId = params.registrationId ?? ''
  const form = Object.fromEntries(await request.formData())
  const parsed = actionSchema.safeParse(form)
  if (!parsed.success) {
    if (parsed.error.issues.some((issue) => issue.message === 'reasonTooLong')) {
      return data(
        { conflict: null, invalid: 'reasonTooLong' as const, reason: String(form.reason ?? '') },
        { status: 400 },
      )
    }
    throw new Response('Bad request', { status: 400 })
  }
  const outcome = await applyRegistrationAction(eventId, registrationId, parsed.data.intent, user.id, {
    reason: parsed.data.reason,
  })
  if (outcome.kind === 'not-found') throw new Response('Not found', { status: 404 })
  if (outcome.kind === 'conflict') {
    return data({ conflict: outcome.conflict as Conflict, invalid: null, reason: '' }, { status: 409 })
  }
  const done = new URLSearchParams({ gedaan: outcome.result })
  if (outcome.result === 'waitlisted') done.set('plaats', String(outcome.waitlistPosition))
  if (outcome.result === 'cancelled') done.set('geplaatst', String(outcome.promoted))
  return redirect(`/beheer/bijeenkomsten/${eventId}/aanmeldingen/${registrationId}?${done}`)
}

function DoneNotice() {
  const t = useT()
  const d = t.registrationsAdmin.done
  const [params] = useSearchParams()
  const number = (name: string) => Number(params.get(name)) || 0
  const messages: Record<string, string> = {
    confirmed: d.confirmed,
    waitlisted: d.waitlisted(number('plaats')),
    rejected: d.rejected,
    promoted: d.promoted,
    cancelled: d.cancelled(number('geplaatst')),
    reviewed: d.reviewed,
  }
  const message = messages[params.get('gedaan') ?? '']
  if (!message) return null
  return (
    <p role="status" className="notice">
      {message}
    </p>
  )
}

export default function RegistrationDetail() {
  const t = useT()
  const lang = useLang()
  const r = t.registrationsAdmin
  const d = r.detail
  const { event, registration: reg, canEdit, sensitive, actions, confirm } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const when = (date: string | Date | null) => (date ? formatDateTime(new Date(date), event.timeZone, lang) : d.none)
  const problem = actionData?.conflict ? r.conflicts[actionData.conflict] : null
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/beheer/bijeenkomsten/${event.id}/aanmeldingen`}>{r.backToList}</Link>
      </p>
      <DoneNotice />
      {problem ? (
        <div className="error-summary" role="alert">
          <h2>{r.conflicts.title}</h2>
          <p>{problem}</p>
        </div>
      ) : null}
      <h1>{reg.name}</h1>
      <p>
        {event.title} · <span className="status">{r.statuses[reg.status]}</span>
        {reg.waitlistPosition !== null ? ` · ${d.waitlistPosition(reg.waitlistPosition)}` : ''}
      </p>
      {reg.waitingForQuota ? (
        <p className="notice">
          {d.waitingForQuota(
            reg.waitingForQuota.organisation,
            reg.waitingForQuota.position,
            reg.waitingForQuota.eventFull,
          )}
        </p>
      ) : null}
      {reg.flagged ? <p className="notice notice--warning">{d.flagged}</p> : null}

      {confirm ? (
        <ConfirmBox
          action={confirm}
          name={reg.name}
          invalid={actionData?.invalid ?? null}
          reason={actionData?.reason ?? ''}
        />
      ) : null}

      <h2>{d.heading}</h2>
      <dl className="facts">
        <dt>{d.email}</dt>
        <dd>{reg.email}</dd>
        <dt>{d.organisation}</dt>
        <dd>{reg.organisation || d.none}</dd>
        <dt>{d.sector}</dt>
        <dd>{reg.sector ? t.sectors[reg.sector] : d.none}</dd>
        <dt>{d.function}</dt>
        <dd>{reg.function || d.none}</dd>
        <dt>{d.language}</dt>
        <dd>{t.languages[reg.language]}</dd>
        <dt>{d.registeredAt}</dt>
        <dd>{when(reg.createdAt)}</dd>
        <dt>{d.updatedAt}</dt>
        <dd>{when(reg.updatedAt)}</dd>
        {reg.cancelledAt ? (
          <>
            <dt>{d.cancelledAt}</dt>
            <dd>{when(reg.cancelledAt)}</dd>
          </>
        ) : null}
        <dt>{d.checkIn}</dt>
        <dd>
          {reg.checkedInAt
            ? `${d.checkedInAt(formatTime(new Date(reg.checkedInAt), event.timeZone, lang))} (${when(reg.checkedInAt)})`
            : d.notCheckedIn}
        </dd>
        <dt>{d.photoConsent}</dt>
        <dd>{reg.photoConsent ? r.yes : r.no}</dd>
        <dt>{d.dietary}</dt>
        <dd>{sensitive ? reg.dietary || d.none : <span className="muted">{d.sensitiveHidden}</span>}</dd>
        <dt>{d.accessibility}</dt>
        <dd>{sensitive ? reg.accessibility || d.none : <span className="muted">{d.sensitiveHidden}</span>}</dd>
      </dl>

      <h2>{d.answers}</h2>
      {reg.answers.length ? (
        <dl className="facts">
          {reg.answers.map((a) => (
            <Fragment key={a.id}>
              <dt>{lang === 'en' && a.labelEn ? a.labelEn : a.label}</dt>
              <dd>
                {a.answer === null ? (
                  <span className="muted">{d.notAnswered}</span>
                ) : typeof a.answer === 'boolean' ? (
                  a.answer ? (
                    r.yes
                  ) : (
                    r.no
                  )
                ) : (
                  a.answer
                )}
              </dd>
            </Fragment>
          ))}
        </dl>
      ) : (
        <p>{d.noQuestions}</p>
      )}

      <h2>{d.people}</h2>
      <dl className="facts">
        <dt>{d.invitation}</dt>
        <dd>
          {reg.invitation
            ? `${d.viaInvitation(reg.invitation.contact.name, reg.invitation.contact.email)}: ${
                d.invitationStatus[reg.invitation.status]
              }, ${
                reg.invitation.link.state === 'active'
                  ? d.link.active(when(reg.invitation.link.expiresAt))
                  : d.link[reg.invitation.link.state]
              }`
            : d.noInvitation}
        </dd>
        <dt>{d.registeredBy}</dt>
        <dd>
          {reg.registeredBy ? (
            <Link to={`../${reg.registeredBy.id}`} relative="path">
              {reg.registeredBy.name} ({reg.registeredBy.email})
            </Link>
          ) : (
            d.none
          )}
        </dd>
        <dt>{d.colleagues}</dt>
        <dd>
          {reg.colleagues.length ? (
            <ul className="plain-list">
              {reg.colleagues.map((c) => (
                <li key={c.id}>
                  <Link to={`../${c.id}`} relative="path">
                    {c.name}
                  </Link>{' '}
                  ({r.statuses[c.status]})
                </li>
              ))}
            </ul>
          ) : (
            d.none
          )}
        </dd>
      </dl>

      <h2>{r.actions.heading}</h2>
      {!canEdit ? (
        <p>{r.actions.readOnly}</p>
      ) : actions.length === 0 ? (
        <p>{r.actions.none}</p>
      ) : (
        <ul className="actions plain-list">
          {actions.map((a) =>
            a === 'review' ? (
              <li key={a}>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="review" />
                  <button type="submit" className="button button--secondary" aria-describedby="review-hint">
                    {r.actions.review}
                  </button>{' '}
                  <span id="review-hint" className="muted">
                    {r.actions.reviewHint}
                  </span>
                </Form>
              </li>
            ) : (
              <li key={a}>
                <Link
                  className={a === 'approve' || a === 'promote' ? 'button' : 'button button--secondary'}
                  to={`?bevestig=${confirmParam[a]}`}
                >
                  {r.actions[a]}
                </Link>
              </li>
            ),
          )}
        </ul>
      )}
    </>
  )
}

function ConfirmBox({
  action,
  name,
  invalid,
  reason,
}: {
  action: Exclude<RegistrationAction, 'review'>
  name: string
  invalid: 'reasonTooLong' | null
  reason: string
}) {
  const t = useT()
  const r = t.registrationsAdmin
  const c = r.confirm[action]
  const error = invalid ? r.conflicts[invalid] : null
  // Keyboard and screen-reader users land on the question they asked for, not at the top of the page.
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (!invalid) heading.current?.focus()
  }, [action, invalid])
  return (
    <section className="confirm-box" aria-labelledby="confirm-heading">
      <h2 id="confirm-heading" tabIndex={-1} ref={heading}>
        {c.title}
      </h2>
      <ErrorSummary title={r.conflicts.title} errors={error ? [error] : []} />
      <p>{c.text(name)}</p>
      <Form method="post">
        <input type="hidden" name="intent" value={action} />
        {action === 'reject' ? (
          <TextareaField
            label={r.confirm.reject.reason}
            hint={r.confirm.reject.reasonHint}
            errors={error ? [error] : undefined}
            textareaProps={{ id: 'reason', name: 'reason', maxLength: 1000, defaultValue: reason }}
          />
        ) : null}
        <div className="actions">
          <button type="submit" className="button">
            {c.button}
          </button>
          <Link to=".">{r.confirm.back}</Link>
        </div>
      </Form>
    </section>
  )
}
