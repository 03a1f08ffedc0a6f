// An organiser works through an event's registrations in the browser: filters the list, approves a pending
// registration and promotes someone from the waitlist (each after a confirmation step), downloads the export,
// and opens the printable attendee list and the name badges, on screen and as printed. Every page passes axe.
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { createEvent, createOrganisation, createProgramme, createUser } from '../factories.ts'
import { startAppServer, type AppServer } from '../support/app-server.ts'
import { expectNoAxeViolations, keepScreenshot, launchBrowser, newPage, waitForHydration } from '../support/browser.ts'
import { signInAs } from '../support/sign-in.ts'

let app: AppServer
let browser: Browser
let eventId: string
let eventSlug: string
const organiser = { email: 'organisator@example.org', password: 'Organisator-Wachtwoord-1' }

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startAppServer(), launchBrowser()])
  // The registrations are made through the registration core, writing to the app server's database; the
  // environment is read once, so re-read it.
  process.env.DATABASE_URL = app.databaseUrl
  ;(await import('~/utils/env.server')).resetEnvCache()
  const { db } = await import('~/utils/db.server')
  const { register } = await import('~/models/registration.server')
  await createUser(db, { ...organiser, name: 'Olga Organisator', role: 'organiser' })
  const programme = await createProgramme(db)
  const gemeente = await createOrganisation(db, { name: 'Gemeente Zwolle', sector: 'gemeente' })
  const zorg = await createOrganisation(db, { name: 'Zorggroep Noord', sector: 'zorg' })
  const event = await createEvent(db, programme.id, { title: 'Werkconferentie mensenhandel', capacity: 2 })
  eventId = event.id
  eventSlug = event.slug
  const person = (name: string, organisationId: string | null, fn: string) => ({
    name,
    email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`,
    language: 'nl' as const,
    organisationId,
    function: fn,
    dietary: name === 'Anna Bakker' ? 'vegetarisch' : '',
  })
  // Two confirmed, two on the waitlist, then one awaiting approval; then room for two more.
  await register(event.id, person('Anna Bakker', gemeente.id, 'wethouder'))
  await register(event.id, person('Bram de Wit', zorg.id, 'verpleegkundige'))
  await register(event.id, person('Carla Jansen', gemeente.id, 'beleidsadviseur'))
  await register(event.id, person('Daan Smit', zorg.id, 'teamleider'))
  await db.event.update({ where: { id: event.id }, data: { requiresApproval: true } })
  await register(event.id, person('Eva Visser', gemeente.id, 'jurist'))
  await register(event.id, person('Gerda Bos', null, 'onderzoeker'))
  await db.event.update({ where: { id: event.id }, data: { capacity: 4 } })
  await db.$disconnect()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

const listPath = () => `/beheer/bijeenkomsten/${eventId}/aanmeldingen`

async function heading(page: Page) {
  return page.getByRole('heading', { level: 1 }).textContent()
}

async function filterByStatus(page: Page, label: string, value: string) {
  await page.getByLabel('Status', { exact: true }).selectOption({ label })
  await page.getByRole('button', { name: 'Toon aanmeldingen' }).click()
  await page.waitForURL((url) => url.searchParams.get('status') === value)
  await expect.poll(() => page.getByRole('status').textContent()).toMatch(/aanmeldingen|gevonden/)
}

async function openRegistration(page: Page, name: string) {
  await page.getByRole('link', { name, exact: true }).click()
  await page.waitForURL(new RegExp(`${listPath()}/[^/?]+$`))
  await expect.poll(() => heading(page)).toBe(name)
}

describe('registrations in the secretariat', () => {
  test('filter, approve, promote, export, and print the list and the badges', async () => {
    const { page, context, problems } = await newPage(browser, { acceptDownloads: true })
    await signInAs(page, app.url, organiser.email, organiser.password)
    await page.goto(`${app.url}/beheer/bijeenkomsten/${eventId}`)
    await waitForHydration(page)
    await page.getByRole('link', { name: 'Aanmeldingen', exact: true }).click()
    await page.waitForURL(`${app.url}${listPath()}`)
    await expect.poll(() => heading(page)).toBe('Aanmeldingen: Werkconferentie mensenhandel')
    expect(await page.locator('.counts').textContent()).toContain('2 van 4 plaatsen bevestigd (2 plaatsen vrij)')
    expect(await page.getByRole('row').count()).toBe(7) // a header and six people
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'aanmeldingen')

    // Filters: organisation, then status.
    await page.getByLabel('Organisatie', { exact: true }).selectOption({ label: 'Zorggroep Noord' })
    await page.getByRole('button', { name: 'Toon aanmeldingen' }).click()
    await page.waitForURL(/organisatie=/)
    await expect.poll(() => page.getByRole('row').count()).toBe(3)
    expect(await page.getByRole('rowheader').allTextContents()).toEqual(['Bram de Wit', 'Daan Smit'])
    await page.getByRole('link', { name: 'Filters wissen' }).click()
    await page.waitForURL(`${app.url}${listPath()}`)
    await expect.poll(() => page.getByRole('row').count()).toBe(7)

    // Approve the one awaiting approval.
    await filterByStatus(page, 'Wacht op goedkeuring', 'pending_approval')
    expect(await page.getByRole('rowheader').allTextContents()).toEqual(['Eva Visser', 'Gerda Bos'])
    await openRegistration(page, 'Eva Visser')
    await page.getByRole('link', { name: 'Goedkeuren' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Aanmelding goedkeuren?' }).count()).toBe(1)
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'aanmelding-goedkeuren')
    await page.getByRole('button', { name: 'Ja, goedkeuren en mailen' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('De aanmelding is goedgekeurd')
    expect(await page.locator('.status').first().textContent()).toBe('Bevestigd')
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'aanmelding')

    // Promote the second on the waitlist by hand.
    await page.getByRole('link', { name: 'Terug naar de aanmeldingen' }).click()
    await page.waitForURL(`${app.url}${listPath()}`)
    await expect.poll(() => heading(page)).toMatch(/^Aanmeldingen/)
    await filterByStatus(page, 'Op de wachtlijst', 'waitlisted')
    expect(await page.getByRole('row').allTextContents()).toEqual([
      expect.any(String),
      expect.stringContaining('Op de wachtlijst (plaats 1)'),
      expect.stringContaining('Op de wachtlijst (plaats 2)'),
    ])
    expect(await page.getByRole('rowheader').allTextContents()).toEqual(['Carla Jansen', 'Daan Smit'])
    await openRegistration(page, 'Daan Smit')
    await page.getByRole('link', { name: 'Van de wachtlijst plaatsen' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Van de wachtlijst plaatsen?' }).count()).toBe(1)
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Ja, plaatsen en mailen' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('van de wachtlijst geplaatst')
    expect(await page.locator('.status').first().textContent()).toBe('Bevestigd')

    // The export, with the confidential columns for an organiser.
    await page.getByRole('link', { name: 'Terug naar de aanmeldingen' }).click()
    await page.waitForURL(`${app.url}${listPath()}`)
    await expect.poll(() => page.locator('.counts').textContent()).toContain('4 van 4 plaatsen bevestigd')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download als CSV' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(new RegExp(`^aanmeldingen-${eventSlug}-\\d{4}-\\d\\d-\\d\\d\\.csv$`))
    const csv = fs.readFileSync((await download.path())!, 'utf8')
    expect(csv).toContain('Dieetwensen (vertrouwelijk)')
    expect(csv).toContain('vegetarisch')

    // The printable attendee list: the confirmed four, by organisation; printed without the shell.
    await page.getByRole('link', { name: 'Presentielijst' }).click()
    await page.waitForURL(`${app.url}${listPath()}/lijst`)
    await expect.poll(() => heading(page)).toBe('Presentielijst: Werkconferentie mensenhandel')
    expect(await page.getByRole('rowheader').allTextContents()).toEqual([
      'Anna Bakker',
      'Eva Visser',
      'Bram de Wit',
      'Daan Smit',
    ])
    expect(await page.getByRole('img', { name: /^Aanwezig:/ }).count()).toBe(4)
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'presentielijst')
    await page.getByLabel('Sorteren op').selectOption({ label: 'Naam' })
    await page.getByRole('button', { name: 'Toon lijst' }).click()
    await page.waitForURL(/volgorde=naam/)
    await expect
      .poll(() => page.getByRole('rowheader').allTextContents())
      .toEqual(['Anna Bakker', 'Bram de Wit', 'Daan Smit', 'Eva Visser'])
    await page.emulateMedia({ media: 'print' })
    await expectPrintedWithoutShell(page)
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true)
    await keepScreenshot(page, 'presentielijst-print')
    await page.emulateMedia({ media: 'screen' })

    // The badges: name, function, organisation and the event title; one sheet per eight, none split.
    await page.goto(`${app.url}${listPath()}/badges`)
    await waitForHydration(page)
    await expect.poll(() => heading(page)).toBe('Naambadges: Werkconferentie mensenhandel')
    const badges = page.locator('.badge')
    expect(await badges.count()).toBe(4)
    expect(await badges.first().locator('p').allTextContents()).toEqual([
      'Werkconferentie mensenhandel',
      'Anna Bakker',
      'wethouder',
      'Gemeente Zwolle',
    ])
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'badges')
    await page.emulateMedia({ media: 'print' })
    await expectPrintedWithoutShell(page)
    expect(await badges.first().isVisible()).toBe(true)
    expect(await badges.first().evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid')
    // 90 × 64 mm, two across.
    const box = (await badges.first().boundingBox())!
    const second = (await badges.nth(1).boundingBox())!
    expect(Math.round((box.width * 25.4) / 96)).toBe(90)
    expect(Math.round((box.height * 25.4) / 96)).toBe(64)
    expect(second.y).toBe(box.y)
    await keepScreenshot(page, 'badges-print')
    expect(problems).toEqual([])
    await context.close()
  })
})

describe('without JavaScript', () => {
  test('the filters and a rejection with its reason work as plain forms', async () => {
    const { page, context, problems } = await newPage(browser, { javaScriptEnabled: false })
    page.setDefaultTimeout(15_000)
    // Signing in by form works without JavaScript too.
    await page.goto(`${app.url}/inloggen`)
    await page.getByLabel('E-mailadres').fill(organiser.email)
    await page.getByLabel('Wachtwoord').fill(organiser.password)
    await page.getByLabel('Wachtwoord').press('Enter')
    await page.waitForURL(`${app.url}/beheer`)
    await page.goto(`${app.url}${listPath()}`)
    await page.getByLabel('Zoeken op naam of e-mailadres').fill('gerda')
    await page.getByRole('button', { name: 'Toon aanmeldingen' }).click()
    await page.waitForURL((url) => url.searchParams.get('zoek') === 'gerda')
    expect(await page.getByRole('rowheader').allTextContents()).toEqual(['Gerda Bos'])
    await page.getByRole('link', { name: 'Gerda Bos' }).click()
    await page.waitForURL(new RegExp(`${listPath()}/[^/?]+$`))
    await page.getByRole('link', { name: 'Afwijzen' }).click()
    await page.waitForURL(/bevestig=afwijzen/)
    // (No axe here: it runs as a script, which this page does not allow. The first test checks these pages.)
    await page.getByLabel('Toelichting in de e-mail (niet verplicht)').fill('De bijeenkomst is voor gemeenten.')
    await page.getByRole('button', { name: 'Ja, afwijzen en mailen' }).click()
    await page.waitForURL(/gedaan=rejected/)
    expect(await page.getByRole('status').textContent()).toContain('De aanmelding is afgewezen')
    expect(await page.locator('.status').first().textContent()).toBe('Afgewezen')
    expect(await page.getByRole('link', { name: 'Afwijzen' }).count()).toBe(0)
    expect(problems).toEqual([])
    await context.close()
  })
})

async function expectPrintedWithoutShell(page: Page) {
  for (const selector of ['.site-header', '.site-footer', '.secretariat__bar', '.no-print']) {
    expect(await page.locator(selector).first().isHidden(), selector).toBe(true)
  }
}
