// Test helpers for the speaker's portal: speaker links made with the personal-link model (the secretariat's
// invitation flow lives elsewhere), and the secretariat's proposal put in place through the state machine.
import { transition } from '~/domain/statement'
import { createPersonalLink } from '~/models/personal-link.server'
import { db } from '~/utils/db.server'
import { hashToken } from '~/utils/tokens.server'

export async function speakerLink(
  speakerId: string,
  eventId: string | null,
  options: { delegate?: boolean; expiresAt?: Date } = {},
) {
  const token = await createPersonalLink({
    kind: 'speaker',
    subjectId: speakerId,
    eventId,
    expiresAt: options.expiresAt ?? new Date(Date.now() + 30 * 24 * 3600 * 1000),
  })
  if (options.delegate) {
    await db.personalLink.update({ where: { tokenHash: hashToken(token) }, data: { delegate: true } })
  }
  return token
}

/** The secretariat proposes `text` (its own edit) for authorisation, as the review step does. */
export async function propose(statementId: string, text: string, authorName = 'Secretariaat') {
  const statement = await db.statement.findUniqueOrThrow({ where: { id: statementId } })
  const step = transition(statement.status, 'propose', 'secretariat')
  if (!step.ok) throw new Error(`cannot propose: ${step.refusal}`)
  const version = await db.statementVersion.create({
    data: { statementId, text, language: 'nl', authorKind: 'secretariat', authorName },
  })
  await db.statement.update({ where: { id: statementId }, data: { status: step.to, proposedVersionId: version.id } })
  return version
}
