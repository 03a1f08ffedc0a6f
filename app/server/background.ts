// What runs beside the web server where the mail worker runs (app/server/http.ts; `npm run worker` starts the
// same two on its own): the mail worker, and the waitlist sweep (ADR 006), which fills within a minute the seats
// freed by a process that stopped half-way.
import { MailWorker } from '../mail/worker.server.ts'
import { getEnv } from '../utils/env.server.ts'
import { startWaitlistSweep } from './waitlist-sweep.ts'

export function startBackground(options: { pollIntervalMs: number; log: (line: string) => void }) {
  const worker = new MailWorker({
    pollIntervalMs: getEnv().MAIL_POLL_INTERVAL_MS ?? options.pollIntervalMs,
    log: options.log,
  })
  worker.start()
  const stopSweep = startWaitlistSweep()
  return {
    worker,
    async stop() {
      stopSweep()
      await worker.stop()
    },
  }
}
