import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorList } from '~/components/forms'
import { PortalHeader } from '~/components/speaker-portal-nav'
import { OPEN_FOR_SPEAKER, respondSchema } from '~/domain/speaker-portal'
import { formatDate, formatEventPeriod, formatTime } from '~/domain/format'
import { dictionary, metaTitle, useLang, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { createSpeakerFeedLink, getPortal, respondToParticipation, type Portal } from '~/models/speaker-portal.server'
import { requireSpeakerActor } from '~/routes-support/speaker-portal.server'
import portalStyles from '~/styles/speaker-portal.css?url'
import { linkPageHeaders, linkProblemResponse, PRIVATE_HEADERS } from '~/utils/link-session.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: portalStyles }]

export const meta: MetaFunction = ({ matches }) => [
  ...metaTitle(matches, (t) => t.speakerPortal.title),
  { name: 'robots', content: 'noindex' },
]

export const headers = linkPageHeaders

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session, actor } = await requireSpeakerActor(request, params.token ?? '')
  const portal = await getPortal(actor)
  if (!portal) throw linkProblemResponse('unknown')
  const notice = new URL(request.url).searchParams.get('klaar')
  return data({ portal, base: session.path, notice }, { headers: session.headers })
}

type ActionData =
  | { kind: 'respond'; participationId: string; errors: Record<string, string[] | null | undefined> }
  | { kind: 'feed'; url: string }
  | { kind: 'refused'; message: string }

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, actor } = await requireSpeakerActor(request, params.token ?? '')
  const e = dictionary(await getLang(request)).speakerPortal.errors
  const formData = await request.formData()
  const intent = formData.get('intent')
  const refused = (message: string, status: number) =>
    data<ActionData>({ kind: 'refused', message }, { status, headers: PRIVATE_HEADERS })

  if (intent === 'respond') {
    const submission = parseWithZod(formData, { schema: respondSchema(e) })
    if (submission.status !== 'success') {
      const participationId = String(formData.get('participationId') ?? '')
      return data<ActionData>(
        { kind: 'respond', participationId, errors: submission.reply().error ?? {} },
        { status: 400, headers: PRIVATE_HEADERS },
      )
    }
    const outcome = await respondToParticipation(actor, submission.value)
    if (outcome.kind !== 'saved') return outcome.kind === 'closed' ? refused(e.closed, 409) : refused(e.notFound, 404)
    return redirect(`${session.path}?klaar=${outcome.status}#deelname-${submission.value.participationId}`, 303)
  }
  if (intent === 'feed') {
    const outcome = await createSpeakerFeedLink(actor)
    if (outcome.kind === 'not-found') throw linkProblemResponse('unknown')
    // Shown once, in this response only.
    return data<ActionData>({ kind: 'feed', url: outcome.url }, { headers: PRIVATE_HEADERS })
  }
  return refused(e.unknownAction, 400)
}

const NOTICES = ['confirmed', 'declined'] as const

