// Typed permission helpers. Every /beheer loader and action starts with one of these.
import { redirect } from '@remix-run/node'
import type { Role } from '~/generated/prisma/enums'
import { getSessionUser, type SessionUser } from './session.server'

// What each role may do. Higher roles include the lower ones.
const rank: Record<Role, number> = { viewer: 1, organiser: 2, admin: 3 }

export type Permission =
  | 'read' // see events, agenda, speakers, registrations (without sensitive columns)
  | 'edit' // change events, agenda, speakers, invitations, registrations
  | 'read-sensitive' // dietary and accessibility needs
  | 'manage-users' // secretariat accounts and roles

const required: Record<Permission, Role> = {
  read: 'viewer',
  edit: 'organiser',
  'read-sensitive': 'organiser',
  'manage-users': 'admin',
}

export function can(user: Pick<SessionUser, 'role'>, permission: Permission): boolean {
  return rank[user.role] >= rank[required[permission]]
}

/** Where an administrator without a second factor is sent first (issue 15: 2FA is required for admin). */
export const ENROL_PATH = '/beheer/account/tweestapsverificatie'

/**
 * The signed-in user, or a redirect to the sign-in page that comes back here afterwards. An administrator
 * without a second factor reaches no page but the enrolment (every /beheer loader and action comes through
 * here, so the rule holds for all of them, also right after someone was made admin).
 */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request)
  const url = new URL(request.url)
  if (!user) {
    const back = url.pathname + url.search
    throw redirect(`/inloggen?redirectTo=${encodeURIComponent(back)}`)
  }
  if (user.role === 'admin' && !user.twoFactor && url.pathname.replace(/\.data$/, '') !== ENROL_PATH) {
    throw redirect(ENROL_PATH)
  }
  return user
}

/** The signed-in user if they hold the permission; otherwise a 403 response. */
export async function requirePermission(request: Request, permission: Permission): Promise<SessionUser> {
  return requireUserWithRole(request, required[permission])
}

/** The signed-in user if their role is at least `role`; otherwise a 403 response. */
export async function requireUserWithRole(request: Request, role: Role): Promise<SessionUser> {
  const user = await requireUser(request)
  if (rank[user.role] < rank[role]) throw new Response('Forbidden', { status: 403, statusText: 'Forbidden' })
  return user
}
