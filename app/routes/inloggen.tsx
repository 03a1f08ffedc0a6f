import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary, Field } from '~/components/forms'
import { dictionary, metaTitle, useT } from '~/i18n'
import type { Dictionary } from '~/i18n/nl'
import { getLang } from '~/i18n/lang.server'
import { signIn } from '~/models/auth.server'
import { safeRedirect } from '~/utils/safe-redirect'
import { clientAddress } from '~/utils/request.server'
import { createUserSession, deviceCookieHeader, getSessionUser, readDeviceToken } from '~/utils/session.server'

function loginSchema(t: Dictionary) {
  return z.object({
    email: z
      .string({ required_error: t.login.emailRequired })
      .trim()
      .max(254, t.login.emailInvalid)
      .email(t.login.emailInvalid),
    password: z.string({ required_error: t.login.passwordRequired }).max(1024, t.login.passwordRequired),
    redirectTo: z.string().max(2048).optional(),
  })
}

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.login.title)

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request)
  if (user) throw redirect('/beheer')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const t = dictionary(await getLang(request))
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: loginSchema(t) })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  }
  const { email, password, redirectTo } = submission.value
  const outcome = await signIn({
    email,
    password,
    clientAddress: clientAddress(request),
    deviceToken: await readDeviceToken(request),
  })
  if (outcome.kind === 'rate-limited') {
    return data(
      {
        result: submission.reply({
          formErrors: [t.login.tooMany(Math.ceil(outcome.retryAfterSeconds / 60))],
          hideFields: ['password'],
        }),
      },
      { status: 429, headers: { 'Retry-After': String(outcome.retryAfterSeconds) } },
    )
  }
  if (outcome.kind === 'invalid') {
    return data(
      { result: submission.reply({ formErrors: [t.login.invalid], hideFields: ['password'] }) },
      { status: 401 },
    )
  }
  const headers = new Headers()
  headers.append('Set-Cookie', await createUserSession(request, outcome.userId))
  headers.append('Set-Cookie', await deviceCookieHeader(outcome.device))
  return redirect(safeRedirect(redirectTo, '/beheer'), { headers })
}

export default function LoginPage() {
  const t = useT()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'login',
    lastResult: actionData?.result,
    constraint: getZodConstraint(loginSchema(t)),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema(t) }),
  })
  return (
    <div className="narrow">
      <h1>{t.login.title}</h1>
      <p>{t.login.intro}</p>
      {searchParams.get('uitgelogd') ? (
        <p role="status" className="notice">
          {t.login.signedOut}
        </p>
      ) : null}
      <ErrorSummary title={t.login.errorSummary} errors={form.errors} fields={[fields.email, fields.password]} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <Field
          label={t.login.email}
          inputProps={{
            ...getInputProps(fields.email, { type: 'email' }),
            autoComplete: 'username',
            spellCheck: false,
          }}
          errors={fields.email.errors}
        />
        <Field
          label={t.login.password}
          inputProps={{ ...getInputProps(fields.password, { type: 'password' }), autoComplete: 'current-password' }}
          errors={fields.password.errors}
        />
        <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
          {t.login.submit}
        </button>
      </Form>
      <p className="muted">{t.login.noAccount}</p>
    </div>
  )
}
