import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { InputFor, useZodForm } from '~/components/conform-fields'
import { ErrorSummary } from '~/components/forms'
import { dictionary, metaTitle, useT } from '~/i18n'
import type { Dictionary } from '~/i18n/nl'
import { getLang } from '~/i18n/lang.server'
import {
  confirmEnrolment,
  disableTwoFactor,
  regenerateRecoveryCodes,
  startEnrolment,
  twoFactorStatus,
} from '~/models/two-factor.server'
import { redirectWithNotice } from '~/utils/flash.server'
import { requireUser } from '~/utils/permissions.server'
import { clientAddress } from '~/utils/request.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.staff.twoFactor.title)

function confirmSchema(t: Dictionary) {
  return z.object({
    intent: z.literal('confirm'),
    code: z.string({ required_error: t.staff.twoFactor.codeRequired }).trim().max(32, t.staff.twoFactor.codeInvalid),
  })
}

function passwordSchema(t: Dictionary, intent: 'regenerate' | 'disable') {
  return z.object({
    intent: z.literal(intent),
    password: z.string({ required_error: t.staff.twoFactor.passwordRequired }).max(1024),
  })
}

// Every staff member's own page; an administrator without 2FA is sent here before any other page.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const status = await twoFactorStatus(user.id)
  const enrolment = status.enabled ? null : await startEnrolment(user.id)
  return { status, enrolment: enrolment && { secret: enrolment.secret, qrSvg: enrolment.qrSvg } }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const t = dictionary(await getLang(request))
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'confirm') {
    const submission = parseWithZod(formData, { schema: confirmSchema(t) })
    if (submission.status !== 'success') {
      return data({ form: 'confirm', result: submission.reply({ hideFields: ['code'] }), codes: null }, { status: 400 })
    }
    const outcome = await confirmEnrolment({
      userId: user.id,
      code: submission.value.code,
      clientAddress: clientAddress(request),
    })
    if (outcome.kind === 'ok') return data({ form: 'confirm', result: null, codes: outcome.recoveryCodes })
    const [message, status, headers] =
      outcome.kind === 'rate-limited'
        ? [
            t.staff.twoFactor.tooMany(Math.ceil(outcome.retryAfterSeconds / 60)),
            429,
            { 'Retry-After': String(outcome.retryAfterSeconds) },
          ]
        : outcome.kind === 'no-enrolment'
          ? [t.staff.twoFactor.expiredEnrolment, 409, undefined]
          : [t.staff.twoFactor.codeInvalid, 400, undefined]
    return data(
      {
        form: 'confirm',
        result: submission.reply({ fieldErrors: { code: [message] }, hideFields: ['code'] }),
        codes: null,
      },
      { status, headers },
    )
  }
  if (intent === 'regenerate' || intent === 'disable') {
    const submission = parseWithZod(formData, { schema: passwordSchema(t, intent) })
    if (submission.status !== 'success') {
      return data(
        { form: intent, result: submission.reply({ hideFields: ['password'] }), codes: null },
        { status: 400 },
      )
    }
    const outcome =
      intent === 'regenerate'
        ? await regenerateRecoveryCodes(user.id, submission.value.password)
        : await disableTwoFactor(user.id, submission.value.password)
    if (outcome.kind === 'not-allowed') throw new Response('Conflict', { status: 409 })
    if (outcome.kind === 'wrong-password') {
      const result = submission.reply({
        fieldErrors: { password: [t.staff.twoFactor.wrongPassword] },
        hideFields: ['password'],
      })
      return data({ form: intent, result, codes: null }, { status: 400 })
    }
    if (intent === 'disable') return redirectWithNotice(user, '/beheer/account', 'saved', 'two-factor-off')
    return data({ form: intent, result: null, codes: outcome.value as string[] })
  }
  throw new Response('Bad request', { status: 400 })
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useT()
  const f = t.staff.twoFactor
  return (
    <>
      <div role="status" className="notice">
        <h2>{f.recoveryTitle}</h2>
        <p>{f.recoveryIntro}</p>
      </div>
      <ol className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p>
        <Link className="button" to="/beheer">
          {f.continue}
        </Link>
      </p>
    </>
  )
}

function PasswordForm({
  intent,
  title,
  hint,
  submit,
}: {
  intent: 'regenerate' | 'disable'
  title: string
  hint: string
  submit: string
}) {
  const t = useT()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useZodForm(passwordSchema(t, intent), {
    id: intent,
    lastResult: actionData?.form === intent ? actionData.result : undefined,
  })
  return (
    <>
      <h2>{title}</h2>
      <p className="muted">{hint}</p>
      <ErrorSummary title={t.staff.errorSummary} errors={form.errors} fields={[fields.password]} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value={intent} />
        <InputFor
          meta={fields.password}
          label={t.staff.twoFactor.password}
          type="password"
          autoComplete="current-password"
        />
        <button type="submit" className="button button--secondary">
          {submit}
        </button>
      </Form>
    </>
  )
}

export default function TwoFactorPage() {
  const t = useT()
  const f = t.staff.twoFactor
  const { status, enrolment } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useZodForm(confirmSchema(t), {
    id: 'confirm',
    lastResult: actionData?.form === 'confirm' ? actionData.result : undefined,
    shouldValidate: 'onSubmit',
  })
  const codes = actionData?.codes
  return (
    <div className="narrow">
      <p>
        <Link to="/beheer/account">{f.back}</Link>
      </p>
      <h1>{f.title}</h1>
      {codes ? (
        <RecoveryCodes codes={codes} />
      ) : enrolment ? (
        <>
          {status.required ? (
            <p role="status" className="notice">
              {f.required}
            </p>
          ) : null}
          <p>{f.intro}</p>
          <h2>{f.step1}</h2>
          {/* Drawn on the server as SVG from our own otpauth URI: no image request, nothing the CSP must allow. */}
          <div
            className="qr-code"
            role="img"
            aria-label={f.qrLabel}
            dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
          />
          <p>{f.secretIntro}</p>
          <p>
            <code className="totp-secret">{enrolment.secret}</code>
          </p>
          <h2>{f.step2}</h2>
          <ErrorSummary title={t.staff.errorSummary} errors={form.errors} fields={[fields.code]} />
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="confirm" />
            <InputFor
              meta={fields.code}
              label={f.code}
              inputMode="numeric"
              autoComplete="one-time-code"
              spellCheck={false}
            />
            <button type="submit" className="button">
              {f.confirm}
            </button>
          </Form>
        </>
      ) : (
        <>
          <p>{f.statusOn(status.recoveryCodesLeft)}</p>
          <PasswordForm intent="regenerate" title={f.regenerateTitle} hint={f.regenerateHint} submit={f.regenerate} />
          {status.required ? (
            <p className="muted">{f.requiredForAdmin}</p>
          ) : (
            <PasswordForm intent="disable" title={f.disableTitle} hint="" submit={f.disable} />
          )}
        </>
      )}
    </div>
  )
}
