import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { CheckboxField, ErrorSummary, Field, SelectField, TextareaField } from '~/components/forms'
import { MoveButtons } from '~/components/move-buttons'
import { questionSchema } from '~/domain/registration-form'
import { dictionary, metaTitle, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { deleteQuestion, moveQuestion, questionsEditor, saveQuestion } from '~/models/registration-question.server'
import { redirectWithNotice, takeNotice } from '~/utils/flash.server'
import { requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  metaTitle(matches, (t) => t.registration.questionsAdmin.title(data?.event.title ?? ''))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const editor = await questionsEditor(params.id ?? '')
  if (!editor) throw new Response('Not found', { status: 404 })
  const editing = new URL(request.url).searchParams.get('vraag')
  return {
    ...editor,
    editing: editor.questions.find((q) => q.id === editing) ?? null,
    notice: await takeNotice(user, request),
  }
}

const listAction = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('move'), questionId: z.string().min(1).max(64), direction: z.enum(['up', 'down']) }),
  z.object({ intent: z.literal('delete'), questionId: z.string().min(1).max(64) }),
])

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const eventId = params.id ?? ''
  const base = `/beheer/bijeenkomsten/${eventId}/vragen`
  const formData = await request.formData()
  if (formData.get('intent') === 'save') {
    const t = dictionary(await getLang(request))
    const submission = parseWithZod(formData, { schema: questionSchema(t.registration.questionsAdmin.errors) })
    if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
    const questionId = formData.get('questionId')
    const saved = await saveQuestion(
      eventId,
      typeof questionId === 'string' && questionId ? questionId : null,
      submission.value,
      user.id,
    )
    if (!saved) throw new Response('Not found', { status: 404 })
    return redirectWithNotice(user, `${base}#vraag-${saved}`, 'saved')
  }
  const parsed = listAction.safeParse(Object.fromEntries(formData))
  if (!parsed.success) throw new Response('Bad request', { status: 400 })
  const ok =
    parsed.data.intent === 'move'
      ? await moveQuestion(eventId, parsed.data.questionId, parsed.data.direction, user.id)
      : await deleteQuestion(eventId, parsed.data.questionId, user.id)
  if (!ok) throw new Response('Not found', { status: 404 })
  if (parsed.data.intent === 'delete') return redirectWithNotice(user, base, 'deleted')
  return redirect(`${base}#vraag-${parsed.data.questionId}`)
}

export default function QuestionsEditor() {
  const t = useT()
  const q = t.registration.questionsAdmin
  const { event, questions, editing, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to={`/beheer/bijeenkomsten/${event.id}`}>{q.back}</Link>
      </p>
      {notice?.name === 'saved' || notice?.name === 'deleted' ? (
        <p role="status" className="notice">
          {notice.name === 'saved' ? q.saved : q.deleted}
        </p>
      ) : null}
      <h1>{q.title(event.title)}</h1>
      <p>{q.intro}</p>
      {questions.length ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{q.columns.label}</th>
                <th scope="col">{q.columns.type}</th>
                <th scope="col">{q.columns.required}</th>
                <th scope="col">{q.columns.actions}</th>
              </tr>
            </thead>
            <tbody>
              {questions.map((question, index) => (
                <tr key={question.id} id={`vraag-${question.id}`}>
                  <td>
                    {question.label}
                    {question.labelEn ? <span lang="en"> / {question.labelEn}</span> : null}
                    {question.type === 'choice' ? (
                      <span className="muted"> ({question.options.join(', ')})</span>
                    ) : null}
                    {question.answered ? <p className="muted">{q.answeredWarning(question.answered)}</p> : null}
                  </td>
                  <td>{q.fields.types[question.type]}</td>
                  <td>{question.required ? q.yes : q.no}</td>
                  <td>
                    <div className="actions">
                      <Link to={`?vraag=${question.id}#vraag-bewerken`}>
                        {q.edit}
                        <span className="visually-hidden">: {question.label}</span>
                      </Link>
                      <MoveButtons
                        fields={{ intent: 'move', questionId: question.id }}
                        index={index}
                        count={questions.length}
                        text={{ up: t.agendaAdmin.up, down: t.agendaAdmin.down }}
                        object={question.label}
                      />
                      <Form method="post">
                        <input type="hidden" name="intent" value="delete" />
                        <input type="hidden" name="questionId" value={question.id} />
                        <button type="submit" className="link-button">
                          {q.delete}
                          <span className="visually-hidden">: {question.label}</span>
                        </button>
                      </Form>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{q.none}</p>
      )}
      <section aria-labelledby="vraag-bewerken">
        <h2 id="vraag-bewerken" tabIndex={-1}>
          {editing ? `${q.edit}: ${editing.label}` : q.add}
        </h2>
        {editing?.answered ? <p className="notice notice--warning">{q.answeredWarning(editing.answered)}</p> : null}
        <QuestionForm
          key={editing?.id ?? 'new'}
          lastResult={actionData?.result}
          editing={editing}
          submitLabel={editing ? q.save : q.add}
        />
      </section>
    </>
  )
}

function QuestionForm({
  lastResult,
  editing,
  submitLabel,
}: {
  lastResult?: SubmissionResult<string[]> | null
  editing: {
    id: string
    label: string
    labelEn: string | null
    type: string
    options: string[]
    required: boolean
  } | null
  submitLabel: string
}) {
  const t = useT()
  const q = t.registration.questionsAdmin
  const schema = questionSchema(q.errors)
  const [form, fields] = useForm({
    id: 'question-form',
    lastResult,
    defaultValue: editing
      ? {
          label: editing.label,
          labelEn: editing.labelEn ?? '',
          type: editing.type,
          options: editing.options.join('\n'),
          required: editing.required ? 'on' : undefined,
        }
      : { type: 'text' },
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary
        title={t.eventAdmin.errorSummary}
        errors={form.errors}
        fields={[fields.label, fields.labelEn, fields.type, fields.options, fields.required]}
      />
      <input type="hidden" name="intent" value="save" />
      {editing ? <input type="hidden" name="questionId" value={editing.id} /> : null}
      <Field
        label={q.fields.label}
        inputProps={getInputProps(fields.label, { type: 'text' })}
        errors={fields.label.errors}
      />
      <Field
        label={q.fields.labelEn}
        inputProps={{ ...getInputProps(fields.labelEn, { type: 'text' }), lang: 'en' }}
        errors={fields.labelEn.errors}
      />
      <SelectField
        label={q.fields.type}
        selectProps={getSelectProps(fields.type)}
        options={(['text', 'choice', 'yes_no'] as const).map((type) => ({ value: type, label: q.fields.types[type] }))}
        errors={fields.type.errors}
      />
      <TextareaField
        label={q.fields.options}
        hint={q.fields.optionsHint}
        textareaProps={{ ...getTextareaProps(fields.options), rows: 4 }}
        errors={fields.options.errors}
      />
      <CheckboxField label={q.fields.required} inputProps={getInputProps(fields.required, { type: 'checkbox' })} />
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  )
}
