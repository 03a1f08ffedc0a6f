// Registering in a real browser against the built app: the public form by keyboard only (with and without
// JavaScript), and an invitee who opens their personal link, registers by keyboard and then registers a
// colleague. Every page of these forms passes axe. (The manage page is another part: only its address is
// checked here.)
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { createPersonalLink } from '~/models/personal-link.server'
import { createDb, type Db } from '~/utils/db.server'
import { createContact, createEvent, createOrganisation, createProgramme } from '../factories.ts'
import { ADMIN, startAppServer, type AppServer } from '../support/app-server.ts'
import { expectNoAxeViolations, keepScreenshot, launchBrowser, newPage, waitForHydration } from '../support/browser.ts'
import { tabTo, typeInto } from '../support/keyboard.ts'
import { signInAs } from '../support/sign-in.ts'

let app: AppServer
let browser: Browser
let db: Db
let programmeId: string

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startAppServer(), launchBrowser()])
  db = createDb(app.databaseUrl)
  programmeId = (await createProgramme(db)).id
})

afterAll(async () => {
  await db?.$disconnect()
  await browser?.close()
  await app?.stop()
})

const manageUrl = /\/aanmelding\/[A-Za-z0-9]+\?welkom=1$/
const mailSentUrl = /\/aanmelden\?verstuurd=1$/

async function publicEventWithQuestions(title: string) {
  const event = await createEvent(db, programmeId, {
    title,
    visibility: 'public',
    capacity: 50,
    venueName: 'Provinciehuis',
    venueCity: 'Utrecht',
  })
  await db.registrationQuestion.create({
    data: { eventId: event.id, label: 'Waarom komt u?', type: 'text', required: true, order: 0 },
  })
  await db.registrationQuestion.create({
    data: { eventId: event.id, label: 'Blijft u lunchen?', type: 'yes_no', required: true, order: 1 },
  })
  return event
}

/** Fills the public form from the top of the page with the keyboard alone. */
async function fillByKeyboard(page: Page, email: string) {
  await typeInto(page, 'Naam', 'Eva Smit')
  await typeInto(page, 'E-mailadres', email)
  await typeInto(page, 'Organisatie (niet verplicht)', 'Gemeente Utrecht')
  await typeInto(page, 'Functie (niet verplicht)', 'Beleidsadviseur')
  await typeInto(page, 'Toegankelijkheid (niet verplicht)', 'Een tolk Nederlandse Gebarentaal')
  await typeInto(page, 'Waarom komt u?', 'Voor het netwerk')
  await tabTo(page, 'Ja')
  await page.keyboard.press('Space')
  await tabTo(page, /Ik vind het goed dat ik op foto/)
  await page.keyboard.press('Space')
}

async function expectRegistered(eventId: string, email: string) {
  const registration = await db.registration.findFirstOrThrow({ where: { eventId, email } })
  const questions = await db.registrationQuestion.findMany({ where: { eventId }, orderBy: { order: 'asc' } })
  expect(registration).toMatchObject({
    name: 'Eva Smit',
    organisationName: 'Gemeente Utrecht',
    accessibility: 'Een tolk Nederlandse Gebarentaal',
    photoConsent: true,
    status: 'confirmed',
  })
  expect(registration.answers).toEqual({ [questions[0]!.id]: 'Voor het netwerk', [questions[1]!.id]: true })
}

