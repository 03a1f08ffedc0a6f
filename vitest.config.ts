import path from 'node:path'
import { defineConfig } from 'vitest/config'

// Three projects: unit (pure logic), integration (models, routes, mail against a real database and SMTP
// server) and e2e (Chromium against a running app). `npm run test:pg` runs integration on PostgreSQL.
const alias = { '~': path.resolve(import.meta.dirname, 'app') }

export default defineConfig({
  resolve: { alias },
  test: {
    pool: 'forks',
    maxWorkers: 2,
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
