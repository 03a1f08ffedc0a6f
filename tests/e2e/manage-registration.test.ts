// A registrant opens the manage link from their confirmation mail (delivered by the app's in-process worker to
// a real SMTP sink), changes a detail and cancels with confirmation, by keyboard; the first person on the
// waitlist then receives the promotion mail. Once with JavaScript, once without. Axe on every page.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
// Types only: the modules themselves load after the environment points at the app server's database.
import type { register as registerFn } from '~/models/registration.server'
import type { db as appDb } from '~/utils/db.server'
import { startAppServer, type AppServer } from '../support/app-server.ts'
import { expectNoAxeViolations, keepScreenshot, launchBrowser, newPage, waitForHydration } from '../support/browser.ts'
import { tabTo, typeInto } from '../support/keyboard.ts'
import { startSmtpSink, type SmtpSink } from '../support/smtp.ts'

let app: AppServer
let browser: Browser
let smtp: SmtpSink
let db: typeof appDb
let register: typeof registerFn
let programmeId: string

beforeAll(async () => {
  smtp = await startSmtpSink()
  ;[app, browser] = await Promise.all([
    startAppServer({ env: { SMTP_URL: smtp.url, MAIL_WORKER_IN_PROCESS: 'true' } }),
    launchBrowser(),
  ])
  // This test registers people in the app server's database, with links that point at the app server: the
  // environment is read once, so re-read it before the modules that use it load.
  process.env.DATABASE_URL = app.databaseUrl
  process.env.APP_URL = app.url
  ;(await import('~/utils/env.server')).resetEnvCache()
  db = (await import('~/utils/db.server')).db
  register = (await import('~/models/registration.server')).register
  const { createProgramme } = await import('../factories.ts')
  programmeId = (await createProgramme(db)).id
})

afterAll(async () => {
  await db?.$disconnect()
  await browser?.close()
  await app?.stop()
  await smtp?.close()
})

/** An event with one seat, taken by `first`; `second` waits in line. */
async function fullEvent(title: string, first: string, second: string) {
  const { createEvent } = await import('../factories.ts')
  const event = await createEvent(db, programmeId, {
    title,
    capacity: 1,
    venueName: 'Beatrix Theater',
    venueAddress: 'Jaarbeursplein 6',
    venuePostcode: '3521 AL',
    venueCity: 'Utrecht',
  })
  for (const [name, email] of [
    [first, `${first.split(' ')[0]!.toLowerCase()}@example.org`],
    [second, `${second.split(' ')[0]!.toLowerCase()}@example.org`],
  ] as const) {
    await register(event.id, { name, email, language: 'nl', organisationName: 'Gemeente Utrecht' })
  }
  return event
}

const mailTo = (email: string, subject: RegExp) => smtp.mailTo(email, subject, () => app.output())

function manageLinkIn(text: string) {
  const match = /(http:\/\/127\.0\.0\.1:\d+\/aanmelding\/[A-Za-z0-9_-]{43})/.exec(text)
  if (!match) throw new Error('no manage link in the mail')
  return match[1]!
}

async function heading(page: Page) {
  return page.getByRole('heading', { level: 1 }).textContent()
}

