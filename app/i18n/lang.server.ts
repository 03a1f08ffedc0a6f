import { createCookie } from '@remix-run/node'
import { cookieName, secureCookies } from '~/utils/cookie-names.server'
import { isLang, type Lang } from './index'

const cookie = () =>
  createCookie(cookieName('bijeen_lang', 'site'), {
    path: '/',
    sameSite: 'lax',
    httpOnly: true,
    secure: secureCookies(),
    maxAge: 31_536_000,
  })

/** The language someone chose with the switch: it wins everywhere, for a year. Its name and Secure flag follow APP_URL (app/utils/cookie-names.server.ts). */
export const langCookie = {
  parse: (header: string | null) => cookie().parse(header),
  serialize: (value: string) => cookie().serialize(value),
}

/**
 * The language of the person a personal link belongs to (their contact's or registration's language), set when
 * the link opens, for that link's pages only (the cookie's path) and as long as its session. A default, not a
 * choice: the switch still sets `bijeen_lang`, which wins.
 */
export const linkLangCookie = (path: string, maxAgeSeconds: number, secure: boolean) =>
  // Scoped to a path: `__Secure-` over https, not `__Host-` (app/utils/cookie-names.server.ts).
  createCookie(cookieName('bijeen_link_lang', 'path'), {
    path,
    sameSite: 'lax',
    httpOnly: true,
    maxAge: maxAgeSeconds,
    secure,
  })

/** The first of our languages in an Accept-Language header, by preference (q), or null when it names neither. */
export function langFromAcceptLanguage(header: string | null | undefined): Lang | null {
  if (!header) return null
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/i.exec(p)?.[1]).find(Boolean)
      return { lang: tag.trim().toLowerCase().split('-')[0]!, q: q === undefined ? 1 : Number(q), index }
    })
    .filter((r) => r.q > 0 && Number.isFinite(r.q))
    .sort((a, b) => b.q - a.q || a.index - b.index)
  return ranked.map((r) => r.lang).find(isLang) ?? null
}

/**
 * The page language: ?lang= wins (shareable links), then the switch's cookie, then the language of the person
 * whose link this is, then the browser's Accept-Language, then Dutch.
 */
export async function langOf(
  query: URLSearchParams,
  cookieHeader: string | null | undefined,
  acceptLanguage: string | null | undefined,
): Promise<Lang> {
  const fromQuery = query.get('lang')
  if (isLang(fromQuery)) return fromQuery
  if (cookieHeader) {
    const chosen: unknown = await langCookie.parse(cookieHeader)
    if (isLang(chosen)) return chosen
    const ofLink: unknown = await linkLangCookie('/', 0, false).parse(cookieHeader)
    if (isLang(ofLink)) return ofLink
  }
  return langFromAcceptLanguage(acceptLanguage) ?? 'nl'
}

export async function getLang(request: Request): Promise<Lang> {
  return langOf(
    new URL(request.url).searchParams,
    request.headers.get('cookie'),
    request.headers.get('accept-language'),
  )
}
