// Staff accounts through the real routes (issue 15): an invitation mailed by the real worker to an SMTP sink,
// its one-time link to choose a password (short and common passwords refused), the second factor at sign-in
// (required for admin, with recovery codes that work once), deactivation that ends open sessions at once, role
// changes that apply to an open session, the own sessions list, and 403 for viewers and organisers.
import * as OTPAuth from 'otpauth'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { MailWorker } from '~/mail/worker.server'
import { enrolWithSecret } from '~/models/two-factor.server'
import { action as accountAction, loader as accountLoader } from '~/routes/beheer.account._index'
import { action as twoFactorAction, loader as twoFactorLoader } from '~/routes/beheer.account.tweestapsverificatie'
import { loader as dashboardLoader } from '~/routes/beheer._index'
import { action as activateAction, loader as activationLinkLoader } from '~/routes/activeren.$token'
import { action as loginAction, loader as loginLoader } from '~/routes/inloggen'
import { action as memberAction, loader as memberLoader } from '~/routes/beheer.medewerkers.$id'
import { loader as staffLoader } from '~/routes/beheer.medewerkers._index'
import { action as inviteAction, loader as inviteLoader } from '~/routes/beheer.medewerkers.nieuw'
import { action as newOrganisationAction } from '~/routes/beheer.organisaties.nieuw'
import { db } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import { requirePermission } from '~/utils/permissions.server'
import { hashToken } from '~/utils/tokens.server'
import { createUser } from '../factories.ts'
import { callRoute, cookieFrom, formRequest, getRequest, type RouteResult } from '../support/remix.ts'
import { startSmtpSink, type SmtpSink } from '../support/smtp.ts'

let sink: SmtpSink
let address = 0
// Each sign-in from its own client address, so that rate limits do not leak between tests.
const client = () => ({ 'x-bijeen-client-ip': `10.15.0.${++address}` })

beforeAll(async () => {
  sink = await startSmtpSink()
})
afterAll(async () => {
  await sink.close()
})
beforeEach(() => {
  process.env.SMTP_URL = sink.url
  delete process.env.TOTP_ENCRYPTION_KEY
  resetEnvCache()
})

async function deliver() {
  const worker = new MailWorker({ concurrency: 1 })
  try {
    return await worker.drain()
  } finally {
    await worker.stop()
  }
}

const newSecret = () => new OTPAuth.Secret({ size: 20 }).base32
/** The code an authenticator app shows for this secret, `steps` periods from now. */
const codeFor = (secret: string, steps = 0) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + steps * 30_000 })

/** Every cookie of an answer as "name=value; …", to send back like a browser. */
const cookiesOf = (result: RouteResult) =>
  result.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ')

async function passwordStep(email: string, password: string, headers: Record<string, string> = client()) {
  return callRoute(loginAction, formRequest('/inloggen', { email, password }, headers))
}

async function codeStep(pending: string, code: string) {
  return callRoute(loginAction, formRequest('/inloggen', { intent: 'code', code }, { ...client(), cookie: pending }))
}

/** An admin with 2FA, signed in through both steps: the session cookie. */
async function signedInAdmin() {
  const { user, password } = await createUser(db, { role: 'admin' })
  const secret = newSecret()
  await enrolWithSecret(user.id, secret)
  const pending = cookieFrom(await passwordStep(user.email, password))
  const done = await codeStep(pending, codeFor(secret))
  expect(done.status).toBe(302)
  return { user, password, secret, cookie: cookieFrom(done) }
}

async function signedIn(role: 'organiser' | 'viewer') {
  const { user, password } = await createUser(db, { role })
  const result = await passwordStep(user.email, password)
  expect(result.location).toBe('/beheer')
  return { user, password, cookie: cookieFrom(result) }
}

const dashboard = (cookie: string) => callRoute(dashboardLoader, getRequest('/beheer', { cookie }))

