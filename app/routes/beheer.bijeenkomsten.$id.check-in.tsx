// Check-in at the door, made for a phone: scan the QR code with the camera, type the code, or search by name.
// The scan posts through a fetcher; the code form, the search and its buttons are plain forms (PRG) that work
// without JavaScript. With JavaScript the count of arrived people refreshes itself every few seconds.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation, useRevalidator } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { z } from 'zod'
import { CheckInScanner } from '~/components/check-in-scanner'
import { formatTime, type Lang } from '~/domain/format'
import { dictionary, metaTitle, useLang, useT } from '~/i18n'
import type { Dictionary } from '~/i18n/nl'
import { getLang } from '~/i18n/lang.server'
import {
  checkInByCode,
  checkInById,
  checkInCounts,
  getAttendee,
  recentCheckIns,
  getCheckInEvent,
  searchAttendees,
  undoCheckIn,
  type Attendee,
  type CheckInOutcome,
} from '~/models/check-in.server'
import { can, requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  metaTitle(matches, (t) => (data ? t.checkIn.heading(data.event.title) : t.checkIn.title))

const REFRESH_MS = 5000

async function requireEvent(id: string | undefined) {
  const event = await getCheckInEvent(id ?? '')
  if (!event) throw new Response('Not found', { status: 404 })
  return event
}

const querySchema = z.string().trim().max(100).catch('')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read')
  const event = await requireEvent(params.id)
  const sensitive = can(user, 'read-sensitive')
  const url = new URL(request.url)
  const q = querySchema.parse(url.searchParams.get('q') ?? '')
  const checkedInId = url.searchParams.get('ingecheckt')
  const undoneId = url.searchParams.get('teruggedraaid')
  const [counts, recent, results, checkedIn, undone] = await Promise.all([
    checkInCounts(event.id),
    recentCheckIns(event.id, sensitive),
    q.length >= 2 ? searchAttendees(event.id, q, sensitive) : Promise.resolve(null),
    checkedInId ? getAttendee(event.id, checkedInId, sensitive) : Promise.resolve(null),
    undoneId ? getAttendee(event.id, undoneId, sensitive) : Promise.resolve(null),
  ])
  // After a check-in without JavaScript (PRG), the page shows who just came in.
  const shown: CheckInOutcome | null = checkedIn?.checkedInAt
    ? { kind: 'checked-in', attendee: checkedIn, at: checkedIn.checkedInAt }
    : null
  return {
    event,
    canEdit: can(user, 'edit'),
    counts,
    recent,
    q,
    results,
    shown,
    undoneName: undone && !undone.checkedInAt ? undone.name : null,
  }
}

const id = z.string().min(1).max(64)
const q = z.string().max(100).optional()
const actionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('code'), code: z.string().max(500), respond: z.literal('data').optional(), q }),
  z.object({ intent: z.literal('id'), registrationId: id, q }),
  z.object({ intent: z.literal('undo'), registrationId: id, q }),
])

const statusOf: Record<CheckInOutcome['kind'], number> = {
  'checked-in': 200,
  already: 409,
  'not-confirmed': 409,
  'other-event': 409,
  unknown: 404,
  'invalid-code': 400,
}

/** Back to the page, keeping the search, with what happened in the URL. */
function backTo(eventId: string, search: string | undefined, extra: Record<string, string>) {
  const params = new URLSearchParams()
  if (search) params.set('q', search)
  for (const [key, value] of Object.entries(extra)) params.set(key, value)
  return `/beheer/bijeenkomsten/${eventId}/check-in?${params}`
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const lang = await getLang(request)
  const t = dictionary(lang)
  const event = await requireEvent(params.id)
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) {
    return data({ outcome: null, undone: null, message: t.checkIn.result.invalid }, { status: 400 })
  }
  const input = parsed.data
  const viewer = { userId: user.id, sensitive: can(user, 'read-sensitive') }

  if (input.intent === 'undo') {
    const outcome = await undoCheckIn(event.id, input.registrationId, viewer)
    if (outcome.kind === 'undone') return redirect(backTo(event.id, input.q, { teruggedraaid: outcome.attendee.id }))
    const message = outcome.kind === 'unknown' ? t.checkIn.result.unknown : t.checkIn.result.notCheckedIn
    return data({ outcome: null, undone: null, message }, { status: outcome.kind === 'unknown' ? 404 : 409 })
  }

  const outcome =
    input.intent === 'code'
      ? await checkInByCode(event.id, input.code, viewer)
      : await checkInById(event.id, input.registrationId, viewer)
  // A scan (fetcher) stays on the page; a plain form post gets a redirect so that reloading repeats nothing.
  if (outcome.kind === 'checked-in' && !(input.intent === 'code' && input.respond === 'data')) {
    return redirect(backTo(event.id, input.q, { ingecheckt: outcome.attendee.id }))
  }
  return data(
    {
      outcome,
      undone: null,
      message: outcomeMessage(t, outcome, event.timeZone, lang),
      // A typed code that did not check in stays in the field (without JavaScript the page is new).
      code: input.intent === 'code' && outcome.kind !== 'checked-in' ? input.code.slice(0, 100) : '',
    },
    { status: statusOf[outcome.kind] },
  )
}

