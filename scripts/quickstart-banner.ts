// What the quickstart prints before it starts the app: the address the app will really listen on (APP_URL, or
// the port's own address), how to sign in, and where mail goes. Reads the same environment as the server.
import { loadDotEnv } from '../app/server/dotenv.ts'
import { describeMailTransport, getEnv } from '../app/utils/env.server.ts'

loadDotEnv()
const env = getEnv()
const email = process.env.ADMIN_EMAIL || 'admin@example.org'
const password = process.env.ADMIN_PASSWORD || 'Bijeen-Beheer-2026'
const listening = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}`

console.log(`
  bijeen draait / is running: ${env.APP_URL}${env.APP_URL.includes(`:${env.PORT}`) ? '' : `  (listening on ${listening})`}
  Inloggen / sign in:         ${env.APP_URL}/inloggen
    e-mail:     ${email}
    wachtwoord: ${password}
    Daarna stelt u tweestapsverificatie in met een app als FreeOTP, Google of Microsoft Authenticator
    (verplicht voor beheerders). / Then set up two-step verification with an authenticator app
    (required for administrators).
  ${describeMailTransport(env)} Stop with Ctrl+C.
`)
