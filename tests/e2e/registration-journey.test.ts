// The whole journey of the acceptance test, in one browser run against the built app with its
// in-process mail worker delivering to a real SMTP sink: an invitee opens their personal link and registers by
// keyboard only; the confirmation mail carries a QR code that decodes to their check-in code and a calendar
// REQUEST; they open the manage link from that mail and cancel; the first person on the waitlist gets the
// promotion mail. Every page passes axe. Then the same registration with JavaScript disabled.
import jsQR from 'jsqr'
import type { Browser } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { checkInPayload } from '~/models/event-mail.server'
import { createPersonalLink } from '~/models/personal-link.server'
import { createDb, type Db } from '~/utils/db.server'
import { createContact, createEvent, createOrganisation, createProgramme } from '../factories.ts'
import { startAppServer, type AppServer } from '../support/app-server.ts'
import { expectNoAxeViolations, keepScreenshot, launchBrowser, newPage, waitForHydration } from '../support/browser.ts'
import { parseIcs } from '../support/ics.ts'
import { tabTo, typeInto } from '../support/keyboard.ts'
import { startSmtpSink, type SmtpSink } from '../support/smtp.ts'

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

const mailTo = (email: string, subject: RegExp) => smtp.mailTo(email, subject)

/** An invite-only event with one seat, and a personal invitation link for a contact of a municipality. */
async function invitedTo(title: string, contact: { name: string; email: string }) {
  const programme = await createProgramme(db)
  const event = await createEvent(db, programme.id, {
    title,
    capacity: 1,
    venueName: 'Nieuwspoort',
    venueAddress: 'Lange Poten 10',
    venueCity: 'Den Haag',
  })
  const organisation = await createOrganisation(db, { name: `Gemeente Zwolle ${title}`, sector: 'gemeente' })
  const person = await createContact(db, organisation.id, { ...contact, function: 'Beleidsadviseur' })
  const invitation = await db.invitation.create({
    data: { eventId: event.id, contactId: person.id, status: 'sent', sentAt: new Date() },
  })
  const token = await createPersonalLink(
    { kind: 'invitation', subjectId: invitation.id, eventId: event.id, expiresAt: event.endsAt },
    db,
  )
  return { event, invitation, token }
}

/** Someone else registers through their own invitation once the seat is taken: they end up on the waitlist. */
async function waitlistedGuest(eventId: string, name: string, email: string) {
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId } })
  const organisation = await createOrganisation(db, { name: `Stichting ${name}`, sector: 'ngo' })
  const contact = await createContact(db, organisation.id, { name, email })
  const invitation = await db.invitation.create({ data: { eventId, contactId: contact.id, status: 'sent' } })
  const token = await createPersonalLink(
    { kind: 'invitation', subjectId: invitation.id, eventId, expiresAt: event.endsAt },
    db,
  )
  const opened = await fetch(`${app.url}/uitnodiging/${token}`, { redirect: 'manual' })
  const answer = await fetch(app.url + opened.headers.get('location')!, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: app.url,
      Cookie: opened.headers.get('set-cookie')!.split(';')[0]!,
    },
    body: new URLSearchParams({ intent: 'register', name, email, language: 'nl' }),
  })
  expect(answer.status).toBe(303)
  const registration = await db.registration.findFirstOrThrow({ where: { eventId, email } })
  expect(registration.status).toBe('waitlisted')
  return registration
}

async function decodeQr(png: Buffer) {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data
}