describe('public registration form', () => {
  test('by keyboard only, with a custom question, to a page that says a mail went out', async () => {
    const event = await publicEventWithQuestions('Regiobijeenkomst Utrecht')
    const { page, context, problems } = await newPage(browser)
    await page.goto(`${app.url}/bijeenkomsten/${event.slug}`)
    await page.getByRole('link', { name: 'Meld u aan voor deze bijeenkomst' }).click()
    await page.waitForURL(/\/aanmelden$/)
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Aanmelden voor Regiobijeenkomst Utrecht')
    await waitForHydration(page)
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'register-public-form')

    // A mistake first: the summary takes focus and links to the field.
    await tabTo(page, 'Naam')
    await tabTo(page, 'Aanmelden')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('Vul uw naam in.')
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'register-public-form-errors')

    await fillByKeyboard(page, 'eva.js@example.org')
    await tabTo(page, 'Aanmelden')
    await page.keyboard.press('Enter')
    await page.waitForURL(mailSentUrl, { timeout: 20_000 })
    await expect.poll(() => page.getByRole('status').textContent()).toContain('We hebben u een e-mail gestuurd')
    await expectNoAxeViolations(page)
    await expectRegistered(event.id, 'eva.js@example.org')
    expect(problems).toEqual([])
    await context.close()
  })

  test('without JavaScript: registered, and a second attempt gets the same answer and a mail', async () => {
    const event = await publicEventWithQuestions('Regiobijeenkomst Zwolle')
    // No axe here: it runs as a script in the page. The same pages are checked with JavaScript above.
    const { page, context } = await newPage(browser, { javaScriptEnabled: false })
    await page.goto(`${app.url}/bijeenkomsten/${event.slug}/aanmelden`)
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Aanmelden voor Regiobijeenkomst Zwolle')
    await fillByKeyboard(page, 'eva.nojs@example.org')
    await tabTo(page, 'Aanmelden')
    await page.keyboard.press('Enter')
    await page.waitForURL(mailSentUrl, { timeout: 20_000 })
    await expectRegistered(event.id, 'eva.nojs@example.org')

    // The same address again: the server's answer in the summary, and one registration.
    await page.goto(`${app.url}/bijeenkomsten/${event.slug}/aanmelden`)
    await fillByKeyboard(page, 'eva.nojs@example.org')
    await tabTo(page, 'Aanmelden')
    await page.keyboard.press('Enter')
    // The same page as for a new registration: the form does not tell whether an address is registered.
    await page.waitForURL(mailSentUrl, { timeout: 20_000 })
    await expect.poll(() => page.getByRole('status').textContent()).toContain('We hebben u een e-mail gestuurd')
    await keepScreenshot(page, 'register-public-form-no-js-duplicate')
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(1)
    expect(await db.outboxMessage.count({ where: { eventId: event.id, kind: 'registration-link' } })).toBe(1)
    await context.close()
  })

  test('an invite-only event explains that registration is by invitation', async () => {
    const event = await createEvent(db, programmeId, { title: 'Besloten overleg', visibility: 'invite_only' })
    const { page, context } = await newPage(browser)
    const response = await page.goto(`${app.url}/bijeenkomsten/${event.slug}/aanmelden`)
    expect(response?.status()).toBe(404)
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Aanmelden alleen op uitnodiging')
    await expectNoAxeViolations(page)
    await context.close()
  })
})

