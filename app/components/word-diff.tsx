// The word-level difference between two versions of a quote (app/domain/word-diff.ts), as text: deletions in
// <del>, insertions in <ins>, each also announced in words (a hidden "deleted:" / "inserted:"), so nothing
// depends on colour. White space and line breaks are kept exactly (white-space: pre-wrap). Never HTML.
import { wordDiff } from '~/domain/word-diff'

export type WordDiffLabels = { deleted: string; inserted: string }

export function WordDiff({
  before,
  after,
  labels,
  lang,
}: {
  before: string
  after: string
  labels: WordDiffLabels
  lang?: string
}) {
  const parts = wordDiff(before, after)
  return (
    <p className="word-diff" lang={lang}>
      {parts.map((part, i) =>
        part.kind === 'same' ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === 'del' ? (
          <del key={i}>
            <span className="visually-hidden">[{labels.deleted}: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <ins key={i}>
            <span className="visually-hidden">[{labels.inserted}: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </ins>
        ),
      )}
    </p>
  )
}
