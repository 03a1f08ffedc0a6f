import path from 'node:path'
import { defineConfig } from 'vitest/config'
import LastRunLogSequencer from './tests/setup/e2e-sequencer.ts'

// Three projects: unit (pure logic), integration (models, routes, mail against a real database and SMTP
// server) and e2e (Chromium against a running app). `npm run test:pg` runs integration on PostgreSQL.
const alias = { '~': path.resolve(import.meta.dirname, 'app') }

export default defineConfig({
  resolve: { alias },
  test: {
    pool: 'forks',
    maxWorkers: 2,
    // Vitest's order, but tests/e2e/run-log.test.ts last (a sequencer is set for all projects or none).
    sequence: { sequencer: LastRunLogSequencer },
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}', 'app/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup/test-env.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          // The report's exports inline its stylesheet (`?raw`); vitest leaves other CSS out.
          css: { include: [/report\.css/] },
          include: ['tests/integration/**/*.test.{ts,tsx}'],
          globalSetup: ['tests/setup/global-setup.ts'],
          setupFiles: ['tests/setup/db-setup.ts', 'tests/setup/test-env.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.{ts,tsx}'],
          // The run's logs, databases and tokens, for the last test (tests/e2e/run-log.test.ts), which runs last.
          globalSetup: ['tests/setup/e2e-run.ts'],
          // A page needs a moment after a click, more so on a loaded 2-core machine; polls wait up to 15 s.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          setupFiles: ['tests/setup/test-env.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One Chromium at a time on a 2-core machine.
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
})
