// The speaker’s portal in a browser, in Dutch, on the seeded 4 December event: the staatssecretaris confirms
// the panel and submits a quote by keyboard only; the secretariat's proposal is put in place through the state
// machine; the speaker sees the word-level difference and authorises. The same without JavaScript on a phone,
// and through the delegate's link (recorded as the delegate's). Script-like text stays inert in the portal and
// the briefing; the briefing prints on one A4; expired, revoked and unknown links get a clear page. Axe on
// every page.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { db as appDb } from '~/utils/db.server'
import type * as helpersModule from '../support/speaker-portal.ts'
import { ADMIN, startAppServer, type AppServer } from '../support/app-server.ts'
import { expectNoAxeViolations, keepScreenshot, launchBrowser, newPage, waitForHydration } from '../support/browser.ts'
import { tabTo, typeInto } from '../support/keyboard.ts'
import { signInAs } from '../support/sign-in.ts'
import { startSmtpSink, type SmtpSink } from '../support/smtp.ts'

let app: AppServer
let browser: Browser
let smtp: SmtpSink
let db: typeof appDb
let helpers: typeof helpersModule
let eventId: string
let harbersId: string
let panelId: string

const EVIL = '<script>alert(1)</script> "onerror=alert(2)'

beforeAll(async () => {
  smtp = await startSmtpSink()
  ;[app, browser] = await Promise.all([
    startAppServer({
      env: {
        SMTP_URL: smtp.url,
        MAIL_WORKER_IN_PROCESS: 'true',
        SPEAKER_CONTACT_NAME: 'Marieke de Boer',
        SPEAKER_CONTACT_PHONE: '070 370 79 11',
      },
    }),
    launchBrowser(),
  ])
  process.env.DATABASE_URL = app.databaseUrl
  process.env.APP_URL = app.url
  ;(await import('~/utils/env.server')).resetEnvCache()
  db = (await import('~/utils/db.server')).db
  helpers = await import('../support/speaker-portal.ts')
  const event = await db.event.findFirstOrThrow({ where: { slug: { contains: 'formele-start' } } })
  eventId = event.id
  harbersId = (await db.speaker.findFirstOrThrow({ where: { email: 'harbers@example.org' } })).id
  const panel = await db.agendaItem.findFirstOrThrow({ where: { eventId, kind: 'panel' } })
  panelId = panel.id
  // The staatssecretaris has not answered for the panel yet; a moderator with a hostile name joins it.
  await db.participation.updateMany({
    where: { agendaItemId: panelId, speakerId: harbersId },
    data: { status: 'invited', respondedAt: null },
  })
  const moderator = await db.speaker.create({ data: { name: `Mo ${EVIL}\nde Moderator`, email: 'mo@example.org' } })
  await db.participation.create({
    data: { agendaItemId: panelId, speakerId: moderator.id, role: 'moderator', order: 0, status: 'confirmed' },
  })
})

afterAll(async () => {
  await db?.$disconnect()
  await browser?.close()
  await app?.stop()
  await smtp?.close()
})

const mailTo = (email: string, subject: RegExp) => smtp.mailTo(email, subject, () => app.output())

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()

/** No script from the page's text may run: an alert would open a dialog. */
function failOnDialog(page: Page, problems: string[]) {
  page.on('dialog', (dialog) => {
    problems.push(`dialog opened: ${dialog.message()}`)
    void dialog.dismiss()
  })
}

async function newestStatement(speakerId: string) {
  return db.statement.findFirstOrThrow({ where: { speakerId, eventId }, orderBy: { createdAt: 'desc' } })
}

