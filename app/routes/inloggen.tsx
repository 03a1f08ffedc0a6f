import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary, Field } from '~/components/forms'
import { dictionary, metaTitle, useT } from '~/i18n'
import type { Dictionary } from '~/i18n/nl'
import { getLang } from '~/i18n/lang.server'
import { completeSignIn, signIn } from '~/models/auth.server'
import { safeRedirect } from '~/utils/safe-redirect'
import { clientAddress } from '~/utils/request.server'
import {
  createUserSession,
  deviceCookieHeader,
  getPendingSecondFactor,
  getSessionUser,
  logout,
  readDeviceToken,
} from '~/utils/session.server'

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

// The second step, for an account with 2FA: a code from the app, or a recovery code.
function codeSchema(t: Dictionary) {
  return z.object({
    intent: z.literal('code'),
    code: z.string({ required_error: t.staff.login.codeRequired }).trim().min(1).max(32, t.staff.login.codeInvalid),
    redirectTo: z.string().max(2048).optional(),
  })
}

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.login.title)

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request)
  if (user) throw redirect('/beheer')
  const pending = await getPendingSecondFactor(request)
  return { step: pending ? ('code' as const) : ('password' as const) }
}

function tooMany(retryAfterSeconds: number) {
  return { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } }
}

export async function action({ request }: ActionFunctionArgs) {
  const t = dictionary(await getLang(request))
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'restart') return logout(request, '/inloggen')
  if (intent === 'code') {
    const pending = await getPendingSecondFactor(request)
    if (!pending) return redirect('/inloggen')
    const submission = parseWithZod(formData, { schema: codeSchema(t) })
    if (submission.status !== 'success') {
      return data({ step: 'code' as const, result: submission.reply({ hideFields: ['code'] }) }, { status: 400 })
    }
    const outcome = await completeSignIn({
      userId: pending.userId,
      code: submission.value.code,
      clientAddress: clientAddress(request),
      deviceToken: await readDeviceToken(request),
    })
    if (outcome.kind === 'rate-limited') {
      const message = t.login.tooMany(Math.ceil(outcome.retryAfterSeconds / 60))
      return data(
        { step: 'code' as const, result: submission.reply({ formErrors: [message], hideFields: ['code'] }) },
        tooMany(outcome.retryAfterSeconds),
      )
    }
    if (outcome.kind === 'invalid') {
      return data(
        {
          step: 'code' as const,
          result: submission.reply({ fieldErrors: { code: [t.staff.login.codeInvalid] }, hideFields: ['code'] }),
        },
        { status: 401 },
      )
    }
    const headers = new Headers()
    headers.append('Set-Cookie', await createUserSession(request, outcome.userId))
    headers.append('Set-Cookie', await deviceCookieHeader(outcome.device))
    return redirect(safeRedirect(submission.value.redirectTo, '/beheer'), { headers })
  }

  const submission = parseWithZod(formData, { schema: loginSchema(t) })
  if (submission.status !== 'success') {
    return data({ step: 'password' as const, result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
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
        step: 'password' as const,
        result: submission.reply({
          formErrors: [t.login.tooMany(Math.ceil(outcome.retryAfterSeconds / 60))],
          hideFields: ['password'],
        }),
      },
      tooMany(outcome.retryAfterSeconds),
    )
  }
  if (outcome.kind === 'invalid') {
    return data(
      {
        step: 'password' as const,
        result: submission.reply({ formErrors: [t.login.invalid], hideFields: ['password'] }),
      },
      { status: 401 },
    )
  }
  if (outcome.kind === 'second-factor') {
    // A session that opens nothing but the code step; the full session after the code gets a new token.
    const cookie = await createUserSession(request, outcome.userId, { awaitingSecondFactor: true })
    const back = redirectTo ? `?redirectTo=${encodeURIComponent(safeRedirect(redirectTo, '/beheer'))}` : ''
    return redirect(`/inloggen${back}`, { headers: { 'Set-Cookie': cookie } })
  }
  const headers = new Headers()
  headers.append('Set-Cookie', await createUserSession(request, outcome.userId))
  headers.append('Set-Cookie', await deviceCookieHeader(outcome.device))
  return redirect(safeRedirect(redirectTo, '/beheer'), { headers })
}

export default function LoginPage() {
  const { step } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (actionData?.step ?? step) === 'code' ? <CodeStep /> : <PasswordStep />
}

function PasswordStep() {
  const t = useT()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'login',
    lastResult: actionData?.step === 'password' ? actionData.result : undefined,
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
      {searchParams.get('geactiveerd') ? (
        <p role="status" className="notice">
          {t.staff.login.activated}
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

function CodeStep() {
  const t = useT()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'login-code',
    lastResult: actionData?.step === 'code' ? actionData.result : undefined,
    constraint: getZodConstraint(codeSchema(t)),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: codeSchema(t) }),
  })
  return (
    <div className="narrow">
      <h1>{t.staff.login.codeTitle}</h1>
      <p>{t.staff.login.codeIntro}</p>
      <ErrorSummary title={t.login.errorSummary} errors={form.errors} fields={[fields.code]} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="code" />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <Field
          label={t.staff.login.code}
          hint={t.staff.login.codeHint}
          inputProps={{
            ...getInputProps(fields.code, { type: 'text' }),
            autoComplete: 'one-time-code',
            spellCheck: false,
            autoCapitalize: 'characters',
          }}
          errors={fields.code.errors}
        />
        <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
          {t.staff.login.submit}
        </button>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="restart" />
        <button type="submit" className="button button--secondary">
          {t.staff.login.restart}
        </button>
      </Form>
    </div>
  )
}
