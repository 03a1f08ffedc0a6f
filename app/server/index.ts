// The production (and development) HTTP server: Express in front of Remix, for security headers,
// static files with long caching, and request logs without personal data.
// Why Express rather than remix-serve: docs/decisions/001-stack.md.
import cluster from 'node:cluster'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { ServerBuild } from '@remix-run/node'
import express from 'express'
import { getEnv } from '../utils/env.server.ts'
import { redactPath } from '../utils/redact.ts'
import { contentSecurityPolicy, nonceSource } from './csp.ts'
import { createGuardedRequestHandler } from './request-guard.ts'
import { loadDotEnv } from './dotenv.ts'
import { drainOnSignals, healthz } from './lifecycle.ts'
import { publicPageCache } from './public-cache.ts'

loadDotEnv()

// WEB_PROCESSES > 1: one Node process per core sharing the port (node:cluster). Everything that must hold
// across processes already does (seat claims, sessions, rate limits and the outbox live in the database).
const webProcesses = Number(process.env.WEB_PROCESSES ?? 1)
if (cluster.isPrimary && webProcesses > 1) await runPrimary(webProcesses)

async function runPrimary(count: number): Promise<never> {
  for (let i = 0; i < count; i++) cluster.fork()
  let stopping = false
  cluster.on('exit', (worker, code) => {
    if (!stopping) {
      console.error(`web process ${worker.process.pid} stopped (${code}); starting another`)
      cluster.fork()
    } else if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0)
  })
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      stopping = true
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal)
    })
  }
  // The primary only watches; the rest of this module runs in the web processes.
  return new Promise<never>(() => {})
}
// Browser tests run the real server with third-party services (PDOK) answered by msw.
if (process.env.BIJEEN_MOCKS === '1') {
  const { startAppMocks } = await import('../../tests/mocks/app-server.ts')
  startAppMocks()
}
const production = process.env.NODE_ENV === 'production'
const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST ?? '127.0.0.1'
const quiet =
  process.env.LOG_LEVEL === 'silent' || process.env.LOG_LEVEL === 'warn' || process.env.LOG_LEVEL === 'error'

const viteDevServer = production
  ? undefined
  : await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))

const app = express()
app.disable('x-powered-by')
app.set('trust proxy', process.env.TRUST_PROXY === 'true')

// For load balancers; before the request log, which would fill with it.
app.get('/healthz', healthz)

app.use((req, res, next) => {
  // The socket address, for rate limits; a client cannot set this header itself.
  req.headers['x-bijeen-client-ip'] = req.socket.remoteAddress ?? 'unknown'
  // Made when first asked for: a page from the public cache carries its own policy and needs none.
  let nonce: string | undefined
  Object.defineProperty(res.locals, 'cspNonce', {
    get: () => (nonce ??= crypto.randomBytes(16).toString('base64')),
  })
  const defaults: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
  }
  // Security headers by default; a route that sets its own (a mail framed by the mailbox, a photo) keeps it.
  const writeHead = res.writeHead
  res.writeHead = function (this: typeof res, ...args: Parameters<typeof res.writeHead>) {
    for (const [name, value] of Object.entries(defaults)) if (!res.hasHeader(name)) res.setHeader(name, value)
    if (production && !res.hasHeader('Content-Security-Policy')) {
      res.setHeader('Content-Security-Policy', contentSecurityPolicy([nonceSource(res.locals.cspNonce as string)]))
    }
    return writeHead.apply(this, args)
  } as typeof res.writeHead
  if (!quiet) {
    const started = process.hrtime.bigint()
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      // Paths only, with personal-link tokens redacted and no query string.
      console.log(`${req.method} ${redactPath(req.path)} ${res.statusCode} ${ms.toFixed(1)}ms`)
    })
  }
  next()
})

if (viteDevServer) {
  app.use(viteDevServer.middlewares)
} else {
  const client = path.resolve('build/client')
  // Fingerprinted assets never change; everything else is revalidated hourly.
  app.use('/assets', express.static(path.join(client, 'assets'), { immutable: true, maxAge: '1y' }))
  // The build's other files are known at start, so a page request costs no file-system lookup.
  const files = new Set(
    fs
      .readdirSync(client, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => `/${path.relative(client, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`),
  )
  const serveFile = express.static(client, { maxAge: '1h' })
  app.use((req, res, next) => (files.has(req.path) ? serveFile(req, res, next) : next()))
}

const build = viteDevServer
  ? () => viteDevServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
  : ((await import(pathToBuild())) as ServerBuild)

function pathToBuild() {
  const file = path.resolve('build/server/index.js')
  if (!fs.existsSync(file)) {
    console.error('No build found: run `npm run build` first.')
    process.exit(1)
  }
  return file
}

// Event and programme pages and their agenda files, rendered once until what they show changes (ADR 010).
if (!viteDevServer && getEnv().PUBLIC_PAGE_CACHE) app.use(publicPageCache(build as ServerBuild))

app.all(
  '*',
  createGuardedRequestHandler({
    build,
    mode: production ? 'production' : 'development',
    getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }),
    config: () => {
      const env = getEnv()
      const { APP_URL: appUrl, TRUST_PROXY: trustProxy, BODY_LIMIT_BYTES: bodyLimit } = env
      return { appUrl, trustProxy, bodyLimit, uploadLimit: env.UPLOAD_LIMIT_BYTES }
    },
  }),
)

const server = app.listen(port, host, () => {
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  console.log(`bijeen listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}`)
})

// The embedded default: the mail worker runs inside the web process. With several processes, set
// MAIL_WORKER_IN_PROCESS=false and run `npm run worker` instead (safe with several workers on PostgreSQL).
const worker =
  process.env.MAIL_WORKER_IN_PROCESS === 'false'
    ? null
    : await import('../mail/worker.server.ts').then(({ MailWorker }) => {
        const w = new MailWorker({ pollIntervalMs: 500, log: (line) => console.log(line) })
        w.start()
        return w
      })
// Where the mail worker runs, the waitlist sweep runs too (ADR 006): seats freed by a process that stopped
// half-way are filled within a minute.
if (worker) await import('./waitlist-sweep.ts').then(({ startWaitlistSweep }) => startWaitlistSweep())

drainOnSignals(
  server,
  () => worker?.stop() ?? Promise.resolve(),
  (line) => console.log(line),
)
