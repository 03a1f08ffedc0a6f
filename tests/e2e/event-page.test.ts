// The public event page of the seeded 4 December event, as a visitor sees it, in Dutch and English.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { startAppServer, type AppServer } from '../support/app-server.ts'
import { expectNoAxeViolations, keepScreenshot, launchBrowser, newPage, waitForHydration } from '../support/browser.ts'

let app: AppServer
let browser: Browser

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startAppServer(), launchBrowser()])
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

const slug = 'formele-start-samen-tegen-mensenhandel'

describe('public event page', () => {
  test('shows the event, venue, hosts, agenda with the panel in its roles, and the calendar links', async () => {
    const { page, context, problems } = await newPage(browser)
    const response = await page.goto(`${app.url}/bijeenkomsten/${slug}`)
    expect(response?.status()).toBe(200)
    expect(response?.headers()['cache-control']).toContain('public')
    await waitForHydration(page)
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Formele start Samen tegen mensenhandel')
    const body = (await page.locator('main').textContent()) ?? ''
    expect(body).toContain('vrijdag 4 december 2026, 14.00–17.00 uur')
    expect(body).toContain('Turfmarkt 147')
    for (const host of [
      'Ministerie van Justitie en Veiligheid',
      'Ministerie van Volksgezondheid, Welzijn en Sport',
      'Ministerie van Sociale Zaken en Werkgelegenheid',
      'Ministerie van Buitenlandse Zaken',
    ]) {
      expect(body).toContain(host)
    }
    expect(await page.getByRole('link', { name: /op de kaart \(OpenStreetMap\)/ }).getAttribute('href')).toContain(
      'openstreetmap.org/?mlat=52.0786&mlon=4.3164',
    )
    const panel = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Panel: de inzet van de ministeries' }) })
    const people = await panel.locator('.agenda__people li').allTextContents()
    expect(people).toEqual([
      'Staatssecretaris Harbers, staatssecretaris van Justitie en Veiligheid (panellid)',
      'Staatssecretaris Blokhuis, staatssecretaris van Volksgezondheid, Welzijn en Sport (panellid)',
      'Staatssecretaris Van Ark, staatssecretaris van Sociale Zaken en Werkgelegenheid (panellid)',
      'Tazelaar, plaatsvervangend directeur-generaal Buitenlandse Zaken (panellid)',
    ])
    expect(body).toContain('Herman Bolhaar')
    expect(body).toContain('Aanpak van arbeidsuitbuiting')
    expect(body).toContain('Deelname is alleen op uitnodiging')
    expect(await page.getByRole('link', { name: 'Abonneren in uw agenda-app (webcal)' }).getAttribute('href')).toBe(
      `webcal://127.0.0.1:${new URL(app.url).port}/bijeenkomsten/${slug}/agenda.ics`,
    )
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'bijeenkomst')

    // The calendar file behind the link.
    const ics = await page.request.get(`${app.url}/bijeenkomsten/${slug}/agenda.ics?programmaonderdelen=1`)
    expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8; method=PUBLISH')
    expect((await ics.text()).match(/BEGIN:VEVENT/g)).toHaveLength(5)

    // The same page in English.
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Programme' }).count()).toBe(1)
    expect(await page.locator('main').textContent()).toContain('Friday 4 December 2026, 14:00–17:00')
    await expectNoAxeViolations(page)
    expect(problems).toEqual([])
    await context.close()
  })

  test('the programme page lists the event, the action lines and a subscription', async () => {
    const { page, context, problems } = await newPage(browser)
    await page.goto(`${app.url}/programmas/samen-tegen-mensenhandel`)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Samen tegen mensenhandel')
    expect(await page.getByRole('link', { name: 'Formele start Samen tegen mensenhandel' }).count()).toBe(1)
    expect(await page.locator('.action-lines li').count()).toBe(5)
    expect(
      await page.getByRole('link', { name: 'Abonneren op alle bijeenkomsten (webcal)' }).getAttribute('href'),
    ).toMatch(/^webcal:\/\//)
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'programma')
    await page.getByRole('link', { name: 'Formele start Samen tegen mensenhandel' }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/bijeenkomsten/${slug}`)
    expect(problems).toEqual([])
    await context.close()
  })

  test('an unknown event is a 404', async () => {
    const { page, context } = await newPage(browser)
    expect((await page.goto(`${app.url}/bijeenkomsten/bestaat-niet`))?.status()).toBe(404)
    await context.close()
  })
})
