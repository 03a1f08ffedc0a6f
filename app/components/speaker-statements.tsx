// The statements in the speaker's portal: each with its status, the proposal beside the speaker's own text
// and the word-level difference, authorising, sending back a new version, withdrawing, and every version as
// a history. Plain forms: all of it works without JavaScript.
import { Form } from '@remix-run/react'
import { ErrorList } from '~/components/forms'
import { Quote } from '~/components/quote'
import { WordDiff } from '~/components/word-diff'
import { formatDateTime } from '~/domain/format'
import { STATEMENT_MAX_LENGTH, type StatementStatus } from '~/domain/statement'
import { useLang, useT } from '~/i18n'

/** What a refused form sent back: the errors per field, and the text as typed (so nothing typed is lost). */
export type StatementFormErrors = { fields: Record<string, string[] | null | undefined>; text: string }

type Text = { id: string; text: string; language: 'nl' | 'en' }

export type PortalStatement = {
  id: string
  status: StatementStatus
  agendaItemTitle: string | null
  prompt: string
  deadline: Date | null
  embargoUntil: Date | null
  reviewComment: string
  authorisedAt: Date | null
  authorisedBy: string | null
  withdrawnAt: Date | null
  withdrawalRequestedAt: Date | null
  inPublishedReport: boolean
  own: Text | null
  proposed: Text | null
  authorised: Text | null
  latestText: string
  versions: Array<{
    id: string
    text: string
    language: 'nl' | 'en'
    authorKind: 'speaker' | 'delegate' | 'secretariat'
    authorName: string
    createdAt: Date
  }>
  mayEdit: boolean
  mayReturn: boolean
  mayAuthorise: boolean
  mayWithdraw: boolean
  mayRequestWithdrawal: boolean
}

