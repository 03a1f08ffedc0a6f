// The secretariat's speaker and quote pages in a real browser, without JavaScript for every form: from the
// event's tabs to Sprekers (invite a speaker and their delegate), to Citaten (ask for quotes, enter a text
// with hostile markup that stays text), to the statement page (edit one word: the difference in <del>/<ins>).
// Axe on every page (with JavaScript: axe runs as a script), after the forms were sent without it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { createDb } from '~/utils/db.server'
import { ADMIN, startAppServer, type AppServer } from '../support/app-server.ts'
import { expectNoAxeViolations, keepScreenshot, launchBrowser, newPage, waitForHydration } from '../support/browser.ts'
import { enterCode, signInAs } from '../support/sign-in.ts'

let app: AppServer
let browser: Browser
let eventId: string

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startAppServer(), launchBrowser()])
  const db = createDb(app.databaseUrl)
  eventId = (await db.event.findFirstOrThrow({ where: { slug: 'formele-start-samen-tegen-mensenhandel' } })).id
  await db.$disconnect()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

async function heading(page: Page, text: string | RegExp) {
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(text)
}

const hostile = '<script>alert(1)</script> "onerror=alert(2) Wij laten niemand in de steek.'

describe('speakers and quotes, secretariat side', () => {
  test('invite, ask, enter and edit a quote without JavaScript', { timeout: 180_000 }, async () => {
    const { page, context, problems } = await newPage(browser, { javaScriptEnabled: false })
    page.setDefaultTimeout(20_000)
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    await page.goto(`${app.url}/inloggen`)
    await page.getByLabel('E-mailadres').fill(ADMIN.email)
    await page.getByLabel('Wachtwoord').fill(ADMIN.password)
    await page.getByLabel('Wachtwoord').press('Enter')
    await enterCode(page, app.url, ADMIN.totpSecret)
    await page.waitForURL(`${app.url}/beheer`, { timeout: 15_000 })
    await page.goto(`${app.url}/beheer/bijeenkomsten/${eventId}`)
    await page.locator(`a[href="/beheer/bijeenkomsten/${eventId}/sprekers"]`).click()
    await page.waitForURL(/\/sprekers$/, { timeout: 15_000 })
    await heading(page, 'Sprekers: Formele start Samen tegen mensenhandel')

    // Harbers has a delegate on record: the box is ticked, so both get the invitation, for both slots.
    const harbers = page.locator('li', { has: page.locator('h2', { hasText: 'Staatssecretaris Harbers' }) })
    await expect.poll(() => harbers.getByText('Niet uitgenodigd').count()).toBe(1)
    await page.getByRole('button', { name: 'Uitnodiging versturen – Staatssecretaris Harbers' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('4 e-mails, ook aan de vertegenwoordiger')
    // The seed has Harbers' slots confirmed already, so the state reads "Bevestigd", with the sending below it.
    await expect.poll(() => harbers.getByText('Bevestigd', { exact: true }).count()).toBe(1)
    await expect.poll(() => harbers.getByText(/^Verstuurd op \d+ \w+ \d{4}/).count()).toBe(1)
    await keepScreenshot(page, 'speakers-admin-sprekers')

    // The day itself: a phone number that is none is refused at the field; then contact and arrival are saved.
    await page.getByLabel('Contactpersoon voor de sprekers').fill('Sanne Visser')
    await page.getByLabel('Telefoonnummer van de contactpersoon').fill('bel mij')
    await page.getByLabel(/^Aankomst: aantal minuten/).fill('45')
    await page.getByRole('button', { name: 'Opslaan – Op de dag zelf' }).click()
    await expect
      .poll(() => page.locator('#op-de-dag .field-errors').first().textContent())
      .toContain('Vul een telefoonnummer in met cijfers')
    await page.getByLabel('Telefoonnummer van de contactpersoon').fill('070 123 45 67')
    await page.getByRole('button', { name: 'Opslaan – Op de dag zelf' }).click()
    await page.waitForURL(/\/sprekers#op-de-dag$/, { timeout: 15_000 })
    await expect
      .poll(() => page.locator('#op-de-dag').textContent())
      .toContain('Nu in de briefing: Sanne Visser, 070 123 45 67. Aankomst 45 minuten voor het eerste onderdeel.')

    await page.getByRole('link', { name: 'Terug naar de bijeenkomst' }).click()
    await page.locator(`a[href="/beheer/bijeenkomsten/${eventId}/citaten"]`).click()
    await page.waitForURL(/\/citaten$/, { timeout: 15_000 })
    await heading(page, 'Citaten: Formele start Samen tegen mensenhandel')

    // Ask two speakers, with a deadline and a question.
    await page.getByRole('checkbox', { name: 'Staatssecretaris Blokhuis' }).check()
    await page.getByRole('checkbox', { name: 'Tazelaar' }).check()
    await page.getByLabel('Uiterlijk op (datum)').fill('2026-12-11')
    await page.getByLabel('Tijd', { exact: true }).fill('17:00')
    await page.getByLabel('Vraag aan de spreker (niet verplicht)').fill('Wat is voor u de kern van de aanpak?')
    await page.getByRole('button', { name: 'Verzoek versturen' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('2 verzoeken zijn klaargezet')

    // A text from the speech, with markup that must stay text.
    await page.getByLabel('Spreker', { exact: true }).selectOption({ label: 'Staatssecretaris Van Ark' })
    await page.getByLabel('Tekst van het citaat').fill(hostile)
    await page.getByRole('button', { name: 'Ter autorisatie voorleggen' }).click()
    await page.waitForURL(/\/citaten\/[^/?]+$/, { timeout: 15_000 })
    await heading(page, 'Citaat van Staatssecretaris Van Ark')
    await expect.poll(() => page.locator('blockquote').first().textContent()).toBe(`„${hostile}”`)
    expect(await page.locator('main script, blockquote script').count()).toBe(0)

    // Edit one word: the history shows both versions and the difference, marked in text.
    await page.getByLabel('Tekst', { exact: true }).fill(hostile.replace('niemand', 'geen mens'))
    await page.getByRole('button', { name: 'Aangepaste tekst voorleggen' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Versie 2' }).count()).toBe(1)
    await expect.poll(() => page.locator('.word-diff del').textContent()).toBe('[verwijderd: niemand]')
    await expect.poll(() => page.locator('.word-diff ins').textContent()).toBe('[ingevoegd: geen mens]')
    await expect.poll(() => page.getByText('Wacht op autorisatie').count()).toBeGreaterThan(0)
    await keepScreenshot(page, 'speakers-admin-statement')

    // Too long is refused with the limit in words (the browser's own limit is lifted here to send it).
    await page.locator('#edit-text').evaluate((el) => el.removeAttribute('maxlength'))
    await page.getByLabel('Tekst', { exact: true }).fill('woord '.repeat(600))
    await page.getByRole('button', { name: 'Aangepaste tekst voorleggen' }).click()
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('De tekst is te lang')

    expect(dialogs).toEqual([])
    expect(problems).toEqual([])
    await context.close()
  })

  test('the pages hydrate and stay axe-clean with JavaScript', { timeout: 120_000 }, async () => {
    const { page, context, problems } = await newPage(browser)
    await signInAs(page, app.url, ADMIN.email, ADMIN.password)
    for (const path of ['sprekers', 'citaten']) {
      await page.goto(`${app.url}/beheer/bijeenkomsten/${eventId}/${path}`)
      await waitForHydration(page)
      await expectNoAxeViolations(page)
    }
    // The quote edited in the test above: its page with the history and the difference.
    await page.goto(`${app.url}/beheer/bijeenkomsten/${eventId}/citaten`)
    await page
      .getByRole('link', { name: /^Bekijken – Staatssecretaris Van Ark \(\d\)$/ })
      .last()
      .click()
    await heading(page, 'Citaat van Staatssecretaris Van Ark')
    await expect.poll(() => page.locator('.word-diff ins').count()).toBeGreaterThan(0)
    await waitForHydration(page)
    await expectNoAxeViolations(page)
    // A seeded, authorised quote: its page shows who authorised it.
    await page.goto(`${app.url}/beheer/bijeenkomsten/${eventId}/citaten`)
    await page.getByRole('link', { name: 'Bekijken – Staatssecretaris Harbers (1)' }).click()
    await heading(page, 'Citaat van Staatssecretaris Harbers')
    await expect.poll(() => page.getByText(/Geautoriseerd door/).count()).toBeGreaterThan(0)
    await expectNoAxeViolations(page)
    expect(problems).toEqual([])
    await context.close()
  })
})
