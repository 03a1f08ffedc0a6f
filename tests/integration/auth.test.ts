import { beforeEach, describe, expect, test } from 'vitest'
import { action as loginAction } from '~/routes/inloggen'
import { action as logoutAction } from '~/routes/uitloggen'
import { loader as dashboardLoader } from '~/routes/beheer._index'
import { db } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import { requirePermission, requireUserWithRole } from '~/utils/permissions.server'
import { hashToken } from '~/utils/tokens.server'
import { createUser } from '../factories.ts'
import { callRoute, cookieFrom, formRequest, getRequest } from '../support/remix.ts'

let address = 0
// Each test signs in from its own client address, so that rate limits do not leak between tests.
const client = () => ({ 'x-bijeen-client-ip': `10.0.0.${++address}` })

async function signIn(email: string, password: string, headers: Record<string, string> = client()) {
  return callRoute(loginAction, formRequest('/inloggen', { email, password }, headers))
}

beforeEach(() => {
  delete process.env.SESSION_IDLE_MINUTES
  delete process.env.SESSION_ABSOLUTE_HOURS
  resetEnvCache()
})

describe('sign-in', () => {
  test('the right password starts a database session and goes to /beheer', async () => {
    const { user, password } = await createUser(db, { email: 'Organisator@Example.org', role: 'organiser' })
    const result = await signIn('organisator@example.org', password)
    expect(result.status).toBe(302)
    expect(result.location).toBe('/beheer')
    const cookie = cookieFrom(result)
    expect(result.headers.get('set-cookie')).toMatch(/HttpOnly/i)
    expect(result.headers.get('set-cookie')).toMatch(/SameSite=Lax/i)
    const sessions = await db.session.findMany({ where: { userId: user.id } })
    expect(sessions).toHaveLength(1)
    // The cookie's token is not stored, only its hash.
    const token = JSON.parse(Buffer.from(decodeURIComponent(cookie.split('=')[1]!), 'base64').toString()) as string
    expect(sessions[0]!.tokenHash).toBe(hashToken(token))
    expect(JSON.stringify(sessions)).not.toContain(token)
    const dashboard = await callRoute(dashboardLoader, getRequest('/beheer', { cookie }))
    expect(dashboard.status).toBe(200)
  })

  test('a wrong password, an unknown address and bad input are refused with a Dutch message', async () => {
    const { user, password } = await createUser(db, { email: 'a@example.org' })
    const wrong = await signIn('a@example.org', password + 'x')
    expect(wrong.status).toBe(401)
    expect(JSON.stringify(wrong.data)).toContain('Het e-mailadres of het wachtwoord klopt niet')
    expect(wrong.headers.get('set-cookie')).toBeNull()
    const unknown = await signIn('nobody@example.org', password)
    expect(unknown.status).toBe(401)
    const invalid = await signIn('not-an-address', '')
    expect(invalid.status).toBe(400)
    expect(JSON.stringify(invalid.data)).toContain('Vul een geldig e-mailadres in')
    const huge = await signIn('a@example.org', 'x'.repeat(1_000_000))
    expect(huge.status).toBe(400)
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0)
  })

  test('a burst of attempts from one address gets 429, even with the right password', async () => {
    const { user, password } = await createUser(db, { email: 'burst@example.org' })
    const headers = client()
    const statuses: number[] = []
    for (let i = 0; i < 10; i++) statuses.push((await signIn('burst@example.org', 'wrong', headers)).status)
    expect(statuses).toEqual(Array(10).fill(401))
    const blocked = await signIn('burst@example.org', password, headers)
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(JSON.stringify(blocked.data)).toContain('te vaak geprobeerd')
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0)
  })

  test('guessing one account from many addresses is limited per account too', async () => {
    await createUser(db, { email: 'target@example.org' })
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) statuses.push((await signIn('target@example.org', `guess-${i}`)).status)
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401))
    expect(statuses[10]).toBe(429)
  })

  test('wrong passwords from many addresses do not lock out the owner on a browser that signed in before', async () => {
    const { user, password } = await createUser(db, { email: 'admin-lockout@example.org', role: 'admin' })
    // The admin signed in from this browser earlier: it got a device cookie for the sign-in form only.
    const first = await signIn('admin-lockout@example.org', password)
    const deviceHeader = first.headers.getSetCookie().find((c) => c.startsWith('bijeen_device='))
    expect(deviceHeader).toMatch(/Path=\/inloggen/)
    expect(deviceHeader).toMatch(/HttpOnly/)
    const device = deviceHeader!.split(';')[0]!
    // Someone guesses from ten addresses (the sign-in above was the window's first attempt): unknown browsers
    // are throttled for this account, with Retry-After.
    const statuses: number[] = []
    for (let i = 0; i < 10; i++) statuses.push((await signIn('admin-lockout@example.org', `guess-${i}`)).status)
    expect(statuses).toEqual([...Array(9).fill(401), 429])
    const throttled = await signIn('admin-lockout@example.org', password)
    expect(throttled.status).toBe(429)
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(Number(throttled.headers.get('retry-after'))).toBeLessThanOrEqual(900)
    // The admin's own browser still gets in with the right password.
    const own = await signIn('admin-lockout@example.org', password, { ...client(), cookie: device })
    expect(own.status).toBe(302)
    expect(own.location).toBe('/beheer')
    // A device cookie counts for its own account only: another account's cookie does not bypass the limit.
    const other = await createUser(db, { email: 'other-device@example.org' })
    const otherDevice = (await signIn('other-device@example.org', other.password)).headers
      .getSetCookie()
      .find((c) => c.startsWith('bijeen_device='))!
      .split(';')[0]!
    expect((await signIn('admin-lockout@example.org', password, { ...client(), cookie: otherDevice })).status).toBe(429)
    // And the known browser has a limit of its own: guessing with a stolen device cookie is throttled too.
    const renewed = own.headers
      .getSetCookie()
      .find((c) => c.startsWith('bijeen_device='))!
      .split(';')[0]!
    const fromDevice: number[] = []
    for (let i = 0; i < 11; i++)
      fromDevice.push(
        (await signIn('admin-lockout@example.org', `again-${i}`, { ...client(), cookie: renewed })).status,
      )
    expect(fromDevice.slice(0, 9)).toEqual(Array(9).fill(401))
    expect(fromDevice[10]).toBe(429)
    // Only the device token's hash is stored.
    const devices = await db.trustedDevice.findMany({ where: { userId: user.id } })
    expect(devices).toHaveLength(1)
    const token = JSON.parse(Buffer.from(decodeURIComponent(renewed.split('=')[1]!), 'base64').toString()) as string
    expect(devices[0]!.tokenHash).toBe(hashToken(token))
  })

  test('only same-site redirect targets are followed after sign-in', async () => {
    const { password } = await createUser(db, { email: 'r@example.org' })
    const ok = await callRoute(
      loginAction,
      formRequest('/inloggen', { email: 'r@example.org', password, redirectTo: '/beheer?x=1' }, client()),
    )
    expect(ok.location).toBe('/beheer?x=1')
    const evil = await callRoute(
      loginAction,
      formRequest('/inloggen', { email: 'r@example.org', password, redirectTo: '//evil.example' }, client()),
    )
    expect(evil.location).toBe('/beheer')
  })
})

