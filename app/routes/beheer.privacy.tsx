import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { InputFor, useZodForm } from '~/components/conform-fields'
import { ErrorSummary } from '~/components/forms'
import { personLookupSchema, quoteDecisions } from '~/domain/privacy-schema'
import { dictionary, metaTitle, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { erasePerson, erasurePreview, type ErasurePreview } from '~/models/privacy.server'
import { requireUserWithRole } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.privacy.admin.title)

// Everything about one person in one place: administrators only. Every step is a POST, so the address never
// stands in a URL (or in a log of URLs).
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithRole(request, 'admin')
  return null
}

const intents = ['find', 'review', 'erase'] as const
type Intent = (typeof intents)[number]

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithRole(request, 'admin')
  const t = dictionary(await getLang(request))
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (!intents.includes(intent as Intent)) throw new Response('Bad request', { status: 400 })
  const submission = parseWithZod(formData, { schema: personLookupSchema(t.privacy.admin.emailInvalid) })
  if (submission.status !== 'success')
    return data({ step: 'find' as const, result: submission.reply() }, { status: 400 })
  const email = submission.value.email

  const preview = await erasurePreview(email)
  const found = { email, preview, result: submission.reply() }
  if (!preview.found) return data({ step: 'not-found' as const, ...found }, { status: 404 })
  if (intent === 'find') return { step: 'found' as const, ...found, decisionsMissing: false }

  const decisions = quoteDecisions(
    formData.entries(),
    preview.quotes.map((q) => q.statementId),
  )
  if (!decisions) return data({ step: 'found' as const, ...found, decisionsMissing: true }, { status: 400 })
  if (intent === 'review') return { step: 'confirm' as const, ...found, decisions }

  const outcome = await erasePerson(email, decisions, user.id)
  switch (outcome.kind) {
    case 'erased':
      return { step: 'erased' as const, counts: outcome.counts }
    case 'not-found':
      return data({ step: 'not-found' as const, ...found }, { status: 404 })
    case 'decisions-missing':
      // A quote was published between the review and the erasure: decide on it too.
      return data(
        { step: 'found' as const, ...found, preview: { ...preview, quotes: outcome.quotes }, decisionsMissing: true },
        { status: 409 },
      )
  }
}

function Hidden({ email, decisions }: { email: string; decisions?: Record<string, string> }) {
  return (
    <>
      <input type="hidden" name="email" value={email} />
      {Object.entries(decisions ?? {}).map(([id, value]) => (
        <input key={id} type="hidden" name={`quote:${id}`} value={value} />
      ))}
    </>
  )
}

