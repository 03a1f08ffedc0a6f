// Fixed-window rate limits kept in the database, so that several app processes share one count.
// The increment is a single conditional UPDATE; a new window is opened with an upsert.
import { db } from './db.server'

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number }

export async function hitRateLimit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const now = new Date()
  const resetAt = new Date(now.getTime() + windowSeconds * 1000)
  // Count inside the current window.
  const bumped = await db.rateLimit.updateMany({
    where: { key, resetAt: { gt: now } },
    data: { count: { increment: 1 } },
  })
  if (bumped.count === 0) {
    // No window, or an expired one: start a new window at 1.
    await db.rateLimit.upsert({
      where: { key },
      create: { key, count: 1, resetAt },
      update: { count: 1, resetAt },
    })
    return { allowed: true, remaining: limit - 1, retryAfterSeconds: 0 }
  }
  const row = await db.rateLimit.findUnique({ where: { key } })
  const count = row?.count ?? 1
  const retryAfterSeconds = row ? Math.max(1, Math.ceil((row.resetAt.getTime() - now.getTime()) / 1000)) : windowSeconds
  return { allowed: count <= limit, remaining: Math.max(0, limit - count), retryAfterSeconds }
}

export async function clearRateLimit(key: string) {
  await db.rateLimit.deleteMany({ where: { key } })
}
