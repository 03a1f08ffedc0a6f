// A quote as text, never HTML: paragraphs at blank lines, line breaks kept, Dutch quotation marks „…” around
// the whole (outside the stored text, which stays exactly as authorised).
import { statementParagraphs } from '~/domain/statement'

export function QuoteText({ text, lang }: { text: string; lang?: string }) {
  const paragraphs = statementParagraphs(text)
  return (
    <blockquote className="quote-text" lang={lang}>
      {paragraphs.map((lines, i) => (
        <p key={i}>
          {i === 0 ? '„' : null}
          {lines.map((line, j) => (
            <span key={j}>
              {j > 0 ? <br /> : null}
              {line}
            </span>
          ))}
          {i === paragraphs.length - 1 ? '”' : null}
        </p>
      ))}
    </blockquote>
  )
}
