import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { metaTitle, useT } from '~/i18n'
import { previewKind, renderPreview } from '~/models/mail-templates.server'
import { requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => metaTitle(matches, () => data?.subject ?? '')

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'read')
  const kind = params.kind ?? ''
  if (!previewKind(kind)) throw new Response('Not found', { status: 404 })
  const lang = new URL(request.url).searchParams.get('taal') === 'en' ? 'en' : 'nl'
  const { subject, text } = await renderPreview(kind, lang)
  return { kind, lang, subject, text }
}

export default function TemplatePreview() {
  const t = useT()
  const { kind, lang, subject, text } = useLoaderData<typeof loader>()
  const language = lang === 'nl' ? t.templates.dutch : t.templates.english
  return (
    <>
      <p>
        <Link to="/beheer/sjablonen">{t.templates.back}</Link>
      </p>
      <h1>{t.templates.previewTitle(t.mailKinds[kind], language)}</h1>
      <p>
        <Link to={`?taal=${lang === 'nl' ? 'en' : 'nl'}`}>
          {lang === 'nl' ? t.templates.english : t.templates.dutch}
        </Link>
      </p>
      <dl className="facts">
        <dt>{t.templates.subject}</dt>
        <dd lang={lang}>{subject}</dd>
      </dl>
      <h2>{t.mailbox.htmlVersion}</h2>
      <iframe
        className="mail-frame"
        title={t.mailbox.frameTitle}
        src={`/beheer/sjablonen/${kind}/html?taal=${lang}`}
        sandbox=""
      />
      <h2>{t.mailbox.textVersion}</h2>
      <pre className="mail-text" lang={lang}>
        {text}
      </pre>
    </>
  )
}
