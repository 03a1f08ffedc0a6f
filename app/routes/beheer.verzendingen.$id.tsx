import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { ActionLabel } from '~/components/action-label'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useRevalidator } from '@remix-run/react'
import { useEffect } from 'react'
import { z } from 'zod'
import { kindLabel, metaTitle, useT } from '~/i18n'
import { resendAllFailed, resendFailed } from '~/mail/outbox.server'
import { getBatch } from '~/models/batch.server'
import { requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.batches.batchTitle)

const statusFilter = z.enum(['failed', 'retry', 'sending', 'queued', 'sent']).optional().catch(undefined)

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'read')
  const status = statusFilter.parse(new URL(request.url).searchParams.get('status') ?? undefined)
  const batch = await getBatch(params.id ?? '', status)
  if (!batch) throw new Response('Not found', { status: 404 })
  return batch
}

const actionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('resend-one'), messageId: z.string().min(1).max(100) }),
  z.object({ intent: z.literal('resend-failed') }),
])

export async function action({ request, params }: ActionFunctionArgs) {
  await requirePermission(request, 'edit')
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) throw new Response('Bad request', { status: 400 })
  const batchId = params.id ?? ''
  // The message must belong to this batch: a foreign id in the form resends nothing.
  const count =
    parsed.data.intent === 'resend-one'
      ? Number(await resendFailed(parsed.data.messageId, batchId))
      : await resendAllFailed(batchId)
  return data({ count }, { status: count ? 200 : 409 })
}

export default function BatchDetail() {
  const t = useT()
  const { batch, progress, recipients, truncated } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const revalidator = useRevalidator()
  const processed = progress.sent + progress.failed

  // Live progress: poll while the batch runs (without JavaScript, the Refresh link does the same).
  useEffect(() => {
    if (progress.done) return
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate()
    }, 2000)
    return () => clearInterval(timer)
  }, [progress.done, revalidator])

  return (
    <>
      <p>
        <Link to="/beheer/verzendingen">{t.batches.title}</Link>
      </p>
      <h1>
        {kindLabel(t, batch.kind)}
        {batch.event ? `: ${batch.event.title}` : ''}
      </h1>
      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">{t.batches.columns.progress}</h2>
        <progress id="batch-progress" max={progress.total} value={processed} aria-labelledby="progress-text" />
        <p id="progress-text" aria-live="polite">
          {t.batches.progress(processed, progress.total)}
        </p>
        <ul className="counts">
          {(['queued', 'sending', 'retry', 'sent', 'failed'] as const).map((s) => (
            <li key={s}>
              <Link to={`?status=${s}`}>
                {t.batches.counts[s]}: <strong>{progress[s]}</strong>
              </Link>
            </li>
          ))}
        </ul>
        <p>
          {progress.done ? t.batches.done : t.batches.running} <Link to=".">{t.batches.refresh}</Link>
        </p>
        {progress.failed > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="resend-failed" />
            <button type="submit" className="button">
              {t.batches.resendAllFailed(progress.failed)}
            </button>
          </Form>
        ) : null}
        {actionData ? (
          <p role="status" className="notice">
            {actionData.count ? t.batches.resent(actionData.count) : t.batches.noneToResend}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="recipients-heading">
        <h2 id="recipients-heading">{t.batches.recipients}</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t.batches.recipients}</caption>
            <thead>
              <tr>
                <th scope="col">{t.batches.recipientColumns.name}</th>
                <th scope="col">{t.batches.recipientColumns.email}</th>
                <th scope="col">{t.batches.recipientColumns.status}</th>
                <th scope="col">{t.batches.recipientColumns.detail}</th>
                <th scope="col">{t.batches.recipientColumns.action}</th>
              </tr>
            </thead>
            <tbody>
              {recipients.map((r) => (
                <tr key={r.id}>
                  <td>{r.toName}</td>
                  <td>{r.to}</td>
                  <td>{t.batches.counts[r.status]}</td>
                  <td>
                    {t.batches.attempts(r.attempts)}
                    {r.lastError ? `: ${r.lastError}` : ''}
                  </td>
                  <td>
                    {r.status === 'failed' ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="resend-one" />
                        <input type="hidden" name="messageId" value={r.id} />
                        <button type="submit" className="button button--secondary">
                          <ActionLabel text={t.batches.resend} object={r.toName || r.to} />
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {truncated ? <p className="muted">…</p> : null}
      </section>
    </>
  )
}
