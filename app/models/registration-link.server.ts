// Mailing someone a new link to their registration: after a second registration attempt with the same
// address (the form only says "we sent the link to this address", so it reveals nothing to a stranger) and
// from the invitation page. At most one such mail per registration per 10 minutes, so the form cannot be
// used to flood someone's inbox.
import { mailQueued, prepareMail, queueMails } from '~/mail/outbox.server'
import { db } from '~/utils/db.server'
import { sqlDriver } from '~/utils/sql-driver.server'
import { randomToken } from '~/utils/tokens.server'
import { registrantMail } from './event-mail.server'
import { audit } from './audit.server'
import { addManageLink, manageUrlOf } from './registration.server'

const RESEND_WINDOW_MS = 10 * 60 * 1000
/** As register(): a registration's personal links stay usable until 30 days after the event. */

export type ManageLinkMailResult = 'queued' | 'throttled' | 'not-found'

const keyPrefix = (registrationId: string) => `registration-link:${registrationId}:`

/**
 * Queues a `registration-link` mail with a new personal link to an active registration. The idempotency key
 * carries the 10-minute window, so two simultaneous requests queue one mail (and one link) between them.
 */
export async function mailManageLink(registrationId: string, now = new Date()): Promise<ManageLinkMailResult> {
  const registration = await db.registration.findUnique({ where: { id: registrationId }, include: { event: true } })
  if (!registration || registration.activeKey === null) return 'not-found'
  const recent = await db.outboxMessage.findFirst({
    where: {
      idempotencyKey: { startsWith: keyPrefix(registrationId) },
      createdAt: { gt: new Date(now.getTime() - RESEND_WINDOW_MS) },
    },
    select: { id: true },
  })
  if (recent) return 'throttled'

  const { event } = registration
  const token = randomToken()
  const { base, ...to } = await registrantMail(registration, event)
  const mail = await prepareMail('registration-link', { ...to, props: { ...base, manageUrl: manageUrlOf(token) } })
  const window = Math.floor(now.getTime() / RESEND_WINDOW_MS)
  const outcome = await sqlDriver().write(function* () {
    const queued = yield* queueMails([
      { ...mail, idempotencyKey: `${keyPrefix(registrationId)}${window}`, eventId: event.id },
    ])
    if (!queued.length) return 'throttled' as const
    yield* addManageLink(registrationId, event, token)
    return 'queued' as const
  })
  if (outcome === 'queued') {
    mailQueued()
    await audit({
      actorLabel: registration.invitationId ? 'invitee' : 'public',
      action: 'registration.link-mailed',
      entity: 'Registration',
      entityId: registrationId,
      details: { eventId: event.id },
    })
  }
  return outcome
}
