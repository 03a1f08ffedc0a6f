// Debian's Chromium through playwright-core (nothing is downloaded), and an axe check.
import fs from 'node:fs'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { expect } from 'vitest'
import { recordTokens } from './run-log.ts'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** `extraArgs` adds Chromium switches, such as a fake camera fed from a file (the check-in test). */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  if (!fs.existsSync(chromiumPath))
    throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium`)
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  })
}

/** A fresh context whose page fails the test on a browser console error or an uncaught exception. */
export async function newPage(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}) {
  const context: BrowserContext = await browser.newContext({
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    ...options,
  })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (message) => {
    // A 4xx answer to a form post or page is often the point of a test; the browser logs it as
    // "Failed to load resource". Broken assets are caught below instead.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console.error: ${message.text()}`)
    }
  })
  page.on('response', (response) => {
    const type = response.request().resourceType()
    if (response.status() >= 400 && ['stylesheet', 'script', 'image', 'font'].includes(type)) {
      problems.push(`${response.status()} for ${type} ${response.url()}`)
    }
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  // Every personal link the browser opens, for the whole run's log check (tests/support/run-log.ts).
  page.on('request', (request) => recordTokens(new URL(request.url()).pathname))
  return { context, page, problems }
}

/** Waits until Remix has hydrated, so that clicks reach React's handlers. */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(
    () =>
      (window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state
        .initialized === true,
  )
}

/**
 * axe with the WCAG 2.1 A and AA rules: no violations allowed. Sandboxed frames (a mail's HTML) cannot run
 * axe inside them; check their document on its own with `expectNoAxeViolationsInDocument`.
 */
export async function expectNoAxeViolations(page: Page) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
  if (await page.locator('iframe[sandbox]').count()) builder = builder.exclude('iframe[sandbox]')
  const results = await builder.analyze()
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  )
  expect(summary, `axe violations on ${page.url()}`).toEqual([])
  await expectVisibleTextStartsNames(page)
}

/**
 * WCAG 2.5.3 (label in name), stricter than axe: the accessible name of every visible button and link starts
 * with its visible text, so "klik Wijzigen" by speech input reaches the button a screen reader calls
 * "Wijzigen – Piet Bakker". Controls without visible text (an image link) are left to axe.
 */
export async function expectVisibleTextStartsNames(page: Page) {
  const mismatches = await page.evaluate(() => {
    const norm = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase()
    const selector = 'a[href], button, [role="button"], [role="link"], input[type="submit"], input[type="button"]'
    const found: string[] = []
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      if (!el.getClientRects().length) continue
      const visible = norm(el instanceof HTMLInputElement ? el.value : el.innerText)
      if (!visible) continue
      const labelledBy = el.getAttribute('aria-labelledby')
      const name = labelledBy
        ? norm(
            labelledBy
              .split(/\s+/)
              .map((id) => document.getElementById(id)?.textContent ?? '')
              .join(' '),
          )
        : el.hasAttribute('aria-label')
          ? norm(el.getAttribute('aria-label'))
          : norm(el instanceof HTMLInputElement ? el.value : el.textContent)
      // Compared without white space: innerText and textContent space block and hidden parts differently.
      const bare = (text: string) => text.replace(/\s+/g, '')
      if (!bare(name).startsWith(bare(visible))) found.push(`"${visible}" is named "${name}"`)
    }
    return found
  })
  expect(mismatches, `accessible names that do not start with the visible text on ${page.url()}`).toEqual([])
}

/** Keeps a screenshot of what a person sees, in tests/e2e/screenshots, so that anyone can look at the pages. */
export async function keepScreenshot(page: Page, name: string) {
  const dir = path.resolve('tests/e2e/screenshots')
  fs.mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true })
}

/** Opens a framed document (such as a mail's HTML) as a page of its own and checks it with axe. */
export async function expectNoAxeViolationsInDocument(browser: Browser, page: Page, url: string) {
  const cookies = await page.context().cookies()
  // The document's own CSP forbids scripts; axe is injected by the test, so CSP is bypassed here only.
  const context = await browser.newContext({ bypassCSP: true })
  await context.addCookies(cookies)
  const framed = await context.newPage()
  await framed.goto(url)
  await expectNoAxeViolations(framed)
  await context.close()
}
