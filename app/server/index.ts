// `npm start`: the production server. Built by `npm run build` into build/server/server.js in the same Rollup
// graph as the app (build/server/index.js) and the standalone worker, so the routes, this server and its mail
// worker share one instance of every module: a mail queued by a route wakes this process's worker at once
// (the outbox's mailQueued()), instead of waiting for its next poll.
import type { ServerBuild } from '@remix-run/node'
import { loadDotEnv } from './dotenv.ts'
import { runPrimary, startServer, webProcessesToFork } from './http.ts'

loadDotEnv()

const fork = webProcessesToFork()
if (fork) await runPrimary(fork)

// Loaded only in a web process: the primary of several only watches them.
const build = (await import('virtual:remix/server-build')) as ServerBuild
await startServer({
  build,
  startBackground: async () => {
    const { startBackground } = await import('./background.ts')
    const { log } = await import('../utils/log.server.ts')
    return startBackground({ pollIntervalMs: 500, log: (line) => log().warn(line) })
  },
})
