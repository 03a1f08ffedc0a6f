// After the quickstart set-up (SQLite, seed, no SMTP): the administrator sends a test mail from the dev
// mailbox, opens it there, and every page passes axe. Also the template previews and a bulk send's progress.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { mailKinds } from '../../emails'
import { ADMIN, startAppServer, type AppServer } from '../support/app-server.ts'
import {
  expectNoAxeViolations,
  expectNoAxeViolationsInDocument,
  keepScreenshot,
  launchBrowser,
  newPage,
  waitForHydration,
} from '../support/browser.ts'
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

describe('dev mailbox in a browser', () => {
  test('send me a test mail, then read it in the mailbox', async () => {
    const { page, context, problems } = await newPage(browser)
    await signInAs(page, app.url, ADMIN.email, ADMIN.password)
    await page.getByRole('link', { name: 'Mailbox' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mailbox')
    await waitForHydration(page)
    await expectNoAxeViolations(page)

    await page.getByRole('button', { name: 'Stuur mij een testmail' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('De testmail staat klaar')
    // The in-process worker delivers it to the dev mailbox within moments.
    const link = page.getByRole('link', { name: /Testmail/ })
    await expect
      .poll(
        async () => {
          await page.goto(`${app.url}/beheer/mailbox`)
          return link.count()
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(1)
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'mailbox')

    await link.click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Testmail/)
    expect(await page.locator('.mail-text').textContent()).toContain('Beheerder secretariaat')
    expect(await page.getByRole('row', { name: /Message-ID/i }).count()).toBe(1)
    // The HTML version is shown in a sandboxed frame, and is itself accessible.
    const frame = page.frameLocator('iframe.mail-frame')
    await expect.poll(() => frame.locator('html').getAttribute('lang')).toBe('nl')
    await expectNoAxeViolations(page)
    await expectNoAxeViolationsInDocument(
      browser,
      page,
      new URL((await page.locator('iframe.mail-frame').getAttribute('src'))!, app.url).toString(),
    )
    await keepScreenshot(page, 'mailbox-testmail')
    expect(problems).toEqual([])
    await context.close()
  })

  test('every template can be previewed in Dutch and English', async () => {
    const { page, context, problems } = await newPage(browser)
    await signInAs(page, app.url, ADMIN.email, ADMIN.password)
    await page.goto(`${app.url}/beheer/sjablonen`)
    await expectNoAxeViolations(page)
    const rows = await page.getByRole('row').count()
    expect(rows).toBe(mailKinds.length + 1) // a header row and one per kind
    await page.getByRole('link', { name: 'Engels – Uitnodiging', exact: true }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Uitnodiging (Engels)')
    await expect.poll(() => page.frameLocator('iframe.mail-frame').locator('html').getAttribute('lang')).toBe('en')
    expect(await page.locator('.mail-text').textContent()).toContain('Formele start Samen tegen mensenhandel')
    await expectNoAxeViolations(page)
    await expectNoAxeViolationsInDocument(browser, page, `${app.url}/beheer/sjablonen/invitation/html?taal=en`)
    await keepScreenshot(page, 'sjabloon-uitnodiging-en')
    expect(problems).toEqual([])
    await context.close()
  })

  test('a bulk send shows its progress and its failures per recipient', async () => {
    // This test writes to the app server's database; the environment is read once, so re-read it.
    process.env.DATABASE_URL = app.databaseUrl
    ;(await import('~/utils/env.server')).resetEnvCache()
    const { enqueueBulk, prepareBulk, createBatch } = await import('~/mail/outbox.server')
    const { db } = await import('~/utils/db.server')
    const batch = await createBatch({ kind: 'invitation', total: 3 })
    const merge = await prepareBulk('test', {
      language: 'nl',
      fields: ['recipientName'] as const,
      props: (f) => ({
        lang: 'nl',
        programmeName: 'Samen tegen mensenhandel',
        recipientName: f.recipientName,
        sentAt: '2026-12-01T09:00:00.000Z',
      }),
    })
    await enqueueBulk(
      merge,
      ['Sanne de Vries', 'Petra Jansen', 'Johan Bakker'].map((name, i) => ({
        to: `ontvanger${i}@example.org`,
        toName: name,
        values: { recipientName: name },
        idempotencyKey: `e2e-batch-${i}`,
      })),
      { batchId: batch.id },
    )
    // One mail failed for good (as a 550 would leave it).
    const failed = await db.outboxMessage.findFirstOrThrow({ where: { idempotencyKey: 'e2e-batch-2' } })
    await db.outboxMessage.update({
      where: { id: failed.id },
      data: { status: 'failed', attempts: 1, lastError: '550 5.1.1 User unknown' },
    })

    const { page, context, problems } = await newPage(browser)
    await signInAs(page, app.url, ADMIN.email, ADMIN.password)
    await page.getByRole('link', { name: 'Verzendingen' }).click()
    await expectNoAxeViolations(page)
    await page.getByRole('link', { name: /\d{4}/ }).first().click()
    await waitForHydration(page)
    await expect.poll(() => page.locator('#progress-text').textContent(), { timeout: 15_000 }).toBe('3 van 3 verwerkt')
    expect(await page.getByRole('row', { name: /Johan Bakker/ }).textContent()).toContain('550 5.1.1 User unknown')
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'verzending')
    await page.getByRole('button', { name: 'Opnieuw versturen – Johan Bakker' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('1 e-mail staat weer in de wachtrij')
    await expect
      .poll(() => db.outboxMessage.findUniqueOrThrow({ where: { id: failed.id } }).then((m) => m.status), {
        timeout: 15_000,
      })
      .toBe('sent')
    expect(problems).toEqual([])
    await context.close()
    await db.$disconnect()
  })
})
