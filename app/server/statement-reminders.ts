// Every 15 minutes: the automatic statement reminders (sendDueStatementReminders). Runs where the mail worker
// runs; several processes may run it at once, since each reminder is claimed with a conditional update.
import { sendDueStatementReminders } from '../models/statement-request.server.ts'
import { log } from '../utils/log.server.ts'
import { describeError } from '../utils/redact.ts'

const EVERY_MS = 15 * 60_000

export function startStatementReminders() {
  const run = () =>
    sendDueStatementReminders().then(
      (sent) => sent && log().info({ sent }, 'statement reminders sent'),
      (error: unknown) => log().warn(`statement reminders failed: ${describeError(error)}`),
    )
  const timer = setInterval(run, EVERY_MS)
  timer.unref()
  return () => clearInterval(timer)
}
