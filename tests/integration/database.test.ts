// The rules the schema promises hold on the database under test (SQLite or PostgreSQL).
import { describe, expect, test } from 'vitest'
import { db, dbProvider } from '~/utils/db.server'
import { portableSql } from '~/utils/sql.server'
import { createEvent, createProgramme } from '../factories.ts'

describe(`database (${process.env.BIJEEN_TEST_DB ?? 'sqlite'})`, () => {
  test('runs on the provider that DATABASE_URL names', () => {
    expect(dbProvider()).toBe(process.env.BIJEEN_TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite')
  })

  test('SQLite runs in WAL mode with foreign keys enforced', async () => {
    if (dbProvider() !== 'sqlite') {
      const rows = await db.$queryRawUnsafe<Array<{ server_version: string }>>('SHOW server_version')
      expect(rows[0]!.server_version).toMatch(/^\d+/)
      return
    }
    const mode = await db.$queryRawUnsafe<Array<{ journal_mode: string }>>('PRAGMA journal_mode')
    expect(mode[0]!.journal_mode).toBe('wal')
    const fk = await db.$queryRawUnsafe<Array<{ foreign_keys: number | bigint }>>('PRAGMA foreign_keys')
    expect(Number(fk[0]!.foreign_keys)).toBe(1)
  })

  test('a foreign key is enforced: an event needs its programme', async () => {
    await expect(
      db.event.create({
        data: {
          programmeId: 'does-not-exist',
          slug: 'x-fk',
          title: 'x',
          startsAt: new Date(),
          endsAt: new Date(),
          icsUid: 'fk@x',
        },
      }),
    ).rejects.toThrow()
  })

  test('one active registration per e-mail per event; cancelled ones do not count', async () => {
    const programme = await createProgramme(db)
    const event = await createEvent(db, programme.id)
    const base = { eventId: event.id, name: 'Sanne', email: 'sanne@example.org', status: 'confirmed' as const }
    const first = await db.registration.create({ data: { ...base, activeKey: `${event.id}:sanne@example.org` } })
    await expect(
      db.registration.create({ data: { ...base, activeKey: `${event.id}:sanne@example.org` } }),
    ).rejects.toThrow()
    await db.registration.update({ where: { id: first.id }, data: { status: 'cancelled', activeKey: null } })
    await db.registration.create({ data: { ...base, activeKey: `${event.id}:sanne@example.org` } })
    // Two cancelled rows (activeKey null) live side by side.
    await db.registration.create({ data: { ...base, status: 'cancelled', activeKey: null } })
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(3)
  })

  test('times round-trip in UTC, and JSON columns keep their structure', async () => {
    const programme = await createProgramme(db)
    const startsAt = new Date('2027-03-28T08:00:00.000Z')
    const event = await createEvent(db, programme.id, { startsAt, endsAt: new Date('2027-03-28T10:00:00.000Z') })
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).startsAt.toISOString()).toBe(
      startsAt.toISOString(),
    )
    const answers = { dieet: 'vegetarisch', vragen: [1, 'twee', true] }
    const registration = await db.registration.create({
      data: { eventId: event.id, name: 'A', email: 'a@example.org', status: 'waitlisted', answers },
    })
    expect((await db.registration.findUniqueOrThrow({ where: { id: registration.id } })).answers).toEqual(answers)
  })

  test('a conditional increment never passes the capacity, whatever the concurrency', async () => {
    const programme = await createProgramme(db)
    const event = await createEvent(db, programme.id, { capacity: 5 })
    // 40 concurrent claims of a seat: each is one conditional UPDATE (put the write first; a read-then-write oversells).
    const claims = await Promise.all(
      Array.from({ length: 40 }, () =>
        db.$executeRawUnsafe(
          portableSql(
            `UPDATE "Event" SET "confirmedCount" = "confirmedCount" + 1 WHERE "id" = ? AND "confirmedCount" < "capacity"`,
          ),
          event.id,
        ),
      ),
    )
    expect(claims.filter((n) => n === 1)).toHaveLength(5)
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).confirmedCount).toBe(5)
  })
})
