// What runs beside the web server where the mail worker runs (app/server/http.ts; `npm run worker` starts the
// same on its own): the mail worker, the waitlist sweep (ADR 006), which fills within a minute the seats freed by
// a process that stopped half-way, the automatic statement reminders and the daily retention purge.
import { MailWorker } from '../mail/worker.server.ts'
import { getEnv } from '../utils/env.server.ts'
import { startRetentionPurge } from './retention-purge.ts'
import { startStatementReminders } from './statement-reminders.ts'
import { startWaitlistSweep } from './waitlist-sweep.ts'

export function startBackground(options: { pollIntervalMs: number; log: (line: string) => void }) {
  const worker = new MailWorker({
    pollIntervalMs: getEnv().MAIL_POLL_INTERVAL_MS ?? options.pollIntervalMs,
    log: options.log,
  })
  worker.start()
  const stopSweep = startWaitlistSweep()
  const stopReminders = startStatementReminders()
  const stopPurge = startRetentionPurge()
  return {
    worker,
    async stop() {
      stopSweep()
      stopReminders()
      stopPurge()
      await worker.stop()
    },
  }
}
