// How mail leaves: nodemailer over SMTP (pooled, rate-limited, optionally DKIM-signed), or, when no SMTP is
// configured (the embedded default), into the dev mailbox: the real MIME message, stored in DevMail.
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer'
import { db } from '~/utils/db.server'
import { getEnv, smtpPort } from '~/utils/env.server'

export type OutgoingMail = SendMailOptions & { messageId: string; to: { name: string; address: string } }
export type SendResult = { response: string }

export interface MailTransport {
  readonly kind: 'smtp' | 'dev-mailbox'
  send(mail: OutgoingMail): Promise<SendResult>
  close(): void
}

export function createTransport(): MailTransport {
  const env = getEnv()
  if (!env.SMTP_URL && !env.SMTP_HOST) return devMailbox()
  const dkim =
    env.DKIM_DOMAIN && env.DKIM_SELECTOR && env.DKIM_PRIVATE_KEY
      ? {
          domainName: env.DKIM_DOMAIN,
          keySelector: env.DKIM_SELECTOR,
          privateKey: env.DKIM_PRIVATE_KEY.replace(/\\n/g, '\n'),
        }
      : undefined
  const pool = {
    pool: true as const,
    maxConnections: env.SMTP_MAX_CONNECTIONS,
    maxMessages: 500,
    // rateLimit: messages per second; 0 means unlimited.
    ...(env.SMTP_RATE_LIMIT > 0 ? { rateDelta: 1000, rateLimit: env.SMTP_RATE_LIMIT } : {}),
    ...(dkim ? { dkim } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  }
  const transporter: Transporter = env.SMTP_URL
    ? nodemailer.createTransport({ ...pool, url: env.SMTP_URL } as never)
    : nodemailer.createTransport({
        ...pool,
        host: env.SMTP_HOST,
        port: smtpPort(env),
        secure: env.SMTP_SECURE,
        auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? '' } : undefined,
      })
  return {
    kind: 'smtp',
    async send(mail) {
      const info = (await transporter.sendMail(mail)) as { response?: string }
      return { response: info.response ?? '250 OK' }
    },
    close: () => transporter.close(),
  }
}

function devMailbox(): MailTransport {
  // nodemailer builds the complete message (MIME parts, calendar part, headers) exactly as for SMTP.
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return {
    kind: 'dev-mailbox',
    async send(mail) {
      const info = (await builder.sendMail(mail)) as { message: Buffer }
      const stored = await db.devMail.create({
        data: {
          messageId: mail.messageId,
          to: mail.to.address,
          subject: String(mail.subject ?? ''),
          raw: info.message.toString('utf8'),
        },
      })
      return { response: `250 stored in the dev mailbox as ${stored.id}` }
    },
    close: () => builder.close(),
  }
}
