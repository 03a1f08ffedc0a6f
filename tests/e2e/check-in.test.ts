// Check-in at the door on a phone (375 × 812): Chromium's fake camera plays a video of a real registration's
// QR code, the page reads it (with jsQR: Debian's Chromium has no BarcodeDetector) and checks the person in;
// the count goes up, and scanning the same code again says when they arrived. Also the name search, with and
// without JavaScript. Every page passes axe.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import QRCode from 'qrcode'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { formatTime } from '~/domain/format'
import { checkInPayload } from '~/models/event-mail.server'
import { createDb, type Db } from '~/utils/db.server'
import { createEvent, createOrganisation, createProgramme, createUser } from '../factories.ts'
import { startAppServer, type AppServer } from '../support/app-server.ts'
import { expectNoAxeViolations, keepScreenshot, launchBrowser, newPage, waitForHydration } from '../support/browser.ts'
import { tabTo } from '../support/keyboard.ts'
import { signInAs } from '../support/sign-in.ts'

const WIDTH = 640
const HEIGHT = 480
const phone = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true }
const organiser = { email: 'deur@example.org', password: 'Deur-Wachtwoord-1' }

let app: AppServer
let browser: Browser
let db: Db
let eventId: string
const guests = { scanned: { id: '', code: '' }, searched: { id: '', code: '' }, noScript: { id: '', code: '' } }
let videoFile: string

/**
 * A Y4M video (what Chromium's fake camera plays) of one QR code on a white page: the Y plane is the
 * greyscale image, U and V are neutral (128); 4:2:0, so the width and height are even.
 */
async function qrVideo(payload: string): Promise<string> {
  const png = await QRCode.toBuffer(payload, { margin: 4, scale: 8, errorCorrectionLevel: 'M' })
  const luma = await sharp(png)
    .resize({ width: HEIGHT - 80, height: HEIGHT - 80, fit: 'contain', background: '#ffffff' })
    .extend({
      top: 40,
      bottom: 40,
      left: (WIDTH - HEIGHT) / 2 + 40,
      right: (WIDTH - HEIGHT) / 2 + 40,
      background: '#ffffff',
    })
    .flatten({ background: '#ffffff' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true })
  expect([luma.info.width, luma.info.height, luma.info.channels]).toEqual([WIDTH, HEIGHT, 1])
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128)
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma.data, chroma])
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F25:1 Ip A1:1 C420jpeg\n`)
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bijeen-camera-')), 'qr.y4m')
  fs.writeFileSync(file, Buffer.concat([header, ...Array.from({ length: 10 }, () => frame)]))
  return file
}

beforeAll(async () => {
  app = await startAppServer()
  db = createDb(app.databaseUrl)
  await createUser(db, { ...organiser, name: 'Daan Deur', role: 'organiser' })
  const programme = await createProgramme(db)
  const event = await createEvent(db, programme.id, { title: 'Werkconferentie mensenhandel' })
  eventId = event.id
  const organisation = await createOrganisation(db, { name: 'Gemeente Zwolle', sector: 'gemeente' })
  const add = async (name: string, email: string, accessibility = '', dietary = '') => {
    const code = randomBytes(16).toString('hex')
    const registration = await db.registration.create({
      data: {
        eventId,
        organisationId: organisation.id,
        name,
        email,
        function: 'beleidsadviseur',
        accessibility,
        dietary,
        status: 'confirmed',
        holdsSeat: true,
        activeKey: `${eventId}:${email}`,
        checkInCode: code,
      },
    })
    return { id: registration.id, code }
  }
  guests.scanned = await add('Samira Bakker', 'samira@example.org', 'Komt in een rolstoel', 'Halal')
  guests.searched = await add('Pieter van Dam', 'pieter@example.org')
  guests.noScript = await add('Noor Zonder', 'noor@example.org', 'Doventolk nodig')
  await db.registration.create({
    data: { eventId, name: 'Willem Wachtlijst', email: 'willem@example.org', status: 'waitlisted', waitlistSeq: 1 },
  })
  videoFile = await qrVideo(checkInPayload(guests.scanned.code))
  browser = await launchBrowser([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${videoFile}`,
  ])
})

afterAll(async () => {
  await browser?.close()
  await db?.$disconnect()
  await app?.stop()
  if (videoFile) fs.rmSync(path.dirname(videoFile), { recursive: true, force: true })
})

