// What people are told (issue 17), in a real browser against the built app: an English contact's personal link
// opens in English in a Dutch browser, with the switch still there; public pages follow the browser's
// Accept-Language until someone chooses; a colleague over the organisation's quota is told that the
// organisation's seats are taken, not that the event is full. Axe on every page state.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { createPersonalLink } from '~/models/personal-link.server'
import { createDb, type Db } from '~/utils/db.server'
import { createContact, createEvent, createOrganisation, createProgramme } from '../factories.ts'
import { ADMIN, startAppServer, type AppServer } from '../support/app-server.ts'
import { expectNoAxeViolations, keepScreenshot, launchBrowser, newPage, waitForHydration } from '../support/browser.ts'
import { signInAs } from '../support/sign-in.ts'

let app: AppServer
let browser: Browser
let db: Db
let programmeId: string

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startAppServer(), launchBrowser()])
  db = createDb(app.databaseUrl)
  programmeId = (await createProgramme(db, { name: 'Samen tegen mensenhandel' })).id
})

afterAll(async () => {
  await db?.$disconnect()
  await browser?.close()
  await app?.stop()
})

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()
const main = (page: Page) => page.locator('main').textContent()

async function invite(eventId: string, endsAt: Date, contactId: string) {
  const invitation = await db.invitation.create({ data: { eventId, contactId, status: 'sent' } })
  return createPersonalLink({ kind: 'invitation', subjectId: invitation.id, eventId, expiresAt: endsAt }, db)
}

