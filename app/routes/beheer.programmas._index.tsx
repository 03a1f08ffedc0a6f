import { ActionLabel } from '~/components/action-label'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { MoveButtons } from '~/components/move-buttons'
import { ProgrammeForm } from '~/components/programme-form'
import { programmeSchema } from '~/domain/programme-schema'
import { dictionary, metaTitle, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { createProgramme, listProgrammesForAdmin, moveProgramme } from '~/models/programme-admin.server'
import { redirectWithNotice } from '~/utils/flash.server'
import { can, requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.programmesAdmin.title)

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read')
  return { programmes: await listProgrammesForAdmin(), canEdit: can(user, 'edit') }
}

const move = z.object({
  intent: z.literal('move'),
  programmeId: z.string().min(1).max(64),
  direction: z.enum(['up', 'down']),
})

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const t = dictionary(await getLang(request))
  const formData = await request.formData()
  if (formData.get('intent') === 'move') {
    const parsed = move.safeParse(Object.fromEntries(formData))
    if (!parsed.success) throw new Response('Bad request', { status: 400 })
    if (!(await moveProgramme(parsed.data.programmeId, parsed.data.direction, user.id)))
      throw new Response('Not found', { status: 404 })
    return redirect('/beheer/programmas')
  }
  const submission = parseWithZod(formData, { schema: programmeSchema(t.programmesAdmin.errors) })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const programme = await createProgramme(submission.value, user.id)
  return redirectWithNotice(user, `/beheer/programmas/${programme.id}`, 'created')
}

export default function Programmes() {
  const t = useT()
  const p = t.programmesAdmin
  const { programmes, canEdit } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <h1>{p.title}</h1>
      <p>{p.intro}</p>
      <ol className="plain-list">
        {programmes.map((programme, index) => (
          <li key={programme.id} className="participant">
            <h2 className="agenda__title">
              {canEdit ? <Link to={programme.id}>{programme.name}</Link> : programme.name}
            </h2>
            <p className="muted">
              {p.events(programme._count.events)} · {p.actionLines}: {programme._count.actionLines}
            </p>
            <p>
              <Link to={`${programme.id}/overzicht`}>
                <ActionLabel text={t.programmeOverview.link} object={programme.name} />
              </Link>
            </p>
            {canEdit ? (
              <MoveButtons
                fields={{ intent: 'move', programmeId: programme.id }}
                index={index}
                count={programmes.length}
                text={{ up: p.moveUp, down: p.moveDown }}
                object={programme.name}
              />
            ) : null}
          </li>
        ))}
      </ol>
      {canEdit ? (
        <section aria-labelledby="new-programme-heading">
          <h2 id="new-programme-heading">{p.new}</h2>
          <ProgrammeForm id="new-programme" lastResult={actionData?.result} submitLabel={p.new} />
        </section>
      ) : null}
    </>
  )
}
