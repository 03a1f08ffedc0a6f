// Steps 2–4 of the contact import: map the columns, check (preview with a report per row), import with
// progress. The progress is read from the ImportJob row, so any app process can show it.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from '@remix-run/react'
import { useEffect } from 'react'
import { SelectField } from '~/components/forms'
import { ErrorSummary } from '~/components/forms'
import { IMPORT_FIELDS, type ImportField, type RowError } from '~/domain/partners'
import { dictionary, metaTitle, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import type { Dictionary } from '~/i18n/nl'
import { checkImport, getImportJob, parseMapping, startImport } from '~/models/contact-import.server'
import { requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.partners.import.title)

const ERROR_ROWS_SHOWN = 200

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'edit')
  const job = await getImportJob(params.id ?? '')
  if (!job) throw new Response('Not found', { status: 404 })
  const report = job.report
  return {
    ...job,
    report: report && {
      ...report,
      badRows: report.errorRows.map((r) => r.row),
      errorRows: report.errorRows.slice(0, ERROR_ROWS_SHOWN),
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const id = params.id ?? ''
  const m = dictionary(await getLang(request)).partners.import
  const job = await getImportJob(id)
  if (!job) throw new Response('Not found', { status: 404 })
  const form = Object.fromEntries(await request.formData())
  if (form.intent === 'start') {
    const outcome = await startImport(id, user.id)
    if (outcome.kind === 'not-ready') return data({ error: m.notReady, fieldErrors: {} }, { status: 409 })
    if (outcome.kind === 'has-errors') return data({ error: m.hasErrors, fieldErrors: {} }, { status: 409 })
    return redirect(`/beheer/contacten/importeren/${id}`, 303)
  }
  const parsed = parseMapping(form, job.headers.length)
  if (!parsed.ok) {
    const fieldErrors: Partial<Record<ImportField, string>> = {}
    for (const field of parsed.missing)
      fieldErrors[field as ImportField] = m.requiredField(m.fields[field as ImportField])
    for (const field of parsed.bad) fieldErrors[field as ImportField] = m.badColumn
    return data({ error: null, fieldErrors }, { status: 400 })
  }
  const outcome = await checkImport(id, parsed.mapping, user.id)
  if (outcome.kind === 'not-found') throw new Response('Not found', { status: 404 })
  if (outcome.kind === 'locked') return data({ error: m.alreadyStarted, fieldErrors: {} }, { status: 409 })
  // Bad rows: the page (from the job) names them; 422 says the file cannot be imported as it is.
  if (!outcome.report.ok) return data({ error: null, fieldErrors: {} }, { status: 422 })
  return redirect(`/beheer/contacten/importeren/${id}`, 303)
}

const columnLetter = (index: number) => {
  let n = index + 1
  let letters = ''
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}

function rowErrorText(m: Dictionary['partners']['import'], error: RowError) {
  return error.code === 'emailDuplicate' ? m.rowErrors.emailDuplicate(error.row) : m.rowErrors[error.code]
}

export default function ImportJobPage() {
  const t = useT()
  const m = t.partners.import
  const job = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const revalidator = useRevalidator()
  const navigation = useNavigation()
  const running = job.status === 'running'

  // Live progress with JavaScript; without it the Refresh link does the same.
  useEffect(() => {
    if (!running) return
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate()
    }, 1000)
    return () => clearInterval(timer)
  }, [running, revalidator])

  const report = job.report
  // A failed job no longer holds the file's rows; the way on is to upload it again.
  const canMap = job.status === 'uploaded' || job.status === 'checked'
  const fieldErrors: Partial<Record<ImportField, string>> = actionData?.fieldErrors ?? {}
  const columns = job.headers.map((header, index) => ({
    value: String(index),
    label: `${columnLetter(index)}: ${header || '—'}`,
  }))

  return (
    <>
      <p>
        <Link to="/beheer/contacten">{t.partners.contacts.title}</Link> ·{' '}
        <Link to="/beheer/contacten/importeren">{m.again}</Link>
      </p>
      <h1>{m.fileTitle(job.fileName)}</h1>
      <p>{m.rowsInFile(job.total)}</p>
      <ErrorSummary
        title={t.partners.errorSummary}
        errors={[actionData?.error]}
        fields={IMPORT_FIELDS.map((field) => ({ id: `map-${field}`, errors: [fieldErrors[field]] }))}
      />

      {job.status === 'running' || job.status === 'done' ? (
        <section aria-labelledby="progress-heading">
          <h2 id="progress-heading">{m.progressTitle}</h2>
          <progress id="import-progress" max={job.total} value={job.processed} aria-labelledby="progress-text" />
          <p id="progress-text" aria-live="polite">
            {m.progress(job.processed, job.total)}
          </p>
          {running ? (
            <p>
              {job.processed === job.total ? m.writing : m.running} <Link to=".">{m.refresh}</Link>
            </p>
          ) : null}
          {job.status === 'done' && report ? (
            <>
              <p className="notice" role="status">
                {m.done(report.newContacts, report.updatedContacts, report.newOrganisations)}
              </p>
              <p>
                <Link to="/beheer/contacten">{m.toContacts}</Link>
              </p>
            </>
          ) : null}
        </section>
      ) : null}

      {job.status === 'failed' && report?.failure ? (
        <p className="notice notice--error" role="alert">
          {report.failure === 'changed' ? m.failedChanged : m.failed}
        </p>
      ) : null}
      {job.status === 'failed' ? (
        <p>
          {m.uploadAgain} <Link to="/beheer/contacten/importeren">{m.again}</Link>
        </p>
      ) : null}

      {canMap ? (
        <section aria-labelledby="mapping-heading">
          <h2 id="mapping-heading">{m.mappingTitle}</h2>
          <p>{m.mappingIntro}</p>
          <p className="muted">{m.mappingHint}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="check" />
            <div className="form-row">
              {IMPORT_FIELDS.map((field) => {
                const current = job.mapping?.[field]
                return (
                  <SelectField
                    key={field}
                    label={m.fields[field]}
                    selectProps={{
                      id: `map-${field}`,
                      name: field,
                      defaultValue: current === null || current === undefined ? '' : String(current),
                    }}
                    options={[{ value: '', label: m.notMapped }, ...columns]}
                    errors={fieldErrors[field] ? [fieldErrors[field]] : undefined}
                  />
                )
              })}
            </div>
            <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
              {m.check}
            </button>
          </Form>
        </section>
      ) : null}

      {report && (job.status === 'checked' || job.status === 'failed') ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">{m.previewTitle}</h2>
          <p>{m.summary(report.rows, report.newContacts, report.updatedContacts, report.newOrganisations)}</p>
          {report.badRows.length ? (
            <div className="notice notice--error" role="alert">
              <p>{m.invalid(report.badRows.length)}</p>
              <p>{m.badRows(report.badRows.join(', '))}</p>
            </div>
          ) : null}
          {report.errorRows.length ? (
            <div className="table-wrap">
              <ImportRows
                caption={m.errorsTitle}
                rows={report.errorRows}
                result={(r) => r.errors.map((e) => rowErrorText(m, e)).join('; ')}
              />
              {report.badRows.length > report.errorRows.length ? (
                <p>{m.moreRows(report.badRows.length - report.errorRows.length)}</p>
              ) : null}
            </div>
          ) : null}
          {report.ok && job.status === 'checked' ? (
            <>
              <div className="table-wrap">
                <ImportRows
                  caption={m.previewRowsTitle}
                  rows={report.preview}
                  result={(r) =>
                    `${r.existingContact ? m.existingContact : m.newContact} (${r.newOrganisation ? m.newOrganisation : m.existingOrganisation})`
                  }
                />
              </div>
              {report.rows > report.preview.length ? <p>{m.moreRows(report.rows - report.preview.length)}</p> : null}
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="start" />
                <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
                  {m.start}
                </button>
              </Form>
            </>
          ) : null}
        </section>
      ) : null}
    </>
  )
}

/** Rows of the file as the report shows them: row number, who, and what happens to or is wrong with them. */
function ImportRows<Row extends { row: number; name?: string; email?: string; organisation?: string }>({
  caption,
  rows,
  result,
}: {
  caption: string
  rows: Row[]
  result: (row: Row) => string
}) {
  const m = useT().partners.import
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{m.columns.row}</th>
          <th scope="col">{m.columns.name}</th>
          <th scope="col">{m.columns.email}</th>
          <th scope="col">{m.columns.organisation}</th>
          <th scope="col">{m.columns.result}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.row}>
            <th scope="row">{r.row}</th>
            <td>{r.name}</td>
            <td>{r.email}</td>
            <td>{r.organisation}</td>
            <td>{result(r)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
