// Starts the built app (npm run build) as a real server on its own port, with its own migrated and
// seeded SQLite database, for browser and HTTP tests. It runs the entry that `npm start` runs, with node, so
// the tests run the module graph that production runs; msw answers third-party HTTP inside that process.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { migrate } from '../../prisma/migrate.ts'
import { freePort } from './pg-cluster.ts'
import { runDir } from './run-log.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The built server entry, read from `npm start` itself (`NODE_ENV=production node build/server/server.js`). */
export function productionEntry(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }
  const entry = /\bnode (\S+\.js)$/.exec(pkg.scripts.start)?.[1]
  if (!entry) throw new Error(`npm start does not run a built file with node: ${pkg.scripts.start}`)
  return entry
}

// The seeded admin is enrolled in 2FA with this secret (base32): tests compute its codes (tests/support/sign-in.ts).
export const ADMIN = {
  email: 'admin@example.org',
  password: 'Test-Beheer-Wachtwoord-1',
  totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
}

export type AppServer = {
  url: string
  databaseUrl: string
  output: () => string
  /** The server process (the node:cluster primary when WEB_PROCESSES > 1). */
  pid: number
  /** Sends a signal to the server process; `exited` resolves with its exit code. */
  signal: (signal: NodeJS.Signals) => void
  exited: Promise<number | null>
  stop: () => Promise<void>
}

export async function startAppServer(
  options: { seed?: boolean; env?: Record<string, string> } = {},
): Promise<AppServer> {
  const entry = productionEntry()
  if (!fs.existsSync(path.join(root, entry))) {
    throw new Error('No build: run `npm run build` (npm run test:e2e does) before the browser tests')
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bijeen-app-'))
  const databaseUrl = options.env?.DATABASE_URL ?? `file:${path.join(dir, 'app.db')}`
  await migrate(databaseUrl)
  if (options.seed !== false) {
    const { createDb } = await import('~/utils/db.server')
    const { seed } = await import('../../prisma/seed.ts')
    const db = createDb(databaseUrl)
    await seed(db, { adminEmail: ADMIN.email, adminPassword: ADMIN.password, adminTotpSecret: ADMIN.totpSecret })
    await db.$disconnect()
  }
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  let output = ''
  const child: ChildProcess = spawn(process.execPath, ['--import', './tests/mocks/preload.mjs', entry], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_URL: url,
      // In a whole browser run every request line is logged, so that the run's last test can read them all.
      LOG_LEVEL: runDir() ? 'info' : 'warn',
      UPLOAD_DIR: path.join(dir, 'uploads'),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // The whole run's log: everything this server writes, for tests/e2e/run-log.test.ts.
  const run = runDir()
  const logFile = run ? path.join(run, `server-${port}.log`) : null
  const keep = (chunk: Buffer) => {
    output += chunk.toString()
    if (logFile) fs.appendFileSync(logFile, chunk)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start:\n${output}`)), 30_000)
    const check = () => {
      if (output.includes('listening on')) {
        clearTimeout(timer)
        child.stdout?.off('data', check)
        resolve()
      }
    }
    child.stdout?.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`app exited with ${code}:\n${output}`))
    })
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return {
    url,
    databaseUrl,
    output: () => output,
    pid: child.pid!,
    signal: (signal) => child.kill(signal),
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        await exited
      }
      // A copy of the database (with its write-ahead log folded in) for the run's search for tokens at rest.
      if (run && databaseUrl.startsWith('file:') && fs.existsSync(databaseUrl.slice(5))) {
        const { default: Database } = await import('better-sqlite3')
        const file = new Database(databaseUrl.slice(5))
        try {
          file.exec(`VACUUM INTO '${path.join(run, `server-${port}.db`).replace(/'/g, "''")}'`)
        } finally {
          file.close()
        }
      }
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
