import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Fragment } from 'react'
import { ConfirmStep } from '~/components/confirm-step'
import { CheckboxField, ErrorSummary, Field, Fieldset, LanguageField, TextareaField } from '~/components/forms'
import { registrationDetailsSchema } from '~/domain/manage-schema'
import { formatEventPeriod } from '~/domain/format'
import { dictionary, metaTitle, useLang, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { appUrl } from '~/utils/env.server'
import {
  cancelOwnRegistration,
  createFeedLink,
  changeRefusal,
  getManagePage,
  updateRegistrationDetails,
  type ManagePage,
} from '~/models/registration-manage.server'
import manageStyles from '~/styles/manage.css?url'
import {
  LINK_BASE,
  linkPageHeaders,
  linkProblemResponse,
  PRIVATE_HEADERS,
  requireLinkSession,
} from '~/utils/link-session.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: manageStyles }]

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...metaTitle(matches, (t) => (data ? `${t.manage.title}: ${data.page.event.title}` : t.manage.title)),
  { name: 'robots', content: 'noindex' },
]

export const headers = linkPageHeaders

export async function loader({ request, params }: LoaderFunctionArgs) {
  // The link from the mail: the token is traded for a cookie at once, so it leaves the address bar.
  const session = await requireLinkSession(request, 'registration', params.token ?? '')
  const page = await getManagePage(session.subjectId)
  if (!page) throw linkProblemResponse('unknown')
  const query = new URL(request.url).searchParams
  return data(
    {
      page,
      welcome: query.get('welkom') === '1',
      saved: query.get('opgeslagen') === '1',
      cancelled: query.get('geannuleerd') === '1',
      confirmCancel: query.get('annuleren') === '1' && page.canChange,
    },
    { headers: session.headers },
  )
}

type ActionData =
  | { kind: 'details'; result: SubmissionResult<string[]> }
  | { kind: 'confirm-cancel' }
  | { kind: 'feed'; feedUrl: string }
  | { kind: 'refused'; message: string }

export async function action({ request, params }: ActionFunctionArgs) {
  const session = await requireLinkSession(request, 'registration', params.token ?? '')
  const t = dictionary(await getLang(request)).manage
  const self = session.path
  const formData = await request.formData()
  const intent = formData.get('intent')
  const refused = (message: string, status: number) =>
    data<ActionData>({ kind: 'refused', message }, { status, headers: PRIVATE_HEADERS })
  const refusal = (kind: 'not-found' | 'not-active' | 'event-closed') => {
    if (kind === 'not-found') throw linkProblemResponse('unknown')
    return refused(kind === 'event-closed' ? t.errors.eventClosed : t.errors.notActive, 409)
  }

  if (intent === 'details') {
    const submission = parseWithZod(formData, { schema: registrationDetailsSchema(t.errors) })
    if (submission.status !== 'success') {
      return data<ActionData>(
        { kind: 'details', result: submission.reply() },
        { status: 400, headers: PRIVATE_HEADERS },
      )
    }
    const outcome = await updateRegistrationDetails(session.subjectId, submission.value)
    if (outcome.kind !== 'saved') return refusal(outcome.kind)
    return redirect(`${self}?opgeslagen=1`, 303)
  }
  if (intent === 'cancel-request') {
    const why = await changeRefusal(session.subjectId)
    if (why) return refusal(why)
    return data<ActionData>({ kind: 'confirm-cancel' }, { headers: PRIVATE_HEADERS })
  }
  if (intent === 'cancel') {
    const outcome = await cancelOwnRegistration(session.subjectId)
    if (outcome.kind === 'not-found' || outcome.kind === 'event-closed') return refusal(outcome.kind)
    return redirect(`${self}?geannuleerd=1`, 303)
  }
  if (intent === 'feed') {
    const outcome = await createFeedLink(session.subjectId)
    if (outcome.kind === 'not-found') throw linkProblemResponse('unknown')
    // Shown once, in this response only: it is not stored anywhere we could show it again.
    return data<ActionData>(
      { kind: 'feed', feedUrl: appUrl(`${LINK_BASE.registration}/${outcome.token}/agenda.ics`) },
      { headers: PRIVATE_HEADERS },
    )
  }
  return refused(t.errors.unknownAction, 400)
}

