import { parseWithZod } from '@conform-to/zod'
import { ActionLabel } from '~/components/action-label'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { Field } from '~/components/forms'
import { MoveButtons } from '~/components/move-buttons'
import { ProgrammeForm } from '~/components/programme-form'
import { actionLineSchema, programmeSchema } from '~/domain/programme-schema'
import { dictionary, metaTitle, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { getProgrammeForAdmin, moveActionLine, saveActionLine, updateProgramme } from '~/models/programme-admin.server'
import { redirectWithNotice, takeNotice } from '~/utils/flash.server'
import { requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.programmesAdmin.editPageTitle)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const programme = await getProgrammeForAdmin(params.id ?? '')
  if (!programme) throw new Response('Not found', { status: 404 })
  return { programme, notice: await takeNotice(user, request) }
}

const moveLine = z.object({
  intent: z.literal('move-line'),
  lineId: z.string().min(1).max(64),
  direction: z.enum(['up', 'down']),
})

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const t = dictionary(await getLang(request))
  const e = t.programmesAdmin.errors
  const id = params.id ?? ''
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'move-line') {
    const parsed = moveLine.safeParse(Object.fromEntries(formData))
    if (!parsed.success) throw new Response('Bad request', { status: 400 })
    if (!(await moveActionLine(id, parsed.data.lineId, parsed.data.direction, user.id)))
      throw new Response('Not found', { status: 404 })
    return redirect(`/beheer/programmas/${id}#actielijnen`)
  }
  if (intent === 'save-line') {
    const parsed = actionLineSchema(e).safeParse(Object.fromEntries(formData))
    const formId = parsed.success && parsed.data.lineId ? parsed.data.lineId : 'new'
    if (!parsed.success)
      return data(
        {
          result: null,
          lineErrors: {
            id: String(formData.get('lineId') || 'new'),
            messages: parsed.error.issues.map((i) => i.message),
          },
        },
        { status: 400 },
      )
    const outcome = await saveActionLine(id, parsed.data.lineId ?? null, parsed.data, user.id)
    if (outcome.kind === 'not-found') throw new Response('Not found', { status: 404 })
    if (outcome.kind === 'code-taken')
      return data({ result: null, lineErrors: { id: formId, messages: [e.codeTaken] } }, { status: 409 })
    return redirectWithNotice(user, `/beheer/programmas/${id}#actielijnen`, 'saved')
  }
  const submission = parseWithZod(formData, { schema: programmeSchema(e) })
  if (submission.status !== 'success') return data({ result: submission.reply(), lineErrors: null }, { status: 400 })
  if (!(await updateProgramme(id, submission.value, user.id))) throw new Response('Not found', { status: 404 })
  return redirectWithNotice(user, `/beheer/programmas/${id}`, 'saved')
}

function LineForm({
  programmeLine,
  errors,
}: {
  programmeLine?: { id: string; code: string; title: string; titleEn: string | null }
  errors?: string[]
}) {
  const t = useT()
  const l = t.programmesAdmin.line
  const key = programmeLine?.id ?? 'new'
  return (
    <Form method="post" className="form-row">
      <input type="hidden" name="intent" value="save-line" />
      {programmeLine ? <input type="hidden" name="lineId" value={programmeLine.id} /> : null}
      {errors?.length ? (
        <ul className="field-errors" role="alert">
          {errors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      <Field
        label={l.code}
        inputProps={{
          id: `code-${key}`,
          name: 'code',
          defaultValue: programmeLine?.code,
          required: true,
          maxLength: 10,
          size: 4,
        }}
      />
      <Field
        label={l.title}
        inputProps={{
          id: `title-${key}`,
          name: 'title',
          defaultValue: programmeLine?.title,
          required: true,
          maxLength: 200,
        }}
      />
      <Field
        label={l.titleEn}
        inputProps={{
          id: `titleEn-${key}`,
          name: 'titleEn',
          defaultValue: programmeLine?.titleEn ?? '',
          maxLength: 200,
        }}
      />
      <div className="actions">
        <button type="submit" className="button button--secondary">
          {programmeLine ? <ActionLabel text={l.save} object={programmeLine.title} /> : t.programmesAdmin.addActionLine}
        </button>
      </div>
    </Form>
  )
}

export default function EditProgramme() {
  const t = useT()
  const p = t.programmesAdmin
  const { programme, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const lineErrors = actionData?.lineErrors
  return (
    <>
      <p>
        <Link to="/beheer/programmas">{p.title}</Link>
      </p>
      {notice?.name === 'saved' || notice?.name === 'created' ? (
        <p role="status" className="notice">
          {notice.name === 'created' ? p.created : p.saved}
        </p>
      ) : null}
      <h1>{p.editTitle(programme.name)}</h1>
      <p>
        <Link to={`/beheer/programmas/${programme.id}/overzicht`}>{t.programmeOverview.link}</Link>
      </p>
      <ProgrammeForm
        id="programme"
        intent="save-programme"
        lastResult={actionData?.result}
        defaults={{
          name: programme.name,
          nameEn: programme.nameEn ?? '',
          description: programme.description,
          descriptionEn: programme.descriptionEn ?? '',
        }}
        submitLabel={p.save}
      />
      <section aria-labelledby="actielijnen">
        <h2 id="actielijnen">{p.actionLines}</h2>
        <p>{p.actionLinesIntro}</p>
        {programme.actionLines.length ? (
          <ol className="plain-list">
            {programme.actionLines.map((line, index) => (
              <li key={line.id} className="participant">
                <LineForm programmeLine={line} errors={lineErrors?.id === line.id ? lineErrors.messages : undefined} />
                <MoveButtons
                  fields={{ intent: 'move-line', lineId: line.id }}
                  index={index}
                  count={programme.actionLines.length}
                  text={{ up: p.moveUp, down: p.moveDown }}
                  object={line.title}
                />
              </li>
            ))}
          </ol>
        ) : (
          <p>{p.noActionLines}</p>
        )}
        <h3>{p.addActionLine}</h3>
        <LineForm errors={lineErrors?.id === 'new' ? lineErrors.messages : undefined} />
      </section>
    </>
  )
}
