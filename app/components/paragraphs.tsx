/** Plain text with blank lines between paragraphs, as people type it. Never HTML. */
export function Paragraphs({ text, lang }: { text: string; lang?: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i} lang={lang}>
          {p.split('\n').map((line, j) => (
            <span key={j}>
              {j > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </p>
      ))}
    </>
  )
}
