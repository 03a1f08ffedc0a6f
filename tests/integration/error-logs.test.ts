// An error log line never repeats what a query carried. Prisma's errors quote the query's arguments (a name,
// an address, an answer): the log keeps the kind, code, model and operation, and the stack's frames.
import { describe, expect, test, vi } from 'vitest'
import { handleError } from '~/entry.server'
import { db } from '~/utils/db.server'
import { describeError } from '~/utils/redact'

const personal = { name: 'Fatima el Amrani', email: 'fatima.el.amrani@example.org' }

async function thrown(run: () => Promise<unknown>) {
  try {
    await run()
  } catch (error) {
    return error
  }
  throw new Error('expected an error')
}

describe('error logs', () => {
  test('a validation error (wrong arguments): kind, model and operation, no values', async () => {
    const error = await thrown(() =>
      // An unknown field, as a coding mistake would make: Prisma refuses it and quotes the whole call.
      db.contact.create({ data: { ...personal, organisationId: 'x', shoeSize: 44 } as never }),
    )
    expect((error as Error).message).toContain(personal.email)
    const line = describeError(error)
    expect(line).not.toContain(personal.email)
    expect(line).not.toContain(personal.name)
    expect(line).toMatch(/^PrismaClientValidationError model=contact operation=create\n\s+at /)
  })

  test('a known request error (a foreign key): its code and model, no values', async () => {
    const error = await thrown(() => db.contact.create({ data: { ...personal, organisationId: 'no-such-org' } }))
    const line = describeError(error)
    expect(line).not.toContain(personal.email)
    expect(line).not.toContain('no-such-org')
    expect(line).toMatch(/^PrismaClientKnownRequestError code=P\d{4}/)
  })

  test('what handleError writes for a failed request holds no personal data, and no query string', async () => {
    const error = await thrown(() =>
      db.contact.create({ data: { ...personal, organisationId: 'x', shoeSize: 44 } as never }),
    )
    // The log is JSON lines on standard output (pino), silent in tests unless asked for.
    const written: string[] = []
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk))
      return true
    })
    const level = process.env.LOG_LEVEL
    process.env.LOG_LEVEL = 'error'
    try {
      handleError(error, {
        request: new Request(`http://localhost:3000/beheer/contacten/nieuw?email=${personal.email}`),
      })
    } finally {
      process.env.LOG_LEVEL = level
      spy.mockRestore()
    }
    expect(written).toHaveLength(1)
    const line = JSON.parse(written[0]!) as { level: string; path: string; err: string; msg: string }
    expect(line).toMatchObject({ level: 'error', path: '/beheer/contacten/nieuw' })
    expect(line.err).toMatch(/^PrismaClientValidationError model=contact/)
    expect(written[0]).not.toContain(personal.email)
    expect(written[0]).not.toContain(personal.name)
  })

  test('other errors keep their stack', () => {
    const error = new Error('template not found')
    expect(describeError(error)).toBe(error.stack)
    expect(describeError('x')).toBe('non-Error thrown (string)')
  })
})
