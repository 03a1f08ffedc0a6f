// `npm run purge`: the retention purge now (app/models/retention.server.ts), as the worker runs it daily. Waits
// for nobody: when another process is purging at this moment it says so and exits with 1.
import { loadDotEnv } from '~/server/dotenv'

loadDotEnv()
const { runPurgeNow } = await import('~/models/retention.server')
const { db } = await import('~/utils/db.server')

const outcome = await runPurgeNow()
await db.$disconnect()
if (outcome.kind === 'busy') {
  console.error('retention purge: another process is purging right now; try again later')
  process.exit(1)
}
if (outcome.kind === 'purged') {
  for (const [what, count] of Object.entries(outcome.counts)) console.log(`${what.padEnd(16)} ${count}`)
}
