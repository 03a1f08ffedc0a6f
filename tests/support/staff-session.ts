// A signed-in secretariat session for route tests, through the real sign-in action: for an admin both steps
// (password, then a TOTP code: 2FA is required for admins), for the other roles the password alone.
import * as OTPAuth from 'otpauth'
import { expect } from 'vitest'
import { enrolWithSecret } from '~/models/two-factor.server'
import { action as loginAction } from '~/routes/inloggen'
import type { Db } from '~/utils/db.server'
import { createUser } from '../factories.ts'
import { callRoute, cookieFrom, formRequest } from './remix.ts'

let client = 0

export async function signedInStaff(db: Db, role: 'admin' | 'organiser' | 'viewer') {
  const { user, password } = await createUser(db, { role })
  // Each session from its own address, so that the sign-in throttle of one test does not reach another.
  const headers = { 'x-bijeen-client-ip': `10.77.${Math.floor(++client / 250)}.${client % 250}` }
  const passwordStep = () => callRoute(loginAction, formRequest('/inloggen', { email: user.email, password }, headers))
  if (role !== 'admin') return { user, password, cookie: cookieFrom(await passwordStep()) }
  const secret = new OTPAuth.Secret({ size: 20 }).base32
  await enrolWithSecret(user.id, secret)
  const pending = cookieFrom(await passwordStep())
  const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate()
  const done = await callRoute(
    loginAction,
    formRequest('/inloggen', { intent: 'code', code }, { ...headers, cookie: pending }),
  )
  expect(done.status, 'the code step signs the admin in').toBe(302)
  return { user, password, cookie: cookieFrom(done) }
}
