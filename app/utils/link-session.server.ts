// Link sessions for people without an account (invitees, registrants, speakers). A personal link
// `/<base>/<token>` is traded at once for a short HttpOnly cookie named after the link, and the browser is sent
// to `/<base>/<linkId>`: the token never stays in the address bar, the history or a Referer (ADR 004). The link
// id is no secret; without the cookie it opens nothing.
//
// The cookie's path is `/<base>` (all of `/aanmelding`, say), not the page's own path: Remix's client-side data
// requests go to `/<base>/<linkId>.data`, which a narrower path would not cover. So the pages behind a link
// work as ordinary Remix pages, with or without JavaScript; no form needs a full document reload.
import { createCookie, redirectDocument, type HeadersFunction } from '@remix-run/node'
import type { PersonalLinkKind } from '~/generated/prisma/enums'
import { isLang, type Lang } from '~/i18n'
import { linkLangCookie } from '~/i18n/lang.server'
import { db } from './db.server'
import { cookieName, secureCookies } from './cookie-names.server'
import { hashToken } from './tokens.server'

/** The kinds of link that open pages (a session); the feed kinds are read-only tokens in a calendar URL. */
export type LinkSessionKind = Extract<PersonalLinkKind, 'invitation' | 'registration' | 'speaker' | 'report'>
export type FeedLinkKind = Extract<PersonalLinkKind, 'registration_feed' | 'speaker_feed'>

/** Where each kind of link lives: `/<base>/<token>` in the mail, `/<base>/<linkId>` in the browser. */
export const LINK_BASE: Record<LinkSessionKind, string> = {
  invitation: '/uitnodiging',
  registration: '/aanmelding',
  speaker: '/spreker',
  report: '/verslag',
}

/**
 * Every answer behind a personal link: never cached, and the address is passed on to no one. With
 * `no-referrer` the browser posts the page's own forms with `Origin: null`; the request guard accepts those by
 * their `Sec-Fetch-Site: same-origin` (app/server/request-guard.ts).
 */
