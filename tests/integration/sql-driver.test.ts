// The SQL driver of the registration path (app/utils/sql-driver.server.ts), on SQLite and PostgreSQL: rows read
// back as Prisma reads them, a thrown step rolls the whole transaction back, and writes from the driver and
// from Prisma in one process do not get in each other's way.
import { describe, expect, test } from 'vitest'
import { selectEvent } from '~/models/registration.server'
import { db } from '~/utils/db.server'
import { execute, select, sqlDriver } from '~/utils/sql-driver.server'
import { portableSql } from '~/utils/sql.server'
import { createEvent, createProgramme } from '../factories.ts'

async function newEvent() {
  const programme = await createProgramme(db)
  return createEvent(db, programme.id, { capacity: 5, requiresApproval: true })
}

const countOf = (eventId: string) =>
  select<{ confirmedCount: number }>(portableSql(`SELECT "confirmedCount" FROM "Event" WHERE "id" = ?`), eventId)

describe('SQL driver', () => {
  test('reads an event exactly as Prisma does: dates, booleans, numbers and JSON', async () => {
    const event = await newEvent()
    await db.registrationQuestion.create({
      data: { eventId: event.id, label: 'Workshop', type: 'choice', options: ['A', 'B'], required: true },
    })
    const viaPrisma = await db.event.findUniqueOrThrow({ where: { id: event.id } })
    expect(await sqlDriver().read(selectEvent({ id: event.id }))).toEqual(viaPrisma)
    expect(await sqlDriver().read(selectEvent({ slug: event.slug }))).toEqual(viaPrisma)
    const [question] = await sqlDriver().read(
      select<Record<string, unknown>>(
        portableSql(`SELECT * FROM "RegistrationQuestion" WHERE "eventId" = ?`),
        event.id,
      ),
    )
    expect(question).toMatchObject({ options: ['A', 'B'], required: true, order: 0 })
  })

  test('an exception in a step rolls back every statement before it', async () => {
    const event = await newEvent()
    const bump = () =>
      execute(portableSql(`UPDATE "Event" SET "confirmedCount" = "confirmedCount" + 1 WHERE "id" = ?`), event.id)
    await expect(
      sqlDriver().write(function* () {
        yield* bump()
        yield* bump()
        throw new Error('changed my mind')
      }),
    ).rejects.toThrow('changed my mind')
    expect(await sqlDriver().read(countOf(event.id))).toEqual([{ confirmedCount: 0 }])
    // A failing statement rolls back too.
    await expect(
      sqlDriver().write(function* () {
        yield* bump()
        yield* execute(portableSql(`UPDATE "NoSuchTable" SET "x" = 1`))
      }),
    ).rejects.toThrow()
    expect(await sqlDriver().read(countOf(event.id))).toEqual([{ confirmedCount: 0 }])
  })

  test('many writes at once from one process each happen exactly once', async () => {
    const event = await newEvent()
    await Promise.all(
      Array.from({ length: 50 }, () =>
        sqlDriver().write(function* () {
          const [row] = yield* select<{ confirmedCount: number }>(
            portableSql(
              `UPDATE "Event" SET "confirmedCount" = "confirmedCount" + 1 WHERE "id" = ? RETURNING "confirmedCount"`,
            ),
            event.id,
          )
          return row!.confirmedCount
        }),
      ),
    )
    expect(await sqlDriver().read(countOf(event.id))).toEqual([{ confirmedCount: 50 }])
  })

  test('a Prisma transaction that read before the driver wrote still commits (run again when SQLite refuses it)', async () => {
    const event = await newEvent()
    let runs = 0
    let release!: () => void
    const driverWrote = new Promise<void>((resolve) => (release = resolve))
    const prismaTransaction = db.$transaction(async (tx) => {
      runs++
      const before = await tx.event.findUniqueOrThrow({ where: { id: event.id } })
      if (runs === 1) await driverWrote
      await tx.event.update({ where: { id: event.id }, data: { title: `${before.title} (gewijzigd)` } })
    })
    // The Prisma transaction holds a read snapshot now; the driver commits a write beside it.
    await new Promise((resolve) => setTimeout(resolve, 50))
    await sqlDriver().write(() =>
      execute(portableSql(`UPDATE "Event" SET "confirmedCount" = "confirmedCount" + 1 WHERE "id" = ?`), event.id),
    )
    release()
    await prismaTransaction
    const after = await db.event.findUniqueOrThrow({ where: { id: event.id } })
    expect(after.title).toBe(`${event.title} (gewijzigd)`)
    expect(after.confirmedCount).toBe(1)
  })

  test('a body cannot catch a failed statement and commit the rest (both databases stop alike)', async () => {
    const event = await newEvent()
    await expect(
      sqlDriver().write(function* () {
        yield* execute(portableSql(`UPDATE "Event" SET "confirmedCount" = 3 WHERE "id" = ?`), event.id)
        try {
          yield* execute(portableSql(`UPDATE "NoSuchTable" SET "x" = 1`))
        } catch {
          // On PostgreSQL the transaction is aborted here; carrying on must not look like success.
        }
        return 'ok'
      }),
    ).rejects.toThrow()
    expect(await sqlDriver().read(countOf(event.id))).toEqual([{ confirmedCount: 0 }])
  })

  test('dates are UTC whatever the server’s time zone: written as Date, read from text without a zone', async () => {
    const event = await newEvent()
    const zone = process.env.TZ
    process.env.TZ = 'Europe/Amsterdam'
    try {
      const at = new Date('2026-12-04T10:00:00.000Z')
      await sqlDriver().write(() =>
        execute(
          portableSql(`UPDATE "Event" SET "registrationClosesAt" = ? WHERE "id" = ?`, ['timestamp(3)']),
          at,
          event.id,
        ),
      )
      expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).registrationClosesAt).toEqual(at)
      expect((await sqlDriver().read(selectEvent({ id: event.id })))!.registrationClosesAt).toEqual(at)
      if (sqlDriver().provider === 'sqlite') {
        // SQLite's own CURRENT_TIMESTAMP format; Prisma reads it as UTC.
        await db.$executeRawUnsafe(
          `UPDATE "Event" SET "registrationClosesAt" = '2026-12-04 10:00:00' WHERE "id" = ?`,
          event.id,
        )
        const viaPrisma = (await db.event.findUniqueOrThrow({ where: { id: event.id } })).registrationClosesAt
        expect(viaPrisma).toEqual(at)
        expect((await sqlDriver().read(selectEvent({ id: event.id })))!.registrationClosesAt).toEqual(at)
      }
    } finally {
      process.env.TZ = zone
      if (zone === undefined) delete process.env.TZ
    }
  })
})
