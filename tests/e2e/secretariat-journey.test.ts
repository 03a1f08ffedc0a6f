// Issue 17's acceptance journey, through the UI alone, against the built app with its in-process mail worker
// delivering to a real SMTP sink: a new secretariat builds an event (3 seats, an agenda item), gives one
// organisation a quota of 1 seat, invites five contacts (one English-speaking), and then each person's story
// runs: registered, waiting for the organisation's seat (in English), waiting because the event is full, a
// cancellation with a calendar CANCEL, the promotion of the first who may take the seat, a time change that
// moves the agenda along with one update mail each, and check-in at the door. What each person sees is
// asserted on the page and in the mail, text and calendar part (parsed by ical.js and python3-icalendar).
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDb, type Db } from '~/utils/db.server'
import {
  createAgendaItem,
  createContact,
  createEvent,
  createOrganisation,
  createProgramme,
  createUser,
} from '../factories.ts'
import { startAppServer, type AppServer } from '../support/app-server.ts'
import { expectNoAxeViolations, keepScreenshot, launchBrowser, newPage, waitForHydration } from '../support/browser.ts'
import { parseIcs } from '../support/ics.ts'
import { checkIcsWithPython } from '../support/python-ics.ts'
import { signInAs } from '../support/sign-in.ts'
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../support/smtp.ts'

let app: AppServer
let browser: Browser
let smtp: SmtpSink
let db: Db

beforeAll(async () => {
  smtp = await startSmtpSink()
  ;[app, browser] = await Promise.all([
    startAppServer({ env: { SMTP_URL: smtp.url, MAIL_WORKER_IN_PROCESS: 'true' } }),
    launchBrowser(),
  ])
  db = createDb(app.databaseUrl)
})

afterAll(async () => {
  await db?.$disconnect()
  await browser?.close()
  await app?.stop()
  await smtp?.close()
})

const TITLE = 'Regiotafel mensenhandel Oost'
const mailTo = (email: string, subject: RegExp) => smtp.mailTo(email, subject, () => app.output())
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()
const main = async (page: Page) => (await page.locator('main').textContent()) ?? ''

function calendarOf(mail: ReceivedMail) {
  const part = mail.parsed!.attachments.find((a) => a.contentType === 'text/calendar')
  expect(part, `calendar part in “${mail.parsed!.subject}”`).toBeDefined()
  const text = part!.content.toString()
  expect(checkIcsWithPython({ 'mail.ics': text })['mail.ics']!.errors).toEqual([])
  return parseIcs(text)
}

function linkIn(mail: ReceivedMail, path: 'uitnodiging' | 'aanmelding') {
  const match = new RegExp(`(http://127\\.0\\.0\\.1:\\d+/${path}/[A-Za-z0-9_-]{43})`).exec(mail.parsed!.text ?? '')
  expect(match, `a /${path}/ link in “${mail.parsed!.subject}”`).not.toBeNull()
  return match![1]!
}

/** A person opens the invitation from their mail and presses the one register button. */
async function registerFromMail(email: string, button: 'Aanmelden' | 'Register') {
  const invitation = await mailTo(email, /^(Uitnodiging|Invitation): /)
  const person = await newPage(browser)
  await person.page.goto(linkIn(invitation, 'uitnodiging'))
  await person.page.waitForURL(/\/uitnodiging\/[a-z0-9]+$/)
  await expect.poll(() => heading(person.page)).toContain(TITLE)
  await waitForHydration(person.page)
  expect(await person.page.getByLabel(button === 'Register' ? 'E-mail address' : 'E-mailadres').inputValue()).toBe(
    email,
  )
  await person.page.getByRole('button', { name: button, exact: true }).click()
  await person.page.waitForURL(/\/aanmelding\/[a-z0-9]+\?welkom=1$/, { timeout: 20_000 })
  await expect.poll(() => heading(person.page)).toBe(button === 'Register' ? 'Your registration' : 'Uw aanmelding')
  await waitForHydration(person.page)
  return person
}

