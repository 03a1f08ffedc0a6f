// The secretariat orders and edits a programme's action lines; the public programme page follows.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { ADMIN, startAppServer, type AppServer } from '../support/app-server.ts'
import { expectNoAxeViolations, launchBrowser, newPage, waitForHydration } from '../support/browser.ts'
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

describe('programmes and action lines', () => {
  test('reorder, add and rename action lines', async () => {
    const { page, context, problems } = await newPage(browser)
    await signInAs(page, app.url, ADMIN.email, ADMIN.password)
    await page.getByRole('link', { name: 'Programma’s' }).click()
    await expectNoAxeViolations(page)
    await page.getByRole('main').getByRole('link', { name: 'Samen tegen mensenhandel', exact: true }).click()
    await waitForHydration(page)
    await page.getByRole('button', { name: 'Omhoog – Aanpak van arbeidsuitbuiting' }).click()
    await expect
      .poll(() => page.locator('input[name="title"]').first().inputValue())
      .toBe('Aanpak van arbeidsuitbuiting')

    // A new line; a number that is taken is refused with a message.
    await page.locator('#code-new').fill('2')
    await page.locator('#title-new').fill('Dubbel nummer')
    await page.getByRole('button', { name: 'Actielijn toevoegen' }).click()
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('Dit nummer heeft al een andere actielijn')
    await page.locator('#code-new').fill('6')
    await page.locator('#title-new').fill('Internationale samenwerking')
    await page.getByRole('button', { name: 'Actielijn toevoegen' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Het programma is opgeslagen')
    await expectNoAxeViolations(page)

    await page.goto(`${app.url}/programmas/samen-tegen-mensenhandel`)
    expect(await page.locator('.action-lines li').allTextContents()).toEqual([
      'Aanpak van arbeidsuitbuiting',
      'Versterking van de basisaanpak van mensenhandel',
      'Voorkomen van slachtofferschap en daderschap',
      'Versterken van de gemeentelijke aanpak van mensenhandel',
      'Delen van kennis en informatie',
      'Internationale samenwerking',
    ])
    expect(problems).toEqual([])
    await context.close()
  })
})