export function StatementCard({
  number,
  statement: s,
  timeZone,
  confirmWithdraw,
  errors,
}: {
  number: number
  statement: PortalStatement
  timeZone: string
  confirmWithdraw: boolean
  errors: StatementFormErrors | null
}) {
  const t = useT().speakerPortal.statements
  const lang = useLang()
  const when = (date: Date) => formatDateTime(date, timeZone, lang)
  const headingId = `citaat-${s.id}`
  const authoriser = s.authorisedBy?.startsWith('delegate')
    ? t.byDelegate(s.authorisedBy.replace(/^delegate:?\s*/, ''))
    : t.bySpeaker
  return (
    <article className="portal-card" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {t.number(number)}
      </h2>
      <dl className="facts">
        <dt>{t.statusLabel}</dt>
        <dd>
          <strong>{t.statuses[s.status]}</strong>
        </dd>
        {s.agendaItemTitle ? (
          <>
            <dt>{t.item}</dt>
            <dd>{s.agendaItemTitle}</dd>
          </>
        ) : null}
        {s.prompt ? (
          <>
            <dt>{t.prompt}</dt>
            <dd className="pre-line">{s.prompt}</dd>
          </>
        ) : null}
        {s.deadline && (s.status === 'requested' || s.status === 'changes_requested') ? (
          <>
            <dt>{t.deadline}</dt>
            <dd>{when(s.deadline)}</dd>
          </>
        ) : null}
        {s.embargoUntil ? (
          <>
            <dt>{t.embargo}</dt>
            <dd>{when(s.embargoUntil)}</dd>
          </>
        ) : null}
        {s.reviewComment ? (
          <>
            <dt>{t.reviewComment}</dt>
            <dd className="pre-line">{s.reviewComment}</dd>
          </>
        ) : null}
      </dl>

      {s.status === 'authorised' && s.authorised ? (
        <>
          <h3>{t.authorisedText}</h3>
          <Quote text={s.authorised.text} lang={s.authorised.language} />
          {s.authorisedAt ? <p>{t.authorisedBy(authoriser, when(s.authorisedAt))}</p> : null}
        </>
      ) : null}
      {s.status === 'withdrawn' && s.withdrawnAt ? <p>{t.withdrawnAt(when(s.withdrawnAt))}</p> : null}
      {s.withdrawalRequestedAt && s.status !== 'withdrawn' ? <p className="notice">{t.withdrawalRequested}</p> : null}

      {s.proposed ? <Proposal statement={s} proposed={s.proposed} /> : null}

      {s.mayEdit && s.own ? (
        <>
          <h3>{t.yourText}</h3>
          <Quote text={s.own.text} lang={s.own.language} />
        </>
      ) : null}

      {s.mayEdit || s.mayReturn ? (
        <StatementTextForm
          statementId={s.id}
          heading={s.mayReturn ? t.giveBack.heading : s.own ? t.edit.heading : t.add.heading}
          intro={s.mayReturn ? t.giveBack.text : null}
          button={s.mayReturn ? t.giveBack.button : s.own ? t.edit.button : t.add.button}
          defaultText={s.mayReturn ? (s.proposed?.text ?? s.latestText) : s.latestText}
          defaultLanguage={(s.proposed ?? s.own)?.language ?? lang}
          errors={errors}
        />
      ) : null}

      {s.mayWithdraw || s.mayRequestWithdrawal ? (
        <Withdraw statementId={s.id} confirm={confirmWithdraw} request={s.mayRequestWithdrawal} />
      ) : null}

      {s.versions.length ? (
        <details>
          <summary>
            {t.history.heading} ({s.versions.length})
          </summary>
          <ol className="version-list">
            {s.versions.map((v, i) => (
              <li key={v.id}>
                <p>
                  <strong>{t.history.version(i + 1)}</strong>,{' '}
                  {v.authorKind === 'delegate'
                    ? t.history.by.delegate(v.authorName)
                    : v.authorKind === 'secretariat'
                      ? t.history.by.secretariat
                      : t.history.by.speaker}
                  , {when(v.createdAt)} {v.id === s.proposed?.id ? t.history.proposedMark : null}
                  {v.id === s.authorised?.id ? t.history.authorisedMark : null}
                </p>
                <Quote text={v.text} lang={v.language} />
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </article>
  )
}

function Proposal({ statement: s, proposed }: { statement: PortalStatement; proposed: Text }) {
  const c = useT().speakerPortal.statements.compare
  const a = useT().speakerPortal.statements.authorise
  return (
    <section aria-labelledby={`voorstel-${s.id}`}>
      <h3 id={`voorstel-${s.id}`}>{c.heading}</h3>
      <p>{c.intro}</p>
      <div className="compare">
        <div>
          <h4>{c.own}</h4>
          {s.own ? <Quote text={s.own.text} lang={s.own.language} /> : <p>{c.noOwn}</p>}
        </div>
        <div>
          <h4>{c.proposed}</h4>
          <Quote text={proposed.text} lang={proposed.language} />
        </div>
      </div>
      {s.own ? (
        <>
          <h4>{c.changes}</h4>
          <p className="field-hint">{c.changesHint}</p>
          <WordDiff before={s.own.text} after={proposed.text} labels={c} />
        </>
      ) : null}
      {s.mayAuthorise ? (
        <Form method="post">
          <h4>{a.heading}</h4>
          <p>{a.text}</p>
          <input type="hidden" name="intent" value="authorise" />
          <input type="hidden" name="statementId" value={s.id} />
          <input type="hidden" name="versionId" value={proposed.id} />
          <button type="submit" className="button">
            {a.button}
          </button>
        </Form>
      ) : null}
    </section>
  )
}

function Withdraw({ statementId, confirm, request }: { statementId: string; confirm: boolean; request: boolean }) {
  const w = useT().speakerPortal.statements.withdraw
  if (request) {
    return (
      <Form method="post">
        <h3>{w.heading}</h3>
        <p>{w.requestText}</p>
        <input type="hidden" name="intent" value="withdraw" />
        <input type="hidden" name="statementId" value={statementId} />
        <button type="submit" className="button button--secondary">
          {w.request}
        </button>
      </Form>
    )
  }
  if (!confirm) {
    return (
      <p>
        <a href={`?intrekken=${encodeURIComponent(statementId)}#intrekken-${statementId}`}>{w.link}</a>
      </p>
    )
  }
  return (
    <section className="confirm-box" aria-labelledby={`intrekken-${statementId}`}>
      <h3 id={`intrekken-${statementId}`} tabIndex={-1}>
        {w.confirmHeading}
      </h3>
      <p>{w.confirmText}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="withdraw" />
        <input type="hidden" name="statementId" value={statementId} />
        <div className="actions">
          <button type="submit" className="button">
            {w.confirm}
          </button>
          <a href="?">{w.cancel}</a>
        </div>
      </Form>
    </section>
  )
}

export function StatementTextForm({
  statementId,
  heading,
  intro,
  button,
  defaultText,
  defaultLanguage,
  errors,
  items,
}: {
  statementId: string | null
  heading: string | null
  intro: string | null
  button: string
  defaultText: string
  defaultLanguage: 'nl' | 'en'
  errors: StatementFormErrors | null
  items?: Array<{ id: string; title: string }>
}) {
  const t = useT()
  const s = t.speakerPortal.statements
  const key = statementId ?? 'new'
  const textErrors = errors?.fields.text
  return (
    <Form method="post" className="statement-form">
      {heading ? <h3>{heading}</h3> : null}
      {intro ? <p>{intro}</p> : null}
      <input type="hidden" name="intent" value="submit" />
      {statementId ? <input type="hidden" name="statementId" value={statementId} /> : null}
      {items?.length ? (
        <div className="field">
          <label htmlFor={`item-${key}`}>{s.add.item}</label>
          <select id={`item-${key}`} name="agendaItemId" defaultValue={items.length === 1 ? items[0]!.id : ''}>
            <option value="">{s.add.noItem}</option>
            {items.map((item) => (
              <option key={item.id} value={item.id}>
                {item.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className={textErrors?.length ? 'field field--invalid' : 'field'}>
        <label htmlFor={`text-${key}`}>{s.text}</label>
        <p id={`text-hint-${key}`} className="field-hint">
          {s.textHint(STATEMENT_MAX_LENGTH)}
        </p>
        <ErrorList id={`text-error-${key}`} errors={textErrors} />
        <textarea
          id={`text-${key}`}
          name="text"
          rows={6}
          required
          defaultValue={errors ? errors.text : defaultText}
          aria-invalid={textErrors?.length ? true : undefined}
          aria-describedby={`text-hint-${key}${textErrors?.length ? ` text-error-${key}` : ''}`}
        />
      </div>
      <div className="field">
        <label htmlFor={`language-${key}`}>{s.language}</label>
        <select id={`language-${key}`} name="language" defaultValue={defaultLanguage}>
          <option value="nl">{t.languages.nl}</option>
          <option value="en">{t.languages.en}</option>
        </select>
      </div>
      <button type="submit" className="button">
        {button}
      </button>
    </Form>
  )
}

export function NewStatement({
  items,
  errors,
}: {
  items: Array<{ id: string; title: string }>
  errors: StatementFormErrors | null
}) {
  const s = useT().speakerPortal.statements
  const lang = useLang()
  return (
    <section className="portal-card" aria-labelledby="new-statement">
      <h2 id="new-statement">{s.add.heading}</h2>
      <p>{s.add.intro}</p>
      <StatementTextForm
        statementId={null}
        heading={null}
        intro={null}
        button={s.add.button}
        defaultText=""
        defaultLanguage={lang}
        errors={errors}
        items={items}
      />
    </section>
  )
}
