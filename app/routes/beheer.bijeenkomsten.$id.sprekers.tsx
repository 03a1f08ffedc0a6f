import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { ActionLabel } from '~/components/action-label'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { CheckboxField, Field } from '~/components/forms'
import { formatDateTime, formatTime } from '~/domain/format'
import { dictionary, metaTitle, useLang, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { speakerDaySchema } from '~/domain/speaker-portal'
import { getSpeakerDay, saveSpeakerDay } from '~/models/speaker-briefing.server'
import { inviteSpeaker, listEventSpeakers, revokeSpeakerInvitation } from '~/models/speaker-invitation.server'
import { redirectWithNotice, takeNotice } from '~/utils/flash.server'
import { noticeCounts } from '~/utils/notice'
import { can, requirePermission } from '~/utils/permissions.server'
import { safeRedirect } from '~/utils/safe-redirect'
import styles from '~/styles/statements.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  metaTitle(matches, (t) =>
    data ? t.eventSpeakers.speakers.titleFor(data.event.title) : t.eventSpeakers.speakers.title,
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read')
  const [list, speakerDay] = await Promise.all([listEventSpeakers(params.id ?? ''), getSpeakerDay(params.id ?? '')])
  if (!list || !speakerDay) throw new Response('Not found', { status: 404 })
  const notice = await takeNotice(user, request)
  return { ...list, speakerDay, canEdit: can(user, 'edit'), daySaved: notice?.name === 'saved', notice }
}

const email = z.string().trim().max(254).email()
const actionSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('invite'),
    speakerId: z.string().min(1).max(64),
    alsoDelegate: z.literal('on').optional(),
    delegateName: z.string().trim().max(200).optional(),
    delegateEmail: z.union([z.literal(''), email]).optional(),
    terug: z.string().max(500).optional(),
  }),
  z.object({ intent: z.literal('revoke'), speakerId: z.string().min(1).max(64) }),
])

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const t = dictionary(await getLang(request)).eventSpeakers.speakers
  const eventId = params.id ?? ''
  const here = `/beheer/bijeenkomsten/${eventId}/sprekers`
  const form = Object.fromEntries(await request.formData())
  if (form.intent === 'speaker-day') {
    const day = speakerDaySchema(dictionary(await getLang(request)).eventSpeakers.speakerDay.errors).safeParse(form)
    if (!day.success) {
      const dayErrors = day.error.flatten().fieldErrors as Record<string, string[] | undefined>
      // What was typed comes back into the fields, so a mistake in one does not empty the others.
      const dayValues = Object.fromEntries(
        ['speakerContactName', 'speakerContactPhone', 'speakerArrivalMins'].map((k) => [k, String(form[k] ?? '')]),
      )
      return data({ error: null, speakerId: null, dayErrors, dayValues }, { status: 400 })
    }
    const { intent: _intent, ...values } = day.data
    const saved = await saveSpeakerDay(eventId, values, user.id)
    if (saved.kind === 'not-found') throw new Response('Not found', { status: 404 })
    return redirectWithNotice(user, `${here}#op-de-dag`, 'saved')
  }
  const parsed = actionSchema.safeParse(form)
  if (!parsed.success) {
    const emailWrong = parsed.error.issues.some((i) => i.path[0] === 'delegateEmail')
    if (emailWrong) return data({ error: t.errors.invalidEmail, speakerId: null }, { status: 400 })
    throw new Response('Bad request', { status: 400 })
  }
  const input = parsed.data
  if (input.intent === 'revoke') {
    const result = await revokeSpeakerInvitation(eventId, input.speakerId, user.id)
    if (result.kind === 'not-found')
      return data({ error: t.errors.notInvited, speakerId: input.speakerId }, { status: 409 })
    if (result.kind === 'already-revoked')
      return data({ error: t.errors.alreadyRevoked, speakerId: input.speakerId }, { status: 409 })
    return redirectWithNotice(user, here, 'done', { ingetrokken: result.cancelled })
  }
  const result = await inviteSpeaker(
    eventId,
    input.speakerId,
    { toDelegate: !!input.alsoDelegate, delegateName: input.delegateName, delegateEmail: input.delegateEmail },
    user.id,
  )
  const fail = (error: string) => data({ error, speakerId: input.speakerId }, { status: 409 })
  switch (result.kind) {
    case 'not-found':
      throw new Response('Not found', { status: 404 })
    case 'no-slots':
      return fail(t.errors.noSlots)
    case 'no-address':
      return fail(input.alsoDelegate ? t.errors.noDelegateAddress : t.errors.noAddress)
    case 'event-cancelled':
      return fail(t.errors.eventCancelled)
  }
  const back = safeRedirect(input.terug, here).split('?')[0]!.split('#')[0]!
  return redirectWithNotice(user, back.startsWith(`/beheer/bijeenkomsten/${eventId}/`) ? back : here, 'done', {
    verstuurd: result.mails,
    vertegenwoordiger: result.delegate ? 1 : 0,
  })
}