describe('the speaker portal in a browser', () => {
  test('by keyboard only: confirm the panel, submit a quote, see the proposal’s difference and authorise', async () => {
    const token = await helpers.speakerLink(harbersId, eventId)
    const { page, context, problems } = await newPage(browser)
    failOnDialog(page, problems)
    await page.goto(`${app.url}/spreker/${token}`)
    await expect.poll(() => page.url()).toMatch(/\/spreker\/[a-z0-9]+$/)
    expect(page.url()).not.toContain(token)
    expect(await heading(page)).toBe('Uw sprekerspagina')
    await waitForHydration(page)
    const main = page.locator('main')
    const text = (await main.textContent())!
    expect(text).toContain('Panel: de inzet van de ministeries')
    expect(text).toMatch(/14\.30–15\.30 uur/)
    expect(text).toContain('Grote zaal')
    expect(text).toContain('Turfmarkt')
    expect(text).toContain('Marieke de Boer')
    expect(text).toContain('070 370 79 11')
    // The hostile name is shown as text, as typed.
    expect(text).toContain(`Mo ${EVIL}`)
    expect(await page.getByRole('link', { name: 'Bekijk op de kaart (OpenStreetMap)' }).count()).toBe(1)
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'spreker-portaal')

    // The opening is confirmed already; the panel's answer comes after it in the tab order.
    await tabTo(page, 'Antwoord wijzigen')
    await tabTo(page, 'Ja, ik doe mee')
    await page.keyboard.press('Space')
    await typeInto(page, 'Bericht aan het secretariaat (niet verplicht)', 'Graag water op tafel.')
    await tabTo(page, 'Antwoord versturen')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.url()).toContain('klaar=confirmed')
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('Bedankt. Wij hebben uw bevestiging doorgegeven aan het secretariaat.')
    const participation = await db.participation.findFirstOrThrow({
      where: { agendaItemId: panelId, speakerId: harbersId },
    })
    expect(participation).toMatchObject({ status: 'confirmed', responseMessage: 'Graag water op tafel.' })
    const notice = await mailTo('secretariaat@example.org', /bevestigt deelname: Formele start/)
    expect(notice.parsed!.text).toContain('Graag water op tafel.')
    await expectNoAxeViolations(page)

    // To the quotes, by keyboard.
    await waitForHydration(page)
    await tabTo(page, 'Citaten')
    await page.keyboard.press('Enter')
    await expect.poll(() => heading(page)).toBe('Citaten voor het verslag')
    await waitForHydration(page)
    await expectNoAxeViolations(page)
    await tabTo(page, 'Tekst van het citaat')
    await page.keyboard.type('Mensenhandel is een afschuwelijk delict.')
    await page.keyboard.press('Enter')
    await page.keyboard.type(EVIL)
    await tabTo(page, 'Citaat indienen')
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('Het citaat is opgeslagen en staat klaar voor het secretariaat.')
    const statement = await newestStatement(harbersId)
    expect(statement.status).toBe('submitted')

    // The secretariat edits one word and proposes it.
    await helpers.propose(statement.id, `Mensenhandel is een ernstig delict.\n${EVIL}`)
    await page.reload()
    await waitForHydration(page)
    const card = page.locator(`#citaat-${statement.id}`).locator('xpath=..')
    await expect.poll(() => card.textContent()).toContain('Wacht op uw autorisatie')
    expect(await card.locator('.word-diff del').textContent()).toBe('[verwijderd: afschuwelijk]')
    expect(await card.locator('.word-diff ins').textContent()).toBe('[ingevoegd: ernstig]')
    // Not colour alone: struck through and underlined, and the hidden words are there for screen readers.
    expect(await card.locator('.word-diff del').evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe(
      'line-through',
    )
    expect(await card.locator('.word-diff ins').evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe(
      'underline',
    )
    // The quote is text: Dutch quotation marks, the line break kept, the script shown and not run.
    const quote = (await card.locator('blockquote.quote').first().innerText()).trim()
    expect(quote.startsWith('„')).toBe(true)
    expect(quote.endsWith('”')).toBe(true)
    expect(quote).toContain(`\n${EVIL}`)
    expect(await page.locator('main script').count()).toBe(0)
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'spreker-citaat-voorstel')

    await tabTo(page, 'Ik autoriseer deze tekst')
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('Bedankt. U hebt het citaat geautoriseerd. U krijgt hiervan een bevestiging per e-mail.')
    const authorised = await db.statement.findUniqueOrThrow({ where: { id: statement.id } })
    const link = await db.personalLink.findFirstOrThrow({
      where: { kind: 'speaker', subjectId: harbersId, delegate: false },
    })
    expect(authorised).toMatchObject({ status: 'authorised', authorisedBy: 'speaker', authorisedLinkId: link.id })
    expect(authorised.authorisedVersionId).toBe(authorised.proposedVersionId)
    await mailTo('harbers@example.org', /Citaat geautoriseerd/)
    await expectNoAxeViolations(page)

    // Profile and briefing pages, by keyboard.
    await waitForHydration(page)
    await tabTo(page, 'Profiel en toestemming')
    await page.keyboard.press('Enter')
    await expect.poll(() => heading(page)).toBe('Profiel en toestemming')
    await expectNoAxeViolations(page)
    await waitForHydration(page)
    await tabTo(page, 'Sprekersbriefing')
    await page.keyboard.press('Enter')
    await expect.poll(() => heading(page)).toContain('Sprekersbriefing: Formele start')
    const briefing = (await main.textContent())!
    expect(briefing).toContain('13.30 uur') // half an hour before the opening at 14.00
    expect(briefing).toContain('Grote zaal')
    expect(briefing).toContain(`Mo ${EVIL}`)
    expect(briefing).toContain('070 370 79 11')
    await expectNoAxeViolations(page)
    await keepScreenshot(page, 'spreker-briefing')
    expect(problems).toEqual([])
    await context.close()
  })

  test('the briefing prints on one A4 page without the menus', async () => {
    const token = await helpers.speakerLink(harbersId, eventId)
    const { page, context } = await newPage(browser)
    await page.goto(`${app.url}/spreker/${token}`)
    await page.goto(`${page.url()}/briefing`)
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.portal-nav').isVisible()).toBe(false)
    expect(await page.locator('.site-header').isVisible()).toBe(false)
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true })
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []
    expect(pages).toHaveLength(1)
    await context.close()
  })

  // axe runs inside the page, so it needs script: the same pages are checked with script in the other tests.
  test('without JavaScript on a phone: submit, return a proposal, authorise, withdraw', async () => {
    const token = await helpers.speakerLink(harbersId, eventId)
    const { page, context, problems } = await newPage(browser, {
      javaScriptEnabled: false,
      viewport: { width: 375, height: 740 },
    })
    page.setDefaultTimeout(15_000)
    await page.goto(`${app.url}/spreker/${token}`)
    await expect.poll(() => heading(page)).toBe('Uw sprekerspagina')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await keepScreenshot(page, 'spreker-portaal-telefoon')
    const base = page.url()

    // Decline the opening with a message, then confirm again.
    const opening = page.getByRole('article').filter({ hasText: 'Opening door staatssecretaris Harbers' })
    await opening.getByLabel('Nee, ik kan niet').check()
    await opening.getByLabel('Bericht aan het secretariaat (niet verplicht)').fill('Helaas\n<b>verhinderd</b>')
    await opening.getByRole('button', { name: 'Antwoord wijzigen' }).click()
    await expect.poll(() => page.url()).toContain('klaar=declined')
    expect(await page.locator('main').textContent()).toContain('Helaas')
    expect(await page.locator('main b').count()).toBe(0)
    await opening.getByLabel('Ja, ik doe mee').check()
    await opening.getByRole('button', { name: 'Antwoord wijzigen' }).click()
    await expect.poll(() => page.url()).toContain('klaar=confirmed')

    await page.goto(`${base}/citaten`)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await page.getByLabel('Tekst van het citaat').last().fill('Wij werken samen met gemeenten.')
    await page.getByRole('button', { name: 'Citaat indienen' }).click()
    await expect.poll(() => page.url()).toContain('klaar=submitted')
    const statement = await newestStatement(harbersId)
    await helpers.propose(statement.id, 'Wij werken nauw samen met alle gemeenten.')
    await page.goto(`${base}/citaten`)
    const card = page.locator('article').filter({ has: page.locator(`#citaat-${statement.id}`) })
    expect(await card.locator('.word-diff ins').allTextContents()).toEqual(['[ingevoegd: nauw ]', '[ingevoegd:  alle]'])
    // Not agreed: a new version goes back to the secretariat.
    await card.getByLabel('Tekst van het citaat').fill('Wij werken nauw samen met gemeenten.')
    await card.getByRole('button', { name: 'Nieuwe versie terugsturen' }).click()
    await expect.poll(() => page.url()).toContain('klaar=submitted')
    expect((await db.statement.findUniqueOrThrow({ where: { id: statement.id } })).status).toBe('submitted')
    const second = await helpers.propose(statement.id, 'Wij werken nauw samen met de gemeenten.')
    await page.goto(`${base}/citaten`)
    await card.getByRole('button', { name: 'Ik autoriseer deze tekst' }).click()
    await expect.poll(() => page.url()).toContain('klaar=authorised')
    expect(await db.statement.findUniqueOrThrow({ where: { id: statement.id } })).toMatchObject({
      status: 'authorised',
      authorisedVersionId: second.id,
    })
    // Every version is kept, shown as a history.
    expect(await card.locator('.version-list > li').count()).toBe(4)

    // Withdraw, with a question first.
    await card.getByRole('link', { name: 'Dit citaat intrekken' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Wilt u dit citaat intrekken?' }).count()).toBe(1)
    await page.getByRole('button', { name: 'Ja, trek het citaat in' }).click()
    await expect.poll(() => page.url()).toContain('klaar=withdrawn')
    expect((await db.statement.findUniqueOrThrow({ where: { id: statement.id } })).status).toBe('withdrawn')

    // A 100 kB text is refused with a clear message, and what was typed stays in the field.
    await page.getByLabel('Tekst van het citaat').last().fill('a'.repeat(100_000))
    await page.getByRole('button', { name: 'Citaat indienen' }).click()
    await expect
      .poll(() => page.locator('.field-errors').first().textContent())
      .toContain('De tekst is te lang. Een citaat is hoogstens 3000 tekens')
    expect((await page.getByLabel('Tekst van het citaat').last().inputValue()).length).toBe(100_000)

    // The profile without script: consents saved by a plain post.
    await page.goto(`${base}/profiel`)
    await page.getByLabel('Mijn geautoriseerde citaten mogen in het verslag staan.').check()
    await page.getByLabel('Korte beschrijving').fill('Staatssecretaris sinds 2024.')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await expect.poll(() => page.url()).toContain('klaar=opgeslagen')
    expect(await db.speaker.findUniqueOrThrow({ where: { id: harbersId } })).toMatchObject({
      consentPublishQuotes: true,
      bio: 'Staatssecretaris sinds 2024.',
    })
    expect(problems).toEqual([])
    await context.close()
  })

  test('through the delegate’s link the delegate is recorded as the one who authorised', async () => {
    const token = await helpers.speakerLink(harbersId, eventId, { delegate: true })
    const { page, context, problems } = await newPage(browser)
    await page.goto(`${app.url}/spreker/${token}`)
    await expect.poll(() => heading(page)).toBe('Sprekerspagina van Staatssecretaris Harbers')
    expect(await page.locator('main').textContent()).toContain('U gebruikt de link voor de vertegenwoordiger')
    await expectNoAxeViolations(page)
    await waitForHydration(page)
    await tabTo(page, 'Citaten')
    await page.keyboard.press('Enter')
    await expect.poll(() => heading(page)).toBe('Citaten voor het verslag')
    await waitForHydration(page)
    await typeInto(page, 'Tekst van het citaat', 'Namens de staatssecretaris: wij zetten door.')
    await tabTo(page, 'Citaat indienen')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.url()).toContain('klaar=submitted')
    const statement = await newestStatement(harbersId)
    await helpers.propose(statement.id, 'Wij zetten door.')
    await page.reload()
    await waitForHydration(page)
    await tabTo(page, 'Ik autoriseer deze tekst')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.url()).toContain('klaar=authorised')
    const row = await db.statement.findUniqueOrThrow({ where: { id: statement.id }, include: { versions: true } })
    const link = await db.personalLink.findFirstOrThrow({
      where: { kind: 'speaker', subjectId: harbersId, delegate: true },
    })
    expect(row).toMatchObject({
      status: 'authorised',
      authorisedBy: 'delegate: Privé-secretariaat staatssecretaris JenV',
      authorisedLinkId: link.id,
    })
    expect(row.versions.find((v) => v.authorKind !== 'secretariat')).toMatchObject({ authorKind: 'delegate' })
    expect(await page.locator('main').textContent()).toContain(
      'Geautoriseerd door Privé-secretariaat staatssecretaris JenV (namens de spreker)',
    )
    await mailTo('ps-jenv@example.org', /Citaat geautoriseerd/)
    await expectNoAxeViolations(page)

    // The withdrawal question, and a refused text, are axe-clean too (the no-script test walks them as well).
    await page.goto(`${page.url().split('?')[0]}?intrekken=${statement.id}`)
    await expect.poll(() => page.getByRole('heading', { name: 'Wilt u dit citaat intrekken?' }).count()).toBe(1)
    await expectNoAxeViolations(page)
    await waitForHydration(page)
    await page.getByLabel('Tekst van het citaat').last().fill('a'.repeat(100_000))
    await page.getByRole('button', { name: 'Citaat indienen' }).click()
    await expect
      .poll(() => page.locator('.field-errors').first().textContent())
      .toContain('De tekst is te lang. Een citaat is hoogstens 3000 tekens')
    await expectNoAxeViolations(page)
    expect(problems).toEqual([])
    await context.close()
  })

  test('an English speaker’s portal opens in English, and the switch still works', async () => {
    const vanArk = await db.speaker.findFirstOrThrow({ where: { email: 'vanark@example.org' } })
    await db.speaker.update({ where: { id: vanArk.id }, data: { language: 'en' } })
    const token = await helpers.speakerLink(vanArk.id, eventId)
    const { page, context, problems } = await newPage(browser)
    await page.goto(`${app.url}/spreker/${token}`)
    await expect.poll(() => heading(page)).toBe('Your speaker page')
    await expectNoAxeViolations(page)
    await waitForHydration(page)
    await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click()
    await expect.poll(() => heading(page)).toBe('Uw sprekerspagina')
    expect(problems).toEqual([])
    await context.close()
  })

  test('expired or revoked: 410 with a clear page; unknown: 404', async () => {
    const { page, context } = await newPage(browser)
    const expired = await helpers.speakerLink(harbersId, eventId, { expiresAt: new Date(Date.now() - 60_000) })
    const gone = await page.goto(`${app.url}/spreker/${expired}`)
    expect(gone!.status()).toBe(410)
    expect(await heading(page)).toBe('Deze link werkt niet meer')
    await expectNoAxeViolations(page)
    const revoked = await helpers.speakerLink(harbersId, eventId)
    await db.personalLink.updateMany({
      where: { revokedAt: null, kind: 'speaker', expiresAt: { gt: new Date() } },
      data: { revokedAt: new Date() },
    })
    expect((await page.goto(`${app.url}/spreker/${revoked}`))!.status()).toBe(410)
    const unknown = await page.goto(`${app.url}/spreker/${'B'.repeat(43)}`)
    expect(unknown!.status()).toBe(404)
    expect(await heading(page)).toBe('Deze pagina bestaat niet')
    expect(unknown!.headers()['referrer-policy']).toBeTruthy()
    await context.close()
  })
})

