// `npm run worker`: the mail worker on its own (set MAIL_WORKER_IN_PROCESS=false for the web processes).
// Built by `npm run build` into build/server/worker.js, with the app. SIGTERM or SIGINT: stop claiming, finish
// the mails in flight, exit.
import { startBackground } from '~/server/background'
import { loadDotEnv } from '~/server/dotenv'
import { log } from '~/utils/log.server'

loadDotEnv()
const background = startBackground({ pollIntervalMs: 1000, log: (line) => log().warn(line) })
log().warn(`mail worker ${background.worker.id} started (${background.worker.transportKind})`)

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    log().warn(`${signal}: finishing the mails in flight`)
    background.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  })
}
