// Step 1 of the contact import: upload a CSV or XLSX file. The rows are kept in an ImportJob and the next
// steps (mapping, check, import) happen on /beheer/contacten/importeren/:id.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { ErrorSummary, Field } from '~/components/forms'
import { dictionary, metaTitle, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { createImportJob, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '~/models/contact-import.server'
import { requirePermission } from '~/utils/permissions.server'
import { readSpreadsheet, SpreadsheetError } from '~/utils/spreadsheet.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.partners.import.title)

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'edit')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const m = dictionary(await getLang(request)).partners.import
  const fail = (error: string, status: number) => data({ error }, { status })
  // A body far over the limit is refused before it is read.
  if (Number(request.headers.get('content-length') ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) return fail(m.tooLarge, 413)
  let form: FormData
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES }),
    )
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return fail(m.tooLarge, 413)
    return fail(m.notSpreadsheet, 415)
  }
  const file = form.get('file')
  if (!(file instanceof File) || file.size === 0) return fail(m.fileRequired, 400)
  let table
  try {
    table = await readSpreadsheet(file.name, new Uint8Array(await file.arrayBuffer()))
  } catch (error) {
    if (error instanceof SpreadsheetError)
      return error.reason === 'empty' ? fail(m.empty, 400) : fail(m.notSpreadsheet, 415)
    throw error
  }
  if (table.rows.length === 0) return fail(m.empty, 400)
  if (table.rows.length > MAX_IMPORT_ROWS) return fail(m.tooManyRows(MAX_IMPORT_ROWS), 413)
  const id = await createImportJob(file.name, table, user.id)
  return redirect(`/beheer/contacten/importeren/${id}`)
}

export default function ImportUpload() {
  const t = useT()
  const m = t.partners.import
  const actionData = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to="/beheer/contacten">{t.partners.contacts.title}</Link>
      </p>
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      <p className="muted">{m.steps}</p>
      <Form method="post" encType="multipart/form-data">
        <ErrorSummary title={t.partners.errorSummary} fields={[{ id: 'file', errors: [actionData?.error] }]} />
        <Field
          label={m.file}
          inputProps={{
            id: 'file',
            name: 'file',
            type: 'file',
            required: true,
            accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          }}
          errors={[actionData?.error]}
        />
        <button type="submit" className="button">
          {m.upload}
        </button>
      </Form>
    </>
  )
}