/** The one line that tells the host what happened (also the action's message, for tests and logs). */
export function outcomeMessage(t: Dictionary, outcome: CheckInOutcome, zone: string, lang: Lang) {
  const r = t.checkIn.result
  switch (outcome.kind) {
    case 'checked-in':
      return `${r.checkedIn}: ${outcome.attendee.name}`
    case 'already':
      return r.already(formatTime(new Date(outcome.at), zone, lang))
    case 'not-confirmed':
      return r.notConfirmed(outcome.attendee.name, t.checkIn.status[outcome.attendee.status])
    case 'other-event':
      return r.otherEvent(outcome.eventTitle)
    case 'unknown':
    case 'invalid-code':
      return r.unknown
  }
}

function Needs({ person }: { person: Attendee }) {
  const t = useT()
  if (!person.accessibility && !person.dietary) return null
  return (
    <div className="checkin-needs">
      <p className="checkin-needs__label">{t.checkIn.person.attention}</p>
      <dl className="facts">
        {person.accessibility ? (
          <>
            <dt>{t.checkIn.person.accessibility}</dt>
            <dd>{person.accessibility}</dd>
          </>
        ) : null}
        {person.dietary ? (
          <>
            <dt>{t.checkIn.person.dietary}</dt>
            <dd>{person.dietary}</dd>
          </>
        ) : null}
      </dl>
    </div>
  )
}

function UndoButton({ person, q, canEdit }: { person: Attendee; q: string; canEdit: boolean }) {
  const t = useT()
  if (!canEdit) return null
  return (
    <Form method="post" className="checkin-inline-form">
      <input type="hidden" name="intent" value="undo" />
      <input type="hidden" name="registrationId" value={person.id} />
      {q ? <input type="hidden" name="q" value={q} /> : null}
      <button type="submit" className="button button--secondary">
        {t.checkIn.undo}
        <span className="visually-hidden"> ({person.name})</span>
      </button>
    </Form>
  )
}

/** The big answer after a scan or a check-in: who it is, what they need, or why they cannot come in. */
function Result({ outcome, zone, q, canEdit }: { outcome: CheckInOutcome; zone: string; q: string; canEdit: boolean }) {
  const t = useT()
  const lang = useLang()
  const ok = outcome.kind === 'checked-in'
  const warn = outcome.kind === 'already'
  const person = 'attendee' in outcome ? outcome.attendee : null
  const heading = ok
    ? t.checkIn.result.checkedIn
    : warn
      ? t.checkIn.result.already(formatTime(new Date(outcome.at), zone, lang))
      : outcome.kind === 'not-confirmed'
        ? t.checkIn.result.notConfirmedHeading
        : outcomeMessage(t, outcome, zone, lang)
  return (
    <div className={`checkin-result checkin-result--${ok ? 'ok' : warn ? 'warn' : 'error'}`}>
      <p className="checkin-result__heading">{heading}</p>
      {person ? (
        <>
          <p className="checkin-result__name">{person.name}</p>
          {person.organisation || person.function ? (
            <p className="checkin-result__meta">{[person.function, person.organisation].filter(Boolean).join(' · ')}</p>
          ) : null}
          {outcome.kind === 'not-confirmed' ? <p>{outcomeMessage(t, outcome, zone, lang)}</p> : null}
          {person.flaggedForReview ? <p className="notice notice--warning">{t.checkIn.person.flagged}</p> : null}
          {outcome.kind !== 'not-confirmed' ? <Needs person={person} /> : null}
          {ok || warn ? <UndoButton person={person} q={q} canEdit={canEdit} /> : null}
        </>
      ) : outcome.kind === 'unknown' || outcome.kind === 'invalid-code' ? (
        <p>{t.checkIn.result.unknownHint}</p>
      ) : null}
    </div>
  )
}

