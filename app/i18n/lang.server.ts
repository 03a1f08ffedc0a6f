import { createCookie } from '@remix-run/node'
import { isLang, type Lang } from './index'

export const langCookie = createCookie('bijeen_lang', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 31_536_000,
})

/** The page language: ?lang= wins (shareable links), then the cookie, then Dutch. */
export async function getLang(request: Request): Promise<Lang> {
  const fromQuery = new URL(request.url).searchParams.get('lang')
  if (isLang(fromQuery)) return fromQuery
  const fromCookie: unknown = await langCookie.parse(request.headers.get('cookie'))
  return isLang(fromCookie) ? fromCookie : 'nl'
}
