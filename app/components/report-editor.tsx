// The arrangement in the report editor: every generated block (kept or left out) and own paragraph, in order,
import { ActionLabel } from '~/components/action-label'
// each with buttons to move it and to add a paragraph below. Part of the editor's one form (see
// app/domain/report-form.ts), so it works without JavaScript.
import { Form, Link } from '@remix-run/react'
import type { LayoutEntry, ReportBlock } from '~/domain/report'
import { blockIsEmpty } from '~/domain/report'
import type { Dictionary } from '~/i18n/nl'
import { formatDateTime } from '~/domain/format'
import type { ReportWarning } from '~/domain/report'
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
                >
                  <ActionLabel text={l.up} object={label} />
                </button>
                <button
                  type="submit"
                  name="intent"
                  value={`down:${entry.id}`}
                  className="button button--secondary"
                  disabled={index === layout.length - 1}
                >
                  <ActionLabel text={l.down} object={label} />
                </button>
                <button type="submit" name="intent" value={`add:${entry.id}`} className="button button--secondary">
                  <ActionLabel text={l.addParagraph} object={label} />
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

/** Mailing the published version: to attendees, all invited partners or chosen organisations. */
export function ReportMailForm({
  t,
  organisations,
}: {
  t: Dictionary
  organisations: Array<{ id: string; name: string }>
}) {
  const m = t.report.mail
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="mail" />
      <fieldset className="fieldset">
        <legend>{m.audience}</legend>
        {(['attendees', 'invited', 'organisations'] as const).map((kind) => (
          <div className="checkbox" key={kind}>
            <input
              type="radio"
              id={`audience-${kind}`}
              name="audience"
              value={kind}
              defaultChecked={kind === 'attendees'}
            />
            <label htmlFor={`audience-${kind}`}>{m.audiences[kind]}</label>
          </div>
        ))}
      </fieldset>
      {organisations.length ? (
        <fieldset className="fieldset">
          <legend>{m.organisations}</legend>
          {organisations.map((o) => (
            <div className="checkbox" key={o.id}>
              <input type="checkbox" id={`organisation-${o.id}`} name="organisationId" value={o.id} />
              <label htmlFor={`organisation-${o.id}`}>{o.name}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <button type="submit" className="button">
        {m.submit}
      </button>
    </Form>
  )
}

/** The published versions (the latest first) and the downloads of the latest. */
export function ReportVersions({
  versions,
  slug,
  eventId,
  hasEnglish,
  t,
  lang,
}: {
  versions: Array<{ version: number; publishedAt: string | Date }>
  slug: string
  eventId: string
  hasEnglish: boolean
  t: Dictionary
  lang: 'nl' | 'en'
}) {
  const r = t.report
  const event = { id: eventId }
  return (
    <>
      <section aria-labelledby="versies">
        <h2 id="versies">{r.versions.heading}</h2>
        {versions.length ? (
          <ul>
            {versions.map((v, i) => (
              <li key={v.version}>
                <Link to={i === 0 ? `/verslagen/${slug}` : `/verslagen/${slug}/versie/${v.version}`}>
                  {r.versions.item(v.version, formatDateTime(new Date(v.publishedAt), 'Europe/Amsterdam', lang))}
                </Link>
                {i === 0 ? ` (${r.versions.latest})` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p>{r.versions.none}</p>
        )}
      </section>
      {versions[0] ? (
        <section aria-labelledby="downloaden">
          <h2 id="downloaden">{r.exports.heading}</h2>
          <p>{r.exports.intro(versions[0].version)}</p>
          <ul>
            {(['html', 'pdf', 'md', 'txt', 'docx'] as const).map((format) => (
              <li key={format}>
                <a href={`/beheer/bijeenkomsten/${event.id}/verslag/${format}`} download>
                  {r.exports.formats[format]}
                </a>
                {hasEnglish ? (
                  <>
                    {' · '}
                    <a href={`/beheer/bijeenkomsten/${event.id}/verslag/${format}?taal=en`} download lang="en">
                      {r.exports.english}
                      <span className="visually-hidden">: {r.exports.formats[format]}</span>
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}

/** A warning before publishing, in words. */
export function warningText(w: ReportWarning, t: Dictionary, lang: 'nl' | 'en') {
  const m = t.report.warnings
  switch (w.code) {
    case 'speaker-without-quote':
      return m.speakerWithoutQuote(w.speakerName, w.reason)
    case 'quote-embargoed':
      return m.embargoed(
        w.speakerName,
        w.embargoUntil ? formatDateTime(new Date(w.embargoUntil), 'Europe/Amsterdam', lang) : null,
      )
    case 'missing-consent':
      return m.missingConsent(w.speakerName, w.consent)
    case 'empty-block':
      return m.emptyBlock(w.block)
  }
}
