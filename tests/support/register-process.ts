// A child process for tests/integration/registration.test.ts: registers COUNT people for EVENT_ID against the
// DATABASE_URL it is given, all at once, and prints the outcome counts as one JSON line.
import { register } from '~/models/registration.server'

const eventId = process.env.EVENT_ID!
const count = Number(process.env.COUNT ?? 50)
const prefix = process.env.PREFIX ?? 'p'
const results = await Promise.allSettled(
  Array.from({ length: count }, (_, i) =>
    register(eventId, { name: `Deelnemer ${prefix}${i}`, email: `${prefix}${i}@example.org`, language: 'nl' }),
  ),
)
const tally: Record<string, number> = {}
for (const r of results) {
  const key = r.status === 'fulfilled' ? r.value.kind : `error: ${String(r.reason).slice(0, 200)}`
  tally[key] = (tally[key] ?? 0) + 1
}
console.log(JSON.stringify(tally))
process.exit(0)
