import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { formatDateTime } from '~/domain/format'
import { metaTitle, useLang, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { getShellProgramme } from '~/models/programme.server'
import { listDevMails, newRequestKey, outboxSummary, sendTestMail } from '~/models/mailbox.server'
import { getEnv } from '~/utils/env.server'
import { requireUserWithRole } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.mailbox.title)

// Mails hold personal links, so only administrators read the mailbox.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithRole(request, 'admin')
  const page = z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .catch(1)
    .parse(new URL(request.url).searchParams.get('pagina') ?? 1)
  const env = getEnv()
  const [list, summary] = await Promise.all([listDevMails(page), outboxSummary()])
  return {
    ...list,
    summary,
    userEmail: user.email,
    smtpConfigured: Boolean(env.SMTP_URL || env.SMTP_HOST),
    requestKey: newRequestKey(),
  }
}

const testMailSchema = z.object({ intent: z.literal('test-mail'), requestKey: z.string().min(20).max(100) })

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithRole(request, 'admin')
  const parsed = testMailSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) throw new Response('Bad request', { status: 400 })
  const lang = await getLang(request)
  const programme = await getShellProgramme()
  const queued = await sendTestMail(user, lang, programme?.name ?? 'bijeen', parsed.data.requestKey)
  return data({ queued })
}

export default function Mailbox() {
  const t = useT()
  const lang = useLang()
  const { mails, total, page, pages, summary, userEmail, smtpConfigured, requestKey } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <h1>{t.mailbox.title}</h1>
      <p>{smtpConfigured ? t.mailbox.smtpConfigured : t.mailbox.intro}</p>
      <p>{t.mailbox.summary(summary.queued + summary.sending, summary.sent, summary.failed)}</p>
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="test-mail" />
        <input type="hidden" name="requestKey" value={requestKey} />
        <button type="submit" className="button">
          {t.mailbox.testMail}
        </button>{' '}
        <span className="muted">{t.mailbox.testMailHint(userEmail)}</span>
      </Form>
      {actionData ? (
        <p role="status" className="notice">
          {actionData.queued ? t.mailbox.testMailQueued : t.mailbox.testMailDuplicate}{' '}
          <Link to="/beheer/mailbox">{t.mailbox.refresh}</Link>
        </p>
      ) : null}
      {total === 0 ? (
        <p>{t.mailbox.empty}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t.mailbox.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.mailbox.columns.received}</th>
                <th scope="col">{t.mailbox.columns.to}</th>
                <th scope="col">{t.mailbox.columns.subject}</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((mail) => (
                <tr key={mail.id}>
                  <td>{formatDateTime(new Date(mail.receivedAt), 'Europe/Amsterdam', lang)}</td>
                  <td>{mail.to}</td>
                  <td>
                    <Link to={`/beheer/mailbox/${mail.id}`}>{mail.subject}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label={t.mailbox.page(page, pages)} className="pagination">
          {page > 1 ? <Link to={`?pagina=${page - 1}`}>{t.mailbox.previous}</Link> : null}
          <span>{t.mailbox.page(page, pages)}</span>
          {page < pages ? <Link to={`?pagina=${page + 1}`}>{t.mailbox.next}</Link> : null}
        </nav>
      ) : null}
    </>
  )
}
