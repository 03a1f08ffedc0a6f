import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { z } from 'zod'
import { InputFor, LanguageFor, SelectFor, useZodForm } from '~/components/conform-fields'
import { ErrorSummary } from '~/components/forms'
import { dictionary, metaTitle, useT } from '~/i18n'
import type { Dictionary } from '~/i18n/nl'
import { getLang } from '~/i18n/lang.server'
import { inviteStaff } from '~/models/staff.server'
import { redirectWithNotice } from '~/utils/flash.server'
import { requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.staff.invite.title)

const ROLES = ['viewer', 'organiser', 'admin'] as const

function schema(t: Dictionary) {
  return z.object({
    name: z.string({ required_error: t.staff.invite.nameRequired }).trim().min(1, t.staff.invite.nameRequired).max(200),
    email: z
      .string({ required_error: t.staff.invite.emailInvalid })
      .trim()
      .max(254, t.staff.invite.emailInvalid)
      .email(t.staff.invite.emailInvalid),
    role: z.enum(ROLES),
    language: z.enum(['nl', 'en']),
  })
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'manage-users')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'manage-users')
  const t = dictionary(await getLang(request))
  const submission = parseWithZod(await request.formData(), { schema: schema(t) })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const outcome = await inviteStaff(submission.value, user)
  if (outcome.kind === 'exists') {
    return data({ result: submission.reply({ fieldErrors: { email: [t.staff.invite.exists] } }) }, { status: 409 })
  }
  return redirectWithNotice(user, '/beheer/medewerkers', 'created', submission.value.name)
}

export default function InviteStaff() {
  const t = useT()
  const i = t.staff.invite
  const actionData = useActionData<typeof action>()
  const [form, fields] = useZodForm(schema(t), {
    id: 'invite-staff',
    lastResult: actionData?.result,
    defaultValue: { role: 'organiser', language: 'nl' },
  })
  return (
    <div className="narrow">
      <p>
        <Link to="/beheer/medewerkers">{t.staff.member.back}</Link>
      </p>
      <h1>{i.title}</h1>
      <p>{i.intro}</p>
      <ErrorSummary
        title={t.staff.errorSummary}
        errors={form.errors}
        fields={[fields.name, fields.email, fields.role, fields.language]}
      />
      <Form method="post" {...getFormProps(form)}>
        <InputFor meta={fields.name} label={i.name} autoComplete="off" />
        <InputFor meta={fields.email} label={i.email} type="email" autoComplete="off" spellCheck={false} />
        <SelectFor meta={fields.role} label={i.role} options={ROLES.map((r) => ({ value: r, label: t.roles[r] }))} />
        <LanguageFor meta={fields.language} label={i.language} />
        <button type="submit" className="button">
          {i.submit}
        </button>
      </Form>
    </div>
  )
}
