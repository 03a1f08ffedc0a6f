// An organiser builds the 4 December event from nothing, through the UI alone: speakers (one with a photo),
// the event with its venue looked up at PDOK (mocked inside the app server), the agenda with the panel of
// four and its moderator; publishes it; and the public page shows all of it in Dutch. And the same for the
// event form and the agenda editor by keyboard only.
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { createDb } from '~/utils/db.server'
import { createUser } from '../factories.ts'
import { startAppServer, type AppServer } from '../support/app-server.ts'
import { expectNoAxeViolations, keepScreenshot, launchBrowser, newPage, waitForHydration } from '../support/browser.ts'
import { tabTo, typeInto } from '../support/keyboard.ts'
import { signInAs } from '../support/sign-in.ts'

let app: AppServer
let browser: Browser
const organiser = { email: 'organisator@example.org', password: 'Organisator-Wachtwoord-1' }

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startAppServer(), launchBrowser()])
  const db = createDb(app.databaseUrl)
  await createUser(db, { ...organiser, name: 'Olga Organisator', role: 'organiser' })
  // From nothing: no speakers yet. The seeded event stays, so the new one's slug must get a suffix.
  await db.statement.deleteMany()
  await db.participation.deleteMany()
  await db.speaker.deleteMany()
  await db.speaker.create({ data: { name: 'Sanne de Vries', function: 'beleidsadviseur', consentPublishName: true } })
  await db.$disconnect()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

async function addSpeaker(
  page: Page,
  s: { honorific?: string; name: string; fn: string; organisation?: string; photo?: Buffer; credit?: string },
) {
  await page.goto(`${app.url}/beheer/sprekers/nieuw`)
  await waitForHydration(page)
  if (s.honorific) await page.getByLabel('Aanspreektitel').fill(s.honorific)
  await page.getByLabel('Naam', { exact: true }).fill(s.name)
  await page.getByLabel('Functie', { exact: true }).fill(s.fn)
  if (s.organisation) await page.getByLabel('Organisatie', { exact: true }).selectOption({ label: s.organisation })
  if (s.photo) {
    await page
      .getByLabel('Foto uploaden')
      .setInputFiles({ name: 'portret.jpg', mimeType: 'image/jpeg', buffer: s.photo })
    await page.getByLabel('Fotograaf (naamsvermelding)').fill(s.credit ?? '')
    await page.getByLabel('De foto mag op de website en in het verslag').check()
  }
  // The speakers of this event agreed to be named; nothing is ticked until the secretariat records that.
  await page.getByLabel('Naam en functie mogen op de website en in het verslag').check()
  await page.getByRole('button', { name: 'Spreker opslaan' }).click()
  await expect.poll(() => page.getByRole('status').textContent()).toContain('De spreker is opgeslagen')
}

async function addItem(page: Page, item: { kind: string; title: string; start: string; end: string; room?: string }) {
  await page.getByLabel('Soort onderdeel').selectOption({ label: item.kind })
  await page.getByLabel('Titel', { exact: true }).fill(item.title)
  await page.getByLabel('Begintijd', { exact: true }).fill(item.start)
  await page.getByLabel('Eindtijd', { exact: true }).fill(item.end)
  if (item.room) await page.getByLabel('Zaal', { exact: true }).fill(item.room)
  await page.getByRole('button', { name: 'Onderdeel toevoegen' }).click()
  await expect.poll(() => page.getByRole('status').textContent()).toContain('Het onderdeel is opgeslagen')
}

/** Back to the agenda editor, and wait until it shows (the item page has the same field labels). */
async function backToAgenda(page: Page) {
  await page.getByRole('link', { name: 'Terug naar het programma' }).click()
  await page.waitForURL(/\/programma$/)
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Programma van/)
}

async function addParticipant(page: Page, speaker: RegExp, role: string, order: number) {
  const before = await page.locator('.participant').count()
  await page.getByLabel('Spreker', { exact: true }).selectOption({
    label: (await page.getByLabel('Spreker', { exact: true }).locator('option').allTextContents()).find((o) =>
      speaker.test(o),
    )!,
  })
  await page.getByLabel('Rol', { exact: true }).last().selectOption({ label: role })
  await page.locator('#new-order').fill(String(order))
  await page.getByRole('button', { name: 'Spreker toevoegen' }).click()
  await expect.poll(() => page.locator('.participant').count()).toBe(before + 1)
}

