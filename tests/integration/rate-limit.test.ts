// The fixed-window rate limit shared by all app processes: one upsert per hit.
import { describe, expect, test } from 'vitest'
import { db } from '~/utils/db.server'
import { hitRateLimit } from '~/utils/rate-limit.server'

describe('rate limit', () => {
  test('counts hits in a window, also when they arrive at once, and refuses past the limit', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => hitRateLimit('test:gelijktijdig', 10, 600)))
    expect(results.filter((r) => r.allowed)).toHaveLength(10)
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: 'test:gelijktijdig' } })).count).toBe(12)
    const refused = results.find((r) => !r.allowed)!
    expect(refused.retryAfterSeconds).toBeGreaterThan(590)
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(600)
  })

  test('a new window starts at 1 once the old one is over', async () => {
    for (let i = 0; i < 3; i++) await hitRateLimit('test:venster', 3, 60)
    expect((await hitRateLimit('test:venster', 3, 60)).allowed).toBe(false)
    await db.rateLimit.update({ where: { key: 'test:venster' }, data: { resetAt: new Date(Date.now() - 1000) } })
    const fresh = await hitRateLimit('test:venster', 3, 60)
    expect(fresh).toMatchObject({ allowed: true, remaining: 2 })
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: 'test:venster' } })).count).toBe(1)
  })
})
