// Shared by every project: an unexpected console.error fails the test, and third-party HTTP goes
// through msw (anything not mocked is an error; our own servers on loopback pass through).
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from 'vitest'
import { server } from '../mocks/server.ts'

let calls: unknown[][] = []
let allowed = 0

/** Declares that the current test expects console.error to be called (at most `count` times). */
export function allowConsoleError(count = 1) {
  allowed += count
}

beforeEach(() => {
  calls = []
  allowed = 0
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    calls.push(args)
  })
})

afterEach(() => {
  vi.mocked(console.error).mockRestore()
  if (calls.length > allowed) {
    const text = calls.map((args) => args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' ')).join('\n')
    expect.fail(`console.error was called unexpectedly:\n${text}`)
  }
})

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]'])
beforeAll(() =>
  server.listen({
    // 'error' for everything but our own servers on loopback (the app and SMTP servers that tests start).
    onUnhandledRequest(request, print) {
      if (loopback.has(new URL(request.url).hostname)) return
      print.error()
    },
  }),
)
afterEach(() => server.resetHandlers())
afterAll(() => server.close())