export default function SpeakerPortal() {
  const t = useT()
  const p = t.speakerPortal
  const { portal, base, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as ActionData | undefined
  const open = portal.statements.filter((s) => OPEN_FOR_SPEAKER.includes(s.status)).length
  const shownNotice = NOTICES.find((n) => n === notice)
  return (
    <div className="narrow portal">
      <h1>{portal.actor.delegate ? p.titleDelegate(portal.speaker.name) : p.title}</h1>
      <PortalHeader
        base={base}
        onBehalfOf={portal.actor.delegate ? portal.speaker.name : null}
        notice={shownNotice ? p.notices[shownNotice] : null}
        refusal={actionData?.kind === 'refused' ? actionData.message : null}
      />

      <Slots portal={portal} actionData={actionData} />

      {portal.events.map((event) => (
        <EventSection key={event.id} event={event} />
      ))}

      <section aria-labelledby="statements-heading">
        <h2 id="statements-heading">{p.statements.heading}</h2>
        <p>{p.statements.summary(open)}</p>
        <p>
          <Link to={`${base}/citaten`}>{p.statements.toStatements}</Link>
        </p>
      </section>

      <section aria-labelledby="contact-heading">
        <h2 id="contact-heading">{p.contact.heading}</h2>
        <p>{p.contact.intro}</p>
        <p>
          <strong>{portal.contact.name}</strong>
        </p>
        <dl className="facts">
          {portal.contact.phone ? (
            <>
              <dt>{p.contact.phone}</dt>
              <dd>
                <a href={`tel:${portal.contact.phone.replace(/[^\d+]/g, '')}`}>{portal.contact.phone}</a>
              </dd>
            </>
          ) : null}
          <dt>{p.contact.email}</dt>
          <dd>
            <a href={`mailto:${portal.contact.email}`}>{portal.contact.email}</a>
          </dd>
        </dl>
      </section>

      <section aria-labelledby="calendar-heading">
        <h2 id="calendar-heading">{p.calendar.heading}</h2>
        <p>{p.calendar.intro}</p>
        {actionData?.kind === 'feed' ? (
          <div className="notice" role="status">
            <h3>{p.calendar.created}</h3>
            <p>{p.calendar.once}</p>
            <div className="field">
              <label htmlFor="feed-url">{p.calendar.label}</label>
              <input id="feed-url" className="feed-url" type="text" readOnly value={actionData.url} />
            </div>
            <p>{p.calendar.private}</p>
          </div>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="feed" />
            <p className="field-hint">{p.calendar.private}</p>
            <button type="submit" className="button button--secondary">
              {p.calendar.button}
            </button>
          </Form>
        )}
      </section>
    </div>
  )
}

function Slots({ portal, actionData }: { portal: Portal; actionData: ActionData | undefined }) {
  const s = useT().speakerPortal.slots
  const lang = useLang()
  const zoneOf = new Map(portal.events.map((e) => [e.id, e.timeZone]))
  return (
    <section aria-labelledby="slots-heading">
      <h2 id="slots-heading">{s.heading}</h2>
      {portal.slots.length === 0 ? <p>{s.none}</p> : null}
      {portal.slots.map((slot) => {
        const zone = zoneOf.get(slot.eventId) ?? 'Europe/Amsterdam'
        const startsAt = new Date(slot.item.startsAt)
        const errors =
          actionData?.kind === 'respond' && actionData.participationId === slot.participationId
            ? actionData.errors
            : null
        const headingId = `deelname-${slot.participationId}`
        return (
          <article key={slot.participationId} className="portal-card" aria-labelledby={headingId}>
            <h3 id={headingId} tabIndex={-1}>
              {slot.item.title}
            </h3>
            <dl className="facts">
              <dt>{s.when}</dt>
              <dd>
                {formatDate(startsAt, zone, lang)}, {formatTime(startsAt, zone, lang)}–
                {formatTime(new Date(slot.item.endsAt), zone, lang)}
                {lang === 'nl' ? ' uur' : ''}
              </dd>
              {slot.item.room ? (
                <>
                  <dt>{s.room}</dt>
                  <dd>{slot.item.room}</dd>
                </>
              ) : null}
              <dt>{portal.actor.delegate ? s.roleDelegate : s.role}</dt>
              <dd>{s.roles[slot.role]}</dd>
              <dt>{s.with}</dt>
              <dd>
                {slot.others.length ? (
                  <ul className="plain-list">
                    {slot.others.map((o, i) => (
                      <li key={i}>
                        {o.name} ({s.roles[o.role]})
                      </li>
                    ))}
                  </ul>
                ) : (
                  s.nobodyElse
                )}
              </dd>
              <dt>{s.status}</dt>
              <dd>
                <strong>{s.statuses[slot.status]}</strong>
              </dd>
              {slot.responseMessage ? (
                <>
                  <dt>{s.yourMessage}</dt>
                  <dd className="pre-line">{slot.responseMessage}</dd>
                </>
              ) : null}
            </dl>
            {slot.mayAnswer ? (
              <Form method="post" className="respond-form">
                <input type="hidden" name="intent" value="respond" />
                <input type="hidden" name="participationId" value={slot.participationId} />
                <fieldset aria-describedby={errors?.answer ? `answer-error-${slot.participationId}` : undefined}>
                  <legend>{s.answerLegend(slot.item.title)}</legend>
                  <ErrorList id={`answer-error-${slot.participationId}`} errors={errors?.answer} />
                  <div className="radio">
                    <input
                      type="radio"
                      id={`confirm-${slot.participationId}`}
                      name="answer"
                      value="confirm"
                      defaultChecked={slot.status === 'confirmed'}
                    />
                    <label htmlFor={`confirm-${slot.participationId}`}>{s.confirm}</label>
                  </div>
                  <div className="radio">
                    <input
                      type="radio"
                      id={`decline-${slot.participationId}`}
                      name="answer"
                      value="decline"
                      defaultChecked={slot.status === 'declined'}
                    />
                    <label htmlFor={`decline-${slot.participationId}`}>{s.decline}</label>
                  </div>
                </fieldset>
                <div className={errors?.message ? 'field field--invalid' : 'field'}>
                  <label htmlFor={`message-${slot.participationId}`}>{s.message}</label>
                  <p id={`message-hint-${slot.participationId}`} className="field-hint">
                    {s.messageHint}
                  </p>
                  <ErrorList id={`message-error-${slot.participationId}`} errors={errors?.message} />
                  <textarea
                    id={`message-${slot.participationId}`}
                    name="message"
                    rows={3}
                    defaultValue={slot.responseMessage}
                    aria-invalid={errors?.message ? true : undefined}
                    aria-describedby={`message-hint-${slot.participationId}${errors?.message ? ` message-error-${slot.participationId}` : ''}`}
                  />
                </div>
                <button type="submit" className="button">
                  {slot.status === 'invited' ? s.send : s.change}
                </button>
              </Form>
            ) : (
              <p className="field-hint">{s.closed}</p>
            )}
          </article>
        )
      })}
    </section>
  )
}

function EventSection({ event }: { event: Portal['events'][number] }) {
  const e = useT().speakerPortal.event
  const lang = useLang()
  const v = event.venue
  return (
    <section aria-labelledby={`event-${event.id}`}>
      <h2 id={`event-${event.id}`}>
        {e.heading}: {event.title}
      </h2>
      {event.status === 'cancelled' ? <p className="notice notice--error">{e.cancelled}</p> : null}
      <dl className="facts">
        <dt>{e.when}</dt>
        <dd>{formatEventPeriod(new Date(event.startsAt), new Date(event.endsAt), event.timeZone, lang)}</dd>
        {v.name || v.address || v.city ? (
          <>
            <dt>{e.where}</dt>
            <dd>
              {v.name}
              {v.name ? <br /> : null}
              {v.address}
              {v.address ? <br /> : null}
              {[v.postcode, v.city].filter(Boolean).join(' ')}
              {v.mapUrl ? (
                <>
                  <br />
                  <a href={v.mapUrl}>{e.map}</a>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        {v.onlineUrl ? (
          <>
            <dt>{e.online}</dt>
            <dd>
              <a href={v.onlineUrl}>{e.onlineLink}</a>
            </dd>
          </>
        ) : null}
      </dl>
      {event.status !== 'draft' ? (
        <p>
          <a href={`/bijeenkomsten/${event.slug}`}>{e.page}</a>
        </p>
      ) : null}
    </section>
  )
}
