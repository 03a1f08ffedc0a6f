// A person signs in in a real browser, by keyboard, sees the 4 December event in /beheer, and every
// page on the way passes axe (WCAG 2.1 A and AA).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { ADMIN, startAppServer, type AppServer } from '../support/app-server.ts'
import { expectNoAxeViolations, keepScreenshot, launchBrowser, newPage, waitForHydration } from '../support/browser.ts'
import { enterCode, totpCode } from '../support/sign-in.ts'

let app: AppServer
let browser: Browser

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startAppServer(), launchBrowser()])
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('secretariat sign-in in a browser', () => {
  test('sign in by keyboard, see the seeded event, sign out', async () => {
    const { page, context, problems } = await newPage(browser)
    await page.goto(`${app.url}/beheer`)
    // Not signed in: the sign-in page, which remembers where we were going.
    await expect.poll(() => new URL(page.url()).pathname).toBe('/inloggen')
    await waitForHydration(page)
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Inloggen voor het secretariaat')
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'inloggen')

    // The skip link is the first thing the keyboard reaches.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud')

    // A wrong password: a clear Dutch message, announced, and axe-clean too.
    await page.getByLabel('E-mailadres').fill(ADMIN.email)
    await page.getByLabel('Wachtwoord').fill('niet-het-wachtwoord')
    await page.getByLabel('Wachtwoord').press('Enter')
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Het e-mailadres of het wachtwoord klopt niet')
    await expectNoAxeViolations(page)

    await page.getByLabel('E-mailadres').fill(ADMIN.email)
    await page.getByLabel('Wachtwoord').fill(ADMIN.password)
    await page.getByLabel('Wachtwoord').press('Enter')
    // The admin has 2FA: the code step comes next, axe-clean too; a wrong code is refused with a message.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Code invullen')
    await waitForHydration(page)
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'inloggen-code')
    await page.getByLabel('Code of herstelcode').fill('000000')
    await page.getByLabel('Code of herstelcode').press('Enter')
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Deze code klopt niet')
    await expectNoAxeViolations(page)
    await enterCode(page, app.url, ADMIN.totpSecret)
    await expect.poll(() => new URL(page.url()).pathname).toBe('/beheer')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Overzicht')
    const row = page.getByRole('row', { name: /Formele start Samen tegen mensenhandel/ })
    await expect.poll(() => row.textContent()).toContain('vrijdag 4 december')
    expect(await row.textContent()).toContain('14.00–17.00 uur')
    expect(await row.textContent()).toContain('Den Haag')
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'beheer')

    // Sign out; the old session is gone.
    await page.getByRole('button', { name: 'Uitloggen' }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/inloggen')
    await page.goto(`${app.url}/beheer`)
    await expect.poll(() => new URL(page.url()).pathname).toBe('/inloggen')
    expect(problems).toEqual([])
    await context.close()
  })

  test('the language switch shows the page in English', async () => {
    const { page, context, problems } = await newPage(browser)
    await page.goto(`${app.url}/inloggen`)
    await waitForHydration(page)
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in for the secretariat')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click()
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Inloggen voor het secretariaat')
    expect(problems).toEqual([])
    await context.close()
  })

  test('switching language and signing in work without JavaScript', async () => {
    const { page, context, problems } = await newPage(browser, { javaScriptEnabled: false })
    await page.goto(`${app.url}/inloggen`)
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in for the secretariat')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    // The server renders the errors when the browser runs no script.
    await page.getByLabel('E-mail address').fill('nonsense')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect
      .poll(() => page.locator('.field-errors').first().textContent())
      .toContain('Enter a valid e-mail address')
    await page.getByLabel('E-mail address').fill(ADMIN.email)
    await page.getByLabel('Password').fill(ADMIN.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Enter your code')
    await page.getByLabel('Code or recovery code').fill(await totpCode(app.url, ADMIN.totpSecret))
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Overview')
    expect(problems).toEqual([])
    await context.close()
  })

  test('an unknown page is a friendly 404 inside the layout', async () => {
    const { page, context } = await newPage(browser)
    const response = await page.goto(`${app.url}/bestaat-niet`)
    expect(response?.status()).toBe(404)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Deze pagina bestaat niet')
    await expectNoAxeViolations(page)
    await context.close()
  })
})
