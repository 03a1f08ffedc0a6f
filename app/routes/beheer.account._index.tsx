import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ActionLabel } from '~/components/action-label'
import { InputFor, LanguageFor, useZodForm } from '~/components/conform-fields'
import { ErrorSummary } from '~/components/forms'
import { formatDateTime } from '~/domain/format'
import { PASSWORD_MAX_LENGTH } from '~/domain/password-rules'
import { dictionary, metaTitle, useLang, useT } from '~/i18n'
import type { Dictionary } from '~/i18n/nl'
import { getLang } from '~/i18n/lang.server'
import {
  changePassword,
  endOtherSessions,
  endSession,
  getAccount,
  listSessions,
  updateProfile,
} from '~/models/account.server'
import { twoFactorStatus } from '~/models/two-factor.server'
import { redirectWithNotice, takeNotice } from '~/utils/flash.server'
import { requireUser } from '~/utils/permissions.server'
import { logout } from '~/utils/session.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.staff.account.title)

const ZONE = 'Europe/Amsterdam'
const PATH = '/beheer/account'

function profileSchema(t: Dictionary) {
  return z.object({
    intent: z.literal('profile'),
    name: z
      .string({ required_error: t.staff.account.nameRequired })
      .trim()
      .min(1, t.staff.account.nameRequired)
      .max(200),
    language: z.enum(['nl', 'en']),
  })
}

function passwordSchema(t: Dictionary) {
  const field = (message: string) => z.string({ required_error: message }).max(PASSWORD_MAX_LENGTH * 4)
  return z
    .object({
      intent: z.literal('password'),
      current: field(t.staff.account.currentRequired),
      next: field(t.staff.activate.passwordRequired),
      confirm: field(t.staff.activate.passwordRequired),
    })
    .refine((v) => v.next === v.confirm, { message: t.staff.activate.mismatch, path: ['confirm'] })
}

const sessionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('end-session'), sessionId: z.string().min(1).max(40) }),
  z.object({ intent: z.literal('end-others') }),
])

// Every staff member's own page; their permission is only to be signed in.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const [account, sessions, twoFactor] = await Promise.all([
    getAccount(user.id),
    listSessions(user.id, user.sessionId),
    twoFactorStatus(user.id),
  ])
  if (!account) throw new Response('Not found', { status: 404 })
  return {
    notice: await takeNotice(user, request),
    account: { name: account.name, email: account.email, role: account.role, language: account.language },
    sessions,
    twoFactor,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const t = dictionary(await getLang(request))
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'profile') {
    const submission = parseWithZod(formData, { schema: profileSchema(t) })
    if (submission.status !== 'success') return data({ form: 'profile', result: submission.reply() }, { status: 400 })
    await updateProfile(user.id, submission.value)
    return redirectWithNotice(user, PATH, 'saved', 'profile')
  }
  if (intent === 'password') {
    const submission = parseWithZod(formData, { schema: passwordSchema(t) })
    const hideFields = ['current', 'next', 'confirm']
    if (submission.status !== 'success') {
      return data({ form: 'password', result: submission.reply({ hideFields }) }, { status: 400 })
    }
    const outcome = await changePassword({
      userId: user.id,
      sessionId: user.sessionId,
      current: submission.value.current,
      next: submission.value.next,
    })
    if (outcome.kind === 'wrong-current') {
      const result = submission.reply({ fieldErrors: { current: [t.staff.account.wrongCurrent] }, hideFields })
      return data({ form: 'password', result }, { status: 400 })
    }
    if (outcome.kind === 'weak') {
      const result = submission.reply({
        fieldErrors: { next: [t.staff.passwordProblems[outcome.problem]] },
        hideFields,
      })
      return data({ form: 'password', result }, { status: 400 })
    }
    return redirectWithNotice(user, PATH, 'saved', 'password')
  }
  const parsed = sessionSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) throw new Response('Bad request', { status: 400 })
  if (parsed.data.intent === 'end-others') {
    return redirectWithNotice(user, PATH, 'deleted', await endOtherSessions(user.id, user.sessionId))
  }
  // Ending the current session is signing out: the next page asks to sign in again.
  if (parsed.data.sessionId === user.sessionId) return logout(request, '/inloggen?uitgelogd=1')
  if (!(await endSession(user.id, parsed.data.sessionId))) throw new Response('Not found', { status: 404 })
  return redirectWithNotice(user, PATH, 'saved', 'session')
}

