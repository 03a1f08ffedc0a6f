// Personal links for people without an account (invitees, registrants, speakers): a 256-bit token in the
// URL, only its SHA-256 in the database, with an expiry and a revocation (docs/decisions/004).
import type { PersonalLinkKind } from '~/generated/prisma/enums'
import type { Db } from '~/utils/db.server'
import { db } from '~/utils/db.server'
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

/** An answer for a link that does not work: 404 for unknown, 410 Gone for expired or revoked. */
export function linkProblemResponse(problem: LinkProblem) {
  return new Response(problem === 'unknown' ? 'Not found' : 'Gone', { status: problem === 'unknown' ? 404 : 410 })
}
