// The HTTP server, for production (app/server/index.ts) and development (app/server/dev.ts): Express in front of
// Remix, for security headers, static files with long caching, and request logs without personal data.
// Why Express rather than remix-serve: docs/decisions/001-stack.md.
import cluster from 'node:cluster'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { ServerBuild } from '@remix-run/node'
import express from 'express'
import type { ViteDevServer } from 'vite'
import { getEnv } from '../utils/env.server.ts'
import { log } from '../utils/log.server.ts'
import { redactPath } from '../utils/redact.ts'
import { describeOrigin, withRequestContext } from '../utils/request-context.server.ts'
import { contentSecurityPolicy, nonceSource } from './csp.ts'
import { pageSecurityHeaders } from './security-headers.ts'
import { createGuardedRequestHandler } from './request-guard.ts'
import { drainOnSignals, healthz } from './lifecycle.ts'
import { publicPageCache } from './public-cache.ts'

/** The mail worker and the waitlist sweep, as app/server/background.ts starts them. */
export type Background = { stop: () => Promise<void> }

export type ServerOptions = {
  /** The app: the built one, or (development) a function that loads it from Vite's dev server. */
  build: ServerBuild | (() => Promise<ServerBuild>)
  viteDevServer?: ViteDevServer
  /** Starts the background work from the same module graph as `build`, so that both share the outbox. */
  startBackground: () => Promise<Background>
}

/**
 * WEB_PROCESSES > 1: one Node process per core sharing the port (node:cluster). Everything that must hold
 * across processes already does (seat claims, sessions, rate limits and the outbox live in the database).
 * The primary only watches: it forks, restarts a process that stops, and passes on SIGTERM; it never resolves.
 */
export function runPrimary(count: number): Promise<never> {
  for (let i = 0; i < count; i++) cluster.fork()
  let stopping = false
  cluster.on('exit', (worker, code) => {
    if (!stopping) {
      log().error({ workerPid: worker.process.pid, code }, 'web process stopped; starting another')
      cluster.fork()
    } else if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0)
  })
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      stopping = true
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal)
    })
  }
  return new Promise<never>(() => {})
}

/** How many web processes to fork when this is the primary of several; 0 in a web process itself. */
export function webProcessesToFork(): number {
  const count = Number(process.env.WEB_PROCESSES ?? 1)
  return cluster.isPrimary && count > 1 ? count : 0
}

/** Starts one web process: Express in front of the app, and (unless turned off) the mail worker. */
export async function startServer({ build, viteDevServer, startBackground }: ServerOptions) {
  const production = !viteDevServer
  const port = Number(process.env.PORT ?? 3000)
  const host = process.env.HOST ?? '127.0.0.1'

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
      // Pages with personal data are never stored, whatever the route said; HSTS over https.
      const https = req.secure || getEnv().APP_URL.startsWith('https:')
      for (const [name, value] of Object.entries(pageSecurityHeaders({ path: req.path, https }))) {
        res.setHeader(name, value)
      }
      if (production && !res.hasHeader('Content-Security-Policy')) {
        res.setHeader('Content-Security-Policy', contentSecurityPolicy([nonceSource(res.locals.cspNonce as string)]))
      }
      return writeHead.apply(this, args)
    } as typeof res.writeHead
    if (log().isLevelEnabled('info')) {
      const started = process.hrtime.bigint()
      res.on('finish', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6
        // Paths only, with personal-link tokens masked and no query string.
        log().info(
          { method: req.method, path: redactPath(req.path), status: res.statusCode, ms: Math.round(ms * 10) / 10 },
          'request',
        )
      })
    }
    // Where the request came from, coarsely, for the audit entries the request writes (req.ip is the proxy's
    // client address only with TRUST_PROXY).
    withRequestContext({ origin: describeOrigin(req.ip ?? 'unknown', req.get('user-agent') ?? '') }, next)
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

  // Event and programme pages and their agenda files, rendered once until what they show changes (ADR 010).
  if (typeof build !== 'function' && getEnv().PUBLIC_PAGE_CACHE) app.use(publicPageCache(build))

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
    // Start, stop and the worker's notes at warn: shown at every level but silent.
    log().warn(`bijeen listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}`)
  })

  // The embedded default: the mail worker runs inside the web process. With several processes, set
  // MAIL_WORKER_IN_PROCESS=false and run `npm run worker` instead (safe with several workers on PostgreSQL).
  const background = getEnv().MAIL_WORKER_IN_PROCESS ? await startBackground() : null

  drainOnSignals(
    server,
    () => background?.stop() ?? Promise.resolve(),
    (line) => log().warn(line),
  )
  return server
}