describe('inviting a colleague', () => {
  test('invite → mail → one-time link → password rules → sign in; the link works once', async () => {
    const admin = await signedInAdmin()
    const form = { name: 'Sanne de Vries', email: 'Sanne.de.Vries@Example.org', role: 'organiser', language: 'nl' }
    const invited = await callRoute(
      inviteAction,
      formRequest('/beheer/medewerkers/nieuw', form, { cookie: admin.cookie }),
    )
    expect(invited.status).toBe(302)
    expect(invited.location).toBe('/beheer/medewerkers')
    // The same address again is refused, with the field's message.
    const again = await callRoute(
      inviteAction,
      formRequest('/beheer/medewerkers/nieuw', form, { cookie: admin.cookie }),
    )
    expect(again.status).toBe(409)
    expect(JSON.stringify(again.data)).toContain('Er is al een account met dit e-mailadres')

    const list = await callRoute(staffLoader, getRequest('/beheer/medewerkers', { cookie: admin.cookie }))
    const row = (list.data as { staff: Array<{ email: string; status: string; twoFactor: boolean }> }).staff.find(
      (s) => s.email === 'sanne.de.vries@example.org',
    )
    expect(row).toMatchObject({ status: 'invited', twoFactor: false })

    // The mail goes through the outbox and the real worker to SMTP.
    await deliver()
    const mail = sink.messages.find((m) => m.envelope.to.includes('sanne.de.vries@example.org'))!
    expect(mail.parsed!.subject).toBe('Uitnodiging voor een account bij het secretariaat van bijeen')
    const link = /http:\/\/localhost:\d+\/activeren\/([A-Za-z0-9_-]{43})/.exec(mail.parsed!.text ?? '')
    expect(link).not.toBeNull()
    const token = link![1]!
    // Only the hash is stored, and the sent mail no longer holds the token.
    const stored = await db.accountLink.findFirstOrThrow({ where: { user: { email: 'sanne.de.vries@example.org' } } })
    expect(stored.tokenHash).toBe(hashToken(token))
    const outbox = await db.outboxMessage.findFirstOrThrow({ where: { to: 'sanne.de.vries@example.org' } })
    expect(JSON.stringify(outbox)).not.toContain(token)
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(71 * 3600_000)

    // Opening the link trades the token for a cookie and leaves the address.
    const opened = await callRoute(activationLinkLoader, getRequest(`/activeren/${token}`), { token })
    expect(opened.status).toBe(303)
    expect(opened.location).toBe(`/activeren/${stored.id}`)
    const cookie = cookieFrom(opened)
    expect(opened.headers.get('set-cookie')).toMatch(/Path=\/activeren;/)
    const params = { token: stored.id }
    const page = await callRoute(activationLinkLoader, getRequest(`/activeren/${stored.id}`, { cookie }), params)
    expect(page.data).toMatchObject({ name: 'Sanne de Vries' })
    // The link id alone, without the cookie, opens nothing.
    expect((await callRoute(activationLinkLoader, getRequest(`/activeren/${stored.id}`), params)).status).toBe(401)
    const choose = (password: string, confirm = password) =>
      callRoute(activateAction, formRequest(`/activeren/${stored.id}`, { password, confirm }, { cookie }), params)

    const short = await choose('Kort-1!')
    expect(short.status).toBe(400)
    expect(JSON.stringify(short.data)).toContain('Het wachtwoord is te kort')
    const common = await choose('qwerty123456')
    expect(common.status).toBe(400)
    expect(JSON.stringify(common.data)).toContain('heel vaak gebruikt')
    // Case does not make a common password less common.
    expect(JSON.stringify((await choose('QWERTY123456')).data)).toContain('heel vaak gebruikt')
    expect((await choose('een lange zin van woorden', 'een andere zin van woorden')).status).toBe(400)
    // No composition rules: a passphrase in lower case is fine.
    const ok = await choose('fietsen langs de vecht in mei')
    expect(ok.status).toBe(302)
    expect(ok.location).toBe('/inloggen?geactiveerd=1')

    // The link is used up: opening it again, or posting with the cookie, fails.
    expect((await callRoute(activationLinkLoader, getRequest(`/activeren/${token}`), { token })).status).toBe(410)
    expect((await choose('nog een heel ander wachtwoord')).status).toBe(410)

    // The colleague signs in (organiser: no second factor required) and sees /beheer.
    const signIn = await passwordStep('sanne.de.vries@example.org', 'fietsen langs de vecht in mei')
    expect(signIn.location).toBe('/beheer')
    expect((await dashboard(cookieFrom(signIn))).status).toBe(200)
  })

  test('an expired or unknown link is refused; without the cookie the form says to open the link again', async () => {
    const admin = await signedInAdmin()
    await callRoute(
      inviteAction,
      formRequest(
        '/beheer/medewerkers/nieuw',
        { name: 'Piet', email: 'piet-expired@example.org', role: 'viewer', language: 'en' },
        { cookie: admin.cookie },
      ),
    )
    await deliver()
    const mail = sink.messages.find((m) => m.envelope.to.includes('piet-expired@example.org'))!
    // The invitee chose English: the mail is in English.
    expect(mail.parsed!.subject).toBe('Invitation to an account with the secretariat of bijeen')
    const token = /\/activeren\/([A-Za-z0-9_-]{43})/.exec(mail.parsed!.text ?? '')![1]!
    await db.accountLink.updateMany({
      where: { tokenHash: hashToken(token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    })
    expect((await callRoute(activationLinkLoader, getRequest(`/activeren/${token}`), { token })).status).toBe(410)
    const unknown = 'x'.repeat(43)
    expect(
      (await callRoute(activationLinkLoader, getRequest(`/activeren/${unknown}`), { token: unknown })).status,
    ).toBe(410)
    const linkId = 'cunknownid0000000000000000'
    expect((await callRoute(activationLinkLoader, getRequest(`/activeren/${linkId}`), { token: linkId })).status).toBe(
      401,
    )
    // An invited account has no password yet: it cannot sign in with any.
    expect((await passwordStep('piet-expired@example.org', '')).status).toBe(400)
    expect((await passwordStep('piet-expired@example.org', 'anything-at-all-here')).status).toBe(401)
  })
})

describe('the second factor', () => {
  test('an admin cannot sign in without the second factor; a code works once', async () => {
    const { user, password } = await createUser(db, { role: 'admin' })
    const secret = newSecret()
    await enrolWithSecret(user.id, secret)
    const first = await passwordStep(user.email, password)
    // The right password alone gives a session that opens nothing but the code step.
    expect(first.status).toBe(302)
    expect(first.location).toBe('/inloggen')
    const pending = cookieFrom(first)
    expect(first.headers.getSetCookie().some((c) => c.startsWith('bijeen_device='))).toBe(false)
    expect((await dashboard(pending)).status).toBe(302)
    const loginPage = await callRoute(loginLoader, getRequest('/inloggen', { cookie: pending }))
    expect(loginPage.data).toEqual({ step: 'code' })

    const wrong = await codeStep(pending, '000000')
    expect(wrong.status).toBe(401)
    expect(JSON.stringify(wrong.data)).toContain('Deze code klopt niet')
    const code = codeFor(secret)
    const ok = await codeStep(pending, code)
    expect(ok.status).toBe(302)
    expect(ok.location).toBe('/beheer')
    const session = cookieFrom(ok)
    expect(session).not.toBe(pending)
    expect((await dashboard(session)).status).toBe(200)
    // The pending session is over, and the same code cannot be used again.
    expect((await codeStep(pending, code)).status).toBe(302)
    const again = cookieFrom(await passwordStep(user.email, password))
    expect((await codeStep(again, code)).status).toBe(401)
    // A code for the next step still works (the phone's clock may run ahead).
    expect((await codeStep(again, codeFor(secret, 1))).status).toBe(302)
  })

  test('a recovery code works once; the codes are stored hashed', async () => {
    const admin = await createUser(db, { role: 'admin' })
    // Enrol through the page, as a person does: the loader shows a secret, the first code confirms it.
    const pending = cookieFrom(await passwordStep(admin.user.email, admin.password))
    // Without 2FA the admin is signed in at once, but reaches only the enrolment page.
    const cookie = pending
    const blocked = await dashboard(cookie)
    expect(blocked.status).toBe(302)
    expect(blocked.location).toBe('/beheer/account/tweestapsverificatie')
    expect((await callRoute(staffLoader, getRequest('/beheer/medewerkers', { cookie }))).location).toBe(
      '/beheer/account/tweestapsverificatie',
    )
    const enrol = await callRoute(twoFactorLoader, getRequest('/beheer/account/tweestapsverificatie', { cookie }))
    const { enrolment } = enrol.data as { enrolment: { secret: string; qrSvg: string } }
    expect(enrolment.qrSvg).toMatch(/^<svg[^>]*>/)
    const secret = enrolment.secret.replace(/\s/g, '')
    // A reload shows the same secret until it is confirmed.
    const reload = await callRoute(twoFactorLoader, getRequest('/beheer/account/tweestapsverificatie', { cookie }))
    expect((reload.data as { enrolment: { secret: string } }).enrolment.secret.replace(/\s/g, '')).toBe(secret)
    const post = (fields: Record<string, string>) =>
      callRoute(twoFactorAction, formRequest('/beheer/account/tweestapsverificatie', fields, { cookie }))
    expect((await post({ intent: 'confirm', code: '123' })).status).toBe(400)
    const confirmed = await post({ intent: 'confirm', code: codeFor(secret) })
    expect(confirmed.status).toBe(200)
    const codes = (confirmed.data as { codes: string[] }).codes
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)
    expect((await dashboard(cookie)).status).toBe(200)
    const rows = await db.recoveryCode.findMany({ where: { userId: admin.user.id } })
    expect(rows).toHaveLength(10)
    for (const c of codes) expect(JSON.stringify(rows)).not.toContain(c.replace('-', ''))

    // Sign in again with a recovery code, typed in lower case without the dash: once.
    const recovery = codes[3]!.toLowerCase().replace('-', '')
    const step1 = cookieFrom(await passwordStep(admin.user.email, admin.password))
    const used = await codeStep(step1, recovery)
    expect(used.status).toBe(302)
    expect(used.location).toBe('/beheer')
    const step2 = cookieFrom(await passwordStep(admin.user.email, admin.password))
    expect((await codeStep(step2, codes[3]!)).status).toBe(401)
    expect(await db.recoveryCode.count({ where: { userId: admin.user.id, usedAt: null } })).toBe(9)
    // An admin cannot turn 2FA off.
    expect((await post({ intent: 'disable', password: admin.password })).status).toBe(409)
  })

  test('the secret is sealed at rest when TOTP_ENCRYPTION_KEY is set, and codes still work', async () => {
    process.env.TOTP_ENCRYPTION_KEY = 'a-test-key-of-at-least-thirty-two-characters'
    resetEnvCache()
    const { user, password } = await createUser(db, { role: 'organiser' })
    const secret = newSecret()
    await enrolWithSecret(user.id, secret)
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(row.totpSecret).toMatch(/^v1:/)
    expect(row.totpSecret).not.toContain(secret)
    const pending = cookieFrom(await passwordStep(user.email, password))
    expect((await codeStep(pending, codeFor(secret))).status).toBe(302)
  })

  test('wrong codes are throttled like wrong passwords, with Retry-After', async () => {
    const { user, password } = await createUser(db, { role: 'organiser' })
    await enrolWithSecret(user.id, newSecret())
    const pending = cookieFrom(await passwordStep(user.email, password))
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) statuses.push((await codeStep(pending, String(100000 + i))).status)
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401))
    expect(statuses[10]).toBe(429)
    const last = await codeStep(pending, '999999')
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  test('a non-admin can turn 2FA off with their password', async () => {
    const { user, password } = await createUser(db, { role: 'viewer' })
    await enrolWithSecret(user.id, newSecret())
    const secretRow = await db.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(secretRow.totpSecret).not.toBeNull()
    const pending = cookieFrom(await passwordStep(user.email, password))
    const secret = secretRow.totpSecret!
    const cookie = cookieFrom(await codeStep(pending, codeFor(secret)))
    const post = (fields: Record<string, string>) =>
      callRoute(twoFactorAction, formRequest('/beheer/account/tweestapsverificatie', fields, { cookie }))
    expect((await post({ intent: 'disable', password: 'wrong' })).status).toBe(400)
    const off = await post({ intent: 'disable', password })
    expect(off.location).toBe('/beheer/account')
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpSecret).toBeNull()
  })
})