export default function CheckInPage() {
  const t = useT()
  const lang = useLang()
  const c = t.checkIn
  const { event, canEdit, counts, recent, q, results, shown, undoneName } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const scan = useFetcher<typeof action>()
  const navigation = useNavigation()
  const revalidator = useRevalidator()
  // A scan pauses the camera until the host asks for the next one; its answer shows until the page moves on
  // (a search or another check-in), while the camera stays paused so that an undo is not scanned back in.
  const [scanPaused, setScanPaused] = useState(false)
  const [scanShown, setScanShown] = useState(false)
  const zone = event.timeZone

  useEffect(() => {
    if (navigation.state !== 'idle') setScanShown(false)
  }, [navigation.state])

  // The live count: refresh while the page is open and visible (without JavaScript, every load shows it).
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState !== 'visible') return
      if (revalidator.state === 'idle' && navigation.state === 'idle') revalidator.revalidate()
    }, REFRESH_MS)
    return () => clearInterval(timer)
  }, [revalidator, navigation.state])

  const scanOutcome = scanShown && scan.state === 'idle' ? (scan.data?.outcome ?? null) : null
  const outcome: CheckInOutcome | null = scanOutcome ?? actionData?.outcome ?? shown
  const otherMessage = !outcome && actionData?.message ? actionData.message : null

  return (
    <div className="checkin">
      <p>
        <Link to={`/beheer/bijeenkomsten/${event.id}`}>{c.back}</Link>
      </p>
      <h1>{c.heading(event.title)}</h1>
      <p className="checkin-count">
        <span className="checkin-count__label">{c.count.label}: </span>
        <strong className="checkin-count__value" aria-live="polite">
          {c.count.value(counts.arrived, counts.expected)}
        </strong>{' '}
        <span className="muted">{c.count.explain}</span>
      </p>

      <div role="status" aria-live="polite" className="checkin-answer">
        {scanShown && scan.state !== 'idle' ? <p>{c.camera.checking}</p> : null}
        {outcome ? <Result outcome={outcome} zone={zone} q={q} canEdit={canEdit} /> : null}
        {otherMessage ? <p className="notice notice--error">{otherMessage}</p> : null}
        {undoneName && !outcome ? <p className="notice">{c.result.undone(undoneName)}</p> : null}
      </div>

      {canEdit ? (
        <>
          <CheckInScanner
            busy={scan.state !== 'idle'}
            paused={scanPaused}
            onCode={(code) => {
              setScanPaused(true)
              setScanShown(true)
              scan.submit({ intent: 'code', code, respond: 'data' }, { method: 'post' })
            }}
            onNext={() => {
              setScanPaused(false)
              setScanShown(false)
            }}
          />
          <section aria-labelledby="code-heading" className="checkin-section">
            <h2 id="code-heading">{c.code.heading}</h2>
            <Form method="post">
              <input type="hidden" name="intent" value="code" />
              <div className="field">
                <label htmlFor="checkin-code">{c.code.label}</label>
                <p id="checkin-code-hint" className="field-hint">
                  {c.code.hint}
                </p>
                <input
                  id="checkin-code"
                  name="code"
                  autoComplete="off"
                  autoCapitalize="none"
                  spellCheck={false}
                  maxLength={500}
                  defaultValue={actionData && 'code' in actionData ? actionData.code : ''}
                  aria-describedby="checkin-code-hint"
                  required
                />
              </div>
              <button type="submit" className="button button--large">
                {c.code.submit}
              </button>
            </Form>
          </section>
        </>
      ) : (
        <p className="notice">{c.viewOnly}</p>
      )}

      <section aria-labelledby="search-heading" className="checkin-section">
        <h2 id="search-heading">{c.search.heading}</h2>
        <Form method="get" role="search" aria-labelledby="search-heading">
          <div className="field">
            <label htmlFor="checkin-q">{c.search.label}</label>
            <input id="checkin-q" name="q" type="search" defaultValue={q} minLength={2} maxLength={100} required />
          </div>
          <button type="submit" className="button button--large">
            {c.search.submit}
          </button>
        </Form>
        {results ? (
          <>
            <p aria-live="polite">{results.length ? c.search.results(results.length, q) : c.search.none(q)}</p>
            <ul className="checkin-list plain-list">
              {results.map((person) => (
                <li key={person.id} className="checkin-list__item">
                  <p className="checkin-list__name">{person.name}</p>
                  <p className="checkin-list__meta">
                    {[person.function, person.organisation].filter(Boolean).join(' · ')}
                  </p>
                  {person.accessibility || person.dietary ? <Needs person={person} /> : null}
                  {person.status !== 'confirmed' ? (
                    <p>{c.result.notConfirmed(person.name, c.status[person.status])}</p>
                  ) : person.checkedInAt ? (
                    <>
                      <p>
                        <strong>{c.search.checkedInAt(formatTime(new Date(person.checkedInAt), zone, lang))}</strong>
                      </p>
                      <UndoButton person={person} q={q} canEdit={canEdit} />
                    </>
                  ) : canEdit ? (
                    <Form method="post" className="checkin-inline-form">
                      <input type="hidden" name="intent" value="id" />
                      <input type="hidden" name="registrationId" value={person.id} />
                      <input type="hidden" name="q" value={q} />
                      <button type="submit" className="button button--large">
                        {c.search.checkIn}
                        <span className="visually-hidden"> ({person.name})</span>
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="recent-heading" className="checkin-section">
        <h2 id="recent-heading">{c.recent.heading}</h2>
        {recent.length ? (
          <ul className="checkin-list plain-list">
            {recent.map((person) => (
              <li key={person.id} className="checkin-list__item">
                <p className="checkin-list__name">
                  {person.checkedInAt ? `${formatTime(new Date(person.checkedInAt), zone, lang)} · ` : ''}
                  {person.name}
                </p>
                {person.organisation ? <p className="checkin-list__meta">{person.organisation}</p> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{c.recent.none}</p>
        )}
      </section>
    </div>
  )
}
