// Fixed-window rate limits kept in the database, so that several app processes share one count.
// A hit is one upsert statement, through the SQL driver: it runs on every login and public registration.
import { db } from './db.server'
import { select, sqlDriver } from './sql-driver.server'
import { dbTime, portableSql } from './sql.server'

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number }

export async function hitRateLimit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const now = new Date()
  const resetAt = new Date(now.getTime() + windowSeconds * 1000)
  // One statement: count within the current window, or open a new window at 1. Concurrent hits from several
  // processes each add exactly one (the row is locked for the upsert on PostgreSQL, the database on SQLite).
  const rows = await sqlDriver().write(() =>
    select<{ count: number; resetAt: Date | string }>(
      portableSql(
        `INSERT INTO "RateLimit" ("key", "count", "resetAt") VALUES (?, 1, ?)
       ON CONFLICT ("key") DO UPDATE SET
         "count" = CASE WHEN "RateLimit"."resetAt" > ? THEN "RateLimit"."count" + 1 ELSE 1 END,
         "resetAt" = CASE WHEN "RateLimit"."resetAt" > ? THEN "RateLimit"."resetAt" ELSE excluded."resetAt" END
       RETURNING "count", "resetAt"`,
        [null, 'timestamp(3)', 'timestamp(3)', 'timestamp(3)'],
      ),
      key,
      dbTime(resetAt),
      dbTime(now),
      dbTime(now),
    ),
  )
  const count = Number(rows[0]!.count)
  const windowEnd = new Date(rows[0]!.resetAt)
  // Hits that arrive together each read their own clock, so the window may have been opened by a hit whose clock
  // was a few milliseconds later: never tell anyone to wait longer than one window.
  const retryAfterSeconds = Math.min(
    windowSeconds,
    Math.max(1, Math.ceil((windowEnd.getTime() - now.getTime()) / 1000)),
  )
  return { allowed: count <= limit, remaining: Math.max(0, limit - count), retryAfterSeconds }
}

export async function clearRateLimit(key: string) {
  await db.rateLimit.deleteMany({ where: { key } })
}
