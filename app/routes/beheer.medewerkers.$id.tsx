import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { SelectField } from '~/components/forms'
import { formatDateTime } from '~/domain/format'
import { metaTitle, useLang, useT } from '~/i18n'
import {
  changeRole,
  deactivateStaff,
  getStaffMember,
  reactivateStaff,
  resendInvitation,
  type StaffChangeOutcome,
} from '~/models/staff.server'
import { redirectWithNotice, takeNotice } from '~/utils/flash.server'
import { requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  metaTitle(matches, (t) => t.staff.member.title(data?.member.name ?? ''))

const ZONE = 'Europe/Amsterdam'
const ROLES = ['viewer', 'organiser', 'admin'] as const

const actionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('role'), role: z.enum(ROLES) }),
  z.object({ intent: z.literal('deactivate') }),
  z.object({ intent: z.literal('reactivate') }),
  z.object({ intent: z.literal('resend') }),
])

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'manage-users')
  const member = await getStaffMember(params.id ?? '')
  if (!member) throw new Response('Not found', { status: 404 })
  return { member, notice: await takeNotice(user, request), now: Date.now() }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'manage-users')
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) throw new Response('Bad request', { status: 400 })
  const id = params.id ?? ''
  const input = parsed.data
  let outcome: StaffChangeOutcome
  let notice: string
  switch (input.intent) {
    case 'role':
      outcome = await changeRole(id, input.role, user)
      notice = 'role'
      break
    case 'deactivate':
      outcome = await deactivateStaff(id, user)
      notice = 'deactivated'
      break
    case 'reactivate':
      outcome = await reactivateStaff(id, user)
      notice = 'reactivated'
      break
    case 'resend':
      outcome = await resendInvitation(id, user)
      notice = 'reinvited'
      break
  }
  if (outcome.kind === 'not-found') throw new Response('Not found', { status: 404 })
  if (outcome.kind === 'last-admin' || outcome.kind === 'not-invited') {
    return data({ problem: outcome.kind }, { status: 409 })
  }
  // Someone who deactivated or demoted themselves has no page here any more: their next request says so.
  return redirectWithNotice(user, `/beheer/medewerkers/${id}`, 'saved', notice)
}

export default function StaffMemberPage() {
  const t = useT()
  const lang = useLang()
  const m = t.staff.member
  const { member, notice, now } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const expires = member.invitationExpiresAt ? new Date(member.invitationExpiresAt) : null
  return (
    <div className="narrow">
      <p>
        <Link to="/beheer/medewerkers">{m.back}</Link>
      </p>
      {notice?.name === 'saved' && notice.value && m.notices[notice.value] ? (
        <p role="status" className="notice">
          {m.notices[notice.value]}
        </p>
      ) : null}
      {actionData?.problem ? (
        <div className="error-summary" role="alert">
          <p>{actionData.problem === 'last-admin' ? m.lastAdmin : m.notInvited}</p>
        </div>
      ) : null}
      <h1>{m.title(member.name)}</h1>
      <h2>{m.details}</h2>
      <dl className="details">
        <dt>{t.staff.list.columns.email}</dt>
        <dd>{member.email}</dd>
        <dt>{t.staff.list.columns.role}</dt>
        <dd>{t.roles[member.role]}</dd>
        <dt>{t.staff.list.columns.twoFactor}</dt>
        <dd>{member.twoFactor ? t.staff.list.on : t.staff.list.off}</dd>
        <dt>{t.staff.list.columns.lastSignIn}</dt>
        <dd>{member.lastLoginAt ? formatDateTime(new Date(member.lastLoginAt), ZONE, lang) : t.staff.list.never}</dd>
        <dt>{t.staff.list.columns.status}</dt>
        <dd>{t.staff.list.status[member.status]}</dd>
      </dl>

      <h2>{m.roleTitle}</h2>
      <Form method="post">
        <input type="hidden" name="intent" value="role" />
        <SelectField
          label={t.staff.list.columns.role}
          hint={m.roleHint}
          selectProps={{ id: 'role', name: 'role', defaultValue: member.role }}
          options={ROLES.map((r) => ({ value: r, label: t.roles[r] }))}
        />
        <button type="submit" className="button">
          {m.roleSubmit}
        </button>
      </Form>

      <h2>{m.accessTitle}</h2>
      {member.status === 'invited' ? (
        <Form method="post">
          <p>
            {expires && expires.getTime() > now
              ? m.invitedUntil(formatDateTime(expires, ZONE, lang))
              : m.invitationExpired}
          </p>
          <p className="muted">{m.resendHint}</p>
          <input type="hidden" name="intent" value="resend" />
          <button type="submit" className="button button--secondary">
            {m.resend}
          </button>
        </Form>
      ) : null}
      {member.status === 'deactivated' ? (
        <Form method="post">
          <input type="hidden" name="intent" value="reactivate" />
          <button type="submit" className="button">
            {m.reactivate}
          </button>
        </Form>
      ) : (
        <Form method="post">
          <p className="muted">{m.deactivateHint}</p>
          <input type="hidden" name="intent" value="deactivate" />
          <button type="submit" className="button button--secondary">
            {m.deactivate}
          </button>
        </Form>
      )}
    </div>
  )
}
