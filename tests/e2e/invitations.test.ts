// An organiser invites the contacts of a whole organisation and one more contact for the seeded 4 December
// event, sends the invitations as one bulk send, follows its progress, sees the statuses, sends a reminder to
// one of them, and revokes another. Every page passes axe; screenshots are kept.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { createDb } from '~/utils/db.server'
import { EVENT_SLUG } from '../../prisma/seed.ts'
import { createUser } from '../factories.ts'
import { startAppServer, type AppServer } from '../support/app-server.ts'
import { expectNoAxeViolations, keepScreenshot, launchBrowser, newPage, waitForHydration } from '../support/browser.ts'
import { signInAs } from '../support/sign-in.ts'

let app: AppServer
let browser: Browser
let db: ReturnType<typeof createDb>
let eventId: string
const organiser = { email: 'uitnodiger@example.org', password: 'Uitnodiger-Wachtwoord-1' }

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startAppServer(), launchBrowser()])
  db = createDb(app.databaseUrl)
  await createUser(db, { ...organiser, name: 'Olga Organisator', role: 'organiser' })
  eventId = (await db.event.findUniqueOrThrow({ where: { slug: EVENT_SLUG } })).id
})

afterAll(async () => {
  await db?.$disconnect()
  await browser?.close()
  await app?.stop()
})

async function heading(page: Page) {
  return page.getByRole('heading', { level: 1 }).textContent()
}

const row = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(name) })

describe('invitations in a browser', () => {
  test('invite an organisation, send, follow the progress, remind a subset, revoke one', async () => {
    const { page, context, problems } = await newPage(browser)
    await signInAs(page, app.url, organiser.email, organiser.password)
    await page.goto(`${app.url}/beheer/bijeenkomsten/${eventId}`)
    await waitForHydration(page)
    await page.getByRole('link', { name: 'Uitnodigingen', exact: true }).click()
    await page.waitForURL(/\/uitnodigingen$/)
    await expect.poll(() => heading(page)).toBe('Uitnodigingen: Formele start Samen tegen mensenhandel')
    expect(await page.getByText('Er zijn nog geen uitnodigingen voor deze bijeenkomst.').count()).toBe(1)
    await expectNoAxeViolations(page)

    // Choose a whole organisation and one contact found by searching.
    await page.getByRole('link', { name: 'Contactpersonen uitnodigen' }).click()
    await page.waitForURL(/\/uitnodigingen\/nieuw$/)
    await expect.poll(() => heading(page)).toBe('Contactpersonen uitnodigen')
    await waitForHydration(page)
    await expectNoAxeViolations(page)
    await page.getByLabel('Zoek contactpersonen').fill('Sanne')
    await page.getByRole('button', { name: 'Zoeken' }).click()
    await page.waitForURL(/zoek=Sanne/)
    await expect.poll(() => page.getByRole('group', { name: 'Contactpersonen' }).getByRole('checkbox').count()).toBe(1)
    await page.getByLabel('Sanne de Vries (Gemeente Utrecht)').check()
    await page.getByLabel('IOM Nederland (2 contactpersonen)').check()
    await keepScreenshot(page, 'uitnodigingen-kiezen')
    await page.getByRole('button', { name: 'Uitnodigingen aanmaken' }).click()
    await page.waitForURL(/\/uitnodigingen$/)
    await expect.poll(() => page.getByRole('status').textContent()).toContain('3 nieuwe uitnodigingen aangemaakt.')
    await expect.poll(() => heading(page)).toMatch(/^Uitnodigingen:/)
    expect(await row(page, 'Daniel Okafor').textContent()).toContain('Nog niet verstuurd')
    await expectNoAxeViolations(page)

    // Send all not yet sent: one bulk send.
    await waitForHydration(page)
    await page.getByRole('button', { name: 'Verstuur alle nog niet verstuurde uitnodigingen (3)' }).click()
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain('3 uitnodigingen staan klaar om te versturen.')
    for (const name of ['Sanne de Vries', 'Daniel Okafor', 'Marie Dubois'])
      expect(await row(page, name).textContent()).toContain('Verstuurd')
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'uitnodigingen-verstuurd')

    // The batch's progress page: all three processed by the in-process worker (dev mailbox, no SMTP).
    await page.getByRole('link', { name: 'Bekijk de voortgang van de verzending' }).click()
    await page.waitForURL(/\/beheer\/verzendingen\/[^/]+$/)
    await waitForHydration(page)
    await expect.poll(() => page.locator('#progress-text').textContent(), { timeout: 15_000 }).toBe('3 van 3 verwerkt')
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'uitnodigingen-verzending')
    const invitations = await db.outboxMessage.findMany({ where: { eventId, kind: 'invitation' } })
    expect(invitations.map((m) => m.to).sort()).toEqual([
      'daniel.okafor@example.org',
      'marie.dubois@example.org',
      'sanne.de.vries@example.org',
    ])
    expect(invitations.find((m) => m.to === 'daniel.okafor@example.org')?.language).toBe('en')

    // A reminder to one chosen contact only.
    await page.goto(`${app.url}/beheer/bijeenkomsten/${eventId}/uitnodigingen`)
    await waitForHydration(page)
    await page.getByLabel('Daniel Okafor kiezen').check()
    await page.getByRole('button', { name: 'Stuur herinnering aan gekozen contactpersonen' }).click()
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain('1 herinnering staat klaar om te versturen.')
    const reminders = await db.outboxMessage.findMany({ where: { eventId, kind: 'reminder' } })
    expect(reminders.map((m) => m.to)).toEqual(['daniel.okafor@example.org'])
    // Reminded shows a time for Daniel only (the Herinnerd column is not "—").
    const cells = async (name: string) => row(page, name).getByRole('cell').allTextContents()
    expect((await cells('Daniel Okafor'))[5]).toMatch(/\d{2}\.\d{2} uur/)
    expect((await cells('Marie Dubois'))[5]).toBe('—')
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'uitnodigingen-herinnerd')

    // Filter on status: everyone sent.
    await page.getByLabel('Status').selectOption({ label: 'Verstuurd' })
    await page.getByRole('button', { name: 'Filter toepassen' }).click()
    await page.waitForURL(/status=sent/)
    await expect.poll(() => page.getByText('3 van 3 uitnodigingen getoond.').count()).toBe(1)

    // Revoke Marie's invitation, after confirming.
    await page.getByRole('link', { name: 'Intrekken – Marie Dubois' }).click()
    await page.waitForURL(/\/intrekken$/)
    await expect.poll(() => heading(page)).toBe('Uitnodiging intrekken')
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Ja, uitnodiging intrekken' }).click()
    await page.waitForURL(/\/uitnodigingen$/)
    await expect.poll(() => row(page, 'Marie Dubois').textContent()).toContain('Ingetrokken')
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'uitnodigingen-ingetrokken')
    expect(problems).toEqual([])
    await context.close()
  })
})
