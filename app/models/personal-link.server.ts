// Personal links for people without an account (invitees, registrants, speakers): a 256-bit token in the
// URL, only its SHA-256 in the database, with an expiry and a revocation (docs/decisions/004). Opening one
// (the token for a cookie) is app/utils/link-session.server.ts.
import type { PersonalLinkKind } from '~/generated/prisma/enums'
import type { Db } from '~/utils/db.server'
import { db } from '~/utils/db.server'
import { hashToken, randomToken } from '~/utils/tokens.server'

type Tx = Pick<Db, 'personalLink'>

export async function createPersonalLink(
  input: {
    kind: PersonalLinkKind
    subjectId: string
    eventId?: string | null
    expiresAt: Date
    /** A speaker link sent to the speaker's delegate. */
    delegate?: boolean
    /** A token drawn earlier with randomToken (a mail rendered before the transaction holds it). */
    token?: string
  },
  tx: Tx = db,
): Promise<string> {
  const token = input.token ?? randomToken()
  await tx.personalLink.create({
    data: {
      kind: input.kind,
      subjectId: input.subjectId,
      eventId: input.eventId ?? null,
      expiresAt: input.expiresAt,
      delegate: input.delegate ?? false,
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

export async function revokePersonalLinks(kind: PersonalLinkKind, subjectId: string, tx: Tx = db) {
  const result = await tx.personalLink.updateMany({
    where: { kind, subjectId, revokedAt: null },
    data: { revokedAt: new Date() },
  })
  return result.count
}
