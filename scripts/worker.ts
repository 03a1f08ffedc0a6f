// `npm run worker`: the mail worker on its own (set MAIL_WORKER_IN_PROCESS=false for the web processes).
// SIGTERM or SIGINT: stop claiming, finish the mails in flight, exit.
import { MailWorker } from '~/mail/worker.server'
import { loadDotEnv } from '~/server/dotenv'
import { startWaitlistSweep } from '~/server/waitlist-sweep'

loadDotEnv()
const worker = new MailWorker({ log: (line) => console.log(line) })
worker.start()
const stopSweep = startWaitlistSweep()
console.log(`mail worker ${worker.id} started (${worker.transportKind})`)

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    stopSweep()
    console.log(`${signal}: finishing the mails in flight`)
    worker.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  })
}
