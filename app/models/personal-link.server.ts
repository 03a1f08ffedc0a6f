// Personal links for people without an account (invitees, registrants, speakers): a 256-bit token in the
// URL, only its SHA-256 in the database, with an expiry and a revocation (docs/decisions/004).
import { createCookie } from '@remix-run/node'
import type { PersonalLinkKind } from '~/generated/prisma/enums'
import type { Db } from '~/utils/db.server'
import { db } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { hashToken, randomToken } from '~/utils/tokens.server'

type Tx = Pick<Db, 'personalLink'>

export async function createPersonalLink(
  input: { kind: PersonalLinkKind; subjectId: string; eventId?: string | null; expiresAt: Date },
  tx: Tx = db,
): Promise<string> {
  const token = randomToken()
  await tx.personalLink.create({
    data: {
      kind: input.kind,
      subjectId: input.subjectId,
      eventId: input.eventId ?? null,
      expiresAt: input.expiresAt,
      tokenHash: hashToken(token),
    },
  })
  return token
}

/** A registrant's links (manage, calendar) keep working this long after the event: to look back or download. */
const REGISTRANT_LINK_DAYS = 30

/** When a registrant's links expire; invitation links expire at the event's end itself. */
export function registrantLinkExpiry(event: { endsAt: Date }) {
  return new Date(event.endsAt.getTime() + REGISTRANT_LINK_DAYS * 24 * 3600 * 1000)
}

export type LinkProblem = 'unknown' | 'expired' | 'revoked'
export type ResolvedLink =
  { ok: true; subjectId: string; eventId: string | null; linkId: string } | { ok: false; problem: LinkProblem }

// A token has a fixed shape; anything else is not looked up at all.
const tokenShape = /^[A-Za-z0-9_-]{43}$/

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

export async function revokePersonalLinks(kind: PersonalLinkKind, subjectId: string, tx: Tx = db) {
  const result = await tx.personalLink.updateMany({
    where: { kind, subjectId, revokedAt: null },
    data: { revokedAt: new Date() },
  })
  return result.count
}

/**
 * An answer for a link that does not work: 404 for unknown, 410 Gone for expired or revoked, 401 when the
 * short link session (cookie) is missing or over — the root error page explains each in plain words.
 */
export function linkProblemResponse(problem: LinkProblem | 'no-session') {
  if (problem === 'no-session') return new Response('Link session', { status: 401, statusText: 'Link session' })
  return new Response(problem === 'unknown' ? 'Not found' : 'Gone', { status: problem === 'unknown' ? 404 : 410 })
}

// ─── Link sessions: the token leaves the URL at once ───────────────────────────────────────────────────────
//
// A personal link `/<base>/<token>` is exchanged for a short-lived HttpOnly cookie named after the link, and the
// browser is sent to `/<base>/<linkId>` (DESIGN §4): the token never stays in the address bar, history or a
// Referer. The link id is not a secret; without the cookie it opens nothing. The cookie's path is `/<base>`, not
// the page's own path: Remix loads data from `/<base>/<linkId>.data`, which a narrower path would not cover.

const LINK_SESSION_SECONDS = 2 * 3600

export function looksLikeToken(value: string) {
  return tokenShape.test(value)
}

function linkCookie(linkId: string, path: string) {
  return createCookie(`bijeen_link_${linkId}`, {
    httpOnly: true,
    sameSite: 'lax',
    path,
    secure: getEnv().APP_URL.startsWith('https:'),
    maxAge: LINK_SESSION_SECONDS,
  })
}

/**
 * Turns `/<base>/<token>` into a cookie and a 303 to `/<base>/<linkId>` (plus `suffix`, e.g. a query string).
 * Gives the problem when the link is unknown, expired or revoked.
 */
export async function exchangeLinkToken(
  kind: PersonalLinkKind,
  token: string,
  base: string,
  suffix = '',
): Promise<{ ok: true; response: Response } | { ok: false; problem: LinkProblem }> {
  const link = await resolvePersonalLink(kind, token)
  if (!link.ok) return link
  await db.personalLink.update({ where: { id: link.linkId }, data: { lastUsedAt: new Date() } })
  return { ok: true, response: await linkSessionRedirect(link.linkId, token, base, suffix) }
}

/** The cookie and 303 for a link just created (its id is known, so nothing needs looking up). */
export async function linkSessionRedirect(linkId: string, token: string, base: string, suffix = '') {
  return new Response(null, {
    status: 303,
    headers: {
      Location: `${base}/${linkId}${suffix}`,
      'Set-Cookie': await linkCookie(linkId, base).serialize(token),
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    },
  })
}

export type LinkSession =
  | { ok: true; subjectId: string; eventId: string | null; linkId: string; refresh: string }
  | { ok: false; problem: LinkProblem | 'no-session' }

/**
 * The link behind `/<base>/<linkId>`, read from its cookie. `refresh` is a Set-Cookie value that extends the
 * session; send it with pages the person keeps using.
 */
export async function readLinkSession(
  request: Request,
  kind: PersonalLinkKind,
  linkId: string,
  base: string,
): Promise<LinkSession> {
  const cookie = linkCookie(linkId, base)
  const token: unknown = await cookie.parse(request.headers.get('cookie'))
  if (typeof token !== 'string' || !token) {
    // An address that never was a link of this kind is "not found", not "open your link again".
    const exists = /^[a-z0-9]{1,40}$/.test(linkId)
      ? (await db.personalLink.findUnique({ where: { id: linkId }, select: { kind: true } }))?.kind === kind
      : false
    return { ok: false, problem: exists ? 'no-session' : 'unknown' }
  }
  const link = await resolvePersonalLink(kind, token)
  if (!link.ok) return link
  if (link.linkId !== linkId) return { ok: false, problem: 'unknown' }
  return { ...link, refresh: await cookie.serialize(token) }
}
