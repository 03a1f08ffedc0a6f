// An organiser publishes the report of the seeded event and opens the programme view from the programme page:
// the attendance tables, the chart with its text alternative and the published quotes; axe passes.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { createDb } from '~/utils/db.server'
import { articleQuotes, EVENT_SLUG } from '../../prisma/seed.ts'
import { createUser } from '../factories.ts'
import { startAppServer, type AppServer } from '../support/app-server.ts'
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

describe('the programme view', () => {
  test('an organiser opens it from the programme page and reads tables, chart and quotes', async () => {
    const db = createDb(app.databaseUrl)
    const { user, password } = await createUser(db, { role: 'organiser' })
    const event = await db.event.findUniqueOrThrow({ where: { slug: EVENT_SLUG } })
    // Attendance: four from one municipality (named in the tables), one from an NGO (only counted).
    const utrecht = await db.organisation.findUniqueOrThrow({ where: { name: 'Gemeente Utrecht' } })
    const comensha = await db.organisation.findUniqueOrThrow({ where: { name: 'CoMensha' } })
    for (const [i, organisationId] of [utrecht.id, utrecht.id, utrecht.id, utrecht.id, comensha.id].entries()) {
      await db.registration.create({
        data: {
          eventId: event.id,
          organisationId,
          name: `Deelnemer ${i}`,
          email: `deelnemer${i}@example.org`,
          status: 'confirmed',
          checkedInAt: i < 3 || i === 4 ? new Date('2026-12-04T13:05:00Z') : null,
        },
      })
    }
    await db.$disconnect()

    const { page, context, problems } = await newPage(browser)
    await signInAs(page, app.url, user.email, password)
    await page.goto(`${app.url}/beheer/bijeenkomsten/${event.id}/verslag`)
    await waitForHydration(page)
    await page.getByRole('button', { name: 'Publiceren' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Versie 1 is gepubliceerd.')

    await page.goto(`${app.url}/beheer/programmas`)
    await page.getByRole('main').getByRole('link', { name: 'Samen tegen mensenhandel', exact: true }).click()
    await page.getByRole('link', { name: 'Overzicht van het programma' }).click()
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Overzicht: Samen tegen mensenhandel')
    await waitForHydration(page)

    const events = page.getByRole('table', { name: 'Aanwezigen per bijeenkomst, op datum' })
    expect(await events.textContent()).toContain('Formele start Samen tegen mensenhandel')
    expect(await events.textContent()).toContain('versie 1')
    const sectors = page.getByRole('table', { name: 'Aanwezigen per sector en bijeenkomst (aangemeld / aanwezig)' })
    expect(await sectors.textContent()).toContain('4 / 3')
    // The NGO (one person) is not named: only counted among the other sectors.
    expect(await sectors.textContent()).not.toContain('Maatschappelijke organisatie')
    await expect.poll(() => page.getByRole('table', { name: /^Actielijnen/ }).count()).toBe(1)
    const chart = page.getByRole('img', { name: /^Aanwezigen per bijeenkomst \(staafdiagram\)/ })
    expect(await chart.count()).toBe(1)
    const quotes = page.locator('section[aria-labelledby="citaten"]')
    expect(await quotes.textContent()).toContain(articleQuotes.harbers)
    expect(await quotes.textContent()).toContain(articleQuotes.vanArk)

    const xlsx = page.getByRole('link', { name: 'Overzicht als Excel-bestand (.xlsx)' })
    expect(await xlsx.getAttribute('href')).toBe(`/beheer/programmas/${event.programmeId}/overzicht.xlsx?taal=nl`)
    // Both downloads over HTTP, with the session's cookie.
    for (const [name, type] of [
      ['Overzicht als Excel-bestand (.xlsx)', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['Overzicht als Word-bestand (.docx)', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ] as const) {
      const href = await page.getByRole('link', { name }).getAttribute('href')
      const file = await page.request.get(app.url + href)
      expect(file.status()).toBe(200)
      expect(file.headers()['content-type']).toBe(type)
      expect(file.headers()['cache-control']).toContain('no-store')
    }
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'programme-overview')
    // The same page in English.
    await page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Overview: /)
    expect(await page.getByRole('table', { name: 'Attendance per meeting, by date' }).count()).toBe(1)
    await expectNoAxeViolations(page)
    expect(problems).toEqual([])
    await context.close()
  })
})
