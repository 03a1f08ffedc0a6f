import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { waitForHydration } from './browser.ts'

/** Signs in through the real form, by keyboard. */
export async function signInAs(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/inloggen`)
  await waitForHydration(page)
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord').fill(password)
  await page.getByLabel('Wachtwoord').press('Enter')
  await expect.poll(() => new URL(page.url()).pathname).toBe('/beheer')
}