function noticeText(t: Dictionary, notice: { name: string; value: string | null } | null) {
  if (!notice) return null
  if (notice.name === 'deleted') return t.staff.account.othersEnded(Number(notice.value ?? 0))
  if (notice.value === 'profile') return t.staff.account.profileSaved
  if (notice.value === 'password') return t.staff.account.passwordChanged
  if (notice.value === 'session') return t.staff.account.sessionEnded
  if (notice.value === 'two-factor-off') return t.staff.twoFactor.disabled
  return null
}

export default function AccountPage() {
  const t = useT()
  const lang = useLang()
  const a = t.staff.account
  const { account, sessions, twoFactor, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [profileForm, profile] = useZodForm(profileSchema(t), {
    id: 'profile',
    lastResult: actionData?.form === 'profile' ? actionData.result : undefined,
    defaultValue: { name: account.name, language: account.language },
  })
  const [passwordForm, password] = useZodForm(passwordSchema(t), {
    id: 'password',
    lastResult: actionData?.form === 'password' ? actionData.result : undefined,
  })
  const message = noticeText(t, notice)
  return (
    <div className="narrow">
      {message ? (
        <p role="status" className="notice">
          {message}
        </p>
      ) : null}
      <h1>{a.title}</h1>
      <p>{a.intro}</p>

      <h2>{a.profileTitle}</h2>
      <ErrorSummary title={t.staff.errorSummary} errors={profileForm.errors} fields={[profile.name]} />
      <Form method="post" {...getFormProps(profileForm)}>
        <input type="hidden" name="intent" value="profile" />
        <p>
          {a.email}: {account.email} <span className="muted">({a.emailHint})</span>
        </p>
        <p>
          {a.role}: {t.roles[account.role]}
        </p>
        <InputFor meta={profile.name} label={a.name} autoComplete="name" />
        <LanguageFor meta={profile.language} label={a.language} />
        <button type="submit" className="button">
          {a.saveProfile}
        </button>
      </Form>

      <h2>{a.passwordTitle}</h2>
      <p>{t.staff.passwordRules}</p>
      <ErrorSummary
        title={t.staff.errorSummary}
        errors={passwordForm.errors}
        fields={[password.current, password.next, password.confirm]}
      />
      <Form method="post" {...getFormProps(passwordForm)}>
        <input type="hidden" name="intent" value="password" />
        <input type="hidden" name="username" value={account.email} autoComplete="username" />
        <InputFor meta={password.current} label={a.current} type="password" autoComplete="current-password" />
        <InputFor meta={password.next} label={a.next} type="password" autoComplete="new-password" />
        <InputFor meta={password.confirm} label={a.confirm} type="password" autoComplete="new-password" />
        <button type="submit" className="button">
          {a.changePassword}
        </button>
      </Form>

      <h2>{a.twoFactorTitle}</h2>
      <p>{twoFactor.enabled ? a.twoFactorOn(twoFactor.recoveryCodesLeft) : a.twoFactorOff}</p>
      <p>
        <Link to="tweestapsverificatie">{twoFactor.enabled ? a.twoFactorManage : a.twoFactorSetUp}</Link>
      </p>

      <h2>{a.sessionsTitle}</h2>
      <p>{a.sessionsIntro}</p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{a.sessionsTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{a.columns.device}</th>
              <th scope="col">{a.columns.address}</th>
              <th scope="col">{a.columns.created}</th>
              <th scope="col">{a.columns.lastSeen}</th>
              <th scope="col">{a.columns.action}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => {
              const device = s.device?.replace(' op ', lang === 'en' ? ' on ' : ' op ') ?? a.unknownDevice
              return (
                <tr key={s.id}>
                  <th scope="row">
                    {device}
                    {s.current ? <strong> ({a.thisSession})</strong> : null}
                  </th>
                  <td>{s.ipSummary ?? '–'}</td>
                  <td>{formatDateTime(new Date(s.createdAt), ZONE, lang)}</td>
                  <td>{formatDateTime(new Date(s.lastSeenAt), ZONE, lang)}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="end-session" />
                      <input type="hidden" name="sessionId" value={s.id} />
                      <button type="submit" className="button button--secondary">
                        <ActionLabel
                          text={a.end}
                          object={`${device}, ${formatDateTime(new Date(s.createdAt), ZONE, lang)}`}
                        />
                      </button>
                    </Form>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {sessions.length > 1 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="end-others" />
          <button type="submit" className="button button--secondary">
            {a.endOthers}
          </button>
        </Form>
      ) : null}
    </div>
  )
}