describe('a new secretariat, through the UI alone', () => {
  test('build → invite → register (quota and capacity) → cancel → promotion → time change → check-in', async () => {
    const zwolle = await createOrganisation(db, { name: 'Gemeente Zwolle', sector: 'gemeente' })
    const fier = await createOrganisation(db, { name: 'Stichting Fier', sector: 'ngo' })
    const people = {
      anna: { name: 'Anna de Boer', email: 'anna.deboer@zwolle.example' },
      oliver: { name: 'Oliver Grant', email: 'oliver.grant@zwolle.example', language: 'en' as const },
      bram: { name: 'Bram Visser', email: 'bram.visser@fier.example' },
      carla: { name: 'Carla Jansen', email: 'carla.jansen@fier.example' },
      dirk: { name: 'Dirk Smit', email: 'dirk.smit@fier.example' },
    }
    for (const key of ['anna', 'oliver'] as const) await createContact(db, zwolle.id, people[key])
    for (const key of ['bram', 'carla', 'dirk'] as const) await createContact(db, fier.id, people[key])
    const { user, password } = await createUser(db, { role: 'organiser', name: 'Sara Secretariaat' })

    // 1. The event, through the form: 10.00–16.00 on 10 March 2027 (winter time), 3 seats, one agenda item.
    const staff = await newPage(browser)
    const page = staff.page
    await signInAs(page, app.url, user.email, password)
    await page.getByRole('link', { name: 'Nieuwe bijeenkomst' }).click()
    await waitForHydration(page)
    await page.getByLabel('Titel', { exact: true }).fill(TITLE)
    await page.getByLabel('Datum', { exact: true }).fill('2027-03-10')
    await page.getByLabel('Begintijd', { exact: true }).fill('10:00')
    await page.getByLabel('Eindtijd', { exact: true }).fill('16:00')
    await page.getByLabel('Naam van de locatie').fill('Stadhuis Zwolle')
    await page.getByLabel('Straat en huisnummer').fill('Grote Kerkplein 15')
    await page.getByLabel('Postcode').fill('8011 PK')
    await page.getByLabel('Plaats', { exact: true }).fill('Zwolle')
    await page.getByLabel('Aantal plaatsen').fill('3')
    await page.getByRole('button', { name: 'Bijeenkomst aanmaken' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('aangemaakt als concept')
    const eventId = new URL(page.url()).pathname.split('/').at(-1)!
    const event = await db.event.findUniqueOrThrow({ where: { id: eventId } })
    expect(event).toMatchObject({ title: TITLE, capacity: 3, startsAt: new Date('2027-03-10T09:00:00Z') })

    await page.getByRole('link', { name: 'Programma bewerken' }).click()
    await page.waitForURL(/\/programma$/)
    await waitForHydration(page)
    await page.getByLabel('Soort onderdeel').selectOption({ label: 'Opening' })
    await page.getByLabel('Titel', { exact: true }).fill('Opening door de burgemeester')
    await page.getByLabel('Begintijd', { exact: true }).fill('10:00')
    await page.getByLabel('Eindtijd', { exact: true }).fill('10:45')
    await page.getByRole('button', { name: 'Onderdeel toevoegen' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Het onderdeel is opgeslagen')

    await page.goto(`${app.url}/beheer/bijeenkomsten/${eventId}`)
    await page.getByRole('link', { name: 'Publiceren' }).click()
    await page.getByRole('button', { name: 'Ja, publiceren' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('De status is gewijzigd')

    // 2. One seat for Gemeente Zwolle.
    await page.goto(`${app.url}/beheer/bijeenkomsten/${eventId}/organisaties`)
    await waitForHydration(page)
    await page.getByLabel('Aantal plaatsen voor Gemeente Zwolle bij deze bijeenkomst').fill('1')
    await page.getByRole('button', { name: 'Opslaan Gemeente Zwolle' }).click()
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain('Aantal plaatsen voor Gemeente Zwolle opgeslagen.')

    // 3. Invite both organisations and send, each contact in their own language.
    await page.goto(`${app.url}/beheer/bijeenkomsten/${eventId}/uitnodigingen/nieuw`)
    await waitForHydration(page)
    await page.getByLabel('Gemeente Zwolle (2 contactpersonen)').check()
    await page.getByLabel('Stichting Fier (3 contactpersonen)').check()
    await page.getByRole('button', { name: 'Uitnodigingen aanmaken' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('5 nieuwe uitnodigingen aangemaakt.')
    await waitForHydration(page)
    await page.getByRole('button', { name: 'Verstuur alle nog niet verstuurde uitnodigingen (5)' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('5 uitnodigingen staan klaar')
    const toOliver = await mailTo(people.oliver.email, /^Invitation: Regiotafel mensenhandel Oost on 10 March 2027$/)
    expect(toOliver.parsed!.text).toContain('Wednesday 10 March 2027')
    const toAnna = await mailTo(people.anna.email, /^Uitnodiging: Regiotafel mensenhandel Oost op 10 maart 2027$/)
    expect(toAnna.parsed!.text).toContain('woensdag 10 maart 2027')

    // 4. Anna registers: confirmed, with a calendar REQUEST.
    const anna = await registerFromMail(people.anna.email, 'Aanmelden')
    expect(await main(anna.page)).toContain('U bent aangemeld')
    await expectNoAxeViolations(anna.page)
    const annaConfirmed = await mailTo(people.anna.email, /^Aanmelding bevestigd: /)
    const annaRequest = calendarOf(annaConfirmed)
    expect(annaRequest.method).toBe('REQUEST')
    expect(annaRequest.events[0]).toMatchObject({ uid: event.icsUid, start: '2027-03-10T09:00:00.000Z' })
    await anna.context.close()

    // 5. Oliver, her colleague, in English: the event has room, but Zwolle's one seat is taken.
    const oliver = await registerFromMail(people.oliver.email, 'Register')
    expect(await oliver.page.locator('html').getAttribute('lang')).toBe('en')
    const oliverPage = await main(oliver.page)
    expect(oliverPage).toContain('the places for Gemeente Zwolle are taken')
    expect(oliverPage).not.toContain('The event is full')
    expect(await oliver.page.getByRole('link', { name: /calendar/i }).count()).toBe(0)
    await expectNoAxeViolations(oliver.page)
    await keepScreenshot(oliver.page, 'journey-oliver-quota')
    const oliverWaits = await mailTo(people.oliver.email, /^You are on the waiting list: /)
    expect(oliverWaits.parsed!.text).toContain('the places for Gemeente Zwolle have already been taken by colleagues')
    expect(oliverWaits.parsed!.attachments.some((a) => a.contentType === 'text/calendar')).toBe(false)
    await oliver.context.close()

    // 6. Bram and Carla fill the last two seats; Dirk finds the event full.
    for (const key of ['bram', 'carla'] as const) {
      const person = await registerFromMail(people[key].email, 'Aanmelden')
      expect(await main(person.page)).toContain('U bent aangemeld')
      await person.context.close()
    }
    const dirk = await registerFromMail(people.dirk.email, 'Aanmelden')
    const dirkPage = await main(dirk.page)
    expect(dirkPage).toContain('De bijeenkomst is vol')
    expect(dirkPage).not.toContain('De plaatsen voor Stichting Fier zijn bezet')
    await expectNoAxeViolations(dirk.page)
    await dirk.context.close()
    expect((await mailTo(people.dirk.email, /^U staat op de wachtlijst: /)).parsed!.text).toContain(
      'De bijeenkomst is op dit moment vol',
    )

    // The secretariat sees the same distinction, and the counts apart.
    await page.goto(`${app.url}/beheer/bijeenkomsten/${eventId}`)
    expect(await main(page)).toContain('3 van 3 plaatsen bevestigd · 2 op de wachtlijst')
    await page.goto(`${app.url}/beheer/bijeenkomsten/${eventId}/aanmeldingen?status=waitlisted`)
    await expect
      .poll(() => page.getByRole('row', { name: /Oliver Grant/ }).textContent())
      .toContain('wacht op een plaats van Gemeente Zwolle')
    const dirkRow = (await page.getByRole('row', { name: /Dirk Smit/ }).textContent()) ?? ''
    expect(dirkRow).toContain('Op de wachtlijst (plaats 2)')
    expect(dirkRow).not.toContain('wacht op een plaats van')
    await expectNoAxeViolations(page)

    // 7. Anna cancels from her mail: a CANCEL for her calendar, with a higher SEQUENCE.
    const manage = await newPage(browser)
    await manage.page.goto(linkIn(annaConfirmed, 'aanmelding'))
    await manage.page.waitForURL(/\/aanmelding\/[a-z0-9]+$/)
    await waitForHydration(manage.page)
    await manage.page.getByRole('button', { name: 'Aanmelding annuleren' }).click()
    await manage.page.getByRole('button', { name: 'Ja, annuleer mijn aanmelding' }).click()
    await expect.poll(() => main(manage.page)).toContain('Uw aanmelding is geannuleerd.')
    await manage.context.close()
    const annaCancelled = calendarOf(await mailTo(people.anna.email, /^Aanmelding geannuleerd: /))
    expect(annaCancelled.method).toBe('CANCEL')
    expect(annaCancelled.events[0]!.uid).toBe(event.icsUid)
    expect(annaCancelled.events[0]!.sequence).toBeGreaterThan(annaRequest.events[0]!.sequence)

    // 8. Her seat was Zwolle's: Oliver, first in line and now within the quota, gets it, in English.
    const promoted = await mailTo(people.oliver.email, /^A place has become available: /)
    const oliverRequest = calendarOf(promoted)
    expect(oliverRequest.method).toBe('REQUEST')
    expect(oliverRequest.events[0]!.attendees.map((a) => a.value)).toEqual([`mailto:${people.oliver.email}`])
    const statuses = await db.registration.findMany({ where: { eventId }, select: { email: true, status: true } })
    expect(Object.fromEntries(statuses.map((r) => [r.email, r.status]))).toEqual({
      [people.anna.email]: 'cancelled',
      [people.oliver.email]: 'confirmed',
      [people.bram.email]: 'confirmed',
      [people.carla.email]: 'confirmed',
      [people.dirk.email]: 'waitlisted',
    })

    // 9. The start moves half an hour: the confirmation step names the agenda item now outside, and moves it.
    await page.goto(`${app.url}/beheer/bijeenkomsten/${eventId}/bewerken`)
    await waitForHydration(page)
    await page.getByLabel('Begintijd', { exact: true }).fill('10:30')
    await page.getByLabel('Eindtijd', { exact: true }).fill('16:30')
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click()
    const confirmBox = page.getByRole('alertdialog', { name: 'Deelnemers informeren?' })
    await expect.poll(() => confirmBox.textContent()).toContain('Opening door de burgemeester (10.00–10.45)')
    expect(await page.getByLabel('Schuif het hele programma mee: alles 30 minuten later').isChecked()).toBe(true)
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'journey-tijd-verschuiven')
    await page.getByRole('button', { name: 'Opslaan en 3 mensen mailen' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('3 mensen krijgen een e-mail')
    expect(await main(page)).toContain('10.30–11.15')
    expect(await main(page)).not.toContain('valt buiten de tijd')

    const bramChanged = await mailTo(people.bram.email, /^Gewijzigd: Regiotafel mensenhandel Oost/)
    expect(bramChanged.parsed!.text).toContain('woensdag 10 maart 2027, 10.30–16.30 uur')
    expect(bramChanged.parsed!.text).toMatch(/Programma\s+Oud: 10\.00–10\.45\s+Nieuw: 10\.30–11\.15/)
    const oliverChanged = await mailTo(people.oliver.email, /^Changed: Regiotafel mensenhandel Oost/)
    expect(oliverChanged.parsed!.text).toContain('Wednesday 10 March 2027')
    expect(oliverChanged.parsed!.text).toMatch(/Programme\s+Previously: 10:00–10:45\s+Now: 10:30–11:15/)
    const update = calendarOf(oliverChanged)
    expect(update.method).toBe('REQUEST')
    expect(update.events[0]).toMatchObject({ uid: event.icsUid, start: '2027-03-10T09:30:00.000Z' })
    expect(update.events[0]!.sequence).toBeGreaterThan(oliverRequest.events[0]!.sequence)
    // No mail for the waiting or the cancelled: they have nothing in their calendar to update.
    expect(
      smtp.messages
        .filter((m) => /^(Gewijzigd|Changed): /.test(m.parsed?.subject ?? ''))
        .map((m) => m.envelope.to[0])
        .sort(),
    ).toEqual([people.bram.email, people.carla.email, people.oliver.email].sort())

    // The public page shows the moved agenda.
    const visitor = await newPage(browser)
    await visitor.page.goto(`${app.url}/bijeenkomsten/${event.slug}`)
    expect(await main(visitor.page)).toContain('10.30–11.15')
    await visitor.context.close()

    // 10. At the door: Bram by name.
    await page.goto(`${app.url}/beheer/bijeenkomsten/${eventId}/check-in`)
    await waitForHydration(page)
    await page.getByLabel('Naam, e-mailadres of organisatie').fill('Bram')
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click()
    await page.getByRole('button', { name: 'Inchecken (Bram Visser)' }).click()
    await expect.poll(() => page.locator('.checkin-answer').textContent()).toContain('Bram Visser')
    expect(await page.locator('.checkin-count__value').textContent()).toBe('1 van 3')
    await expectNoAxeViolations(page)
    expect(
      (await db.registration.findFirstOrThrow({ where: { eventId, email: people.bram.email } })).checkedInAt,
    ).toBeInstanceOf(Date)
    expect(staff.problems).toEqual([])
    await staff.context.close()
  })
})

describe('the agenda page after the event moved', () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`warns about the items outside and shifts them all in one step (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const programme = await createProgramme(db)
      const event = await createEvent(db, programme.id, {
        title: `Werksessie ${javaScriptEnabled ? 'A' : 'B'}`,
        date: '2027-03-11',
        startTime: '13:00',
        endTime: '17:00',
      })
      await createAgendaItem(db, event, { date: '2027-03-11', start: '13:00', end: '14:00', title: 'Welkom' })
      await createAgendaItem(db, event, { date: '2027-03-11', start: '16:00', end: '17:00', title: 'Afsluiting' })
      // The event was moved an hour later without moving its agenda.
      await db.event.update({
        where: { id: event.id },
        data: { startsAt: new Date('2027-03-11T13:00:00Z'), endsAt: new Date('2027-03-11T17:00:00Z') },
      })
      const { user, password } = await createUser(db, { role: 'organiser' })
      const { page, context, problems } = await newPage(browser, { javaScriptEnabled })
      if (javaScriptEnabled) await signInAs(page, app.url, user.email, password)
      else {
        await page.goto(`${app.url}/inloggen`)
        await page.getByLabel('E-mailadres').fill(user.email)
        await page.getByLabel('Wachtwoord').fill(password)
        await page.getByLabel('Wachtwoord').press('Enter')
        await page.waitForURL(/\/beheer$/)
      }
      await page.goto(`${app.url}/beheer/bijeenkomsten/${event.id}`)
      expect(await main(page)).toContain('1 onderdeel van het programma valt buiten de tijd van de bijeenkomst.')
      await page.getByRole('link', { name: 'Programma nakijken' }).click()
      await page.waitForURL(/\/programma$/)
      const warning = page.getByRole('status').filter({ hasText: 'valt buiten de tijd' })
      await expect.poll(() => warning.textContent()).toContain('Welkom (13.00–14.00)')
      expect(await warning.textContent()).toContain('De bijeenkomst is donderdag 11 maart 2027, 14.00–18.00 uur.')
      expect(await page.getByLabel('Aantal minuten later').inputValue()).toBe('60')
      // axe needs scripts in the page: the run with JavaScript checks these page states.
      if (javaScriptEnabled) await waitForHydration(page)
      if (javaScriptEnabled) await expectNoAxeViolations(page)
      await keepScreenshot(page, `programma-buiten-de-tijd${javaScriptEnabled ? '' : '-zonder-js'}`)

      // A shift that does not fit is refused with the reason, at the field; nothing moves.
      await page.getByLabel('Aantal minuten later').fill('120')
      await page.getByRole('button', { name: 'Programma verschuiven' }).click()
      await expect.poll(() => main(page)).toContain('Er is niets verschoven')
      expect(await page.getByLabel('Aantal minuten later').getAttribute('aria-invalid')).toBe('true')
      if (javaScriptEnabled) await expectNoAxeViolations(page)

      await page.getByLabel('Aantal minuten later').fill('60')
      await page.getByRole('button', { name: 'Programma verschuiven' }).click()
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('2 onderdelen zijn verschoven.')
      expect(await page.getByText('valt buiten de tijd').count()).toBe(0)
      const items = await db.agendaItem.findMany({ where: { eventId: event.id }, orderBy: { startsAt: 'asc' } })
      expect(items.map((i) => i.startsAt.toISOString())).toEqual([
        '2027-03-11T13:00:00.000Z',
        '2027-03-11T16:00:00.000Z',
      ])
      expect(problems).toEqual([])
      await context.close()
    })
  }
})