export default function EventSpeakers() {
  const t = useT()
  const lang = useLang()
  const s = t.eventSpeakers.speakers
  const d = t.eventSpeakers.speakerDay
  const { event, speakers, canEdit, speakerDay, daySaved, notice: taken } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as
    | {
        error: string | null
        speakerId: string | null
        dayErrors?: Record<string, string[] | undefined>
        dayValues?: Record<string, string>
      }
    | undefined
  const params = noticeCounts(taken)
  const when = (d: string | Date) => formatDateTime(new Date(d), event.timeZone, lang)
  const notice = params.get('verstuurd')
    ? s.sent(Number(params.get('verstuurd')) || 0, params.get('vertegenwoordiger') === '1')
    : params.get('ingetrokken') !== null
      ? s.revoked(Number(params.get('ingetrokken')) || 0)
      : null
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
      <h1>{s.titleFor(event.title)}</h1>
      <p>{s.intro}</p>
      {actionData?.error && !actionData.speakerId ? (
        <p className="field-errors" role="alert">
          {actionData.error}
        </p>
      ) : null}
      {speakers.length ? <p className="field-hint">{d.resendHint}</p> : null}
      {speakers.length ? (
        <ul className="plain-list speaker-rows">
          {speakers.map((sp) => (
            <li key={sp.id} aria-labelledby={`speaker-${sp.id}`}>
              <h2 id={`speaker-${sp.id}`}>{sp.name}</h2>
              {sp.function ? <p className="muted">{sp.function}</p> : null}
              <p>
                {s.invitation}: <strong className={`status status--${sp.state}`}>{s.states[sp.state]}</strong>
              </p>
              <ul>
                {sp.invitation?.sentAt ? (
                  <li>{s.sentAt(when(sp.invitation.sentAt), sp.invitation.sendCount)}</li>
                ) : null}
                {sp.openedAt ? <li>{s.openedAt(when(sp.openedAt))}</li> : null}
                {sp.delegateOpenedAt ? <li>{s.delegateOpenedAt(when(sp.delegateOpenedAt))}</li> : null}
                {sp.invitation?.revokedAt ? <li>{s.revokedAt(when(sp.invitation.revokedAt))}</li> : null}
              </ul>
              <h3>{s.slots}</h3>
              <ul>
                {sp.slots.map((slot) => (
                  <li key={slot.participationId}>
                    {formatTime(new Date(slot.startsAt), event.timeZone, lang)}–
                    {formatTime(new Date(slot.endsAt), event.timeZone, lang)}{' '}
                    <Link to={`/beheer/bijeenkomsten/${event.id}/programma/${slot.id}`}>{slot.title}</Link> (
                    {t.event.roles[slot.role]}, {t.agendaAdmin.participationStatus[slot.status]}
                    {slot.calendarSent ? `, ${s.calendarSent}` : ''})
                    {slot.responseMessage ? (
                      <p>
                        {s.responseMessage}: <q>{slot.responseMessage}</q>
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
              {actionData?.error && actionData.speakerId === sp.id ? (
                <p className="field-errors" role="alert">
                  {actionData.error}
                </p>
              ) : null}
              {canEdit && !sp.email ? <p>{s.noEmail}</p> : null}
              {canEdit && sp.email ? (
                <Form method="post" className="form-row">
                  <input type="hidden" name="intent" value="invite" />
                  <input type="hidden" name="speakerId" value={sp.id} />
                  <CheckboxField
                    label={s.alsoDelegate}
                    hint={s.delegateHint}
                    inputProps={{ id: `delegate-${sp.id}`, name: 'alsoDelegate', defaultChecked: !!sp.delegateEmail }}
                  />
                  <Field
                    label={s.delegateName}
                    inputProps={{
                      id: `delegate-name-${sp.id}`,
                      name: 'delegateName',
                      defaultValue: sp.delegateName ?? '',
                      maxLength: 200,
                      autoComplete: 'off',
                    }}
                  />
                  <Field
                    label={s.delegateEmail}
                    inputProps={{
                      id: `delegate-email-${sp.id}`,
                      name: 'delegateEmail',
                      type: 'email',
                      defaultValue: sp.delegateEmail ?? '',
                      maxLength: 254,
                      autoComplete: 'off',
                    }}
                  />
                  <div className="actions">
                    <button type="submit" className="button">
                      <ActionLabel text={sp.invitation?.sentAt ? s.resend : s.invite} object={sp.name} />
                    </button>
                  </div>
                </Form>
              ) : null}
              {canEdit && sp.invitation?.sentAt && !sp.invitation.revokedAt ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="speakerId" value={sp.id} />
                  <p className="field-hint">{s.revokeHint}</p>
                  <button type="submit" className="button button--secondary">
                    <ActionLabel text={s.revoke} object={sp.name} />
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>
          {s.none} <Link to={`/beheer/bijeenkomsten/${event.id}/programma`}>{s.toAgenda}</Link>
        </p>
      )}
      <SpeakerDaySection
        d={d}
        day={speakerDay}
        canEdit={canEdit}
        saved={daySaved}
        errors={actionData?.dayErrors}
        values={actionData?.dayValues}
      />
    </>
  )
}

/** The contact person, phone and arrival time the briefings show, with the defaults an empty field falls back to. */
function SpeakerDaySection({
  d,
  day,
  canEdit,
  saved,
  errors,
  values,
}: {
  d: ReturnType<typeof useT>['eventSpeakers']['speakerDay']
  day: {
    stored: { speakerContactName: string | null; speakerContactPhone: string | null; speakerArrivalMins: number | null }
    defaults: { name: string; phone: string; minutes: number }
    shown: { name: string; phone: string; minutes: number; minutesIsDefault: boolean }
  }
  canEdit: boolean
  saved: boolean
  errors?: Record<string, string[] | undefined>
  values?: Record<string, string>
}) {
  // A `key` that changes with the answer, so the fields take the values sent back (defaultValue is read once).
  const key = values ? JSON.stringify(values) : 'stored'
  return (
    <section id="op-de-dag" aria-labelledby="op-de-dag-title">
      <h2 id="op-de-dag-title">{d.title}</h2>
      {saved ? (
        <p role="status" className="notice">
          {d.saved}
        </p>
      ) : null}
      <p>{d.nowShown(day.shown.name, day.shown.phone, day.shown.minutes, day.shown.minutesIsDefault)}</p>
      {canEdit ? (
        <Form method="post" key={key}>
          <p>{d.intro}</p>
          <input type="hidden" name="intent" value="speaker-day" />
          <Field
            label={d.contactName}
            hint={d.fallback(day.defaults.name)}
            errors={errors?.speakerContactName}
            inputProps={{
              id: 'speaker-contact-name',
              name: 'speakerContactName',
              defaultValue: values?.speakerContactName ?? day.stored.speakerContactName ?? '',
              maxLength: 120,
              autoComplete: 'off',
            }}
          />
          <Field
            label={d.contactPhone}
            hint={d.fallback(day.defaults.phone || d.noPhone)}
            errors={errors?.speakerContactPhone}
            inputProps={{
              id: 'speaker-contact-phone',
              name: 'speakerContactPhone',
              type: 'tel',
              defaultValue: values?.speakerContactPhone ?? day.stored.speakerContactPhone ?? '',
              maxLength: 40,
              autoComplete: 'off',
            }}
          />
          <Field
            label={d.arrival}
            hint={d.fallback(d.defaultMinutes(day.defaults.minutes))}
            errors={errors?.speakerArrivalMins}
            inputProps={{
              id: 'speaker-arrival-minutes',
              name: 'speakerArrivalMins',
              inputMode: 'numeric',
              pattern: '[0-9]*',
              defaultValue: values?.speakerArrivalMins ?? day.stored.speakerArrivalMins ?? '',
              maxLength: 3,
              autoComplete: 'off',
            }}
          />
          <div className="actions">
            <button type="submit" className="button">
              <ActionLabel text={d.save} object={d.title} />
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  )
}
