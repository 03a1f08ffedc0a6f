// Reruns calendar.test.ts with the server clock in other zones: a JS Date handed to ical-generator would come
// out an hour (or more) off there (13:00Z was written as TZID=Europe/Amsterdam:…T130000). TZ must be set before Node starts, hence a
// child process. The child runs only calendar.test.ts, and BIJEEN_CALENDAR_TZ_CHILD makes it assert its zone.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs')

function runIn(zone: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TZ: zone,
    BIJEEN_CALENDAR_TZ_CHILD: zone,
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  }
  // Drop the parent's VITEST_* variables so the child is an ordinary top-level run.
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key]
  const args = [vitest, 'run', '--project', 'unit', 'tests/unit/calendar.test.ts', '--reporter', 'verbose']
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, output }))
  })
}

const zones = ['America/New_York', 'Asia/Tokyo']

describe('calendar files with another server clock zone', () => {
  // Both children start at once (two cores); test.concurrent would clash with the shared console.error spy.
  let runs: Record<string, Promise<{ code: number | null; output: string }>> = {}
  beforeAll(() => {
    runs = Object.fromEntries(zones.map((zone) => [zone, runIn(zone)]))
  })

  test.for(zones)('TZ=%s', { timeout: 120_000 }, async (zone) => {
    const { code, output } = await runs[zone]
    expect(code, output).toBe(0)
    // The zone check ran rather than being skipped, and nothing was skipped or failed.
    expect(output).toContain('runs with the server clock in the requested zone')
    expect(output).toMatch(/Tests\s+\d+ passed \(\d+\)/)
  })
})