describe('an invitee from invitation to cancellation', () => {
  test('registers by keyboard, gets QR and calendar by mail, cancels; the next in line is promoted', async () => {
    const { event, invitation, token } = await invitedTo('Regiobijeenkomst Oost', {
      name: 'Femke Hendriks',
      email: 'femke.hendriks@example.org',
    })

    // 1. The personal link: the token leaves the address bar at once.
    const { page, context, problems } = await newPage(browser)
    await page.goto(`${app.url}/uitnodiging/${token}`)
    await page.waitForURL(/\/uitnodiging\/[a-z0-9]+$/)
    expect(page.url()).not.toContain(token)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Regiobijeenkomst Oost')
    await waitForHydration(page)
    expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toBe('Femke Hendriks')
    await expectNoAxeViolations(page)

    // 2. Register by keyboard only.
    await typeInto(page, 'Toegankelijkheid (niet verplicht)', 'Ringleiding graag')
    await tabTo(page, /Ik vind het goed dat ik op foto/)
    await page.keyboard.press('Space')
    await tabTo(page, 'Aanmelden')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/aanmelding\/[a-z0-9]+\?welkom=1$/, { timeout: 20_000 })
    await expect.poll(() => page.locator('main').textContent()).toContain('U bent aangemeld')
    await waitForHydration(page)
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'journey-aangemeld')
    const femke = await db.registration.findFirstOrThrow({ where: { eventId: event.id } })
    expect(femke).toMatchObject({ status: 'confirmed', invitationId: invitation.id, photoConsent: true })
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe('registered')

    // 3. The confirmation mail: QR code for the door, calendar invitation, personal manage link.
    const confirmation = await mailTo('femke.hendriks@example.org', /Aanmelding bevestigd/)
    const qr = confirmation.parsed!.attachments.find((a) => a.contentType === 'image/png')!
    expect(qr.cid).toBe('qr@bijeen')
    expect(confirmation.raw).toContain('cid:qr@bijeen') // the HTML shows the attached image inline
    expect(await decodeQr(qr.content)).toBe(checkInPayload(femke.checkInCode!))
    expect(confirmation.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i)
    const ics = parseIcs(
      confirmation.parsed!.attachments.find((a) => a.contentType === 'text/calendar')!.content.toString(),
    )
    expect(ics.method).toBe('REQUEST')
    expect(ics.events[0]!.uid).toBe(event.icsUid)
    expect(ics.events[0]!.attendees.map((a) => a.value)).toEqual(['mailto:femke.hendriks@example.org'])
    const manageLink = /(http:\/\/127\.0\.0\.1:\d+\/aanmelding\/[A-Za-z0-9_-]{43})/.exec(
      confirmation.parsed!.text ?? '',
    )
    expect(manageLink).not.toBeNull()
    await context.close()

    // 4. Meanwhile the event filled up: someone else waits in line.
    const waiting = await waitlistedGuest(event.id, 'Mehmet Yilmaz', 'mehmet.yilmaz@example.org')
    await mailTo('mehmet.yilmaz@example.org', /wachtlijst/i)

    // 5. Days later, from the mail, on another device: the manage page, cancel with confirmation, by keyboard.
    const later = await newPage(browser)
    await later.page.goto(manageLink![1]!)
    await later.page.waitForURL(/\/aanmelding\/[a-z0-9]+$/)
    await expect.poll(() => later.page.getByRole('heading', { level: 1 }).textContent()).toBe('Uw aanmelding')
    await waitForHydration(later.page)
    await expectNoAxeViolations(later.page)
    await tabTo(later.page, 'Aanmelding annuleren')
    await later.page.keyboard.press('Enter')
    await expect.poll(() => later.page.getByRole('heading', { name: 'Weet u het zeker?' }).count()).toBe(1)
    await expectNoAxeViolations(later.page)
    await tabTo(later.page, 'Ja, annuleer mijn aanmelding')
    await later.page.keyboard.press('Enter')
    await expect.poll(() => later.page.url()).toMatch(/\?geannuleerd=1$/)
    await expect.poll(() => later.page.locator('main').textContent()).toContain('Uw aanmelding is geannuleerd.')
    await expectNoAxeViolations(later.page)
    await keepScreenshot(later.page, 'journey-geannuleerd')

    // 6. The freed seat goes to the first in line, who is mailed with their own QR code.
    const promoted = await mailTo('mehmet.yilmaz@example.org', /Er is een plaats vrij/)
    const mehmet = await db.registration.findUniqueOrThrow({ where: { id: waiting.id } })
    expect(mehmet.status).toBe('confirmed')
    const promotedQr = promoted.parsed!.attachments.find((a) => a.contentType === 'image/png')!
    expect(await decodeQr(promotedQr.content)).toBe(checkInPayload(mehmet.checkInCode!))
    expect((await db.registration.findUniqueOrThrow({ where: { id: femke.id } })).status).toBe('cancelled')
    expect([...problems, ...later.problems]).toEqual([])
    await later.context.close()
  })

  test('the same registration works with JavaScript disabled', async () => {
    const { event, token } = await invitedTo('Regiobijeenkomst Noord', {
      name: 'Jeroen Mulder',
      email: 'jeroen.mulder@example.org',
    })
    const { page, context } = await newPage(browser, { javaScriptEnabled: false })
    await page.goto(`${app.url}/uitnodiging/${token}`)
    await page.waitForURL(/\/uitnodiging\/[a-z0-9]+$/)
    expect(await page.getByLabel('E-mailadres').inputValue()).toBe('jeroen.mulder@example.org')
    await typeInto(page, 'Dieetwensen (niet verplicht)', 'Halal')
    await tabTo(page, 'Aanmelden')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/aanmelding\/[a-z0-9]+\?welkom=1$/, { timeout: 20_000 })
    expect(await page.locator('main').textContent()).toContain('U bent aangemeld')
    await keepScreenshot(page, 'journey-zonder-javascript')
    const jeroen = await db.registration.findFirstOrThrow({ where: { eventId: event.id } })
    expect(jeroen).toMatchObject({ status: 'confirmed', dietary: 'Halal', name: 'Jeroen Mulder' })
    await mailTo('jeroen.mulder@example.org', /Aanmelding bevestigd/)
    await context.close()
  })
})
