// A real SMTP server in the test process (smtp-server) that parses what arrives (mailparser).
// It can answer with failures, to test retries (421) and permanent errors (550).
import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { recordTokens, unfoldMail } from './run-log.ts'

export type ReceivedMail = {
  raw: string
  messageId: string
  parsed: ParsedMail | null
  envelope: { from: string; to: string[] }
}

export type SmtpSink = {
  port: number
  url: string
  messages: ReceivedMail[]
  /** Answer the next `times` messages with this SMTP code and text instead of accepting them. */
  failNext: (times: number, code: number, message: string) => void
  waitFor: (count: number, timeoutMs?: number) => Promise<ReceivedMail[]>
  /** The first mail to `email` whose subject matches, waiting up to 30 s; `context` adds to the failure (a log). */
  mailTo: (email: string, subject: RegExp, context?: () => string) => Promise<ReceivedMail>
  close: () => Promise<void>
}

/** `parse: false` keeps only the raw message and its Message-ID: for tests that receive thousands. */
export async function startSmtpSink(options: { parse?: boolean } = {}): Promise<SmtpSink> {
  const parse = options.parse ?? true
  const messages: ReceivedMail[] = []
  const failures: Array<{ code: number; message: string }> = []
  const waiters: Array<() => void> = []

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 25 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const failure = failures.shift()
        if (failure) {
          const error = Object.assign(new Error(failure.message), { responseCode: failure.code })
          callback(error)
          return
        }
        const raw = Buffer.concat(chunks).toString('utf8')
        // The links this mail carries, for the whole browser run's log check (tests/support/run-log.ts).
        recordTokens(unfoldMail(raw))
        const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? ''
        ;(parse ? simpleParser(raw) : Promise.resolve(null))
          .then((parsed) => {
            if (parsed) recordTokens(`${parsed.text ?? ''}\n${typeof parsed.html === 'string' ? parsed.html : ''}`)
            messages.push({
              raw,
              messageId,
              parsed,
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
              },
            })
            for (const wake of waiters.splice(0)) wake()
            callback()
          })
          .catch((error: Error) => callback(error))
      })
    },
  })

  // A client that dies mid-session (the crash test kills its worker) resets its connection: not an error here.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') throw error
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    failNext(times, code, message) {
      for (let i = 0; i < times; i++) failures.push({ code, message })
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs
      while (messages.length < count) {
        const left = deadline - Date.now()
        if (left <= 0) throw new Error(`expected ${count} mails, received ${messages.length}`)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, 250))
          waiters.push(() => {
            clearTimeout(timer)
            resolve()
          })
        })
      }
      return messages
    },
    async mailTo(email, subject, context) {
      for (let i = 0; i < 120; i++) {
        const found = messages.find((m) => m.envelope.to.includes(email) && subject.test(m.parsed?.subject ?? ''))
        if (found) return found
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
      const seen = messages.map((m) => `${m.envelope.to.join(',')}: ${m.parsed?.subject ?? ''}`)
      throw new Error(
        `no mail to ${email} matching ${String(subject)}; received:\n${seen.join('\n')}\n${context?.() ?? ''}`,
      )
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
