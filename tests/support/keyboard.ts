import type { Page } from 'playwright-core'

/** The accessible name of the focused element, roughly as a screen reader would announce it. */
async function focusedName(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el) return ''
    const labelled = el.getAttribute('aria-label')
    if (labelled) return labelled
    const labels = (el as HTMLInputElement).labels
    if (labels && labels.length) return labels[0]!.textContent ?? ''
    return el.textContent ?? ''
  })
}

/**
 * Presses Tab until the focused element's name matches: proves it is reachable by keyboard, in order.
 * Fails when it is not reached within `max` presses.
 */
export async function tabTo(page: Page, name: string | RegExp, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const current = (await focusedName(page)).trim()
    if (typeof name === 'string' ? current === name : name.test(current)) return
  }
  throw new Error(`could not reach "${String(name)}" with the Tab key`)
}

/** Tabs to a field and types into it, replacing what was there. */
export async function typeInto(page: Page, name: string | RegExp, text: string) {
  await tabTo(page, name)
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type(text)
}
