// Every minute: promote people waiting for seats that are free (see sweepWaitlists). Several processes may run
// it at once; each promotion claims its seat and its person with conditional updates.
import { sweepWaitlists } from '../models/registration.server.ts'
import { log } from '../utils/log.server.ts'
import { describeError } from '../utils/redact.ts'

const SWEEP_MS = 60_000

export function startWaitlistSweep() {
  const timer = setInterval(() => {
    sweepWaitlists().then(
      (promoted) => promoted && log().info({ promoted }, 'waitlist sweep promoted'),
      (error: unknown) => log().warn(`waitlist sweep failed: ${describeError(error)}`),
    )
  }, SWEEP_MS)
  timer.unref()
  return () => clearInterval(timer)
}