export default function ManageRegistration() {
  const t = useT()
  const m = t.manage
  const lang = useLang()
  const { page, welcome, saved, cancelled, confirmCancel } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as ActionData | undefined
  const { registration, event } = page
  const showConfirm = page.canChange && (confirmCancel || actionData?.kind === 'confirm-cancel')
  return (
    <div className="narrow manage">
      <h1>{m.title}</h1>
      <p className="lead">{event.title}</p>
      {welcome ? (
        <p role="status" className="notice">
          {page.waitlist && page.waitlist.reason !== 'event-full' && page.waitlist.organisationName
            ? m.welcome.waitlistedOrganisation(page.waitlist.organisationName)
            : m.welcome[registration.status]}
        </p>
      ) : null}
      {saved ? (
        <p role="status" className="notice">
          {m.saved}
        </p>
      ) : null}
      {cancelled ? (
        <p role="status" className="notice">
          {m.cancelledNow}
        </p>
      ) : null}
      {actionData?.kind === 'refused' ? (
        <p role="alert" className="notice notice--error">
          {actionData.message}
        </p>
      ) : null}

      {showConfirm ? <ConfirmCancel holdsSeat={registration.holdsSeat} /> : null}

      <StatusSection page={page} />

      <section aria-labelledby="event-heading">
        <h2 id="event-heading">{m.event.heading}</h2>
        <dl className="facts facts--event">
          <dt>{m.event.when}</dt>
          <dd>{formatEventPeriod(new Date(event.startsAt), new Date(event.endsAt), event.timeZone, lang)}</dd>
          {event.venueName || event.venueAddress || event.venueCity ? (
            <>
              <dt>{m.event.where}</dt>
              <dd lang="nl">
                {event.venueName}
                {event.venueName ? <br /> : null}
                {event.venueAddress}
                {event.venueAddress ? <br /> : null}
                {[event.venuePostcode, event.venueCity].filter(Boolean).join(' ')}
              </dd>
            </>
          ) : null}
          {event.onlineUrl ? (
            <>
              <dt>{m.event.online}</dt>
              <dd>
                <a href={event.onlineUrl}>{m.event.onlineLink}</a>
              </dd>
            </>
          ) : null}
        </dl>
        {event.isPublic ? (
          <p>
            <a href={`/bijeenkomsten/${event.slug}`}>{m.event.page}</a>
          </p>
        ) : null}
      </section>

      {page.qr ? (
        <section aria-labelledby="qr-heading">
          <h2 id="qr-heading">{m.qr.heading}</h2>
          <p>{m.qr.text}</p>
          <img className="qr-code" src={page.qr} alt={m.qr.alt(registration.name)} width={240} height={240} />
        </section>
      ) : null}

      {/* Only who is coming is offered the event for their calendar; the waitlist hears when it gets a seat. */}
      {registration.status === 'confirmed' ? (
        <CalendarSection slug={event.slug} feedUrl={actionData?.kind === 'feed' ? actionData.feedUrl : null} />
      ) : registration.status === 'waitlisted' ? (
        <section aria-labelledby="calendar-heading">
          <h2 id="calendar-heading">{m.calendar.heading}</h2>
          <p>{m.calendar.waitlisted}</p>
        </section>
      ) : null}

      <DetailsSection page={page} />

      {page.colleagues.length ? (
        <section aria-labelledby="colleagues-heading">
          <h2 id="colleagues-heading">{m.colleagues.heading}</h2>
          <p>{m.colleagues.intro}</p>
          <ul className="plain-list">
            {page.colleagues.map((c) => (
              <li key={c.id}>
                {c.name} — {m.statusLabels[c.status]}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {page.canChange ? (
        <>
          <DetailsForm page={page} lastResult={actionData?.kind === 'details' ? actionData.result : null} />
          {showConfirm ? null : (
            <section aria-labelledby="cancel-heading">
              <h2 id="cancel-heading">{m.cancel.heading}</h2>
              <p>{m.cancel.intro}</p>
              <Form method="post">
                <input type="hidden" name="intent" value="cancel-request" />
                <button type="submit" className="button button--secondary">
                  {m.cancel.button}
                </button>
              </Form>
            </section>
          )}
        </>
      ) : null}
    </div>
  )
}

function StatusSection({ page }: { page: ManagePage }) {
  const m = useT().manage
  const waitlistText = useWaitlistText()
  const { registration, event } = page
  const text = {
    confirmed: [m.status.confirmed, m.status.confirmedText],
    waitlisted: waitlistText(page),
    pending_approval: [m.status.pending_approval, m.status.pendingText],
    rejected: [m.status.rejected, m.status.rejectedText],
    cancelled: [m.status.cancelled, m.status.cancelledText],
  }[registration.status]
  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">{m.status.heading}</h2>
      {event.status === 'cancelled' ? <p className="notice notice--error">{m.status.eventCancelled}</p> : null}
      {event.status !== 'cancelled' && event.over ? <p className="notice">{m.status.eventOver}</p> : null}
      <p className="manage-status">
        <strong>{text[0]}</strong>
      </p>
      <p>{text[1]}</p>
      {registration.status === 'cancelled' && event.status === 'published' && !event.over && event.isPublic ? (
        <p>
          <a href={`/bijeenkomsten/${event.slug}`}>{m.registerAgain}</a>
        </p>
      ) : null}
    </section>
  )
}

/** Why they wait, in the words that fit: a full event, or their organisation's seats that are taken. */
function useWaitlistText() {
  const m = useT().manage
  return ({ waitlist, waitlistPosition, secretariatEmail }: ManagePage): [string, string] => {
    const org = waitlist?.organisationName
    if (waitlist?.reason === 'organisation-full' && org && waitlist.organisationPosition !== null) {
      return [
        m.status.waitlistedOrganisation(org, waitlist.organisationPosition),
        m.status.waitlistedOrganisationText(org, secretariatEmail),
      ]
    }
    if (waitlist?.reason === 'both-full' && org) {
      return [m.status.waitlisted(waitlistPosition), m.status.waitlistedBothText(org, secretariatEmail)]
    }
    return [m.status.waitlisted(waitlistPosition), m.status.waitlistedText]
  }
}

function ConfirmCancel({ holdsSeat }: { holdsSeat: boolean }) {
  const m = useT().manage
  return (
    <ConfirmStep
      id="confirm-heading"
      title={m.cancel.confirmTitle}
      intent="cancel"
      confirm={m.cancel.confirm}
      back={{ to: '?', label: m.cancel.back }}
    >
      <p>{holdsSeat ? m.cancel.consequencesSeat : m.cancel.consequencesWaitlist}</p>
      <p>{m.cancel.consequencesAgain}</p>
    </ConfirmStep>
  )
}

function CalendarSection({ slug, feedUrl }: { slug: string; feedUrl: string | null }) {
  const m = useT().manage
  return (
    <section aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">{m.calendar.heading}</h2>
      <p>
        <a href={`/bijeenkomsten/${slug}/agenda.ics`}>{m.calendar.download}</a>
      </p>
      <p>{m.calendar.feedIntro}</p>
      {feedUrl ? (
        <div className="notice" role="status">
          <h3>{m.calendar.feedCreated}</h3>
          <p>{m.calendar.feedOnce}</p>
          <div className="field">
            <label htmlFor="feed-url">{m.calendar.feedLabel}</label>
            <input
              id="feed-url"
              className="feed-url"
              type="text"
              readOnly
              value={feedUrl}
              onFocus={(e) => e.currentTarget.select()}
            />
          </div>
          <p>{m.calendar.feedPrivate}</p>
        </div>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="feed" />
          <p className="field-hint">
            {m.calendar.feedPrivate} {m.calendar.feedReplaces}
          </p>
          <button type="submit" className="button button--secondary">
            {m.calendar.feedButton}
          </button>
        </Form>
      )}
    </section>
  )
}

function DetailsSection({ page }: { page: ManagePage }) {
  const t = useT()
  const m = t.manage
  const lang = useLang()
  const d = m.details
  const r = page.registration
  const orNone = (value: string) => value || d.none
  return (
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">{d.heading}</h2>
      <dl className="facts">
        <dt>{d.name}</dt>
        <dd>{r.name}</dd>
        <dt>{d.email}</dt>
        <dd>{r.email}</dd>
        <dt>{d.function}</dt>
        <dd>{orNone(r.function)}</dd>
        <dt>{d.organisation}</dt>
        <dd>{orNone(r.organisationName)}</dd>
        <dt>{d.dietary}</dt>
        <dd>{orNone(r.dietary)}</dd>
        <dt>{d.accessibilityShort}</dt>
        <dd>{orNone(r.accessibility)}</dd>
        <dt>{d.photoShort}</dt>
        <dd>{r.photoConsent ? d.photoYes : d.photoNo}</dd>
        <dt>{d.language}</dt>
        <dd>{t.languages[r.language]}</dd>
      </dl>
      {page.canChange ? <p className="field-hint">{d.emailFixed}</p> : null}
      {page.answers.length ? (
        <>
          <h3>{d.answers}</h3>
          <dl className="facts">
            {page.answers.map((a) => (
              <Fragment key={a.id}>
                <dt>{lang === 'en' && a.labelEn ? a.labelEn : a.label}</dt>
                <dd>
                  {a.answer === null
                    ? d.notAnswered
                    : typeof a.answer === 'boolean'
                      ? a.answer
                        ? d.yes
                        : d.no
                      : a.answer}
                </dd>
              </Fragment>
            ))}
          </dl>
          {page.canChange ? <p className="field-hint">{d.answersReadOnly}</p> : null}
        </>
      ) : null}
    </section>
  )
}

function DetailsForm({
  page,
  lastResult,
}: {
  page: ManagePage
  lastResult: Extract<ActionData, { kind: 'details' }>['result'] | null
}) {
  const t = useT()
  const m = t.manage
  const d = m.details
  const r = page.registration
  const schema = registrationDetailsSchema(m.errors)
  const [form, fields] = useForm({
    id: 'details-form',
    lastResult,
    defaultValue: {
      name: r.name,
      function: r.function,
      organisationName: r.organisationName,
      dietary: r.dietary,
      accessibility: r.accessibility,
      photoConsent: r.photoConsent,
      language: r.language,
    },
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  return (
    <section aria-labelledby="change-heading">
      <h2 id="change-heading">{d.change}</h2>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="details" />
        <ErrorSummary
          title={m.errors.summary}
          errors={form.errors}
          fields={[
            fields.name,
            fields.function,
            fields.organisationName,
            fields.dietary,
            fields.accessibility,
            fields.photoConsent,
            fields.language,
          ]}
        />
        <Fieldset legend={d.heading}>
          <Field
            label={d.name}
            inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'name' }}
            errors={fields.name.errors}
          />
          <Field
            label={d.function}
            inputProps={{ ...getInputProps(fields.function, { type: 'text' }), autoComplete: 'organization-title' }}
            errors={fields.function.errors}
          />
          {r.organisationFixed ? (
            <p>
              <strong>{d.organisation}:</strong> {r.organisationName}
              <br />
              <span className="field-hint">{d.organisationFixed}</span>
            </p>
          ) : (
            <Field
              label={d.organisation}
              inputProps={{ ...getInputProps(fields.organisationName, { type: 'text' }), autoComplete: 'organization' }}
              errors={fields.organisationName.errors}
            />
          )}
          <TextareaField
            label={d.dietary}
            hint={d.dietaryHint}
            textareaProps={{ ...getTextareaProps(fields.dietary), rows: 3 }}
            errors={fields.dietary.errors}
          />
          <TextareaField
            label={d.accessibility}
            hint={d.accessibilityHint}
            textareaProps={{ ...getTextareaProps(fields.accessibility), rows: 3 }}
            errors={fields.accessibility.errors}
          />
          <CheckboxField
            label={d.photoConsent}
            inputProps={getInputProps(fields.photoConsent, { type: 'checkbox' })}
            errors={fields.photoConsent.errors}
          />
          <LanguageField
            label={d.language}
            selectProps={getSelectProps(fields.language)}
            errors={fields.language.errors}
          />
        </Fieldset>
        <button type="submit" className="button">
          {d.save}
        </button>
      </Form>
    </section>
  )
}