function Found({
  email,
  preview,
  decisionsMissing,
}: {
  email: string
  preview: ErasurePreview
  decisionsMissing: boolean
}) {
  const a = useT().privacy.admin
  return (
    <>
      <section aria-labelledby="found-heading">
        <h2 id="found-heading">{a.foundTitle}</h2>
        <table>
          <tbody>
            {(Object.keys(a.counts) as Array<keyof typeof a.counts>).map((key) => (
              <tr key={key}>
                <th scope="row">{a.counts[key]}</th>
                <td>{preview.counts[key]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {preview.staffAccount ? <p>{a.staffAccount}</p> : null}
      </section>
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">{a.exportTitle}</h2>
        <p>{a.exportText}</p>
        {/* A download, not a page: the browser must handle the answer itself. */}
        <Form method="post" action="/beheer/privacy/export" reloadDocument className="actions">
          <Hidden email={email} />
          <button type="submit" name="format" value="json" className="button">
            {a.exportJson}
          </button>
          <button type="submit" name="format" value="html" className="button">
            {a.exportHtml}
          </button>
        </Form>
      </section>
      <section aria-labelledby="erase-heading">
        <h2 id="erase-heading">{a.eraseTitle}</h2>
        <p>{a.eraseText}</p>
        <Form method="post">
          <Hidden email={email} />
          {preview.quotes.length ? (
            <>
              <h3>{a.quotesTitle}</h3>
              <p>{a.quotesText}</p>
              {decisionsMissing ? <ErrorSummary title={a.decisionsMissing} errors={[a.decisionsMissing]} /> : null}
              {preview.quotes.map((q) => (
                <fieldset key={q.statementId} className="fieldset">
                  <legend>{a.decision}</legend>
                  <blockquote>
                    <p>{q.text}</p>
                    <footer>
                      {q.attribution} · {a.quoteIn(q.event, q.versions)}
                    </footer>
                  </blockquote>
                  {(['keep', 'remove'] as const).map((choice) => (
                    <div key={choice} className="radio">
                      <input
                        type="radio"
                        id={`quote-${q.statementId}-${choice}`}
                        name={`quote:${q.statementId}`}
                        value={choice}
                        required
                      />
                      <label htmlFor={`quote-${q.statementId}-${choice}`}>{a[choice]}</label>
                    </div>
                  ))}
                </fieldset>
              ))}
            </>
          ) : null}
          <button type="submit" name="intent" value="review" className="button">
            {a.review}
          </button>
        </Form>
      </section>
    </>
  )
}

function Confirm({
  email,
  preview,
  decisions,
}: {
  email: string
  preview: ErasurePreview
  decisions: Record<string, string>
}) {
  const a = useT().privacy.admin
  const ref = useRef<HTMLHeadingElement>(null)
  // Keyboard and screen-reader users land on the question, not at the top of the page.
  useEffect(() => ref.current?.focus(), [])
  const removed = Object.values(decisions).filter((d) => d === 'remove').length
  return (
    <section className="confirm-box" aria-labelledby="confirm-heading">
      <h2 id="confirm-heading" ref={ref} tabIndex={-1}>
        {a.confirmTitle}
      </h2>
      <p>{a.confirmText}</p>
      <ul>
        {(Object.keys(a.counts) as Array<keyof typeof a.counts>).map((key) => (
          <li key={key}>
            {a.counts[key]}: {preview.counts[key]}
          </li>
        ))}
        {preview.quotes.length ? <li>{a.confirmQuotes(preview.quotes.length - removed, removed)}</li> : null}
      </ul>
      <Form method="post">
        <Hidden email={email} decisions={decisions} />
        <div className="actions">
          <button type="submit" name="intent" value="erase" className="button">
            {a.confirm}
          </button>
          <Link to="/beheer/privacy">{a.back}</Link>
        </div>
      </Form>
    </section>
  )
}

export default function PrivacyAdmin() {
  const t = useT()
  const a = t.privacy.admin
  const actionData = useActionData<typeof action>()
  const schema = personLookupSchema(a.emailInvalid)
  const [form, fields] = useZodForm(schema, {
    id: 'person-lookup',
    lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
    defaultValue: actionData && 'email' in actionData ? { email: actionData.email } : undefined,
  })
  return (
    <>
      <h1>{a.title}</h1>
      <p>{a.intro}</p>
      {actionData?.step === 'erased' ? (
        <section className="notice" role="status" aria-labelledby="erased-heading">
          <h2 id="erased-heading">{a.erasedTitle}</h2>
          <p>{a.erasedText(actionData.counts)}</p>
        </section>
      ) : null}
      {actionData?.step === 'confirm' ? (
        <Confirm email={actionData.email} preview={actionData.preview} decisions={actionData.decisions} />
      ) : (
        <>
          <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
            <ErrorSummary title={t.errors.badRequestTitle} fields={[fields.email]} />
            <InputFor meta={fields.email} label={a.email} type="email" autoComplete="off" />
            <button type="submit" name="intent" value="find" className="button">
              {a.find}
            </button>
          </Form>
          {actionData?.step === 'not-found' ? <p role="status">{a.notFound}</p> : null}
          {actionData?.step === 'found' ? (
            <Found
              email={actionData.email}
              preview={actionData.preview}
              decisionsMissing={actionData.decisionsMissing}
            />
          ) : null}
        </>
      )}
    </>
  )
}