export const PRIVATE_HEADERS = { 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer' } as const

/** The `headers` export of every page behind a personal link (the session's Set-Cookie is kept by Remix). */
export const linkPageHeaders: HeadersFunction = () => PRIVATE_HEADERS

export type LinkProblem = 'unknown' | 'expired' | 'revoked'
export type ResolvedLink =
  { ok: true; subjectId: string; eventId: string | null; linkId: string } | { ok: false; problem: LinkProblem }

// A token has a fixed shape (256 bits, base64url); anything else is not looked up at all.
const tokenShape = /^[A-Za-z0-9_-]{43}$/
// A link id is a cuid (or a shorter id made in raw SQL); a token never matches this.
const linkIdShape = /^[a-z0-9]{1,40}$/

export function looksLikeToken(value: string) {
  return tokenShape.test(value)
}

/** The link behind a token of this kind, or why it does not work. */
export async function resolvePersonalLink(
  kind: PersonalLinkKind,
  token: string,
  now = new Date(),
): Promise<ResolvedLink> {
  if (!tokenShape.test(token)) return { ok: false, problem: 'unknown' }
  const link = await db.personalLink.findUnique({ where: { tokenHash: hashToken(token) } })
  if (!link || link.kind !== kind) return { ok: false, problem: 'unknown' }
  if (link.revokedAt) return { ok: false, problem: 'revoked' }
  if (link.expiresAt <= now) return { ok: false, problem: 'expired' }
  return { ok: true, subjectId: link.subjectId, eventId: link.eventId, linkId: link.id }
}

/**
 * An answer for a link that does not work: 404 for unknown, 410 Gone for expired or revoked, 401 when the
 * short link session (cookie) is missing or over — the root error page explains each in plain words.
 */
export function linkProblemResponse(problem: LinkProblem | 'no-session') {
  const headers = PRIVATE_HEADERS
  if (problem === 'no-session') {
    return new Response('Link session', { status: 401, statusText: 'Link session', headers })
  }
  return new Response(problem === 'unknown' ? 'Not found' : 'Gone', {
    status: problem === 'unknown' ? 404 : 410,
    headers,
  })
}

const LINK_SESSION_SECONDS = 2 * 3600

function linkCookie(kind: LinkSessionKind, linkId: string) {
  // Scoped to its path, so `__Secure-` rather than `__Host-` over https (app/utils/cookie-names.server.ts).
  return createCookie(cookieName(`bijeen_link_${linkId}`, 'path'), {
    httpOnly: true,
    sameSite: 'lax',
    path: LINK_BASE[kind],
    secure: secureCookies(),
    maxAge: LINK_SESSION_SECONDS,
  })
}

/** The page behind a link in the browser: `/<base>/<linkId>` plus `suffix` (a query string, say). */
export function linkPagePath(kind: LinkSessionKind, linkId: string, suffix = '') {
  return `${LINK_BASE[kind]}/${linkId}${suffix}`
}

/**
 * The cookie and 303 to `/<base>/<linkId><suffix>` for a link whose token is in hand: one just created (a
 * registration's manage link), or one just checked by `requireLinkSession`.
 */
export async function startLinkSession(
  kind: LinkSessionKind,
  link: { linkId: string; token: string },
  suffix = '',
): Promise<Response> {
  const headers = new Headers({
    Location: linkPagePath(kind, link.linkId, suffix),
    'Cache-Control': 'no-store',
    // The request came to the token's address; nothing after it may learn that address.
    'Referrer-Policy': 'no-referrer',
  })
  headers.append('Set-Cookie', await linkCookie(kind, link.linkId).serialize(link.token))
  // The pages open in the person's own language (an English contact with a Dutch browser reads English);
  // the language switch still overrides it.
  const language = await languageOfLink(kind, link.linkId)
  if (language) {
    const cookie = linkLangCookie(LINK_BASE[kind], LINK_SESSION_SECONDS, secureCookies())
    headers.append('Set-Cookie', await cookie.serialize(language))
  }
  return new Response(null, { status: 303, headers })
}

/** The language of the person behind a link: the invitee's contact, the registrant, the speaker. */
async function languageOfLink(kind: LinkSessionKind, linkId: string): Promise<Lang | null> {
  const link = await db.personalLink.findUnique({ where: { id: linkId }, select: { subjectId: true } })
  if (!link) return null
  const id = link.subjectId
  const language =
    kind === 'invitation'
      ? (await db.invitation.findUnique({ where: { id }, select: { contact: { select: { language: true } } } }))
          ?.contact.language
      : kind === 'registration'
        ? (await db.registration.findUnique({ where: { id }, select: { language: true } }))?.language
        : (await db.speaker.findUnique({ where: { id }, select: { language: true } }))?.language
  return isLang(language) ? language : null
}

export type LinkSession = {
  subjectId: string
  eventId: string | null
  linkId: string
  /** `/<base>/<linkId>`: where the page's own redirects go. */
  path: string
  /** The private headers and a Set-Cookie that extends the session: send them with every answer. */
  headers: Record<string, string>
}

/**
 * The session behind `/<base>/<param>` for a link of `kind`, or a thrown response:
 * - `param` is a token (the link from the mail) and this is a GET: the token is traded for the cookie and a
 *   303 to `/<base>/<linkId>`;
 * - the link is unknown (404), expired or revoked (410), or the cookie is missing or over (401).
 */
export async function requireLinkSession(request: Request, kind: LinkSessionKind, param: string): Promise<LinkSession> {
  if (looksLikeToken(param)) {
    // Only the mail's link carries a token; nothing is ever posted to it.
    if (request.method !== 'GET' && request.method !== 'HEAD') throw linkProblemResponse('unknown')
    const link = await resolvePersonalLink(kind, param)
    if (!link.ok) throw linkProblemResponse(link.problem)
    await db.personalLink.update({ where: { id: link.linkId }, data: { lastUsedAt: new Date() } })
    throw await startLinkSession(kind, { linkId: link.linkId, token: param })
  }
  const cookie = linkCookie(kind, param)
  const token: unknown = await cookie.parse(request.headers.get('cookie'))
  if (typeof token !== 'string' || !token) {
    // An address that never was a link of this kind is "not found", not "open your link again".
    const exists = linkIdShape.test(param)
      ? (await db.personalLink.findUnique({ where: { id: param }, select: { kind: true } }))?.kind === kind
      : false
    // A client-side data request without the cookie (a stale tab): let the browser load the page itself, so
    // the person sees the plain "open your link again" page rather than a broken one.
    if (exists && request.method === 'GET' && request.headers.get('sec-fetch-dest') === 'empty') {
      const url = new URL(request.url)
      url.searchParams.delete('_routes')
      url.searchParams.delete('index')
      throw redirectDocument(url.pathname.replace(/\.data$/, '') + url.search)
    }
    throw linkProblemResponse(exists ? 'no-session' : 'unknown')
  }
  const link = await resolvePersonalLink(kind, token)
  if (!link.ok) throw linkProblemResponse(link.problem)
  if (link.linkId !== param) throw linkProblemResponse('unknown')
  return {
    subjectId: link.subjectId,
    eventId: link.eventId,
    linkId: link.linkId,
    path: linkPagePath(kind, link.linkId),
    headers: { ...PRIVATE_HEADERS, 'Set-Cookie': await cookie.serialize(token) },
  }
}

/** A calendar feed's link (`/<base>/<token>/agenda.ics`): a read-only token, since feeds carry no cookies. */
export async function requireFeedLink(kind: FeedLinkKind, token: string) {
  const link = await resolvePersonalLink(kind, token)
  if (!link.ok) throw linkProblemResponse(link.problem)
  return link
}
