// The word-level difference between the speaker's own text and the secretariat's proposal. Not colour alone:
// insertions are <ins> (underlined), deletions <del> (struck through), and each carries a hidden word for
// screen readers ("ingevoegd:", "verwijderd:"). Text only: what the speaker wrote is never read as HTML.
import { Fragment } from 'react'
import { wordDiff } from '~/domain/word-diff'

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
}: {
  before: string
  after: string
  labels: { inserted: string; deleted: string; noChanges: string }
}) {
  const parts = wordDiff(before, after)
  if (parts.every((p) => p.kind === 'same')) return <p>{labels.noChanges}</p>
  return (
    <p className="word-diff">
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
