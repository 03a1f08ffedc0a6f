// Every version of a statement, oldest first, for the secretariat: who wrote it and when, the text as a quote
// (never HTML), which version is authorised or awaits authorisation, and the word difference with the version
// before it.
import { formatDateTime } from '~/domain/format'
import { useLang, useT } from '~/i18n'
import { QuoteText } from './quote-text'
import { WordDiff } from './word-diff'

type Version = {
  id: string
  text: string
  language: string
  authorKind: 'speaker' | 'delegate' | 'secretariat'
  authorName: string
  createdAt: string | Date
}

export function StatementHistory({
  versions,
  authorisedVersionId,
  proposedVersionId,
  timeZone,
}: {
  versions: Version[]
  authorisedVersionId: string | null
  /** The version awaiting authorisation, if one does. */
  proposedVersionId: string | null
  timeZone: string
}) {
  const t = useT()
  const lang = useLang()
  const d = t.eventSpeakers.statements.detail
  if (!versions.length) return <p>{d.noVersions}</p>
  return (
    <ol className="plain-list statement-versions">
      {versions.map((v, i) => (
        <li key={v.id} aria-labelledby={`version-${v.id}`}>
          <h3 id={`version-${v.id}`}>{d.version(i + 1)}</h3>
          <p className="muted">
            {d.versionBy(
              [d.authors[v.authorKind], v.authorName].filter(Boolean).join(': '),
              formatDateTime(new Date(v.createdAt), timeZone, lang),
            )}
          </p>
          {v.id === authorisedVersionId ? (
            <p>
              <strong>{d.authorised}</strong>
            </p>
          ) : null}
          {v.id === proposedVersionId ? (
            <p>
              <strong>{d.proposed}</strong>
            </p>
          ) : null}
          <QuoteText text={v.text} lang={v.language} />
          {i > 0 ? (
            <>
              <h4>{d.diffHeading(i)}</h4>
              <WordDiff
                before={versions[i - 1]!.text}
                after={v.text}
                labels={t.speakerPortal.statements.compare}
                lang={v.language}
              />
            </>
          ) : null}
        </li>
      ))}
    </ol>
  )
}