describe('the secretariat’s briefings', () => {
  test('per speaker to print, and mailed to all speakers as one batch', async () => {
    const { page, context, problems } = await newPage(browser)
    await signInAs(page, app.url, ADMIN.email, ADMIN.password)
    await page.goto(`${app.url}/beheer/bijeenkomsten/${eventId}/briefing`)
    expect(await heading(page)).toContain('Sprekersbriefings')
    await expectNoAxeViolations(page)
    await page.getByRole('link', { name: 'Briefing van Staatssecretaris Harbers' }).click()
    await expect.poll(() => heading(page)).toContain('Sprekersbriefing: Formele start')
    expect(await page.locator('main').textContent()).toContain(`Mo ${EVIL}`)
    await expectNoAxeViolations(page)
    await page.goBack()
    await waitForHydration(page)
    await page.getByRole('button', { name: 'Briefing mailen naar alle sprekers' }).click()
    await expect.poll(() => page.locator('main').textContent()).toContain('De briefing staat klaar om te versturen')
    const mail = await mailTo('blokhuis@example.org', /Sprekersbriefing: Formele start/)
    expect(mail.parsed!.text).toContain('Grote zaal')
    expect(mail.parsed!.html).not.toContain('<script>alert(1)')
    expect(mail.parsed!.text).toContain(`Mo ${EVIL}`)
    expect(problems).toEqual([])
    await context.close()
  })
})

