import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { InputFor, useZodForm } from '~/components/conform-fields'
import { ErrorSummary } from '~/components/forms'
import { PASSWORD_MAX_LENGTH } from '~/domain/password-rules'
import { dictionary, metaTitle, useT } from '~/i18n'
import type { Dictionary } from '~/i18n/nl'
import { getLang } from '~/i18n/lang.server'
import { accountLinkOwner, setPasswordWithLink } from '~/models/account.server'
import {
  ACTIVATION_PATH,
  activationCookieHeader,
  clearActivationCookie,
  readActivationToken,
} from '~/routes-support/account-link.server'
import { linkPageHeaders, linkProblemResponse, looksLikeToken, PRIVATE_HEADERS } from '~/utils/link-session.server'

export const headers = linkPageHeaders
export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.staff.activate.title)

function schema(t: Dictionary) {
  return z
    .object({
      password: z.string({ required_error: t.staff.activate.passwordRequired }).max(PASSWORD_MAX_LENGTH * 4),
      confirm: z.string({ required_error: t.staff.activate.passwordRequired }).max(PASSWORD_MAX_LENGTH * 4),
    })
    .refine((v) => v.password === v.confirm, { message: t.staff.activate.mismatch, path: ['confirm'] })
}

// The mail's link is /activeren/<token>: traded at once for a cookie on /activeren, and the browser goes on to
// /activeren/<link id>, which opens only with that cookie (the link id is no secret).
async function owner(request: Request, linkId: string) {
  const token = await readActivationToken(request)
  if (!token) throw linkProblemResponse('no-session')
  const found = await accountLinkOwner(token)
  if (!found) throw linkProblemResponse('expired')
  if (found.linkId !== linkId) throw linkProblemResponse('no-session')
  return { token, owner: found }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const param = params.token ?? ''
  if (looksLikeToken(param)) {
    const found = await accountLinkOwner(param)
    if (!found) throw linkProblemResponse('expired')
    return redirect(`${ACTIVATION_PATH}/${found.linkId}`, {
      status: 303,
      headers: { ...PRIVATE_HEADERS, 'Set-Cookie': await activationCookieHeader(param) },
    })
  }
  const { owner: found } = await owner(request, param)
  return data({ name: found.name, email: found.email }, { headers: PRIVATE_HEADERS })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const t = dictionary(await getLang(request))
  const { token } = await owner(request, params.token ?? '')
  const submission = parseWithZod(await request.formData(), { schema: schema(t) })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password', 'confirm'] }) }, { status: 400 })
  }
  const outcome = await setPasswordWithLink(token, submission.value.password)
  if (outcome.kind === 'gone') throw linkProblemResponse('expired')
  if (outcome.kind === 'weak') {
    return data(
      {
        result: submission.reply({
          fieldErrors: { password: [t.staff.passwordProblems[outcome.problem]] },
          hideFields: ['password', 'confirm'],
        }),
      },
      { status: 400 },
    )
  }
  return redirect('/inloggen?geactiveerd=1', { headers: { 'Set-Cookie': await clearActivationCookie() } })
}

export default function ActivatePage() {
  const t = useT()
  const { name, email } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useZodForm(schema(t), { id: 'activate', lastResult: actionData?.result })
  return (
    <div className="narrow">
      <h1>{t.staff.activate.title}</h1>
      <p>{t.staff.activate.intro(name)}</p>
      <p>{t.staff.passwordRules}</p>
      <ErrorSummary title={t.staff.errorSummary} errors={form.errors} fields={[fields.password, fields.confirm]} />
      <Form method="post" {...getFormProps(form)}>
        {/* The account name for password managers, which save the new password under it. */}
        <input type="hidden" name="username" value={email} autoComplete="username" />
        <InputFor
          meta={fields.password}
          label={t.staff.activate.password}
          type="password"
          autoComplete="new-password"
        />
        <InputFor meta={fields.confirm} label={t.staff.activate.confirm} type="password" autoComplete="new-password" />
        <button type="submit" className="button">
          {t.staff.activate.submit}
        </button>
      </Form>
    </div>
  )
}
