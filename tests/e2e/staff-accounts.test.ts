// Staff accounts in a real browser, by keyboard and axe-clean (issue 15): the admin invites a colleague, the
// mail arrives over SMTP, the colleague chooses a password (a short one is refused), signs in, sets up 2FA
// with the QR code's secret and gets the recovery codes; the admin deactivates them and their open session
// ends at once. A new admin without 2FA is sent to the enrolment first (the quickstart's first sign-in).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import * as OTPAuth from 'otpauth'
import { createDb } from '~/utils/db.server'
import { createUser } from '../factories.ts'
import { ADMIN, startAppServer, type AppServer } from '../support/app-server.ts'
import { expectNoAxeViolations, keepScreenshot, launchBrowser, newPage, waitForHydration } from '../support/browser.ts'
import { signInAs } from '../support/sign-in.ts'
import { startSmtpSink, type SmtpSink } from '../support/smtp.ts'

let app: AppServer
let browser: Browser
let smtp: SmtpSink
let db: ReturnType<typeof createDb>

beforeAll(async () => {
  smtp = await startSmtpSink()
  ;[app, browser] = await Promise.all([
    startAppServer({ env: { SMTP_URL: smtp.url, MAIL_WORKER_IN_PROCESS: 'true' } }),
    launchBrowser(),
  ])
  db = createDb(app.databaseUrl)
}, 120_000)

afterAll(async () => {
  await db?.$disconnect()
  await browser?.close()
  await app?.stop()
  await smtp?.close()
})

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()
const path = (page: Page) => new URL(page.url()).pathname

