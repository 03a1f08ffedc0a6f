import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import {
  Form,
  isRouteErrorResponse,
  Link,
  useActionData,
  useLoaderData,
  useParams,
  useRouteError,
  useSearchParams,
} from '@remix-run/react'
import {
  Honeypot,
  RegistrationErrorSummary,
  RegistrationEventSummary,
  RegistrationFields,
  useRegistrationForm,
} from '~/components/registration-fields'
import { INVITE_ONLY } from '~/domain/registration-form'
import { dictionary, metaTitle, useLang, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { eventQuestions, formEventView, publicRegistrationEvent } from '~/models/registration-form.server'
import { requirePublicEvent, submitPublicRegistration } from '~/routes-support/registration-form.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  metaTitle(matches, (t) => data?.pageTitle ?? t.registration.title)

export const headers: HeadersFunction = () => ({ 'Cache-Control': 'private, no-store' })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = await getLang(request)
  const event = requirePublicEvent(await publicRegistrationEvent(params.slug ?? ''))
  return data({
    event: formEventView(event),
    questions: await eventQuestions(event.id),
    pageTitle: dictionary(lang).registration.pageTitle(event.title),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = await getLang(request)
  return submitPublicRegistration(request, params.slug ?? '', dictionary(lang), lang)
}

export default function PublicRegistration() {
  const t = useT()
  const lang = useLang()
  const { event, questions, pageTitle } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const [form, fields] = useRegistrationForm({
    id: 'registration',
    questions,
    lastResult: actionData?.result,
    defaultValue: { language: lang },
  })
  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to={`/bijeenkomsten/${event.slug}`}>{t.registration.public.backToEvent}</Link>
      </p>
      <h1>{pageTitle}</h1>
      {params.get('verstuurd') ? (
        <section className="notice" role="status" aria-labelledby="mail-sent-heading">
          <h2 id="mail-sent-heading">{t.registration.public.mailSentTitle}</h2>
          <p>{t.registration.public.mailSent}</p>
        </section>
      ) : null}
      <RegistrationEventSummary event={event} />
      {event.window === 'open' && !params.get('verstuurd') ? (
        <Form method="post" {...getFormProps(form)}>
          <RegistrationErrorSummary form={form} fields={fields} questions={questions} message={actionData?.message} />
          <Honeypot />
          <RegistrationFields fields={fields} questions={questions} variant="public" />
          <button type="submit" className="button">
            {t.registration.submit}
          </button>
        </Form>
      ) : null}
    </div>
  )
}

/** Invite-only events say how to register instead of a bare "not found". */
export function ErrorBoundary() {
  const error = useRouteError()
  const t = useT()
  const { slug } = useParams()
  if (isRouteErrorResponse(error) && error.status === 404 && error.data === INVITE_ONLY) {
    return (
      <section className="error-page narrow" aria-labelledby="error-title">
        <h1 id="error-title">{t.registration.public.inviteOnlyTitle}</h1>
        <p>{t.registration.public.inviteOnly}</p>
        <p>
          <Link to={`/bijeenkomsten/${slug}`}>{t.registration.public.backToEvent}</Link>
        </p>
      </section>
    )
  }
  throw error
}
