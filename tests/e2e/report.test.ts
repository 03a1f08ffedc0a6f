// The secretariat composes the report of the seeded 4 December event, previews and publishes it, and the
// public reads it at /verslagen/:slug. A quote edited afterwards leaves the published page as it was;
// publishing again shows both versions. A quote holding "<b>" and a line break is shown as that text.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { createDb } from '~/utils/db.server'
import { articleQuotes } from '../../prisma/seed.ts'
import { ADMIN, startAppServer, type AppServer } from '../support/app-server.ts'
import { expectNoAxeViolations, keepScreenshot, launchBrowser, newPage, waitForHydration } from '../support/browser.ts'
import { signInAs } from '../support/sign-in.ts'

let app: AppServer
let browser: Browser
const slug = 'formele-start-samen-tegen-mensenhandel'

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startAppServer(), launchBrowser()])
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('the report', () => {
  test('preview, publish, read as the public; a later edit does not change it; publishing again keeps both', async () => {
    const { page, context, problems } = await newPage(browser)
    await signInAs(page, app.url, ADMIN.email, ADMIN.password)
    await page.getByRole('link', { name: 'Formele start Samen tegen mensenhandel' }).first().click()
    await page.getByRole('link', { name: 'Verslag', exact: true }).click()
    await waitForHydration(page)
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Verslag: Formele start Samen tegen mensenhandel')
    // The suggestion, the warnings and the preview.
    expect(await page.getByLabel('Inleiding', { exact: true }).inputValue()).toBe(
      'Het programma Samen tegen mensenhandel is op 4 december formeel gestart. Staatssecretaris Harbers opende de bijeenkomst in Den Haag.',
    )
    const warnings = page.locator('.report-warnings')
    expect(await warnings.textContent()).toContain('Herman Bolhaar: het citaat is nog niet geautoriseerd')
    const preview = page.locator('.report-preview')
    expect(await preview.textContent()).toContain(articleQuotes.vanArk)
    await expectNoAxeViolations(page)

    // An own paragraph below the opening, an English title and lead, and publish.
    await page.getByRole('button', { name: 'Alinea hieronder – Opening' }).click()
    const paragraph = page.getByRole('textbox', { name: /^Eigen alinea \d+$/ })
    await expect.poll(() => paragraph.count()).toBe(1)
    await paragraph.fill('Het programma is tot stand gekomen in samenwerking met een groot aantal partners.')
    await page.getByLabel('Titel in het Engels').fill('Formal start of Together against human trafficking')
    await page.getByLabel('Inleiding in het Engels').fill('The programme formally started on 4 December.')
    await page.getByLabel('Fotografen').fill('Robert Huiberts')
    await page.getByRole('button', { name: 'Publiceren' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Versie 1 is gepubliceerd.')
    await keepScreenshot(page, 'report-editor')
    await expectNoAxeViolations(page)

    // The public, without an account.
    const reader = await newPage(browser)
    await reader.page.goto(`${app.url}/verslagen/${slug}`)
    const article = reader.page.locator('article.report')
    await expect
      .poll(() => reader.page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Formele start Samen tegen mensenhandel')
    const text = (await article.innerText()).replace(/\s+/g, ' ')
    for (const quote of Object.values(articleQuotes)) expect(text).toContain(`„${quote}”`)
    expect(text).toContain('Staatssecretaris Van Ark van het ministerie van Sociale Zaken en Werkgelegenheid:')
    expect(text).toContain('Beeld: Robert Huiberts')
    expect(text).toContain('Het programma is tot stand gekomen in samenwerking met een groot aantal partners.')
    expect(await article.locator('blockquote[lang="nl"]').count()).toBe(4)
    await keepScreenshot(reader.page, 'report-public')
    await expectNoAxeViolations(reader.page)
    // The English version beside it; the quotes stay Dutch.
    await reader.page.getByRole('link', { name: 'English version' }).click()
    await expect
      .poll(() => reader.page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Formal start of Together against human trafficking')
    expect(await reader.page.locator('article.report[lang="en"] blockquote[lang="nl"]').count()).toBe(4)
    await expectNoAxeViolations(reader.page)
    await reader.page.goto(`${app.url}/verslagen/${slug}?lang=nl`)

    // A quote is edited afterwards (markup and a line break in it): the published page stays as it was.
    const db = createDb(app.databaseUrl)
    const statement = await db.statement.findFirstOrThrow({
      where: { authorisedVersion: { text: articleQuotes.vanArk } },
    })
    await db.statementVersion.update({
      where: { id: statement.authorisedVersionId! },
      data: { text: 'Gewijzigd <b>vet</b>\nop een tweede regel.' },
    })
    await db.$disconnect()
    await reader.page.reload()
    const after = await reader.page.locator('article.report').innerText()
    expect(after).toContain(articleQuotes.vanArk)
    expect(after).not.toContain('Gewijzigd')

    // Publishing again: version 2 holds the edit, as text; version 1 stays and is listed.
    await page.reload()
    await waitForHydration(page)
    expect(await page.locator('.report-preview').innerText()).toContain('„Gewijzigd <b>vet</b>\nop een tweede regel.”')
    expect(await page.locator('.report-preview b').count()).toBe(0)
    await page.getByRole('button', { name: 'Publiceren' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Versie 2 is gepubliceerd.')
    expect(await page.getByRole('region', { name: 'Gepubliceerde versies' }).locator('li').count()).toBe(2)

    await reader.page.goto(`${app.url}/verslagen/${slug}?lang=nl`)
    const latest = reader.page.locator('article.report')
    expect(await latest.innerText()).toContain('„Gewijzigd <b>vet</b>\nop een tweede regel.”')
    expect(await latest.locator('blockquote b').count()).toBe(0)
    expect(await latest.locator('blockquote br').count()).toBe(1)
    await reader.page.getByRole('link', { name: /^Versie 1, gepubliceerd op/ }).click()
    await expect.poll(() => reader.page.getByRole('status').textContent()).toContain('U leest versie 1')
    expect(await reader.page.locator('article.report').innerText()).toContain(articleQuotes.vanArk)
    await expectNoAxeViolations(reader.page)

    // Not published at all: not found.
    const missing = await reader.page.goto(`${app.url}/verslagen/bestaat-niet`)
    expect(missing?.status()).toBe(404)

    expect(problems).toEqual([])
    expect(reader.problems).toEqual([])
    await reader.context.close()
    await context.close()
  })
})
