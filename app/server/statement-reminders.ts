// Every 15 minutes: the automatic statement reminders (sendDueStatementReminders). Runs where the mail worker
// runs; several processes may run it at once, since each reminder is claimed with a conditional update.
import { sendDueStatementReminders } from '../models/statement-request.server.ts'
import { describeError } from '../utils/redact.ts'

const EVERY_MS = 15 * 60_000

export function startStatementReminders() {
  const run = () =>
    sendDueStatementReminders().then(
      (sent) => sent && console.log(`statement reminders: ${sent} sent`),
      (error: unknown) => console.warn(`statement reminders failed: ${describeError(error)}`),
    )
  const timer = setInterval(run, EVERY_MS)
  timer.unref()
  return () => clearInterval(timer)
}
