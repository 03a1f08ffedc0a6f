// A quote as text: paragraphs at blank lines, line breaks kept, Dutch quotation marks („…”) around the whole
// text and never inside it. React escapes the text: nothing a speaker types is ever read as HTML.
import { Fragment } from 'react'
import { statementParagraphs } from '~/domain/statement'

export function Quote({ text, lang, className = 'quote' }: { text: string; lang?: string; className?: string }) {
  const paragraphs = statementParagraphs(text)
  return (
    <blockquote className={className} lang={lang}>
      {paragraphs.map((lines, i) => (
        <p key={i}>
          {i === 0 ? '„' : null}
          {lines.map((line, j) => (
            <Fragment key={j}>
              {j > 0 ? <br /> : null}
              {line}
            </Fragment>
          ))}
          {i === paragraphs.length - 1 ? '”' : null}
        </p>
      ))}
    </blockquote>
  )
}
