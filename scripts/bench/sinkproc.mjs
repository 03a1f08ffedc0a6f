// A local SMTP sink in its own process (as a real relay would be): accepts and counts, does not parse.
import process from 'node:process'
import { SMTPServer } from 'smtp-server'

let received = 0
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => {})
    stream.on('end', () => {
      received++
      callback()
    })
  },
})
server.on('error', () => {})
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.server.address().port }))
process.on('message', (message) => {
  if (message === 'count') process.send?.({ count: received })
  if (message === 'reset') received = 0
})
