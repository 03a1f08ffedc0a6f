// Secretariat sessions, stored in the database. The cookie holds a random token; the database only
// its hash. A session ends when it is revoked (sign-out), after SESSION_IDLE_MINUTES without a request,
// or SESSION_ABSOLUTE_HOURS after sign-in, whichever comes first.
import { createCookie, redirect } from '@remix-run/node'
import type { Role } from '~/generated/prisma/enums'
import { cookieName, secureCookies } from './cookie-names.server'
import { db } from './db.server'
import { getEnv } from './env.server'
import { summariseClient } from './request.server'
import { hashToken, randomToken } from './tokens.server'

export type SessionUser = {
  id: string
  email: string
  name: string
  role: Role
  /** Whether the account has a confirmed second factor (TOTP). */
  twoFactor: boolean
  sessionId: string
  /** The notice waiting for the next page (app/utils/flash.server.ts), read with the session at no extra cost. */
  flash: string | null
}

function sessionCookie() {
  const env = getEnv()
  return createCookie(cookieName('bijeen_session', 'site'), {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: secureCookies(),
    maxAge: env.SESSION_ABSOLUTE_HOURS * 3600,
  })
}

// The device cookie (OWASP's device cookies, app/models/auth.server.ts): a browser that signed in to an account
// before is not locked out by wrong passwords from elsewhere. Only the sign-in form needs it.
function deviceCookie() {
  return createCookie(cookieName('bijeen_device', 'path'), {
    httpOnly: true,
    sameSite: 'lax',
    path: '/inloggen',
    secure: secureCookies(),
  })
}

export async function readDeviceToken(request: Request): Promise<string | null> {
  const value: unknown = await deviceCookie().parse(request.headers.get('cookie'))
  return typeof value === 'string' && value.length >= 32 ? value : null
}

export const deviceCookieHeader = (device: { token: string; expiresAt: Date }) =>
  deviceCookie().serialize(device.token, { expires: device.expiresAt })

async function readToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get('cookie'))
  return typeof value === 'string' && value.length >= 32 ? value : null
}

/** How long the step between a right password and the second factor may take. */
const SECOND_FACTOR_MINUTES = 10

/**
 * Starts a session for a user who just proved who they are. Any session that came with the request is
 * revoked first, so a session id planted before sign-in cannot be reused (rotation). With
 * `awaitingSecondFactor` the password was right but the code is still to come: that session opens nothing but
 * the code step at /inloggen, for ten minutes; the full session that follows gets a new token again.
 */
export async function createUserSession(
  request: Request,
  userId: string,
  options: { awaitingSecondFactor?: boolean } = {},
): Promise<string> {
  const env = getEnv()
  const previous = await readToken(request)
  if (previous) await revokeSessionToken(previous)
  const token = randomToken()
  const now = new Date()
  const pending = options.awaitingSecondFactor ?? false
  await db.session.create({
    data: {
      tokenHash: hashToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(
        now.getTime() + (pending ? SECOND_FACTOR_MINUTES * 60_000 : env.SESSION_ABSOLUTE_HOURS * 3600_000),
      ),
      awaitingSecondFactor: pending,
      ...summariseClient(request),
    },
  })
  if (!pending) await db.user.update({ where: { id: userId }, data: { lastLoginAt: now } })
  return sessionCookie().serialize(token)
}

/** The user whose password was right and whose second factor this browser is to give, or null. */
export async function getPendingSecondFactor(request: Request): Promise<{ userId: string; sessionId: string } | null> {
  const token = await readToken(request)
  if (!token) return null
  const session = await db.session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, awaitingSecondFactor: true, revokedAt: true, expiresAt: true, user: true },
  })
  if (!session?.awaitingSecondFactor || session.revokedAt || session.user.disabledAt) return null
  if (session.expiresAt <= new Date()) return null
  return { userId: session.userId, sessionId: session.id }
}

async function revokeSessionToken(token: string) {
  await db.session.updateMany({
    where: { tokenHash: hashToken(token), revokedAt: null },
    data: { revokedAt: new Date() },
  })
}

/** Returns the signed-in user, or null. Also slides the idle timeout (at most once a minute). */
export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const token = await readToken(request)
  if (!token) return null
  const env = getEnv()
  const now = new Date()
  const session = await db.session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: {
      user: { select: { id: true, email: true, name: true, role: true, disabledAt: true, totpSecret: true } },
    },
  })
  if (!session || session.revokedAt || session.awaitingSecondFactor || session.user.disabledAt) return null
  const idleDeadline = session.lastSeenAt.getTime() + env.SESSION_IDLE_MINUTES * 60_000
  if (session.expiresAt <= now || idleDeadline <= now.getTime()) return null
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: now } })
  }
  const { id, email, name, role } = session.user
  return {
    id,
    email,
    name,
    role,
    twoFactor: session.user.totpSecret !== null,
    sessionId: session.id,
    flash: session.flash,
  }
}

/** Revokes the request's session and returns the headers that clear the cookie. */
export async function logout(request: Request, redirectTo = '/inloggen') {
  const token = await readToken(request)
  if (token) await revokeSessionToken(token)
  return redirect(redirectTo, {
    headers: { 'Set-Cookie': await sessionCookie().serialize('', { maxAge: 0 }) },
  })
}
