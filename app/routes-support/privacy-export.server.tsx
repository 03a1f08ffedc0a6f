// The art. 15 export as files: the JSON as the model returns it, and the same data as a readable HTML document
// in the reader's language (labels from the dictionary, times in Europe/Amsterdam). Never cached.
import { renderToStaticMarkup } from 'react-dom/server'
import { formatDateTime } from '~/domain/format'
import type { Lang } from '~/i18n'
import type { Dictionary } from '~/i18n/nl'
import type { PersonalData } from '~/models/privacy.server'

const ZONE = 'Europe/Amsterdam'
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

function headers(type: string, extension: string, generatedAt: string) {
  return {
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="bijeen-gegevens-${generatedAt.slice(0, 10)}.${extension}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  }
}

export function personalDataJson(data: PersonalData) {
  return new Response(JSON.stringify(data, null, 2), {
    headers: headers('application/json; charset=utf-8', 'json', data.generatedAt),
  })
}

export function personalDataHtml(data: PersonalData, t: Dictionary, lang: Lang) {
  const body = renderToStaticMarkup(<PersonalDataDocument data={data} t={t} lang={lang} />)
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(t.privacy.document.title)}</title><style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}dt{font-weight:600}dd{margin:0 0 .5rem}section{border-top:1px solid #ccc;margin-top:1.5rem}pre{white-space:pre-wrap}</style></head><body>${body}</body></html>`
  return new Response(html, { headers: headers('text/html; charset=utf-8', 'html', data.generatedAt) })
}

function escape(text: string) {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
}

type Doc = Dictionary['privacy']['document']

function Value({ value, d, lang }: { value: unknown; d: Doc; lang: Lang }) {
  if (value === null || value === undefined || value === '') return <>–</>
  if (typeof value === 'boolean') return <>{value ? d.yes : d.no}</>
  if (typeof value === 'string' && ISO.test(value)) return <>{formatDateTime(new Date(value), ZONE, lang)}</>
  if (typeof value === 'string' && value.includes('\n')) return <pre>{value}</pre>
  if (typeof value === 'object') return <pre>{JSON.stringify(value, null, 2)}</pre>
  return <>{String(value)}</>
}

/** One record as a definition list; nested lists become their own headed parts. */
function Record({ item, d, lang, level }: { item: object; d: Doc; lang: Lang; level: 3 | 4 }) {
  const entries = Object.entries(item)
  const plain = entries.filter(([, v]) => !Array.isArray(v))
  const lists = entries.filter((e): e is [string, object[]] => Array.isArray(e[1]))
  const label = (key: string) => (Object.hasOwn(d.fields, key) ? d.fields[key as keyof Doc['fields']] : key)
  const sectionTitle = (key: string) =>
    Object.hasOwn(d, key) && typeof d[key as keyof Doc] === 'string' ? (d[key as keyof Doc] as string) : label(key)
  const Heading = level === 3 ? 'h3' : 'h4'
  return (
    <>
      <dl>
        {plain.map(([key, value]) => (
          <div key={key}>
            <dt>{label(key)}</dt>
            <dd>
              <Value value={value} d={d} lang={lang} />
            </dd>
          </div>
        ))}
      </dl>
      {lists.map(([key, rows]) => (
        <div key={key}>
          <Heading>{sectionTitle(key)}</Heading>
          {rows.length ? (
            <ol>
              {rows.map((row, i) => (
                <li key={i}>
                  <Record item={row} d={d} lang={lang} level={4} />
                </li>
              ))}
            </ol>
          ) : (
            <p>{d.none}</p>
          )}
        </div>
      ))}
    </>
  )
}

function PersonalDataDocument({ data, t, lang }: { data: PersonalData; t: Dictionary; lang: Lang }) {
  const d = t.privacy.document
  const sections: Array<[string, object[]]> = [
    [d.staffAccount, data.staffAccount ? [data.staffAccount] : []],
    [d.contacts, data.contacts],
    [d.registrations, data.registrations],
    [d.speakerProfiles, data.speakerProfiles],
    [d.delegateFor, data.delegateFor],
    [d.mails, data.mails.map((m) => (m.text === null ? { ...m, text: d.bodyPurged } : m))],
  ]
  return (
    <main>
      <h1>{d.title}</h1>
      <p>
        {t.privacy.admin.email}: {data.email}
        <br />
        {d.generatedAt}: {formatDateTime(new Date(data.generatedAt), ZONE, lang)}
      </p>
      {sections.map(([title, rows]) => (
        <section key={title}>
          <h2>{title}</h2>
          {rows.length ? (
            rows.map((row, i) => <Record key={i} item={row} d={d} lang={lang} level={3} />)
          ) : (
            <p>{d.none}</p>
          )}
        </section>
      ))}
    </main>
  )
}