describe('building the 4 December event through the UI', () => {
  test('speakers, event, venue, agenda with the panel, publication and the public page', async () => {
    const { page, context, problems } = await newPage(browser)
    await signInAs(page, app.url, organiser.email, organiser.password)

    const photo = await sharp({
      create: { width: 400, height: 400, channels: 3, background: { r: 30, g: 60, b: 110 } },
    })
      .jpeg()
      .toBuffer()
    await addSpeaker(page, {
      honorific: 'staatssecretaris',
      name: 'Harbers',
      fn: 'staatssecretaris van Justitie en Veiligheid',
      organisation: 'Ministerie van Justitie en Veiligheid',
      photo,
      credit: 'Robert Huiberts',
    })
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'spreker')
    await addSpeaker(page, {
      honorific: 'staatssecretaris',
      name: 'Blokhuis',
      fn: 'staatssecretaris van Volksgezondheid, Welzijn en Sport',
    })
    await addSpeaker(page, {
      honorific: 'staatssecretaris',
      name: 'Van Ark',
      fn: 'staatssecretaris van Sociale Zaken en Werkgelegenheid',
    })
    await addSpeaker(page, { name: 'Tazelaar', fn: 'plaatsvervangend directeur-generaal Buitenlandse Zaken' })
    await addSpeaker(page, { name: 'Anne de Wit', fn: 'dagvoorzitter' })

    // The event.
    await page.goto(`${app.url}/beheer`)
    await page.getByRole('link', { name: 'Nieuwe bijeenkomst' }).click()
    await waitForHydration(page)
    await expectNoAxeViolations(page)
    await page.getByLabel('Titel', { exact: true }).fill('Formele start Samen tegen mensenhandel')
    await page.getByLabel('Ondertitel').fill('Startbijeenkomst van het programma')
    await page
      .getByLabel('Beschrijving')
      .fill('Het programma start formeel.\n\nMet een panel van vier bewindspersonen.')
    await page.getByLabel('Datum', { exact: true }).fill('2026-12-04')
    await page.getByLabel('Begintijd', { exact: true }).fill('14:00')
    await page.getByLabel('Eindtijd', { exact: true }).fill('17:00')
    await page.getByLabel('Naam van de locatie').fill('Ministerie van Justitie en Veiligheid')
    await page.getByLabel('Straat en huisnummer').fill('Turfmarkt 147')
    await page.getByLabel('Postcode').fill('2511 DP')
    await page.getByLabel('Plaats', { exact: true }).fill('Den Haag')
    await page.getByLabel('Aantal plaatsen').fill('150')
    for (const ministry of [
      'Ministerie van Justitie en Veiligheid',
      'Ministerie van Volksgezondheid, Welzijn en Sport',
      'Ministerie van Sociale Zaken en Werkgelegenheid',
      'Ministerie van Buitenlandse Zaken',
    ]) {
      await page.getByLabel(ministry, { exact: true }).check()
    }
    // Look the address up (PDOK, mocked) and keep the first suggestion.
    await page.getByRole('button', { name: 'Adres opzoeken op de kaart' }).click()
    await expect.poll(() => page.getByRole('group', { name: 'Kies het juiste adres' }).count()).toBe(1)
    expect(await page.getByRole('radio').first().isChecked()).toBe(true)
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'bijeenkomst-formulier')
    await page.getByRole('button', { name: 'Bijeenkomst aanmaken' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('aangemaakt als concept')
    expect(await page.locator('main').textContent()).toContain('Op de kaart gezet (52.07')

    // The agenda.
    await page.getByRole('link', { name: 'Programma bewerken' }).click()
    await page.waitForURL(/\/programma$/)
    await waitForHydration(page)
    await addItem(page, {
      kind: 'Opening',
      title: 'Opening door staatssecretaris Harbers',
      start: '14:00',
      end: '14:20',
      room: 'Grote zaal',
    })
    await addParticipant(page, /^Staatssecretaris Harbers/, 'Spreker', 0)
    await backToAgenda(page)
    await addItem(page, {
      kind: 'Panel',
      title: 'Panel: de inzet van de ministeries',
      start: '14:30',
      end: '15:30',
      room: 'Grote zaal',
    })
    await addParticipant(page, /^Anne de Wit/, 'Moderator', 0)
    await addParticipant(page, /^Staatssecretaris Harbers/, 'Panellid', 1)
    await addParticipant(page, /^Staatssecretaris Blokhuis/, 'Panellid', 2)
    await addParticipant(page, /^Staatssecretaris Van Ark/, 'Panellid', 3)
    await addParticipant(page, /^Tazelaar/, 'Panellid', 4)
    await expectNoAxeViolations(page)
    await backToAgenda(page)
    await addItem(page, { kind: 'Netwerken', title: 'Netwerkborrel', start: '16:00', end: '17:00', room: 'Foyer' })
    await backToAgenda(page)
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'programma-editor')

    // Publish, with confirmation.
    await page.goto(page.url().replace(/\/programma$/, ''))
    await page.getByRole('link', { name: 'Publiceren' }).click()
    await page.getByRole('button', { name: 'Ja, publiceren' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('De status is gewijzigd')
    expect(await page.locator('.status').first().textContent()).toBe('Gepubliceerd')

    // The public page, as a visitor sees it (the seed already had this title: the slug got a suffix).
    await page.getByRole('link', { name: 'Publieke pagina bekijken' }).click()
    await expect
      .poll(() => new URL(page.url()).pathname)
      .toBe('/bijeenkomsten/formele-start-samen-tegen-mensenhandel-2')
    const main = (await page.locator('main').textContent()) ?? ''
    expect(main).toContain('vrijdag 4 december 2026, 14.00–17.00 uur')
    expect(main).toContain('Ministerie van Buitenlandse Zaken')
    const panel = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Panel: de inzet van de ministeries' }) })
    expect(await panel.locator('.agenda__people li').allTextContents()).toEqual([
      'Anne de Wit, dagvoorzitter (moderator)',
      'Staatssecretaris Harbers, staatssecretaris van Justitie en Veiligheid (panellid)',
      'Staatssecretaris Blokhuis, staatssecretaris van Volksgezondheid, Welzijn en Sport (panellid)',
      'Staatssecretaris Van Ark, staatssecretaris van Sociale Zaken en Werkgelegenheid (panellid)',
      'Tazelaar, plaatsvervangend directeur-generaal Buitenlandse Zaken (panellid)',
    ])
    const portrait = page.getByRole('img', { name: 'Foto van Staatssecretaris Harbers' })
    expect(await portrait.count()).toBe(1)
    expect(await page.getByText('Foto: Robert Huiberts').count()).toBe(1)
    const image = await page.request.get(new URL((await portrait.getAttribute('src'))!, app.url).toString())
    expect(image.headers()['content-type']).toBe('image/jpeg')
    expect(image.headers()['x-content-type-options']).toBe('nosniff')
    expect(await page.getByRole('link', { name: /op de kaart \(OpenStreetMap\)/ }).getAttribute('href')).toContain(
      'mlat=52.07',
    )
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'bijeenkomst-gebouwd')
    expect(problems).toEqual([])
    await context.close()
  })

  test('the event form and the agenda editor by keyboard only', async () => {
    const { page, context, problems } = await newPage(browser)
    await signInAs(page, app.url, organiser.email, organiser.password)
    await page.goto(`${app.url}/beheer/bijeenkomsten/nieuw`)
    await waitForHydration(page)
    await typeInto(page, 'Titel', 'Werkconferentie gemeentelijke aanpak')
    // Headless Chromium shows date and time fields in its own (US) order, whatever the page language:
    // month, day, year, and a 12-hour clock.
    await typeInto(page, 'Datum', '03282027')
    await typeInto(page, 'Begintijd', '1000AM')
    await typeInto(page, 'Eindtijd', '1230PM')
    await typeInto(page, 'Plaats', 'Utrecht')
    await tabTo(page, 'Ministerie van Justitie en Veiligheid')
    await page.keyboard.press('Space')
    await tabTo(page, 'Bijeenkomst aanmaken')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByRole('status').textContent()).toContain('aangemaakt als concept')
    expect(await page.locator('main').textContent()).toContain('zondag 28 maart 2027, 10.00–12.30 uur')

    // Each Enter that navigates waits for the new page, so the next Tab starts there.
    const agendaPage = /^Programma van/
    const itemPage = /bewerken$/
    const enterAndWait = async (url: RegExp, heading: RegExp) => {
      await Promise.all([page.waitForURL(url), page.keyboard.press('Enter')])
      // The URL changes as the new page renders: wait for its heading too.
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(heading)
    }
    await tabTo(page, 'Programma bewerken')
    await enterAndWait(/\/programma$/, agendaPage)
    await waitForHydration(page)
    await tabTo(page, 'Soort onderdeel')
    await page.keyboard.press('ArrowDown') // Bijdrage
    await typeInto(page, 'Titel', 'Inleiding')
    await typeInto(page, 'Begintijd', '1000AM')
    await typeInto(page, 'Eindtijd', '1100AM')
    await tabTo(page, 'Onderdeel toevoegen')
    await enterAndWait(/\/programma\/[^/?#]+$/, itemPage)
    expect(await page.getByRole('status').textContent()).toContain('Het onderdeel is opgeslagen')
    await tabTo(page, 'Spreker', 200)
    await page.keyboard.press('ArrowDown')
    await tabTo(page, 'Spreker toevoegen')
    await enterAndWait(/#sprekers$/, itemPage)
    await expect.poll(() => page.locator('.participant').count()).toBe(1)
    await tabTo(page, 'Terug naar het programma', 200)
    await enterAndWait(/\/programma$/, agendaPage)
    await expect.poll(() => page.getByRole('heading', { name: 'Inleiding', exact: true }).count()).toBe(1)
    // A second item, then reorder it above the first by keyboard.
    await typeInto(page, 'Titel', 'Welkom')
    await typeInto(page, 'Begintijd', '1100AM')
    await typeInto(page, 'Eindtijd', '1130AM')
    await tabTo(page, 'Onderdeel toevoegen')
    await enterAndWait(/\/programma\/[^/?#]+$/, itemPage)
    await tabTo(page, 'Terug naar het programma', 200)
    await enterAndWait(/\/programma$/, agendaPage)
    await tabTo(page, 'Omhoog – Welkom')
    await enterAndWait(/\/programma#item-/, agendaPage)
    await expect.poll(() => page.locator('.agenda__title').allTextContents()).toEqual(['Welkom', 'Inleiding'])
    await expectNoAxeViolations(page)
    expect(problems).toEqual([])
    await context.close()
  })

  test('the speaker form lists each field error in its summary, as a link to the field', async () => {
    const { page, context, problems } = await newPage(browser)
    await signInAs(page, app.url, organiser.email, organiser.password)
    await page.goto(`${app.url}/beheer/sprekers/nieuw`)
    await waitForHydration(page)
    // Consent is the speaker's to give: a new speaker starts with none of it ticked.
    for (const label of [
      'Naam en functie mogen op de website en in het verslag',
      'De foto mag op de website en in het verslag',
      'Geautoriseerde citaten mogen in het verslag',
    ])
      expect(await page.getByLabel(label).isChecked()).toBe(false)
    // Leaving the e-mail field checks it at once; the summary appears above the form (and takes focus).
    await page.getByLabel('E-mailadres', { exact: true }).fill('geen-adres')
    await page.keyboard.press('Tab')
    const summary = page.getByRole('alert')
    await expect.poll(() => summary.getByRole('link').count()).toBe(1)
    // Sending checks every field: the missing name joins the list.
    await page.getByRole('button', { name: 'Spreker opslaan' }).click()
    await expect
      .poll(() => summary.getByRole('link').allTextContents())
      .toEqual(['Vul de naam in.', 'Vul een geldig e-mailadres in, bijvoorbeeld naam@ministerie.nl.'])
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('error-summary')
    await summary.getByRole('link', { name: 'Vul de naam in.' }).click()
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('speaker-form-name')
    expect(problems).toEqual([])
    await context.close()
  })
})
