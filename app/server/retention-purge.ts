// The daily retention purge (runDailyPurge), where the mail worker runs. Each process asks every hour; the
// lease in the database lets one of them purge once per (UTC) day, however many workers there are.
import { runDailyPurge } from '../models/retention.server.ts'
import { log } from '../utils/log.server.ts'
import { describeError } from '../utils/redact.ts'

const EVERY_MS = 60 * 60_000
// Not at start-up itself: a deploy starts every process at once, and the first pages should not wait on it.
const FIRST_AFTER_MS = 2 * 60_000

export function startRetentionPurge() {
  const run = () =>
    runDailyPurge().then(
      (outcome) => outcome.kind === 'purged' && log().info({ counts: outcome.counts }, 'retention purge'),
      (error: unknown) => log().warn(`retention purge failed: ${describeError(error)}`),
    )
  const first = setTimeout(run, FIRST_AFTER_MS)
  first.unref()
  const timer = setInterval(run, EVERY_MS)
  timer.unref()
  return () => {
    clearTimeout(first)
    clearInterval(timer)
  }
}
