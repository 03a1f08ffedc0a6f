// The invitation link to choose a password (/activeren/<token>) is traded at once for a short HttpOnly cookie
// on /activeren, and the browser is sent to /activeren without the token (as ADR 004 does for personal links):
// the token never stays in the address bar, the history or a Referer. The cookie lasts 30 minutes.
import { createCookie } from '@remix-run/node'
import { cookieName, secureCookies } from '~/utils/cookie-names.server'

export const ACTIVATION_PATH = '/activeren'

function activationCookie() {
  return createCookie(cookieName('bijeen_activation', 'path'), {
    httpOnly: true,
    sameSite: 'lax',
    path: ACTIVATION_PATH,
    secure: secureCookies(),
    maxAge: 30 * 60,
  })
}

export const activationCookieHeader = (token: string) => activationCookie().serialize(token)
export const clearActivationCookie = () => activationCookie().serialize('', { maxAge: 0 })

export async function readActivationToken(request: Request): Promise<string | null> {
  const value: unknown = await activationCookie().parse(request.headers.get('cookie'))
  return typeof value === 'string' && value.length === 43 ? value : null
}