describe("each person's language, and the real reason they wait", () => {
  test('an English contact reads English in a Dutch browser; a colleague over the quota is told why', async () => {
    const event = await createEvent(db, programmeId, {
      title: 'Werkconferentie ketenpartners',
      visibility: 'public',
      capacity: 5,
      venueName: 'Beatrixgebouw',
      venueCity: 'Utrecht',
    })
    const organisation = await createOrganisation(db, { name: 'Stichting Ketenzorg Oost', seatQuota: 1 })
    const english = await createContact(db, organisation.id, {
      name: 'Grace Mensah',
      email: 'grace@ketenzorg.example',
      language: 'en',
    })
    const dutch = await createContact(db, organisation.id, { name: 'Joost Bakker', email: 'joost@ketenzorg.example' })

    // A Dutch browser (nl-NL) opens the English contact's link: English, with the switch to Dutch.
    const grace = await newPage(browser)
    await grace.page.goto(`${app.url}/uitnodiging/${await invite(event.id, event.endsAt, english.id)}`)
    await grace.page.waitForURL(/\/uitnodiging\/[a-z0-9]+$/)
    await expect.poll(() => heading(grace.page)).toBe('Invitation: Werkconferentie ketenpartners')
    expect(await grace.page.locator('html').getAttribute('lang')).toBe('en')
    await waitForHydration(grace.page)
    expect(await grace.page.getByRole('button', { name: /Nederlands/ }).count()).toBe(1)
    await expectNoAxeViolations(grace.page)
    await keepScreenshot(grace.page, 'uitnodiging-engels')
    await grace.page.getByRole('button', { name: 'Register', exact: true }).click()
    // Her own page after registering is English too.
    await grace.page.waitForURL(/\/aanmelding\/[a-z0-9]+\?welkom=1$/)
    await expect.poll(() => heading(grace.page)).toBe('Your registration')
    expect(await main(grace.page)).toContain('You are registered.')
    await expectNoAxeViolations(grace.page)
    // The switch still works, and her choice then holds on her invitation page too.
    await waitForHydration(grace.page)
    await grace.page.getByRole('button', { name: /Nederlands/ }).click()
    await expect.poll(() => heading(grace.page)).toBe('Uw aanmelding')
    expect(grace.problems).toEqual([])
    await grace.context.close()

    // Her colleague: the organisation's one seat is taken while the event has room.
    const joost = await newPage(browser)
    await joost.page.goto(`${app.url}/uitnodiging/${await invite(event.id, event.endsAt, dutch.id)}`)
    await expect.poll(() => heading(joost.page)).toBe('Uitnodiging: Werkconferentie ketenpartners')
    await waitForHydration(joost.page)
    await joost.page.getByRole('button', { name: 'Aanmelden', exact: true }).click()
    await joost.page.waitForURL(/\/aanmelding\/[a-z0-9]+\?welkom=1$/)
    await expect.poll(() => main(joost.page)).toContain('De plaatsen voor Stichting Ketenzorg Oost zijn bezet')
    const text = (await main(joost.page))!
    expect(text).not.toContain('De bijeenkomst is vol')
    expect(text).toContain('U staat op de wachtlijst: u bent de eerste van Stichting Ketenzorg Oost.')
    expect(text).toContain('Annuleert een collega van Stichting Ketenzorg Oost, dan gaat die plaats naar de eerste')
    expect(text).toContain('Vraag het aan het secretariaat via secretariaat@example.org')
    expect(await joost.page.getByRole('link', { name: /in uw agenda/ }).count()).toBe(0)
    await expectNoAxeViolations(joost.page)
    await keepScreenshot(joost.page, 'wachtlijst-quotum')
    expect(joost.problems).toEqual([])
    await joost.context.close()

    // The secretariat: counts apart everywhere (issue 17, point 5), and who waits for the organisation's seat.
    const admin = await newPage(browser)
    await signInAs(admin.page, app.url, ADMIN.email, ADMIN.password)
    await admin.page.goto(`${app.url}/beheer/bijeenkomsten/${event.id}`)
    await expect.poll(() => heading(admin.page)).toBe('Werkconferentie ketenpartners')
    expect(await main(admin.page)).toContain('Aanmeldingen: 1 van 5 plaatsen bevestigd · 1 op de wachtlijst')
    await admin.page.goto(`${app.url}/beheer`)
    const row = admin.page.getByRole('row', { name: /Werkconferentie ketenpartners/ })
    expect(await row.textContent()).toContain('1 van 5 plaatsen bevestigd · 1 op de wachtlijst')
    await admin.page.goto(`${app.url}/beheer/bijeenkomsten/${event.id}/aanmeldingen?status=waitlisted`)
    const waiting = admin.page.getByRole('row', { name: /Joost Bakker/ })
    await expect.poll(() => waiting.textContent()).toContain('wacht op een plaats van Stichting Ketenzorg Oost')
    await expectNoAxeViolations(admin.page)
    await admin.page.getByRole('link', { name: 'Joost Bakker' }).click()
    await expect.poll(() => main(admin.page)).toContain('De plaatsen van Stichting Ketenzorg Oost')
    expect(await main(admin.page)).toContain('de bijeenkomst zelf heeft nog plaatsen')
    expect(admin.problems).toEqual([])
    await admin.context.close()
  })

  test('a public page follows Accept-Language until someone chooses', async () => {
    const event = await createEvent(db, programmeId, { title: 'Open dag', visibility: 'public' })
    const visitor = await newPage(browser, { locale: 'en-GB' })
    await visitor.page.goto(`${app.url}/bijeenkomsten/${event.slug}`)
    expect(await visitor.page.locator('html').getAttribute('lang')).toBe('en')
    await expectNoAxeViolations(visitor.page)
    await waitForHydration(visitor.page)
    await visitor.page.getByRole('button', { name: /Nederlands/ }).click()
    await expect.poll(() => visitor.page.locator('html').getAttribute('lang')).toBe('nl')
    // The choice holds on a fresh load, against the browser's wish.
    await visitor.page.reload()
    expect(await visitor.page.locator('html').getAttribute('lang')).toBe('nl')
    expect(visitor.problems).toEqual([])
    await visitor.context.close()

    const dutch = await newPage(browser)
    await dutch.page.goto(`${app.url}/bijeenkomsten/${event.slug}`)
    expect(await dutch.page.locator('html').getAttribute('lang')).toBe('nl')
    await dutch.context.close()
  })
})

