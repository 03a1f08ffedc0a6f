// `npm run dev`: the server with Vite's dev server and hot reload. The app and the in-process mail worker both
// load through Vite, so that they share one module graph here too (the outbox's wake-up reaches the worker).
import type { ServerBuild } from '@remix-run/node'
import { createServer } from 'vite'
import { loadDotEnv } from './dotenv.ts'
import type * as Background from './background.ts'
import { startServer } from './http.ts'
import { log } from '../utils/log.server.ts'

loadDotEnv()

const viteDevServer = await createServer({ server: { middlewareMode: true } })
await startServer({
  build: () => viteDevServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>,
  viteDevServer,
  startBackground: async () => {
    const background = (await viteDevServer.ssrLoadModule('/app/server/background.ts')) as typeof Background
    return background.startBackground({ pollIntervalMs: 500, log: (line) => log().warn(line) })
  },
})