describe('invitation', () => {
  test('an invitee opens their link, registers by keyboard, then registers a colleague', async () => {
    const event = await createEvent(db, programmeId, {
      title: 'Werkconferentie ketenpartners',
      visibility: 'invite_only',
      capacity: 50,
      venueName: 'Beatrixgebouw',
      venueCity: 'Utrecht',
    })
    await db.registrationQuestion.create({
      data: { eventId: event.id, label: 'Welke workshop?', type: 'choice', options: ['Preventie', 'Opsporing'] },
    })
    const organisation = await createOrganisation(db, { name: 'Gemeente Amersfoort', seatQuota: 3 })
    const contact = await createContact(db, organisation.id, {
      name: 'Karin de Vries',
      email: 'karin@example.org',
      function: 'Programmamanager',
    })
    const invitation = await db.invitation.create({
      data: { eventId: event.id, contactId: contact.id, status: 'sent' },
    })
    const token = await createPersonalLink(
      { kind: 'invitation', subjectId: invitation.id, eventId: event.id, expiresAt: event.endsAt },
      db,
    )

    const { page, context, problems } = await newPage(browser)
    await page.goto(`${app.url}/uitnodiging/${token}`)
    await page.waitForURL(/\/uitnodiging\/[A-Za-z0-9]+$/)
    expect(page.url()).not.toContain(token)
    const invitationUrl = page.url()
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Uitnodiging: Werkconferentie ketenpartners')
    await waitForHydration(page)
    expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toBe('Karin de Vries')
    expect(await page.getByLabel('E-mailadres').inputValue()).toBe('karin@example.org')
    expect(await page.getByLabel('Functie (niet verplicht)').inputValue()).toBe('Programmamanager')
    expect(await page.getByText('Organisatie: Gemeente Amersfoort').count()).toBe(1)
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'register-invitation')

    await typeInto(page, 'Dieetwensen (niet verplicht)', 'Vegetarisch')
    // A radio group is one Tab stop; the arrow keys choose within it.
    await tabTo(page, 'Preventie')
    await page.keyboard.press('ArrowDown')
    await tabTo(page, 'Aanmelden')
    await page.keyboard.press('Enter')
    await page.waitForURL(manageUrl, { timeout: 20_000, waitUntil: 'commit' })
    const invitee = await db.registration.findFirstOrThrow({ where: { eventId: event.id } })
    expect(invitee).toMatchObject({
      email: 'karin@example.org',
      organisationId: organisation.id,
      invitationId: invitation.id,
      dietary: 'Vegetarisch',
      flaggedForReview: false,
      status: 'confirmed',
    })
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe('registered')

    // Back on the invitation page (the session still holds): the status, and a colleague by keyboard.
    await page.goto(invitationUrl)
    await expect.poll(() => page.getByRole('heading', { name: 'Collega aanmelden' }).count()).toBe(1)
    await waitForHydration(page)
    expect(await page.getByText('Uw organisatie heeft voor deze bijeenkomst nog 2 plaatsen.').count()).toBe(1)
    await expectNoAxeViolations(page)
    await typeInto(page, 'Naam', 'Piet Bakker')
    await typeInto(page, 'E-mailadres', 'piet@example.org')
    await typeInto(page, 'Toegankelijkheid (niet verplicht)', 'Rolstoelplek')
    await tabTo(page, 'Collega aanmelden')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\?collega=confirmed$/)
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Uw collega is aangemeld')
    const row = page.getByRole('row', { name: /Piet Bakker/ })
    await expect.poll(() => row.textContent()).toContain('Bevestigd')
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'register-invitation-colleague')
    const colleague = await db.registration.findFirstOrThrow({
      where: { eventId: event.id, email: 'piet@example.org' },
    })
    expect(colleague).toMatchObject({
      registeredById: invitee.id,
      organisationId: organisation.id,
      invitationId: invitation.id,
      accessibility: 'Rolstoelplek',
      status: 'confirmed',
    })
    expect(problems.filter((p) => !p.includes('/aanmelding/'))).toEqual([])
    await context.close()
  })
})

describe('questions editor', () => {
  test('the secretariat adds a choice question by keyboard and moves it up', async () => {
    const event = await createEvent(db, programmeId, { title: 'Kennisdag', visibility: 'public' })
    await db.registrationQuestion.create({ data: { eventId: event.id, label: 'Blijft u lunchen?', type: 'yes_no' } })
    const { page, context, problems } = await newPage(browser)
    await signInAs(page, app.url, ADMIN.email, ADMIN.password)
    await page.goto(`${app.url}/beheer/bijeenkomsten/${event.id}`)
    await page.getByRole('link', { name: 'Vragen bij aanmelden' }).click()
    await page.waitForURL(/\/vragen$/)
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Vragen bij het aanmelden: Kennisdag')
    await waitForHydration(page)
    await expectNoAxeViolations(page)

    await typeInto(page, 'Vraag (Nederlands)', 'Welke workshop?')
    await tabTo(page, 'Soort antwoord')
    await page.keyboard.press('ArrowDown')
    await typeInto(page, 'Antwoorden om uit te kiezen', 'Preventie\nOpsporing')
    await tabTo(page, 'Deze vraag is verplicht')
    await page.keyboard.press('Space')
    await tabTo(page, 'Vraag toevoegen')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('De vraag is opgeslagen')
    await tabTo(page, 'Omhoog – Welke workshop?')
    await page.keyboard.press('Enter')
    await expect
      .poll(async () =>
        (await db.registrationQuestion.findMany({ where: { eventId: event.id }, orderBy: { order: 'asc' } })).map(
          (q) => q.label,
        ),
      )
      .toEqual(['Welke workshop?', 'Blijft u lunchen?'])
    const added = await db.registrationQuestion.findFirstOrThrow({
      where: { eventId: event.id, label: 'Welke workshop?' },
    })
    expect(added).toMatchObject({ type: 'choice', options: ['Preventie', 'Opsporing'], required: true })
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'register-questions-editor')
    expect(problems).toEqual([])
    await context.close()
  })
})