describe('managing staff', () => {
  test("deactivating ends the account's open sessions at once; reactivating lets it sign in again", async () => {
    const admin = await signedInAdmin()
    const colleague = await signedIn('organiser')
    expect((await dashboard(colleague.cookie)).status).toBe(200)
    const path = `/beheer/medewerkers/${colleague.user.id}`
    const off = await callRoute(memberAction, formRequest(path, { intent: 'deactivate' }, { cookie: admin.cookie }), {
      id: colleague.user.id,
    })
    expect(off.status).toBe(302)
    expect((await dashboard(colleague.cookie)).status).toBe(302)
    expect(await db.session.count({ where: { userId: colleague.user.id, revokedAt: null } })).toBe(0)
    expect((await passwordStep(colleague.user.email, colleague.password)).status).toBe(401)
    await callRoute(memberAction, formRequest(path, { intent: 'reactivate' }, { cookie: admin.cookie }), {
      id: colleague.user.id,
    })
    // The old session stays ended; a new sign-in works.
    expect((await dashboard(colleague.cookie)).status).toBe(302)
    expect((await passwordStep(colleague.user.email, colleague.password)).location).toBe('/beheer')
  })

  test('a role change applies to an open session at once', async () => {
    const admin = await signedInAdmin()
    const colleague = await signedIn('organiser')
    const request = () => getRequest('/beheer', { cookie: colleague.cookie })
    await expect(requirePermission(request(), 'edit')).resolves.toMatchObject({ role: 'organiser' })
    await callRoute(
      memberAction,
      formRequest(
        `/beheer/medewerkers/${colleague.user.id}`,
        { intent: 'role', role: 'viewer' },
        { cookie: admin.cookie },
      ),
      { id: colleague.user.id },
    )
    const denied = await callRoute(
      newOrganisationAction,
      formRequest('/beheer/organisaties/nieuw', { name: 'Nieuw', sector: 'ngo' }, { cookie: colleague.cookie }),
    )
    expect(denied.status).toBe(403)
    // Made admin, they must enrol in 2FA before any other page.
    await callRoute(
      memberAction,
      formRequest(
        `/beheer/medewerkers/${colleague.user.id}`,
        { intent: 'role', role: 'admin' },
        { cookie: admin.cookie },
      ),
      { id: colleague.user.id },
    )
    expect((await dashboard(colleague.cookie)).location).toBe('/beheer/account/tweestapsverificatie')
  })

  test('the last active admin cannot be deactivated or demoted, not even by themselves', async () => {
    // Every other admin in this test database is deactivated first, so this one is the last.
    const admin = await signedInAdmin()
    await db.user.updateMany({ where: { role: 'admin', id: { not: admin.user.id } }, data: { disabledAt: new Date() } })
    const path = `/beheer/medewerkers/${admin.user.id}`
    const act = (fields: Record<string, string>) =>
      callRoute(memberAction, formRequest(path, fields, { cookie: admin.cookie }), { id: admin.user.id })
    const demote = await act({ intent: 'role', role: 'organiser' })
    expect(demote.status).toBe(409)
    expect(demote.data).toEqual({ problem: 'last-admin' })
    expect((await act({ intent: 'deactivate' })).status).toBe(409)
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.user.id } })).role).toBe('admin')
    expect((await dashboard(admin.cookie)).status).toBe(200)
    // With a second admin, stepping down is fine.
    const other = await createUser(db, { role: 'admin' })
    expect(other.user.role).toBe('admin')
    expect((await act({ intent: 'role', role: 'organiser' })).status).toBe(302)
    await db.user.updateMany({ where: { role: 'admin' }, data: { disabledAt: null } })
  })

  test('viewers and organisers get 403 on /beheer/medewerkers and its actions; unknown ids 404', async () => {
    for (const role of ['viewer', 'organiser'] as const) {
      const { cookie, user } = await signedIn(role)
      expect((await callRoute(staffLoader, getRequest('/beheer/medewerkers', { cookie }))).status).toBe(403)
      expect((await callRoute(inviteLoader, getRequest('/beheer/medewerkers/nieuw', { cookie }))).status).toBe(403)
      const invite = await callRoute(
        inviteAction,
        formRequest(
          '/beheer/medewerkers/nieuw',
          { name: 'X', email: `x-${role}@example.org`, role: 'admin', language: 'nl' },
          { cookie },
        ),
      )
      expect(invite.status).toBe(403)
      const path = `/beheer/medewerkers/${user.id}`
      expect((await callRoute(memberLoader, getRequest(path, { cookie }), { id: user.id })).status).toBe(403)
      const promote = await callRoute(memberAction, formRequest(path, { intent: 'role', role: 'admin' }, { cookie }), {
        id: user.id,
      })
      expect(promote.status).toBe(403)
      expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe(role)
    }
    expect(await db.user.count({ where: { email: { startsWith: 'x-' } } })).toBe(0)
    const admin = await signedInAdmin()
    const unknown = 'cunknownid0000000000000000'
    const path = `/beheer/medewerkers/${unknown}`
    expect((await callRoute(memberLoader, getRequest(path, { cookie: admin.cookie }), { id: unknown })).status).toBe(
      404,
    )
    expect(
      (
        await callRoute(memberAction, formRequest(path, { intent: 'deactivate' }, { cookie: admin.cookie }), {
          id: unknown,
        })
      ).status,
    ).toBe(404)
  })
})

