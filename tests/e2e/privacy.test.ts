// The privacy statement and the secretariat's privacy page in a browser: reached from the footer and the menu,
// Dutch and English, the configured periods on the statement, the export downloaded as a readable document, and
// the erasure through its confirm step. Every page (and the exported document) passes axe.
import { readFile } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ADMIN, startAppServer, type AppServer } from '../support/app-server.ts'
import { expectNoAxeViolations, keepScreenshot, launchBrowser, newPage, waitForHydration } from '../support/browser.ts'
import { signInAs } from '../support/sign-in.ts'

let app: AppServer
let browser: Browser

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startAppServer(), launchBrowser()])
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

const h1 = (page: Awaited<ReturnType<typeof newPage>>['page']) => page.getByRole('heading', { level: 1 }).textContent()

describe('privacy in a browser', () => {
  test('the statement, from the footer, in Dutch and English, with the configured periods', async () => {
    const { page, context, problems } = await newPage(browser)
    await page.goto(app.url)
    await waitForHydration(page)
    await page.getByRole('contentinfo').getByRole('link', { name: 'Privacyverklaring' }).click()
    await expect.poll(() => h1(page)).toBe('Privacyverklaring')
    const text = await page.locator('main').textContent()
    expect(text).toContain('verwijderd 30 dagen na de bijeenkomst')
    expect(text).toContain('12 maanden na de bijeenkomst')
    expect(text).toContain('verwijderd na 90 dagen')
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'privacy-statement')

    await page.getByRole('button', { name: 'Switch to English' }).click()
    await expect.poll(() => h1(page)).toBe('Privacy statement')
    expect(await page.locator('main').textContent()).toContain('deleted 30 days after the meeting')
    await expectNoAxeViolations(page)
    expect(problems).toEqual([])
    await context.close()
  })

  test('the secretariat exports a speaker’s data, then erases it after confirming', async () => {
    const { page, context, problems } = await newPage(browser, { acceptDownloads: true })
    await signInAs(page, app.url, ADMIN.email, ADMIN.password)
    await page.getByRole('link', { name: 'Privacy', exact: true }).click()
    await expect.poll(() => h1(page)).toBe('Privacy: inzage en wissen')
    await waitForHydration(page)
    await expectNoAxeViolations(page)

    // A wrong address is refused in the page, with the error tied to the field.
    await page.getByLabel('E-mailadres').fill('geen adres')
    await page.getByRole('button', { name: 'Zoeken' }).click()
    await expect.poll(() => page.getByLabel('E-mailadres').getAttribute('aria-invalid')).toBe('true')

    await page.getByLabel('E-mailadres').fill('blokhuis@example.org')
    await page.getByRole('button', { name: 'Zoeken' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Gevonden gegevens' }).count()).toBe(1)
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'privacy-admin-found')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Downloaden als leesbaar document (HTML)' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^bijeen-gegevens-\d{4}-\d{2}-\d{2}\.html$/)
    const html = await readFile((await download.path())!, 'utf8')
    expect(html).toContain('Uw gegevens in bijeen')
    expect(html).toContain('Blokhuis')
    const documentPage = await context.newPage()
    await documentPage.setContent(html)
    await expectNoAxeViolations(documentPage)
    await documentPage.close()

    await page.getByRole('button', { name: 'Verder naar bevestigen' }).click()
    const question = page.getByRole('heading', { name: 'Weet u zeker dat u deze gegevens wilt wissen?' })
    await expect.poll(() => question.count()).toBe(1)
    // The question takes the focus, for keyboard and screen-reader users.
    await expect.poll(() => question.evaluate((el) => el === document.activeElement)).toBe(true)
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Definitief wissen' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'De gegevens zijn gewist' }).count()).toBe(1)
    await expectNoAxeViolations(page)

    await page.getByLabel('E-mailadres').fill('blokhuis@example.org')
    await page.getByRole('button', { name: 'Zoeken' }).click()
    await expect.poll(() => page.getByText('Bij dit e-mailadres vonden wij geen gegevens.').count()).toBe(1)
    expect(problems).toEqual([])
    await context.close()
  })

  test('without JavaScript the steps work the same', async () => {
    const signedIn = await newPage(browser)
    await signInAs(signedIn.page, app.url, ADMIN.email, ADMIN.password)
    const storageState = await signedIn.context.storageState()
    await signedIn.context.close()
    const { page, context } = await newPage(browser, { javaScriptEnabled: false, storageState })
    await page.goto(`${app.url}/beheer/privacy`)
    await page.getByLabel('E-mailadres').fill('vanark@example.org')
    await page.getByRole('button', { name: 'Zoeken' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Gevonden gegevens' }).count()).toBe(1)
    await page.getByRole('button', { name: 'Verder naar bevestigen' }).click()
    await expect.poll(() => page.getByRole('button', { name: 'Definitief wissen' }).count()).toBe(1)
    await context.close()
  })
})