describe('staff accounts in a browser', () => {
  test('invite → mail → choose a password → sign in → set up 2FA; deactivation ends the open session', async () => {
    const admin = await newPage(browser)
    await signInAs(admin.page, app.url, ADMIN.email, ADMIN.password)
    await admin.page.getByRole('link', { name: 'Medewerkers' }).click()
    await expect.poll(() => heading(admin.page)).toBe('Medewerkers')
    await waitForHydration(admin.page)
    await expectNoAxeViolations(admin.page)
    await keepScreenshot(admin.page, 'medewerkers')
    await admin.page.getByRole('link', { name: 'Collega uitnodigen' }).click()
    await expect.poll(() => heading(admin.page)).toBe('Collega uitnodigen')
    await waitForHydration(admin.page)
    await expectNoAxeViolations(admin.page)
    await admin.page.getByLabel('Naam').fill('Sanne de Vries')
    await admin.page.getByLabel('E-mailadres').fill('sanne@example.org')
    await admin.page.getByLabel('Rol').selectOption({ label: 'Organisator' })
    await admin.page.getByLabel('E-mailadres').press('Enter')
    await expect
      .poll(() => admin.page.getByRole('status').textContent())
      .toBe('De uitnodiging voor Sanne de Vries staat klaar om te versturen.')
    expect(await admin.page.getByRole('row', { name: /Sanne de Vries/ }).textContent()).toContain('Uitgenodigd')

    const [mail] = await smtp.waitFor(1)
    expect(mail!.envelope.to).toEqual(['sanne@example.org'])
    const link = /\/activeren\/[A-Za-z0-9_-]{43}/.exec(mail!.parsed!.text ?? '')![0]

    // The colleague opens the link: the token leaves the address at once.
    const colleague = await newPage(browser)
    const page = colleague.page
    await page.goto(app.url + link)
    await expect.poll(() => path(page)).toMatch(/^\/activeren\/[a-z0-9]+$/)
    await expect.poll(() => heading(page)).toBe('Wachtwoord kiezen')
    await waitForHydration(page)
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'wachtwoord-kiezen')
    await page.getByLabel('Nieuw wachtwoord').fill('kort')
    await page.getByLabel('Herhaal het wachtwoord').fill('kort')
    await page.getByLabel('Herhaal het wachtwoord').press('Enter')
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Het wachtwoord is te kort')
    await expectNoAxeViolations(page)
    await page.getByLabel('Nieuw wachtwoord').fill('zomeravond aan de waal')
    await page.getByLabel('Herhaal het wachtwoord').fill('zomeravond aan de waal')
    await page.getByLabel('Herhaal het wachtwoord').press('Enter')
    await expect.poll(() => path(page)).toBe('/inloggen')
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Uw wachtwoord is opgeslagen')
    await signInAs(page, app.url, 'sanne@example.org', 'zomeravond aan de waal')

    // Her own account page, then 2FA with the secret shown as text beside the QR code.
    await page.getByRole('link', { name: 'Mijn account' }).click()
    await expect.poll(() => heading(page)).toBe('Mijn account')
    await waitForHydration(page)
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'mijn-account')
    expect(await page.getByRole('row', { name: /Deze sessie/ }).count()).toBe(1)
    await page.getByRole('link', { name: 'Tweestapsverificatie instellen' }).click()
    await expect.poll(() => heading(page)).toBe('Tweestapsverificatie')
    await waitForHydration(page)
    expect(await page.getByRole('img', { name: 'QR-code om bijeen toe te voegen aan uw app' }).count()).toBe(1)
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'tweestapsverificatie')
    const secret = (await page.locator('.totp-secret').textContent())!.replace(/\s/g, '')
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate()
    await page.getByLabel('Code van 6 cijfers').fill(code)
    await page.getByLabel('Code van 6 cijfers').press('Enter')
    await expect.poll(() => page.getByRole('heading', { name: 'Uw herstelcodes' }).count()).toBe(1)
    expect(await page.locator('.recovery-codes li').count()).toBe(10)
    await expectNoAxeViolations(page)

    // The admin deactivates her: her open session ends at once.
    await admin.page.getByRole('link', { name: /^Sanne de Vries/ }).click()
    await expect.poll(() => heading(admin.page)).toBe('Medewerker: Sanne de Vries')
    await waitForHydration(admin.page)
    await expectNoAxeViolations(admin.page)
    expect(await admin.page.getByText('Tweestapsverificatie').count()).toBeGreaterThan(0)
    await admin.page.getByRole('button', { name: 'Account deactiveren' }).click()
    await expect.poll(() => admin.page.getByRole('status').textContent()).toContain('Het account is gedeactiveerd')
    await page.goto(`${app.url}/beheer/account`)
    await expect.poll(() => path(page)).toBe('/inloggen')

    expect(admin.problems).toEqual([])
    expect(colleague.problems).toEqual([])
    await admin.context.close()
    await colleague.context.close()
  })

  test('an admin without 2FA is sent to set it up first, also without JavaScript', async () => {
    const { user, password } = await createUser(db, { role: 'admin', email: 'nieuwe-beheerder@example.org' })
    const { page, context, problems } = await newPage(browser, { javaScriptEnabled: false })
    await page.goto(`${app.url}/inloggen`)
    await page.getByLabel('E-mailadres').fill(user.email)
    await page.getByLabel('Wachtwoord').fill(password)
    await page.getByRole('button', { name: 'Inloggen' }).click()
    await expect.poll(() => path(page)).toBe('/beheer/account/tweestapsverificatie')
    expect(await page.getByRole('status').textContent()).toContain('Als beheerder hebt u tweestapsverificatie nodig')
    await page.goto(`${app.url}/beheer/medewerkers`)
    await expect.poll(() => path(page)).toBe('/beheer/account/tweestapsverificatie')
    const secret = (await page.locator('.totp-secret').textContent())!.replace(/\s/g, '')
    await page
      .getByLabel('Code van 6 cijfers')
      .fill(new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate())
    await page.getByRole('button', { name: 'Bevestigen' }).click()
    await expect.poll(() => page.locator('.recovery-codes li').count()).toBe(10)
    await page.getByRole('link', { name: /Ik heb de codes bewaard/ }).click()
    await expect.poll(() => path(page)).toBe('/beheer')
    expect(problems).toEqual([])
    await context.close()
  })
})
