// The dev mailbox: where mail goes when no SMTP relay is configured, so that a newcomer sees every mail
// the app sends, exactly as it would arrive (the stored message is nodemailer's real MIME output).
import { simpleParser } from 'mailparser'
import { enqueue, prepareMail } from '~/mail/outbox.server'
import { db } from '~/utils/db.server'
import { randomToken } from '~/utils/tokens.server'
import { audit } from './audit.server'

const PAGE_SIZE = 50

export async function listDevMails(page = 1) {
  const [mails, total] = await Promise.all([
    db.devMail.findMany({
      orderBy: { receivedAt: 'desc' },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, to: true, subject: true, receivedAt: true },
    }),
    db.devMail.count(),
  ])
  return { mails, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) }
}

export async function outboxSummary() {
  const groups = await db.outboxMessage.groupBy({ by: ['status'], _count: { _all: true } })
  const count = (status: string) => groups.find((g) => g.status === status)?._count._all ?? 0
  return {
    queued: count('queued') + count('retry'),
    sending: count('sending'),
    sent: count('sent'),
    failed: count('failed'),
  }
}

export async function getDevMail(id: string) {
  const mail = await db.devMail.findUnique({ where: { id } })
  if (!mail) return null
  const parsed = await simpleParser(mail.raw)
  const headers = [...parsed.headerLines].map((h) => {
    const colon = h.line.indexOf(':')
    return { name: h.line.slice(0, colon), value: h.line.slice(colon + 1).trim() }
  })
  return {
    id: mail.id,
    to: mail.to,
    subject: mail.subject,
    receivedAt: mail.receivedAt,
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : null,
    headers,
    attachments: parsed.attachments.map((a, index) => ({
      index,
      filename: a.filename ?? `bijlage-${index + 1}`,
      contentType: a.contentType,
      size: a.size,
      cid: a.cid ?? null,
      method: (a.headers.get('content-type') as { params?: { method?: string } } | undefined)?.params?.method ?? null,
      content: a.content,
    })),
  }
}

/** The HTML part with cid: images inlined as data: URLs, for display in a sandboxed frame. */
export async function devMailHtml(id: string) {
  const mail = await getDevMail(id)
  if (!mail?.html) return null
  let html = mail.html
  for (const a of mail.attachments) {
    if (a.cid) html = html.split(`cid:${a.cid}`).join(`data:${a.contentType};base64,${a.content.toString('base64')}`)
  }
  return html
}

/**
 * Queues a test mail to the signed-in user. `requestKey` comes from the form that was shown: submitting that
 * form twice (a double click, a retried request) queues one mail.
 */
export async function sendTestMail(
  user: { id: string; email: string; name: string },
  language: 'nl' | 'en',
  programmeName: string,
  requestKey: string,
) {
  const mail = await prepareMail('test', {
    to: user.email,
    toName: user.name,
    language,
    props: { lang: language, programmeName, recipientName: user.name, sentAt: new Date().toISOString() },
  })
  const queued = await enqueue([{ ...mail, idempotencyKey: `test:${user.id}:${requestKey}` }])
  if (queued.length === 1)
    await audit({ actorUserId: user.id, action: 'mail.test-sent', entity: 'OutboxMessage', entityId: queued[0]! })
  return queued.length === 1
}

export const newRequestKey = () => randomToken()