describe('declining is a step of its own; no false warning about the address', () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`decline with a confirmation, then register with the same address (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const event = await createEvent(db, programmeId, { title: `Ronde tafel ${javaScriptEnabled}`, capacity: 20 })
      const organisation = await createOrganisation(db, { name: `Gemeente Zwolle ${javaScriptEnabled}` })
      const contact = await createContact(db, organisation.id, { name: 'Lotte Jansen' })
      // As an import may leave it: capitals in the stored address. The form shows it, and it is the same address.
      const stored = `Lotte.Jansen.${javaScriptEnabled}@Example.org`
      await db.contact.update({ where: { id: contact.id }, data: { email: stored } })
      const { page, context, problems } = await newPage(browser, { javaScriptEnabled })
      await page.goto(`${app.url}/uitnodiging/${await invite(event.id, event.endsAt, contact.id)}`)
      await page.waitForURL(/\/uitnodiging\/[a-z0-9]+$/)
      const invitationUrl = page.url()
      await expect.poll(() => heading(page)).toBe(`Uitnodiging: Ronde tafel ${javaScriptEnabled}`)
      if (javaScriptEnabled) await waitForHydration(page)
      expect(await main(page)).not.toContain('U gebruikt een e-mailadres dat anders is')
      expect(await main(page)).toContain(`Uw uitnodiging is voor ${stored}.`)

      if (javaScriptEnabled) {
        // The warning comes only when another address is typed, and goes when it is the invitation's again.
        await page.getByLabel('E-mailadres').fill('iemand.anders@example.org')
        await expect.poll(() => main(page)).toContain('U gebruikt een e-mailadres dat anders is')
        await page.getByLabel('E-mailadres').fill(` ${stored.toLowerCase()} `)
        await expect.poll(() => main(page)).not.toContain('U gebruikt een e-mailadres dat anders is')
        await page.getByLabel('E-mailadres').fill(stored)
      }

      // "Ik kan niet komen" asks first; going back changes nothing.
      expect(await page.getByRole('button', { name: 'Ik kan niet komen' }).count()).toBe(0)
      await page.getByRole('link', { name: 'Ik kan niet komen' }).click()
      await expect.poll(() => page.getByRole('heading', { name: 'Weet u zeker dat u niet komt?' }).count()).toBe(1)
      expect(await page.getByRole('button', { name: 'Aanmelden', exact: true }).count()).toBe(0)
      // Axe runs in the page: only with JavaScript.
      if (javaScriptEnabled) await expectNoAxeViolations(page)
      const invitation = () => db.invitation.findFirstOrThrow({ where: { eventId: event.id } })
      expect((await invitation()).status).toBe('sent')
      await page.getByRole('link', { name: 'Nee, terug naar de uitnodiging' }).click()
      await expect.poll(() => page.getByRole('button', { name: 'Aanmelden', exact: true }).count()).toBe(1)
      expect((await invitation()).status).toBe('sent')
      await page.getByRole('link', { name: 'Ik kan niet komen' }).click()
      await page.getByRole('button', { name: 'Ja, ik kan niet komen' }).click()
      await expect.poll(() => main(page)).toContain('Jammer dat u er niet bij kunt zijn')
      expect((await invitation()).status).toBe('declined')
      expect(await main(page)).not.toContain('U gebruikt een e-mailadres dat anders is')
      if (javaScriptEnabled) await expectNoAxeViolations(page)

      // Changed her mind: registers with the address of the invitation, and nothing says it differs.
      if (javaScriptEnabled) await waitForHydration(page)
      await page.getByRole('button', { name: 'Aanmelden', exact: true }).click()
      await page.waitForURL(/\/aanmelding\/[a-z0-9]+\?welkom=1$/)
      const registration = await db.registration.findFirstOrThrow({ where: { eventId: event.id } })
      expect(registration).toMatchObject({ status: 'confirmed', flaggedForReview: false })
      await page.goto(invitationUrl)
      await expect.poll(() => main(page)).toContain('U bent aangemeld voor deze bijeenkomst.')
      expect(await main(page)).not.toContain('ander e-mailadres')
      expect(problems).toEqual([])
      await context.close()
    })
  }
})