// The first acceptance point, end to end: every link is read from the mail the SMTP server received.
describe('the full loop with the secretariat', () => {
  function portalLinkIn(text: string) {
    const match = /(http:\/\/127\.0\.0\.1:\d+\/spreker\/[A-Za-z0-9_-]{43})(?![/\w])/.exec(text)
    if (!match) throw new Error(`no portal link in the mail:\n${text}`)
    return match[1]!
  }

  async function mailsTo(email: string, subject: RegExp, count: number) {
    for (let i = 0; i < 120; i++) {
      const found = smtp.messages.filter((m) => m.envelope.to.includes(email) && subject.test(m.parsed?.subject ?? ''))
      if (found.length >= count) return found
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    throw new Error(`fewer than ${count} mails to ${email} matching ${String(subject)}\n${app.output()}`)
  }

  async function loop(recipient: string, expectedBy: RegExp) {
    const admin = await newPage(browser)
    await signInAs(admin.page, app.url, ADMIN.email, ADMIN.password)
    const overview = `${app.url}/beheer/bijeenkomsten/${eventId}/citaten`
    const requestsBefore = smtp.messages.filter(
      (m) => m.envelope.to.includes(recipient) && /Verzoek om een citaat/.test(m.parsed?.subject ?? ''),
    ).length
    const proposalsBefore = smtp.messages.filter(
      (m) => m.envelope.to.includes(recipient) && /Citaat ter autorisatie/.test(m.parsed?.subject ?? ''),
    ).length

    // The secretariat requests a statement from the staatssecretaris.
    await admin.page.goto(overview)
    await waitForHydration(admin.page)
    await admin.page.getByRole('checkbox', { name: 'Staatssecretaris Harbers' }).check()
    await admin.page.getByLabel('Vraag aan de spreker (niet verplicht)').fill('Wat is voor u de kern van de aanpak?')
    await admin.page.getByRole('button', { name: 'Verzoek versturen' }).click()
    await expect
      .poll(() => admin.page.locator('main').textContent())
      .toContain('Eén verzoek is klaargezet voor verzending.')
    await expectNoAxeViolations(admin.page)
    const request = (await mailsTo(recipient, /Verzoek om een citaat/, requestsBefore + 1))[requestsBefore]!
    const requested = await db.statement.findFirstOrThrow({
      where: { speakerId: harbersId, eventId, status: 'requested' },
      orderBy: { createdAt: 'desc' },
    })

    // The speaker (or the delegate) opens the link from the mail, confirms the panel and submits a quote.
    const speaker = await newPage(browser)
    await speaker.page.goto(portalLinkIn(request.parsed!.text ?? ''))
    await expect.poll(() => speaker.page.url()).toMatch(/\/spreker\/[a-z0-9]+$/)
    await waitForHydration(speaker.page)
    const panel = speaker.page.getByRole('article').filter({ hasText: 'Panel: de inzet van de ministeries' })
    await panel.getByLabel('Ja, ik doe mee').check()
    await panel.getByRole('button', { name: /Antwoord (versturen|wijzigen)/ }).click()
    await expect.poll(() => speaker.page.url()).toContain('klaar=confirmed')
    await expectNoAxeViolations(speaker.page)
    await speaker.page.goto(`${speaker.page.url().split('?')[0]}/citaten`)
    await waitForHydration(speaker.page)
    const card = speaker.page.locator('article').filter({ has: speaker.page.locator(`#citaat-${requested.id}`) })
    expect(await card.textContent()).toContain('Wat is voor u de kern van de aanpak?')
    await card.getByLabel('Tekst van het citaat').fill('De kern is samenwerking tussen alle partners.')
    await card.getByRole('button', { name: 'Citaat indienen' }).click()
    await expect.poll(() => speaker.page.url()).toContain('klaar=submitted')
    await expectNoAxeViolations(speaker.page)

    // The secretariat edits one word and proposes it.
    await admin.page.goto(`${overview}/${requested.id}`)
    await waitForHydration(admin.page)
    await admin.page.getByLabel('Tekst', { exact: true }).fill('De kern is samenwerking tussen alle ketenpartners.')
    await admin.page.getByRole('button', { name: 'Aangepaste tekst voorleggen' }).click()
    await expect.poll(() => admin.page.getByText('Wacht op autorisatie').count()).toBeGreaterThan(0)
    await expectNoAxeViolations(admin.page)

    // The speaker follows the link in the new mail, sees the difference and authorises.
    const proposal = (await mailsTo(recipient, /Citaat ter autorisatie/, proposalsBefore + 1))[proposalsBefore]!
    await speaker.page.goto(portalLinkIn(proposal.parsed!.text ?? ''))
    await expect.poll(() => speaker.page.url()).toMatch(/\/spreker\/[a-z0-9]+$/)
    await speaker.page.goto(`${speaker.page.url()}/citaten`)
    await waitForHydration(speaker.page)
    const proposed = speaker.page.locator('article').filter({ has: speaker.page.locator(`#citaat-${requested.id}`) })
    expect(await proposed.locator('.word-diff del').textContent()).toBe('[verwijderd: partners.]')
    expect(await proposed.locator('.word-diff ins').textContent()).toBe('[ingevoegd: ketenpartners.]')
    await expectNoAxeViolations(speaker.page)
    await proposed.getByRole('button', { name: 'Ik autoriseer deze tekst' }).click()
    await expect.poll(() => speaker.page.url()).toContain('klaar=authorised')

    // The overview shows it authorised, by whom and when.
    await admin.page.goto(overview)
    const row = await db.statement.findUniqueOrThrow({ where: { id: requested.id } })
    expect(row.status).toBe('authorised')
    const text = (await admin.page.locator('main').textContent())!
    expect(text).toMatch(expectedBy)
    await expectNoAxeViolations(admin.page)
    expect([...admin.problems, ...speaker.problems]).toEqual([])
    await admin.context.close()
    await speaker.context.close()
    return row
  }

  test('the secretariat requests, the staatssecretaris submits, the secretariat proposes, he authorises', async () => {
    await db.participation.updateMany({
      where: { agendaItemId: panelId, speakerId: harbersId },
      data: { status: 'invited', respondedAt: null },
    })
    const row = await loop('harbers@example.org', /Geautoriseerd door de spreker op \d+ december \d{4}/)
    expect(row.authorisedBy).toBe('speaker')
  })

  test('the same loop by the delegate records the delegate as the one who authorised', async () => {
    const row = await loop('ps-jenv@example.org', /Geautoriseerd door de vertegenwoordiger \(Privé-secretariaat/)
    expect(row.authorisedBy).toBe('delegate: Privé-secretariaat staatssecretaris JenV')
    const link = await db.personalLink.findUniqueOrThrow({ where: { id: row.authorisedLinkId! } })
    expect(link.delegate).toBe(true)
  })
})
