import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { formatDateTime } from '~/domain/format'
import { metaTitle, useLang, useT } from '~/i18n'
import { getDevMail } from '~/models/mailbox.server'
import { requireUserWithRole } from '~/utils/permissions.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  metaTitle(matches, (t) => `${data?.subject ?? t.mailbox.mailTitle} · ${t.mailbox.title}`)

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithRole(request, 'admin')
  const mail = await getDevMail(params.id ?? '')
  if (!mail) throw new Response('Not found', { status: 404 })
  const { attachments, ...rest } = mail
  return { ...rest, attachments: attachments.map(({ content: _content, ...a }) => a) }
}

export default function MailDetail() {
  const t = useT()
  const lang = useLang()
  const mail = useLoaderData<typeof loader>()
  return (
    <>
      <p>
        <Link to="/beheer/mailbox">{t.mailbox.back}</Link>
      </p>
      <h1>{mail.subject}</h1>
      <dl className="facts">
        <dt>{t.mailbox.columns.to}</dt>
        <dd>{mail.to}</dd>
        <dt>{t.mailbox.columns.received}</dt>
        <dd>{formatDateTime(new Date(mail.receivedAt), 'Europe/Amsterdam', lang)}</dd>
      </dl>
      {mail.html ? (
        <section aria-labelledby="html-version">
          <h2 id="html-version">{t.mailbox.htmlVersion}</h2>
          <iframe
            className="mail-frame"
            title={t.mailbox.frameTitle}
            src={`/beheer/mailbox/${mail.id}/html`}
            sandbox=""
          />
        </section>
      ) : null}
      <section aria-labelledby="text-version">
        <h2 id="text-version">{t.mailbox.textVersion}</h2>
        <pre className="mail-text">{mail.text}</pre>
      </section>
      <section aria-labelledby="attachments">
        <h2 id="attachments">{t.mailbox.attachments}</h2>
        {mail.attachments.length === 0 ? (
          <p>{t.mailbox.noAttachments}</p>
        ) : (
          <ul>
            {mail.attachments.map((a) => (
              <li key={a.index}>
                <a href={`/beheer/mailbox/${mail.id}/bijlagen/${a.index}`} download={a.filename}>
                  {a.filename}
                </a>{' '}
                ({a.contentType}
                {a.method ? `, ${t.mailbox.calendarPart(a.method)}` : ''}, {Math.ceil(a.size / 1024)} kB)
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="headers">
        <h2 id="headers">{t.mailbox.headers}</h2>
        <div className="table-wrap">
          <table className="headers">
            <caption className="visually-hidden">{t.mailbox.headers}</caption>
            <tbody>
              {mail.headers.map((h, i) => (
                <tr key={`${h.name}-${i}`}>
                  <th scope="row">{h.name}</th>
                  <td>{h.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  )
}
