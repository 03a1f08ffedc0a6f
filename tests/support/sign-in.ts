import * as OTPAuth from 'otpauth'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { ADMIN } from './app-server.ts'
import { waitForHydration } from './browser.ts'

const PERIOD_MS = 30_000
// The last 30-second step a code was used for, per app server and secret: the app accepts each code once, so
// a second sign-in within the same step takes the next step's code (waiting only when that one was used too).
const usedSteps = new Map<string, number>()

/** A fresh TOTP code for this secret on this app server, computed as an authenticator app does. */
export async function totpCode(baseUrl: string, secret: string): Promise<string> {
  const key = `${baseUrl}|${secret}`
  let step = Math.floor(Date.now() / PERIOD_MS)
  const last = usedSteps.get(key)
  if (last !== undefined && step <= last) {
    // The app also accepts the next step's code (a phone's clock may run ahead); beyond that, wait for it.
    const now = step
    step = last + 1
    const wait = (step - 1) * PERIOD_MS - Date.now() + 100
    if (step > now + 1 && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
  }
  usedSteps.set(key, step)
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: step * PERIOD_MS + 1 })
}

/** The secret of a known test account (the seeded admin), so that callers need not pass it. */
function secretFor(email: string, secret?: string) {
  return secret ?? (email === ADMIN.email ? ADMIN.totpSecret : undefined)
}

/**
 * Signs in through the real form, by keyboard; with a TOTP secret (the seeded admin has one) also through the
 * code step.
 */
export async function signInAs(page: Page, baseUrl: string, email: string, password: string, totpSecret?: string) {
  await page.goto(`${baseUrl}/inloggen`)
  await waitForHydration(page)
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord').fill(password)
  await page.getByLabel('Wachtwoord').press('Enter')
  const secret = secretFor(email, totpSecret)
  if (secret) await enterCode(page, baseUrl, secret)
  await expect.poll(() => new URL(page.url()).pathname).toBe('/beheer')
}

/** The code step after a right password: a code computed from the secret, by keyboard. */
export async function enterCode(page: Page, baseUrl: string, secret: string, label = 'Code of herstelcode') {
  // No wait for hydration: the step is a plain form that works with and without JavaScript.
  const field = page.getByLabel(label)
  await field.waitFor()
  await field.fill(await totpCode(baseUrl, secret))
  await field.press('Enter')
}

/**
 * Signs in with fetch (both steps for an account with 2FA) and returns the last answer, whose Set-Cookie holds
 * the session (and the device cookie), for HTTP tests.
 */
export async function signInResponse(
  baseUrl: string,
  account: { email: string; password: string; totpSecret?: string } = ADMIN,
): Promise<Response> {
  const headers = { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseUrl }
  const first = await fetch(`${baseUrl}/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers,
    body: new URLSearchParams({ email: account.email, password: account.password }),
  })
  expect(first.status).toBe(302)
  if (!account.totpSecret) return first
  const pending = first.headers.getSetCookie()[0]!.split(';')[0]!
  const second = await fetch(`${baseUrl}/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers, Cookie: pending },
    body: new URLSearchParams({ intent: 'code', code: await totpCode(baseUrl, account.totpSecret) }),
  })
  expect(second.status).toBe(302)
  expect(second.headers.get('location')).toBe('/beheer')
  return second
}

/** Signs in with fetch and returns the session cookie ("name=value"). */
export async function signInByFetch(
  baseUrl: string,
  account: { email: string; password: string; totpSecret?: string } = ADMIN,
): Promise<string> {
  return (await signInResponse(baseUrl, account)).headers.getSetCookie()[0]!.split(';')[0]!
}