describe('sessions', () => {
  test('sign-out revokes the session: replaying the cookie afterwards fails', async () => {
    const { user, password } = await createUser(db, { email: 'out@example.org' })
    const cookie = cookieFrom(await signIn('out@example.org', password))
    const out = await callRoute(logoutAction, formRequest('/uitloggen', {}, { cookie }))
    expect(out.status).toBe(302)
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/)
    const replay = await callRoute(dashboardLoader, getRequest('/beheer', { cookie }))
    expect(replay.status).toBe(302)
    expect(replay.location).toMatch(/^\/inloggen\?redirectTo=/)
    const session = await db.session.findFirstOrThrow({ where: { userId: user.id } })
    expect(session.revokedAt).not.toBeNull()
  })

  test('signing in again rotates the session: the old cookie stops working', async () => {
    const { password } = await createUser(db, { email: 'rotate@example.org' })
    const first = cookieFrom(await signIn('rotate@example.org', password))
    const second = cookieFrom(
      await callRoute(
        loginAction,
        formRequest('/inloggen', { email: 'rotate@example.org', password }, { ...client(), cookie: first }),
      ),
    )
    expect(second).not.toBe(first)
    expect((await callRoute(dashboardLoader, getRequest('/beheer', { cookie: first }))).status).toBe(302)
    expect((await callRoute(dashboardLoader, getRequest('/beheer', { cookie: second }))).status).toBe(200)
  })

  test('a session ends after the idle timeout and after the absolute timeout', async () => {
    const { user, password } = await createUser(db, { email: 'idle@example.org' })
    const cookie = cookieFrom(await signIn('idle@example.org', password))
    const session = await db.session.findFirstOrThrow({ where: { userId: user.id } })
    // Idle: last seen 3 hours ago, idle limit 2 hours.
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(Date.now() - 3 * 3600_000) } })
    expect((await callRoute(dashboardLoader, getRequest('/beheer', { cookie }))).status).toBe(302)
    // Active, but past the absolute limit.
    await db.session.update({
      where: { id: session.id },
      data: { lastSeenAt: new Date(), expiresAt: new Date(Date.now() - 1000) },
    })
    expect((await callRoute(dashboardLoader, getRequest('/beheer', { cookie }))).status).toBe(302)
    // And within both limits it works.
    await db.session.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() + 3600_000) } })
    expect((await callRoute(dashboardLoader, getRequest('/beheer', { cookie }))).status).toBe(200)
  })

  test('a garbage or forged cookie is not a session', async () => {
    const forged = `bijeen_session=${Buffer.from(JSON.stringify('x'.repeat(43))).toString('base64')}`
    expect((await callRoute(dashboardLoader, getRequest('/beheer', { cookie: forged }))).status).toBe(302)
    expect((await callRoute(dashboardLoader, getRequest('/beheer', { cookie: 'bijeen_session=%%%' }))).status).toBe(302)
  })
})

describe('roles', () => {
  test('a viewer may read but is answered 403 where editing is required', async () => {
    const { password } = await createUser(db, { email: 'viewer@example.org', role: 'viewer' })
    const cookie = cookieFrom(await signIn('viewer@example.org', password))
    const request = getRequest('/beheer', { cookie })
    await expect(requirePermission(request, 'read')).resolves.toMatchObject({ role: 'viewer' })
    const denied = await requirePermission(request, 'edit').catch((e: unknown) => e)
    expect(denied).toBeInstanceOf(Response)
    expect((denied as Response).status).toBe(403)
    const notAdmin = await requireUserWithRole(request, 'admin').catch((e: unknown) => e)
    expect((notAdmin as Response).status).toBe(403)
  })

  test('a disabled account cannot sign in, and its open sessions stop working', async () => {
    const { user, password } = await createUser(db, { email: 'gone@example.org' })
    const cookie = cookieFrom(await signIn('gone@example.org', password))
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } })
    expect((await callRoute(dashboardLoader, getRequest('/beheer', { cookie }))).status).toBe(302)
    expect((await signIn('gone@example.org', password)).status).toBe(401)
  })
})