describe('managing a registration in a browser', () => {
  test('by keyboard: open the mail link, change a detail, cancel with confirmation; the next in line is promoted', async () => {
    const event = await fullEvent('Kennisdag ketenaanpak', 'Sanne de Vries', 'Petra Jansen')
    const confirmation = await mailTo('sanne@example.org', /aanmelding/i)
    const link = manageLinkIn(confirmation.parsed!.text ?? '')

    // Petra waits: her page does not offer the event for her calendar as if she were coming.
    const waiting = await newPage(browser)
    await waiting.page.goto(manageLinkIn((await mailTo('petra@example.org', /wachtlijst/i)).parsed!.text ?? ''))
    await expect
      .poll(() => waiting.page.locator('main').textContent())
      .toContain('U staat op de wachtlijst op plaats 1.')
    expect(await waiting.page.getByRole('link', { name: /in uw agenda/ }).count()).toBe(0)
    expect(await waiting.page.getByRole('button', { name: 'Maak een persoonlijke agendalink' }).count()).toBe(0)
    expect(await waiting.page.locator('main').textContent()).toContain('Krijgt u een plaats, dan sturen we de afspraak')
    await expectNoAxeViolations(waiting.page)
    expect(waiting.problems).toEqual([])
    await waiting.context.close()

    const { page, context, problems } = await newPage(browser)
    await page.goto(link)
    // The token is swapped for a cookie at once: it is gone from the address bar.
    await expect.poll(() => page.url()).toMatch(/\/aanmelding\/[a-z0-9]+$/)
    expect(page.url()).not.toContain(link.split('/').pop()!)
    expect(await heading(page)).toBe('Uw aanmelding')
    await waitForHydration(page)
    const body = await page.locator('main').textContent()
    expect(body).toContain('U bent aangemeld.')
    expect(body).toMatch(/\d+\.00–\d+\.00 uur/)
    expect(body).toContain('Jaarbeursplein 6')
    expect(await page.getByRole('img', { name: /QR-code om Sanne de Vries in te checken/ }).count()).toBe(1)
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'aanmelding-beheren')

    // Change a detail, by keyboard only.
    await typeInto(page, 'Functie', 'programmamanager')
    await tabTo(page, 'Gegevens opslaan')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.url()).toMatch(/\?opgeslagen=1$/)
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Uw gegevens zijn opgeslagen.')
    const sanne = await db.registration.findFirstOrThrow({ where: { eventId: event.id, email: 'sanne@example.org' } })
    expect(sanne.function).toBe('programmamanager')
    await expectNoAxeViolations(page)
    await waitForHydration(page)

    // An empty name is caught before sending, with the message in the summary and at the field.
    await tabTo(page, 'Naam')
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.press('Backspace')
    await tabTo(page, 'Gegevens opslaan')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('Vul uw naam in.')
    expect(await page.getByLabel('Naam').getAttribute('aria-invalid')).toBe('true')
    // The message links to the field.
    const nameLink = page.locator('.error-summary').getByRole('link', { name: 'Vul uw naam in.' })
    expect(await nameLink.getAttribute('href')).toBe(`#${await page.getByLabel('Naam').getAttribute('id')}`)
    await expectNoAxeViolations(page)
    await page.goto(page.url().split('?')[0]!)
    await expect.poll(() => heading(page)).toBe('Uw aanmelding')
    await waitForHydration(page)

    // A personal calendar link, shown once.
    await tabTo(page, 'Maak een persoonlijke agendalink')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByRole('heading', { name: 'Uw persoonlijke agendalink' }).count()).toBe(1)
    expect(await page.getByLabel('Agendalink').inputValue()).toMatch(/\/aanmelding\/[A-Za-z0-9_-]{43}\/agenda\.ics$/)
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'aanmelding-agendalink')
    await waitForHydration(page)

    // Cancel: first the question, then the answer.
    await tabTo(page, 'Aanmelding annuleren')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByRole('heading', { name: 'Weet u het zeker?' }).count()).toBe(1)
    expect(await page.locator('.confirm-box').textContent()).toContain('geeft u uw plaats vrij')
    expect((await db.registration.findUniqueOrThrow({ where: { id: sanne.id } })).status).toBe('confirmed')
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'aanmelding-annuleren-bevestigen')
    await tabTo(page, 'Ja, annuleer mijn aanmelding')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.url()).toMatch(/\?geannuleerd=1$/)
    await expect.poll(() => page.locator('main').textContent()).toContain('Uw aanmelding is geannuleerd.')
    expect(await page.getByRole('button', { name: 'Aanmelding annuleren' }).count()).toBe(0)
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'aanmelding-geannuleerd')

    // The language switch works here too, although it navigates client-side.
    await waitForHydration(page)
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await expect.poll(() => heading(page)).toBe('Your registration')
    expect(await page.locator('main').textContent()).toContain('Your registration has been cancelled.')
    await expectNoAxeViolations(page)

    // The seat went to Petra, who gets the promotion mail.
    const promoted = await mailTo('petra@example.org', /Er is een plaats vrij/)
    expect(promoted.parsed!.subject).toContain('Kennisdag ketenaanpak')
    // Her calendar loses the event: the cancellation mail carries a CANCEL.
    const cancelMail = await mailTo('sanne@example.org', /geannuleerd/i)
    expect(cancelMail.raw).toMatch(/text\/calendar; charset=utf-8; method=CANCEL/i)
    expect(problems).toEqual([])
    await context.close()
  })

  test('without JavaScript: the same steps work with plain form posts', async () => {
    const event = await fullEvent('Werkconferentie zonder script', 'Johan Bakker', 'Fatima el Amrani')
    const link = manageLinkIn((await mailTo('johan@example.org', /aanmelding/i)).parsed!.text ?? '')

    // On a phone-sized screen, as someone at the door would use it.
    const { page, context, problems } = await newPage(browser, {
      javaScriptEnabled: false,
      viewport: { width: 375, height: 740 },
    })
    await page.goto(link)
    await expect.poll(() => heading(page)).toBe('Uw aanmelding')
    await keepScreenshot(page, 'aanmelding-beheren-telefoon')
    // Nothing is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    expect(page.url()).toMatch(/\/aanmelding\/[a-z0-9]+$/)

    await page.getByLabel('Dieetwensen').fill('veganistisch')
    await page.getByRole('button', { name: 'Gegevens opslaan' }).click()
    await expect.poll(() => page.url()).toMatch(/\?opgeslagen=1$/)
    const johan = await db.registration.findFirstOrThrow({ where: { eventId: event.id, email: 'johan@example.org' } })
    expect(johan.dietary).toBe('veganistisch')

    // Without script the browser's own checks come from the same schema.
    expect(await page.getByLabel('Naam').getAttribute('required')).not.toBeNull()
    expect(await page.getByLabel('Naam').getAttribute('maxlength')).toBe('200')

    // The personal calendar link is shown once.
    await page.getByRole('button', { name: 'Maak een persoonlijke agendalink' }).click()
    const feedUrl = await page.getByLabel('Agendalink').inputValue()
    expect(feedUrl).toMatch(/\/aanmelding\/[A-Za-z0-9_-]{43}\/agenda\.ics$/)
    const feed = await fetch(feedUrl)
    expect(feed.status).toBe(200)
    expect(await feed.text()).toContain('Werkconferentie zonder script')
    // (axe needs script in the page; the same pages are checked in the test above)

    await page.getByRole('button', { name: 'Aanmelding annuleren' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Weet u het zeker?' }).count()).toBe(1)
    await page.getByRole('button', { name: 'Ja, annuleer mijn aanmelding' }).click()
    await expect.poll(() => page.url()).toMatch(/\?geannuleerd=1$/)
    expect(await page.locator('main').textContent()).toContain('Uw aanmelding is geannuleerd.')
    expect((await db.registration.findUniqueOrThrow({ where: { id: johan.id } })).status).toBe('cancelled')
    await mailTo('fatima@example.org', /Er is een plaats vrij/)
    await keepScreenshot(page, 'aanmelding-geannuleerd-zonder-script')

    // A later visit without the cookie: a plain Dutch explanation, not a crash.
    const fresh = await newPage(browser, { javaScriptEnabled: false })
    const response = await fresh.page.goto(page.url())
    expect(response?.status()).toBe(401)
    await fresh.context.close()
    expect(problems).toEqual([])
    await context.close()
  })
})
