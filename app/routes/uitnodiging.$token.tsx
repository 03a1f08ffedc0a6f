import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { ConfirmStep } from '~/components/confirm-step'
import {
  Honeypot,
  RegistrationErrorSummary,
  RegistrationEventSummary,
  RegistrationFields,
  useRegistrationForm,
} from '~/components/registration-fields'
import { normaliseEmail } from '~/domain/person-fields'
import type { RegistrationQuestionDef } from '~/domain/registration-form'
import { dictionary, metaTitle, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { invitationPage } from '~/models/invitation-response.server'
import { eventQuestions, formEventView } from '~/models/registration-form.server'
import { handleInvitationAction, requireInvitationSession } from '~/routes-support/invitation-response.server'
import { linkPageHeaders } from '~/utils/link-session.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  metaTitle(matches, (t) => data?.pageTitle ?? t.registration.invitation.titleFallback)

export const headers = linkPageHeaders

export async function loader({ request, params }: LoaderFunctionArgs) {
  // The token from the mail leaves the address bar at once: a cookie, and the page under the link's id.
  const { invitation, session } = await requireInvitationSession(request, params.token ?? '')
  const lang = await getLang(request)
  return data(
    {
      ...(await invitationPage(invitation)),
      event: formEventView(invitation.event),
      questions: await eventQuestions(invitation.eventId),
      pageTitle: dictionary(lang).registration.invitation.title(invitation.event.title),
      // "Ik kan niet komen" first asks (a page of its own, so it works without JavaScript).
      confirmDecline: new URL(request.url).searchParams.get('afmelden') === '1',
    },
    { headers: session.headers },
  )
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = await getLang(request)
  return handleInvitationAction(request, params.token ?? '', dictionary(lang), lang)
}

type ActionData = { form?: 'register' | 'colleague'; result: null | undefined | object; message: string | null }

export default function InvitationPage() {
  const t = useT()
  const i = t.registration.invitation
  const page = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as ActionData | undefined
  const [params] = useSearchParams()
  const registered = page.registration !== null
  const colleagueStatus = params.get('collega')
  return (
    <div className="narrow">
      <h1>{page.pageTitle}</h1>
      <p>{i.greeting(page.contact.name)}</p>
      {params.get('link') ? (
        <p role="status" className="notice">
          {i.linkSent}
        </p>
      ) : null}
      {actionData?.message && !actionData.form ? (
        <p role="alert" className="notice notice--error">
          {actionData.message}
        </p>
      ) : null}
      {!registered && page.invitationStatus === 'declined' ? (
        <p role="status" className="notice">
          {i.declined}
        </p>
      ) : null}
      <RegistrationEventSummary event={page.event} />

      {registered ? (
        <section aria-labelledby="status-heading">
          <h2 id="status-heading">{i.status}</h2>
          <p className="notice">
            {i.registered} {i.statuses[page.registration!.status]}.
          </p>
          {page.registration!.flaggedForReview ? <p className="notice notice--warning">{i.forwardedDone}</p> : null}
          <Form method="post">
            <button type="submit" name="intent" value="resend" className="button button--secondary">
              {i.resendLink}
            </button>
          </Form>
        </section>
      ) : page.confirmDecline && page.invitationStatus !== 'declined' ? (
        <ConfirmDecline />
      ) : page.event.window === 'open' ? (
        <section aria-labelledby="register-heading">
          <h2 id="register-heading">{t.registration.title}</h2>
          <p>{i.intro}</p>
          <p>{i.forwardedHint(page.contact.email)}</p>
          <InviteeForm
            questions={page.questions}
            contact={page.contact}
            actionData={actionData?.form === 'register' ? actionData : undefined}
          />
        </section>
      ) : null}

      {!registered && page.invitationStatus !== 'declined' && !page.confirmDecline ? (
        <section aria-labelledby="decline-heading">
          <h2 id="decline-heading">{i.declineHeading}</h2>
          <p>{i.declineIntro}</p>
          {/* A link to the question, not a button that declines: one click cannot decline by mistake. */}
          <p>
            <Link to="?afmelden=1" className="button button--secondary">
              {i.decline}
            </Link>
          </p>
        </section>
      ) : null}

      {registered ? (
        <section aria-labelledby="colleagues-heading">
          <h2 id="colleagues-heading">{i.colleaguesHeading}</h2>
          {colleagueStatus === 'confirmed' || colleagueStatus === 'pending_approval' ? (
            <p role="status" className="notice">
              {colleagueStatus === 'confirmed' ? i.colleagueAdded : i.colleaguePending}
            </p>
          ) : colleagueStatus === 'waitlisted' ? (
            <p role="status" className="notice notice--warning">
              {i.colleagueWaitlisted}
            </p>
          ) : null}
          {page.colleagues.length ? (
            <div className="table-wrap">
              <table>
                <caption>{i.colleaguesList}</caption>
                <thead>
                  <tr>
                    <th scope="col">{i.colleagueName}</th>
                    <th scope="col">{i.colleagueStatus}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.colleagues.map((c) => (
                    <tr key={c.id}>
                      <td>{c.name}</td>
                      <td>{i.statuses[c.status]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {page.event.window === 'open' ? (
            <>
              <p>{i.colleaguesIntro(page.contact.organisationName)}</p>
              {page.quotaLeft === null ? null : page.quotaLeft > 0 ? (
                <p>{i.quotaLeft(page.quotaLeft)}</p>
              ) : (
                <p className="notice notice--warning">{i.quotaFull}</p>
              )}
              <ColleagueForm
                questions={page.questions}
                organisationName={page.contact.organisationName}
                actionData={actionData?.form === 'colleague' ? actionData : undefined}
              />
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  )
}

type Result = Parameters<typeof useRegistrationForm>[0]['lastResult']

function ConfirmDecline() {
  const i = useT().registration.invitation
  return (
    <ConfirmStep
      id="decline-confirm-heading"
      title={i.declineConfirmTitle}
      intent="decline"
      confirm={i.declineConfirm}
      back={{ to: '?', label: i.declineBack }}
    >
      <p>{i.declineConfirmText}</p>
    </ConfirmStep>
  )
}

function InviteeForm({
  questions,
  contact,
  actionData,
}: {
  questions: RegistrationQuestionDef[]
  contact: { name: string; email: string; function: string; language: 'nl' | 'en'; organisationName: string }
  actionData?: ActionData
}) {
  const t = useT()
  const [form, fields] = useRegistrationForm({
    id: 'invitee',
    questions,
    lastResult: actionData?.result as Result,
    defaultValue: { name: contact.name, email: contact.email, function: contact.function, language: contact.language },
  })
  // Said only when the address typed differs from the invitation's, compared as the server compares them.
  const typed = typeof fields.email.value === 'string' ? fields.email.value : contact.email
  const differs = normaliseEmail(typed) !== normaliseEmail(contact.email)
  return (
    <Form method="post" {...getFormProps(form)}>
      <RegistrationErrorSummary form={form} fields={fields} questions={questions} message={actionData?.message} />
      <RegistrationFields
        fields={fields}
        questions={questions}
        variant="invitation"
        organisationName={contact.organisationName}
      />
      <div role="status">
        {differs ? <p className="notice notice--warning">{t.registration.invitation.forwardedNotice}</p> : null}
      </div>
      <Honeypot id="register-website" />
      <button type="submit" name="intent" value="register" className="button">
        {t.registration.submit}
      </button>
    </Form>
  )
}

function ColleagueForm({
  questions,
  organisationName,
  actionData,
}: {
  questions: RegistrationQuestionDef[]
  organisationName: string
  actionData?: ActionData
}) {
  const t = useT()
  const [form, fields] = useRegistrationForm({
    id: 'colleague',
    questions,
    lastResult: actionData?.result as Result,
  })
  return (
    <Form method="post" {...getFormProps(form)}>
      <RegistrationErrorSummary form={form} fields={fields} questions={questions} message={actionData?.message} />
      <RegistrationFields
        fields={fields}
        questions={questions}
        variant="colleague"
        organisationName={organisationName}
      />
      <Honeypot id="colleague-website" />
      <button type="submit" name="intent" value="colleague" className="button">
        {t.registration.invitation.colleagueSubmit}
      </button>
    </Form>
  )
}
