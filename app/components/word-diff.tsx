// The word-level difference between two versions of a quote (app/domain/word-diff.ts), as text. Not colour
// alone: insertions are <ins> (underlined), deletions <del> (struck through), and each carries a hidden word
// for screen readers ("ingevoegd:", "verwijderd:"). Line breaks are kept. Never read as HTML.
import { Fragment } from 'react'
import { wordDiff } from '~/domain/word-diff'

export type WordDiffLabels = { inserted: string; deleted: string; noChanges: string }

function Lines({ text }: { text: string }) {
  return (
    <>
      {text.split('\n').map((line, i) => (
        <Fragment key={i}>
          {i > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </>
  )
}

export function WordDiff({
  before,
  after,
  labels,
  lang,
}: {
  before: string
  after: string
  labels: WordDiffLabels
  /** The quote's language, where it differs from the page's. */
  lang?: string
}) {
  const parts = wordDiff(before, after)
  if (parts.every((p) => p.kind === 'same')) return <p>{labels.noChanges}</p>
  return (
    <p className="word-diff" lang={lang}>
      {parts.map((part, i) =>
        part.kind === 'same' ? (
          <Lines key={i} text={part.text} />
        ) : part.kind === 'ins' ? (
          <ins key={i}>
            <span className="visually-hidden">[{labels.inserted} </span>
            <Lines text={part.text} />
            <span className="visually-hidden">]</span>
          </ins>
        ) : (
          <del key={i}>
            <span className="visually-hidden">[{labels.deleted} </span>
            <Lines text={part.text} />
            <span className="visually-hidden">]</span>
          </del>
        ),
      )}
    </p>
  )
}