describe('the own account', () => {
  test('sessions: listed with this one marked; ending another stops it; a cookie replayed after sign-out fails', async () => {
    const { user, password } = await createUser(db, { role: 'organiser' })
    const a = cookieFrom(
      await passwordStep(user.email, password, {
        ...client(),
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
      }),
    )
    const b = cookieFrom(await passwordStep(user.email, password))
    const c = cookieFrom(await passwordStep(user.email, password))
    const page = await callRoute(accountLoader, getRequest('/beheer/account', { cookie: a }))
    const sessions = (page.data as { sessions: Array<{ id: string; current: boolean; device: string }> }).sessions
    expect(sessions).toHaveLength(3)
    expect(sessions[0]).toMatchObject({ current: true, device: 'Firefox op Linux' })
    const other = sessions.find((s) => !s.current)!
    const end = await callRoute(
      accountAction,
      formRequest('/beheer/account', { intent: 'end-session', sessionId: other.id }, { cookie: a }),
    )
    expect(end.status).toBe(302)
    const stillWorking = [b, c].map(async (cookie) => (await dashboard(cookie)).status)
    expect((await Promise.all(stillWorking)).sort()).toEqual([200, 302])
    // Another account's session id changes nothing.
    const stranger = await signedIn('viewer')
    const strangerSession = await db.session.findFirstOrThrow({ where: { userId: stranger.user.id } })
    const foreign = await callRoute(
      accountAction,
      formRequest('/beheer/account', { intent: 'end-session', sessionId: strangerSession.id }, { cookie: a }),
    )
    expect(foreign.status).toBe(404)
    expect((await dashboard(stranger.cookie)).status).toBe(200)
    await callRoute(accountAction, formRequest('/beheer/account', { intent: 'end-others' }, { cookie: a }))
    expect((await dashboard(b)).status).toBe(302)
    expect((await dashboard(c)).status).toBe(302)
    // Ending the current session signs out; the cookie replayed afterwards opens nothing.
    const me = await db.session.findFirstOrThrow({ where: { userId: user.id, revokedAt: null } })
    const out = await callRoute(
      accountAction,
      formRequest('/beheer/account', { intent: 'end-session', sessionId: me.id }, { cookie: a }),
    )
    expect(out.location).toBe('/inloggen?uitgelogd=1')
    expect((await dashboard(a)).status).toBe(302)
  })

  test('changing the password: the rules apply, the current one is asked, other sessions end', async () => {
    const { user, password } = await createUser(db, { role: 'viewer' })
    const a = cookieFrom(await passwordStep(user.email, password))
    const b = cookieFrom(await passwordStep(user.email, password))
    const change = (current: string, next: string, confirm = next) =>
      callRoute(
        accountAction,
        formRequest('/beheer/account', { intent: 'password', current, next, confirm }, { cookie: a }),
      )
    expect(JSON.stringify((await change('wrong', 'een nieuw lang wachtwoord')).data)).toContain(
      'Het huidige wachtwoord klopt niet',
    )
    expect(JSON.stringify((await change(password, 'kort')).data)).toContain('te kort')
    expect(JSON.stringify((await change(password, 'motherfucker')).data)).toContain('heel vaak gebruikt')
    const ok = await change(password, 'een nieuw lang wachtwoord')
    expect(ok.status).toBe(302)
    expect((await dashboard(a)).status).toBe(200)
    expect((await dashboard(b)).status).toBe(302)
    expect((await passwordStep(user.email, password)).status).toBe(401)
    expect((await passwordStep(user.email, 'een nieuw lang wachtwoord')).location).toBe('/beheer')
  })

  test('name and language can be changed', async () => {
    const { cookie, user } = await signedIn('viewer')
    const saved = await callRoute(
      accountAction,
      formRequest('/beheer/account', { intent: 'profile', name: 'Nieuwe Naam', language: 'en' }, { cookie }),
    )
    expect(saved.status).toBe(302)
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      name: 'Nieuwe Naam',
      language: 'en',
    })
    expect(cookiesOf(saved)).toBe('')
  })
})
