// Cookie names and the Secure flag. Served over https (APP_URL), every cookie is Secure and carries a prefix
// that browsers enforce: `__Host-` for a cookie on the whole site (Secure, Path=/, no Domain: no subdomain or
// plain-http page can set or overwrite it), and `__Secure-` for a cookie scoped to a path (a link session on
// `/aanmelding`, the device cookie on `/inloggen`), because `__Host-` requires Path=/. Over plain http (local
// development) the names have no prefix, since browsers refuse prefixed cookies without Secure.
import { getEnv } from './env.server'

export const secureCookies = () => getEnv().APP_URL.startsWith('https:')

export function cookieName(name: string, scope: 'site' | 'path') {
  if (!secureCookies()) return name
  return `${scope === 'site' ? '__Host-' : '__Secure-'}${name}`
}
