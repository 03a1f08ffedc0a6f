// The audit log in a browser: an admin changes something, finds it at /beheer/audit (by keyboard, filtered by
// action and by day), follows the link to the entity; axe on each state. An organiser gets the 403 page.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { DateTime } from 'luxon'
import { createDb } from '~/utils/db.server'
import { createUser } from '../factories.ts'
import { ADMIN, startAppServer, type AppServer } from '../support/app-server.ts'
import { expectNoAxeViolations, keepScreenshot, launchBrowser, newPage, waitForHydration } from '../support/browser.ts'
import { signInAs } from '../support/sign-in.ts'

let app: AppServer
let browser: Browser
let db: ReturnType<typeof createDb>

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startAppServer(), launchBrowser()])
  db = createDb(app.databaseUrl)
})

afterAll(async () => {
  await db?.$disconnect()
  await browser?.close()
  await app?.stop()
})

describe('audit log page', () => {
  test('an admin finds a change, filters it, and follows it to the organisation', async () => {
    const { page, problems } = await newPage(browser)
    await signInAs(page, app.url, ADMIN.email, ADMIN.password)
    // A change to find: an organisation's name, through the real form.
    const organisation = await db.organisation.findFirstOrThrow({ orderBy: { name: 'asc' } })
    await page.goto(`${app.url}/beheer/organisaties/${organisation.id}`)
    await waitForHydration(page)
    await page.getByLabel('Naam', { exact: true }).fill(`${organisation.name} (gewijzigd)`)
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await expect.poll(() => page.getByRole('status').count()).toBeGreaterThan(0)

    await page.getByRole('link', { name: 'Auditlog' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Auditlog')
    await waitForHydration(page)
    const rows = page.getByRole('row')
    await expect.poll(() => rows.count()).toBeGreaterThan(2)
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'audit-log')

    // Filter by action and today's date, by keyboard.
    await page.getByLabel('Actie').selectOption({ label: 'Organisatie gewijzigd' })
    const today = DateTime.now().setZone('Europe/Amsterdam').toISODate()!
    await page.getByLabel('Vanaf datum').fill(today)
    await page.getByLabel('Vanaf datum').press('Enter')
    await expect.poll(() => new URL(page.url()).searchParams.get('actie')).toBe('organisation.update')
    const row = page.getByRole('row').filter({ hasText: 'Organisatie gewijzigd' })
    await expect.poll(() => row.count()).toBe(1)
    const text = (await row.textContent()) ?? ''
    expect(text).toContain('Beheerder')
    expect(text).toMatch(/127\.0\.0\.x · Chrome op Linux/)
    expect(text).not.toContain(organisation.name)
    expect(await page.getByRole('row').filter({ hasText: 'Ingelogd' }).count()).toBe(0)
    await expectNoAxeViolations(page)

    await row.getByRole('link', { name: /Organisatie/ }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/beheer/organisaties/${organisation.id}`)
    expect(problems).toEqual([])
  })

  test('in English, and an empty filter says so', async () => {
    const { page } = await newPage(browser)
    await signInAs(page, app.url, ADMIN.email, ADMIN.password)
    await page.goto(`${app.url}/beheer/audit?lang=en&van=2001-01-01&tot=2001-01-02`)
    await waitForHydration(page)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Audit log')
    expect(await page.getByText('No entries match this filter.').count()).toBe(1)
    await expectNoAxeViolations(page)
  })

  test('an organiser gets the 403 page, and no link to it', async () => {
    const { user, password } = await createUser(db, { role: 'organiser' })
    const { page } = await newPage(browser)
    await signInAs(page, app.url, user.email, password)
    expect(await page.getByRole('link', { name: 'Auditlog' }).count()).toBe(0)
    const response = await page.goto(`${app.url}/beheer/audit`)
    expect(response?.status()).toBe(403)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Geen toegang')
    await expectNoAxeViolations(page)
  })
})
