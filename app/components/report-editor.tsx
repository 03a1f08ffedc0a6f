// The arrangement in the report editor: every generated block (kept or left out) and own paragraph, in order,
// each with buttons to move it and to add a paragraph below. Part of the editor's one form (see
// app/domain/report-form.ts), so it works without JavaScript.
import type { LayoutEntry, ReportBlock } from '~/domain/report'
import { blockIsEmpty } from '~/domain/report'
import type { Dictionary } from '~/i18n/nl'
import { ErrorList } from './forms'

/** "Panel", "Citaat van Staatssecretaris Harbers van het ministerie van Justitie en Veiligheid". */
export function blockLabel(block: ReportBlock, t: Dictionary) {
  const b = t.report.layout.blocks
  return block.kind === 'quote' ? b.quote(block.attribution) : b[block.kind]
}

export function LayoutEditor({
  layout,
  blocks,
  t,
  disabled,
  errors,
}: {
  layout: LayoutEntry[]
  blocks: ReportBlock[]
  t: Dictionary
  disabled: boolean
  errors: Record<string, string[]>
}) {
  const l = t.report.layout
  const byId = new Map<string, ReportBlock>(blocks.map((b) => [b.id, b]))
  return (
    <ol className="report-layout">
      {layout.map((entry, index) => {
        const block = entry.type === 'block' ? byId.get(entry.id) : undefined
        if (entry.type === 'block' && !block) return null
        const label = block ? blockLabel(block, t) : `${l.paragraph} ${index + 1}`
        return (
          <li key={entry.id} className="report-layout__entry">
            <input type="hidden" name="entry" value={`${entry.type === 'block' ? 'b' : 'p'}:${entry.id}`} />
            {entry.type === 'block' && block ? (
              <div className="checkbox">
                <input
                  type="checkbox"
                  id={`include-${entry.id}`}
                  name="include"
                  value={entry.id}
                  defaultChecked={entry.included}
                  disabled={disabled}
                />
                <label htmlFor={`include-${entry.id}`}>
                  {l.include(label)}
                  {blockIsEmpty(block) ? <span className="muted"> ({l.empty})</span> : null}
                </label>
              </div>
            ) : entry.type === 'paragraph' ? (
              <ParagraphFields entry={entry} label={label} t={t} disabled={disabled} errors={errors} />
            ) : null}
            {disabled ? null : (
              <div className="actions">
                <button
                  type="submit"
                  name="intent"
                  value={`up:${entry.id}`}
                  className="button button--secondary"
                  disabled={index === 0}
                  aria-label={l.moveUp(label)}
                >
                  {l.up}
                </button>
                <button
                  type="submit"
                  name="intent"
                  value={`down:${entry.id}`}
                  className="button button--secondary"
                  disabled={index === layout.length - 1}
                  aria-label={l.moveDown(label)}
                >
                  {l.down}
                </button>
                <button
                  type="submit"
                  name="intent"
                  value={`add:${entry.id}`}
                  className="button button--secondary"
                  aria-label={l.addParagraphAfter(label)}
                >
                  {l.addParagraph}
                </button>
                {entry.type === 'paragraph' ? (
                  <button type="submit" name="intent" value={`remove:${entry.id}`} className="link-button">
                    {l.remove}
                    <span className="visually-hidden">: {label}</span>
                  </button>
                ) : null}
              </div>
            )}
          </li>
        )
      })}
    </ol>
  )
}

function ParagraphFields({
  entry,
  label,
  t,
  disabled,
  errors,
}: {
  entry: Extract<LayoutEntry, { type: 'paragraph' }>
  label: string
  t: Dictionary
  disabled: boolean
  errors: Record<string, string[]>
}) {
  const l = t.report.layout
  const field = (name: 'text' | 'textEn', text: string, lang?: string) => {
    const key = `${name}:${entry.id}`
    const id = `${name}-${entry.id}`
    const invalid = !!errors[key]?.length
    return (
      <div className={invalid ? 'field field--invalid' : 'field'}>
        <label htmlFor={id}>{name === 'text' ? label : l.paragraphEn}</label>
        <ErrorList id={invalid ? `${id}-error` : undefined} errors={errors[key]} />
        <textarea
          id={id}
          name={key}
          rows={4}
          lang={lang}
          defaultValue={text}
          disabled={disabled}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
        />
      </div>
    )
  }
  return (
    <>
      {field('text', entry.text)}
      {field('textEn', entry.textEn, 'en')}
    </>
  )
}
