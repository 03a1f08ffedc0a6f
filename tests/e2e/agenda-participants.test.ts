// The secretariat changes a speaker's role, order and status on an agenda item (the seeded 4 December panel),
// with and without JavaScript, and sees the change on the item page and on the public event page. Saving the
// item shows its notice once: it comes from the session, not from the address.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { EVENT_SLUG } from '../../prisma/seed.ts'
import { createDb } from '~/utils/db.server'
import { ADMIN, startAppServer, type AppServer } from '../support/app-server.ts'
import { expectNoAxeViolations, launchBrowser, newPage, waitForHydration } from '../support/browser.ts'
import { enterCode, signInAs } from '../support/sign-in.ts'

const PANEL = 'Panel: de inzet van de ministeries'

let app: AppServer
let browser: Browser
let itemUrl: string

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startAppServer(), launchBrowser()])
  const db = createDb(app.databaseUrl)
  const panel = await db.agendaItem.findFirstOrThrow({ where: { title: PANEL, event: { slug: EVENT_SLUG } } })
  await db.$disconnect()
  itemUrl = `${app.url}/beheer/bijeenkomsten/${panel.eventId}/programma/${panel.id}`
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

const names = (page: Page) => page.locator('.participant .participant__name').allTextContents()
const row = (page: Page, name: string) => page.locator('.participant', { hasText: name })

/** The people of the panel as the public event page lists them, with their role. */
async function publicPanel(page: Page) {
  await page.goto(`${app.url}/bijeenkomsten/${EVENT_SLUG}`)
  const item = page.locator('li', { has: page.getByRole('heading', { name: PANEL, exact: true }) })
  return item.locator('.agenda__people li').allTextContents()
}

describe('the notice after saving an agenda item', () => {
  test('shows once after the save, with and without JavaScript, and not again on reload', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const { page, context, problems } = await newPage(browser, { javaScriptEnabled })
      await page.goto(`${app.url}/inloggen`)
      await page.getByLabel('E-mailadres').fill(ADMIN.email)
      await page.getByLabel('Wachtwoord').fill(ADMIN.password)
      await page.getByLabel('Wachtwoord').press('Enter')
      await enterCode(page, app.url, ADMIN.totpSecret)
      await page.waitForURL(`${app.url}/beheer`)
      await page.goto(itemUrl)
      if (javaScriptEnabled) await waitForHydration(page)
      expect(await page.getByText('Het onderdeel is opgeslagen.').count()).toBe(0)
      await page.getByRole('button', { name: 'Onderdeel opslaan' }).click()
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'opgeslagen' }).count()).toBe(1)
      expect(await page.getByRole('status').filter({ hasText: 'opgeslagen' }).textContent()).toBe(
        'Het onderdeel is opgeslagen.',
      )
      expect(page.url()).toBe(itemUrl)
      await page.reload()
      await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1)
      expect(await page.getByText('Het onderdeel is opgeslagen.').count()).toBe(0)
      expect(problems).toEqual([])
      await context.close()
    }
  })
})

describe('speakers of an agenda item', () => {
  test('a panelist becomes moderator and moves to the end of the list (with JavaScript)', async () => {
    const { page, context, problems } = await newPage(browser)
    await signInAs(page, app.url, ADMIN.email, ADMIN.password)
    await page.goto(itemUrl)
    await waitForHydration(page)
    expect(await names(page)).toEqual([
      'Staatssecretaris Harbers',
      'Staatssecretaris Blokhuis',
      'Staatssecretaris Van Ark',
      'Tazelaar',
    ])
    const blokhuis = row(page, 'Staatssecretaris Blokhuis')
    await blokhuis.getByLabel('Rol', { exact: true }).selectOption({ label: 'Moderator' })
    await blokhuis.getByLabel('Volgorde', { exact: true }).fill('9')
    await page.getByRole('button', { name: 'Wijzigen – Staatssecretaris Blokhuis' }).click()
    await expect
      .poll(() => names(page))
      .toEqual(['Staatssecretaris Harbers', 'Staatssecretaris Van Ark', 'Tazelaar', 'Staatssecretaris Blokhuis'])
    // What the page shows comes from the database, not from the fields as typed: read it again.
    await page.reload()
    expect(await row(page, 'Staatssecretaris Blokhuis').getByLabel('Rol', { exact: true }).inputValue()).toBe(
      'moderator',
    )
    expect(await row(page, 'Staatssecretaris Blokhuis').getByLabel('Volgorde', { exact: true }).inputValue()).toBe('9')
    await expectNoAxeViolations(page)

    // The public page reads a panel moderator first, whatever the order number.
    const people = await publicPanel(page)
    expect(people[0]).toMatch(/^Staatssecretaris Blokhuis, .*\(moderator\)$/)
    expect(people.slice(1).map((p) => p.split(',')[0])).toEqual([
      'Staatssecretaris Harbers',
      'Staatssecretaris Van Ark',
      'Tazelaar',
    ])
    expect(problems).toEqual([])
    await context.close()
  })

  test('a speaker who declined leaves the public page (without JavaScript)', async () => {
    const { page, context, problems } = await newPage(browser, { javaScriptEnabled: false })
    await page.goto(`${app.url}/inloggen`)
    await page.getByLabel('E-mailadres').fill(ADMIN.email)
    await page.getByLabel('Wachtwoord').fill(ADMIN.password)
    await page.getByLabel('Wachtwoord').press('Enter')
    await enterCode(page, app.url, ADMIN.totpSecret)
    await page.waitForURL(`${app.url}/beheer`)
    await page.goto(itemUrl)
    const tazelaar = row(page, 'Tazelaar')
    await tazelaar.getByLabel('Status', { exact: true }).selectOption({ label: 'afgemeld' })
    await tazelaar.getByLabel('Volgorde', { exact: true }).fill('0')
    await page.getByRole('button', { name: /^Wijzigen – .*Tazelaar$/ }).click()
    await page.waitForURL(/#sprekers$/)
    expect(await row(page, 'Tazelaar').getByLabel('Status', { exact: true }).inputValue()).toBe('declined')
    expect(await row(page, 'Tazelaar').getByLabel('Volgorde', { exact: true }).inputValue()).toBe('0')
    expect((await publicPanel(page)).some((p) => p.startsWith('Tazelaar'))).toBe(false)
    expect(problems).toEqual([])
    await context.close()
  })
})