const pageUrl = () => `${app.url}/beheer/bijeenkomsten/${eventId}/check-in`
const count = (page: Page) => page.locator('.checkin-count__value').textContent()
const answer = (page: Page) => page.locator('.checkin-answer').textContent()

async function openCheckIn(page: Page) {
  await page.goto(pageUrl())
  await waitForHydration(page)
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent())
    .toBe('Inchecken: Werkconferentie mensenhandel')
}

/**
 * axe cannot run in a context without JavaScript, so the same URL is checked in a context that gets the
 * server's HTML with its scripts taken out: what a browser without JavaScript shows.
 */
async function expectNoAxeViolationsWithoutScripts(url: string, cookies: Parameters<BrowserContext['addCookies']>[0]) {
  const { page, context } = await newPage(browser, phone)
  await context.addCookies(cookies)
  await context.route(url, async (route) => {
    const response = await route.fetch()
    const html = (await response.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    await route.fulfill({ response, body: html })
  })
  await page.goto(url)
  expect(await page.locator('script').count()).toBe(0)
  await expectNoAxeViolations(page)
  await context.close()
}

async function checkedInAt(id: string) {
  const row = await db.registration.findUniqueOrThrow({ where: { id } })
  return row.checkedInAt
}

describe('check-in at the door on a phone', () => {
  test('the camera reads the QR code, checks the person in, shows their needs; a second scan says when', async () => {
    const { page, context, problems } = await newPage(browser, { ...phone, permissions: ['camera'] })
    await signInAs(page, app.url, organiser.email, organiser.password)
    // The event page links to check-in.
    await page.goto(`${app.url}/beheer/bijeenkomsten/${eventId}`)
    await waitForHydration(page)
    await page.getByRole('link', { name: 'Inchecken bij de deur' }).click()
    await page.waitForURL(/\/check-in$/)
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Inchecken: Werkconferentie mensenhandel')
    await waitForHydration(page)
    expect(await count(page)).toBe('0 van 3')
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'check-in-phone')

    // Nothing on the page is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)

    // jsQR is loaded only when the camera starts.
    const jsqrLoaded = page.waitForResponse((r) => /jsQR[^/]*\.js$/i.test(r.url()))
    await page.getByRole('button', { name: 'Camera aanzetten' }).click()
    await jsqrLoaded
    await expect.poll(() => answer(page), { timeout: 15_000 }).toContain('Samira Bakker')
    expect(await answer(page)).toContain('Ingecheckt')
    expect(await answer(page)).toContain('Komt in een rolstoel')
    expect(await answer(page)).toContain('Halal')
    expect(await answer(page)).toContain('beleidsadviseur · Gemeente Zwolle')
    await expect.poll(() => count(page)).toBe('1 van 3')
    const arrived = await checkedInAt(guests.scanned.id)
    expect(arrived).toBeInstanceOf(Date)
    expect(await page.getByRole('button', { name: 'Camera uitzetten' }).isVisible()).toBe(true)
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'check-in-scanned')

    // The same code again, after "next": already checked in, at the time of the first scan.
    await page.getByRole('button', { name: 'Volgende scannen' }).click()
    const time = formatTime(arrived!, 'Europe/Amsterdam', 'nl')
    await expect.poll(() => answer(page), { timeout: 15_000 }).toContain(`Al ingecheckt om ${time}`)
    expect(await count(page)).toBe('1 van 3')
    expect(await checkedInAt(guests.scanned.id)).toEqual(arrived)
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'check-in-already')

    // Undo from the answer: the camera stays paused, so the code still in view is not scanned back in.
    await page.getByRole('button', { name: 'Check-in terugdraaien (Samira Bakker)' }).first().click()
    await page.waitForURL(/teruggedraaid=/)
    await expect.poll(() => answer(page)).toContain('De check-in van Samira Bakker is teruggedraaid.')
    await expect.poll(() => count(page)).toBe('0 van 3')
    await page.waitForTimeout(1500)
    expect(await checkedInAt(guests.scanned.id)).toBeNull()
    // The next scan checks her in again.
    await page.getByRole('button', { name: 'Volgende scannen' }).click()
    await expect.poll(() => answer(page), { timeout: 15_000 }).toContain('Ingecheckt')
    await expect.poll(() => count(page)).toBe('1 van 3')
    expect(await checkedInAt(guests.scanned.id)).toBeInstanceOf(Date)

    await page.getByRole('button', { name: 'Camera uitzetten' }).click()
    await expect.poll(() => page.getByRole('button', { name: 'Camera aanzetten' }).isVisible()).toBe(true)
    expect(problems).toEqual([])
    await context.close()
  })

  test('by keyboard: search by name, check in, see the count and the list; undo', async () => {
    const { page, context, problems } = await newPage(browser, phone)
    await signInAs(page, app.url, organiser.email, organiser.password)
    await openCheckIn(page)
    const before = await count(page)

    await tabTo(page, 'Naam, e-mailadres of organisatie')
    await page.keyboard.type('pieter')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\?q=pieter/)
    await expect.poll(() => page.getByText('1 aanmelding gevonden voor ‘pieter’').isVisible()).toBe(true)
    await tabTo(page, /^Inchecken \(Pieter van Dam\)$/)
    await page.keyboard.press('Enter')
    await page.waitForURL(/ingecheckt=/)
    await expect.poll(() => answer(page)).toContain('Pieter van Dam')
    expect(await answer(page)).toContain('Ingecheckt')
    expect(await count(page)).not.toBe(before)
    expect(await page.locator('#recent-heading + ul').textContent()).toContain('Pieter van Dam')
    expect(await checkedInAt(guests.searched.id)).toBeInstanceOf(Date)
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'check-in-search')

    // A waitlisted person is found but cannot check in.
    await page.goto(`${pageUrl()}?q=willem`)
    await waitForHydration(page)
    await expect
      .poll(() => page.getByText('Willem Wachtlijst staat op de wachtlijst.', { exact: false }).isVisible())
      .toBe(true)
    expect(await page.getByRole('button', { name: /Inchecken \(Willem/ }).count()).toBe(0)

    // Another host checks someone in: this page's count follows within a few seconds, without a reload.
    const shown = await count(page)
    const extra = await db.registration.create({
      data: {
        eventId,
        name: 'Extra Gast',
        email: 'extra@example.org',
        status: 'confirmed',
        holdsSeat: true,
        activeKey: `${eventId}:extra@example.org`,
        checkInCode: randomBytes(16).toString('hex'),
        checkedInAt: new Date(),
      },
    })
    const [arrivedShown, expectedShown] = shown!.split(' van ').map(Number)
    await expect
      .poll(() => count(page), { timeout: 12_000, interval: 500 })
      .toBe(`${arrivedShown! + 1} van ${expectedShown! + 1}`)
    await db.registration.delete({ where: { id: extra.id } })

    // Undo by keyboard.
    await page.goto(`${pageUrl()}?q=pieter`)
    await waitForHydration(page)
    await tabTo(page, /^Check-in terugdraaien \(Pieter van Dam\)$/)
    await page.keyboard.press('Enter')
    await page.waitForURL(/teruggedraaid=/)
    await expect.poll(() => answer(page)).toContain('De check-in van Pieter van Dam is teruggedraaid.')
    expect(await checkedInAt(guests.searched.id)).toBeNull()
    await expectNoAxeViolations(page)
    expect(problems).toEqual([])
    await context.close()
  })

  test('without JavaScript: the search and the check-in button work, and the page shows the count', async () => {
    // Sign in where scripts run, then carry the session over to a context without them.
    const signedIn = await newPage(browser)
    await signInAs(signedIn.page, app.url, organiser.email, organiser.password)
    const cookies = await signedIn.context.cookies()
    await signedIn.context.close()

    const { page, context, problems } = await newPage(browser, { ...phone, javaScriptEnabled: false })
    await context.addCookies(cookies)
    await page.goto(pageUrl())
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Inchecken: Werkconferentie mensenhandel')
    // No camera without scripts; the code form and the search are there.
    expect(await page.getByRole('button', { name: 'Camera aanzetten' }).count()).toBe(0)
    const before = await count(page)
    await page.getByLabel('Naam, e-mailadres of organisatie').fill('Noor')
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click()
    await page.waitForURL(/\?q=Noor/)
    await page.getByRole('button', { name: 'Inchecken (Noor Zonder)' }).click()
    await page.waitForURL(/ingecheckt=/)
    await expectNoAxeViolationsWithoutScripts(page.url(), cookies)
    await expect.poll(() => answer(page)).toContain('Noor Zonder')
    expect(await answer(page)).toContain('Doventolk nodig')
    const [arrivedBefore] = before!.split(' van ')
    expect(await count(page)).toBe(`${Number(arrivedBefore) + 1} van 3`)
    expect(await checkedInAt(guests.noScript.id)).toBeInstanceOf(Date)
    // A reload repeats nothing (PRG), and the same button again says when.
    await page.reload()
    expect(await count(page)).toBe(`${Number(arrivedBefore) + 1} van 3`)
    await page.getByRole('button', { name: 'Inchecken met code' }).scrollIntoViewIfNeeded()
    await page.getByLabel('Code uit de bevestigingsmail').fill(guests.noScript.code)
    await page.getByRole('button', { name: 'Inchecken met code' }).click()
    const time = formatTime((await checkedInAt(guests.noScript.id))!, 'Europe/Amsterdam', 'nl')
    await expect.poll(() => answer(page)).toContain(`Al ingecheckt om ${time}`)
    // An unknown code.
    await page.getByLabel('Code uit de bevestigingsmail').fill('dit-is-geen-code')
    await page.getByRole('button', { name: 'Inchecken met code' }).click()
    await expect.poll(() => answer(page)).toContain('Deze code kennen we niet')
    expect(await page.getByLabel('Code uit de bevestigingsmail').inputValue()).toBe('dit-is-geen-code')
    await expectNoAxeViolationsWithoutScripts(page.url(), cookies)
    await keepScreenshot(page, 'check-in-no-javascript')
    expect(problems).toEqual([])
    await context.close()
  })

  test('when the camera is refused or missing, the page says so and the name search is the way', async () => {
    // Fake devices, but no automatic yes: the permission is refused.
    const refusing = await launchBrowser(['--use-fake-device-for-media-stream'])
    // No fake devices at all: a headless browser on a server has no camera.
    const cameraless = await launchBrowser()
    try {
      for (const [b, expected] of [
        [refusing, 'De camera mag niet worden gebruikt.'],
        [cameraless, 'Er is geen camera gevonden.'],
      ] as const) {
        const { page, context, problems } = await newPage(b, phone)
        await signInAs(page, app.url, organiser.email, organiser.password)
        await openCheckIn(page)
        await page.getByRole('button', { name: 'Camera aanzetten' }).click()
        await expect.poll(() => page.locator('.checkin-section .notice--error').textContent()).toContain(expected)
        expect(await page.locator('video').isVisible()).toBe(false)
        await expectNoAxeViolations(page)
        expect(problems).toEqual([])
        await context.close()
      }
    } finally {
      await refusing.close()
      await cameraless.close()
    }
  })
  test("where the browser has a BarcodeDetector (a phone's Chrome) it reads the code, and jsQR is not loaded", async () => {
    const code = randomBytes(16).toString('hex')
    const guest = await db.registration.create({
      data: {
        eventId,
        name: 'Bram Detector',
        email: 'bram@example.org',
        status: 'confirmed',
        holdsSeat: true,
        checkInCode: code,
      },
    })
    const { page, context, problems } = await newPage(browser, { ...phone, permissions: ['camera'] })
    // The platform detector, as Chrome on Android has it: it reports what it sees once the video plays.
    await context.addInitScript((payload: string) => {
      class FakeBarcodeDetector {
        static getSupportedFormats() {
          return Promise.resolve(['qr_code', 'ean_13'])
        }
        detect(video: HTMLVideoElement) {
          return Promise.resolve(video.videoWidth ? [{ rawValue: payload, format: 'qr_code' }] : [])
        }
      }
      ;(window as unknown as { BarcodeDetector: unknown }).BarcodeDetector = FakeBarcodeDetector
    }, checkInPayload(code))
    const jsqrRequests: string[] = []
    page.on('request', (request) => {
      if (/jsQR/i.test(request.url())) jsqrRequests.push(request.url())
    })
    try {
      await signInAs(page, app.url, organiser.email, organiser.password)
      await openCheckIn(page)
      await page.getByRole('button', { name: 'Camera aanzetten' }).click()
      await expect.poll(() => answer(page), { timeout: 15_000 }).toContain('Bram Detector')
      expect(await answer(page)).toContain('Ingecheckt')
      expect(await checkedInAt(guest.id)).toBeInstanceOf(Date)
      expect(jsqrRequests).toEqual([])
      await page.getByRole('button', { name: 'Camera uitzetten' }).click()
      expect(problems).toEqual([])
    } finally {
      await context.close()
      await db.registration.delete({ where: { id: guest.id } })
    }
  })
})
