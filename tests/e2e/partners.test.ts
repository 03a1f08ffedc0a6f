// An organiser builds up the partner list through the UI: creates an organisation, adds a contact, imports
// a small CSV through the column mapping and the preview, and sees the progress run to done. Axe on every page.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { createDb } from '~/utils/db.server'
import { createUser } from '../factories.ts'
import { startAppServer, type AppServer } from '../support/app-server.ts'
import { expectNoAxeViolations, keepScreenshot, launchBrowser, newPage, waitForHydration } from '../support/browser.ts'
import { signInAs } from '../support/sign-in.ts'

let app: AppServer
let browser: Browser
let eventId: string
const organiser = { email: 'partners-organisator@example.org', password: 'Organisator-Wachtwoord-1' }

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startAppServer(), launchBrowser()])
  const db = createDb(app.databaseUrl)
  await createUser(db, { ...organiser, name: 'Olga Organisator', role: 'organiser' })
  eventId = (await db.event.findFirstOrThrow({ select: { id: true } })).id
  await db.$disconnect()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

async function heading(page: Page, text: string | RegExp) {
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(text)
}

describe('partners', () => {
  test('organisation, contact, CSV import with mapping, preview and progress', { timeout: 180_000 }, async () => {
    const { page, context, problems } = await newPage(browser)
    await signInAs(page, app.url, organiser.email, organiser.password)

    // Organisations, through the secretariat's navigation.
    await page.getByRole('link', { name: 'Partners' }).click()
    await page.waitForURL(/\/beheer\/organisaties$/)
    await heading(page, 'Organisaties')
    await expectNoAxeViolations(page)

    await page.getByRole('link', { name: 'Nieuwe organisatie' }).click()
    await page.waitForURL(/\/organisaties\/nieuw$/)
    await heading(page, 'Nieuwe organisatie')
    await waitForHydration(page)
    await expectNoAxeViolations(page)
    // A name that exists already (seeded): the server says so, in a summary that links to the field.
    await page.getByLabel('Naam', { exact: true }).fill('comensha')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    const summary = page.getByRole('alert')
    await expect.poll(() => summary.textContent()).toContain('Er is al een organisatie met deze naam.')
    const link = summary.getByRole('link', { name: 'Er is al een organisatie met deze naam.' })
    await expect
      .poll(async () => page.locator(`${await link.getAttribute('href')}`).getAttribute('aria-invalid'))
      .toBe('true')
    await expectNoAxeViolations(page)
    await page.getByLabel('Naam', { exact: true }).fill('GGD Regio Utrecht')
    await page.getByLabel('Afkorting (niet verplicht)').fill('GGDrU')
    await page.getByLabel('Sector').selectOption({ label: 'Zorg' })
    await page.getByLabel('Standaard aantal plaatsen per bijeenkomst (niet verplicht)').fill('3')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.waitForURL(/\/organisaties\/c[^/?]+$/)
    await heading(page, 'Organisatie: GGD Regio Utrecht')
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Opgeslagen.')
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'partners-organisation')

    // A contact for it.
    await page.goto(`${app.url}/beheer/contacten/nieuw`)
    await heading(page, 'Nieuwe contactpersoon')
    await waitForHydration(page)
    await page.getByLabel('Naam', { exact: true }).fill('Fatima el Amrani')
    await page.getByLabel('E-mailadres').fill('F.elAmrani@ggdru.example.nl')
    await page.getByLabel('Functie (niet verplicht)').fill('Arts maatschappij en gezondheid')
    await page.getByLabel('Organisatie').selectOption({ label: 'GGD Regio Utrecht' })
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.waitForURL(/\/contacten\/c[^/?]+$/)
    await heading(page, 'Contactpersoon: Fatima el Amrani')
    await expect(page.getByLabel('E-mailadres').inputValue()).resolves.toBe('f.elamrani@ggdru.example.nl')
    await expectNoAxeViolations(page)

    // Import a small CSV as Dutch Excel saves it.
    await page.goto(`${app.url}/beheer/contacten`)
    await heading(page, 'Contactpersonen')
    await expectNoAxeViolations(page)
    await page.getByRole('link', { name: 'Importeren uit CSV of Excel' }).click()
    await page.waitForURL(/\/contacten\/importeren$/)
    await heading(page, 'Contactpersonen importeren')
    await waitForHydration(page)
    await expectNoAxeViolations(page)
    const csv =
      '\uFEFFVolledige naam;Mail;Organisatie;Rol;Taal\r\n' +
      'Pieter Post;pieter.post@gemeente-zeist.example.nl;Gemeente Zeist;Wethouder;nl\r\n' +
      'Fatima el Amrani;f.elamrani@ggdru.example.nl;GGD Regio Utrecht;Arts;nl\r\n' +
      'Jane Doe;jane.doe@unodc.example.org;UNODC;Programme officer;en\r\n'
    await page.getByLabel('Bestand (CSV of XLSX, hooguit 10 MB)').setInputFiles({
      name: 'partners.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    })
    await page.getByRole('button', { name: 'Bestand lezen' }).click()
    await page.waitForURL(/\/contacten\/importeren\/c[^/]+$/)
    await heading(page, 'Import: partners.csv')
    await waitForHydration(page)
    // The mapping step: guessed from the headers; the sector column is not in this file.
    await expect(page.getByLabel('Naam').inputValue()).resolves.toBe('0')
    await expect(page.getByLabel('E-mailadres').inputValue()).resolves.toBe('1')
    await expect(page.getByLabel('Functie').inputValue()).resolves.toBe('3')
    await expect(page.getByLabel('Sector (voor nieuwe organisaties)').inputValue()).resolves.toBe('')
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'partners-import-mapping')

    await page.getByRole('button', { name: 'Controleren' }).click()
    await expect
      .poll(() => page.getByText(/^3 regels:/).textContent())
      .toContain('2 nieuwe contactpersonen, 1 bestaande die worden bijgewerkt, 2 nieuwe organisaties')
    const preview = page.getByRole('table', { name: 'Voorbeeld' })
    await expect.poll(() => preview.getByRole('row').count()).toBe(4)
    await expect.poll(() => preview.textContent()).toContain('Bestaande contactpersoon, wordt bijgewerkt')
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'partners-import-preview')

    await page.getByRole('button', { name: 'Importeren', exact: true }).click()
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 30_000 })
      .toContain('Klaar: 2 contactpersonen toegevoegd, 1 bijgewerkt en 2 organisaties aangemaakt.')
    await expect.poll(() => page.locator('#import-progress').getAttribute('value')).toBe('3')
    await expect.poll(() => page.getByText('3 van 3 regels verwerkt.').count()).toBe(1)
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'partners-import-done')

    // The contacts list shows them, filtered by sector.
    await page.getByRole('link', { name: 'Naar de contactpersonen' }).click()
    await page.waitForURL(/\/beheer\/contacten$/)
    await heading(page, 'Contactpersonen')
    await page.getByLabel('Sector').selectOption({ label: 'Zorg' })
    await page.getByRole('button', { name: 'Filteren' }).click()
    await page.waitForURL(/sector=zorg/)
    await expect.poll(() => page.getByRole('table').getByRole('row').count()).toBe(2)
    await expect.poll(() => page.getByRole('table').textContent()).toContain('Fatima el Amrani')
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'partners-contacts')

    // Seats per organisation for an event.
    await page.goto(`${app.url}/beheer/bijeenkomsten/${eventId}/organisaties`)
    await heading(page, /^Plaatsen per organisatie:/)
    await waitForHydration(page)
    await page.getByLabel('Aantal plaatsen voor GGD Regio Utrecht bij deze bijeenkomst').fill('1')
    await page.getByRole('button', { name: 'Opslaan GGD Regio Utrecht' }).click()
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain('Aantal plaatsen voor GGD Regio Utrecht opgeslagen.')
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'partners-seats')
    expect(problems).toEqual([])
    await context.close()
  })
})
