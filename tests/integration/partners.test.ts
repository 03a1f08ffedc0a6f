// Partner organisations, contacts, seat quota per event, the contact import and the exports, through the real
// route loaders and actions with real requests (SQLite here, PostgreSQL with BIJEEN_TEST_DB=postgresql).
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, test } from 'vitest'
import { action as seatsAction, loader as seatsLoader } from '~/routes/beheer.bijeenkomsten.$id.organisaties'
import { action as editContactAction } from '~/routes/beheer.contacten.$id'
import { loader as contactsExport } from '~/routes/beheer.contacten.exporteren'
import { action as importJobAction, loader as importJobLoader } from '~/routes/beheer.contacten.importeren.$id'
import { action as uploadAction } from '~/routes/beheer.contacten.importeren._index'
import { action as newContactAction } from '~/routes/beheer.contacten.nieuw'
import { action as editOrganisationAction } from '~/routes/beheer.organisaties.$id'
import { loader as organisationsExport } from '~/routes/beheer.organisaties.exporteren'
import { action as newOrganisationAction } from '~/routes/beheer.organisaties.nieuw'
import { action as loginAction } from '~/routes/inloggen'
import { startImport } from '~/models/contact-import.server'
import { inviteCandidates } from '~/models/invitation-list.server'
import { listContacts, listOrganisations } from '~/models/partners.server'
import { db } from '~/utils/db.server'
import { dbTime, portableSql } from '~/utils/sql.server'
import { toXlsx, type Column } from '~/utils/spreadsheet.server'
import { createContact, createEvent, createOrganisation, createProgramme, createUser } from '../factories.ts'
import { BASE, callRoute, cookieFrom, formRequest, getRequest } from '../support/remix.ts'

let organiserCookie: string
let viewerCookie: string

async function cookieFor(role: 'organiser' | 'viewer', ip: string) {
  const { user, password } = await createUser(db, { role })
  return cookieFrom(
    await callRoute(
      loginAction,
      formRequest('/inloggen', { email: user.email, password }, { 'x-bijeen-client-ip': ip }),
    ),
  )
}

beforeAll(async () => {
  organiserCookie = await cookieFor('organiser', '10.8.0.1')
  viewerCookie = await cookieFor('viewer', '10.8.0.2')
})

const post = (
  action: Parameters<typeof callRoute>[0],
  fields: Record<string, string>,
  cookie: string,
  params: Record<string, string> = {},
) => callRoute(action, formRequest('/beheer/x', fields, { cookie }), params)

type Reply = { result?: { error?: Record<string, string[]> }; deleteError?: string; error?: string | null }
const fieldErrors = (data: unknown) => (data as Reply).result?.error ?? {}

function upload(fileName: string, bytes: Uint8Array | string, cookie = organiserCookie, type = '') {
  const form = new FormData()
  form.set('file', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], fileName, { type }))
  return callRoute(
    uploadAction,
    new Request(`${BASE}/beheer/contacten/importeren`, { method: 'POST', body: form, headers: { cookie } }),
  )
}

const jobIdOf = (location: string | null) => {
  const match = /\/beheer\/contacten\/importeren\/([^/?]+)$/.exec(location ?? '')
  if (!match) throw new Error(`not an import job: ${location}`)
  return match[1]!
}

/** Upload, then check with the guessed mapping; returns the job id and the check's response. */
async function uploadAndCheck(fileName: string, bytes: Uint8Array | string) {
  const uploaded = await upload(fileName, bytes)
  expect(uploaded.status).toBe(302)
  const id = jobIdOf(uploaded.location)
  const page = await callRoute(
    importJobLoader,
    getRequest(`/beheer/contacten/importeren/${id}`, { cookie: organiserCookie }),
    { id },
  )
  const job = page.data as { mapping: Record<string, number | null> }
  const mapping = Object.fromEntries(Object.entries(job.mapping).map(([k, v]) => [k, v === null ? '' : String(v)]))
  const checked = await post(importJobAction, { intent: 'check', ...mapping }, organiserCookie, { id })
  return { id, checked, mapping: job.mapping }
}

/** Polls the progress page's loader (another request, as a browser would) until the job has finished. */
async function waitForJob(id: string, seen: number[] = []) {
  for (let i = 0; i < 6000; i++) {
    const page = await callRoute(importJobLoader, getRequest('/x', { cookie: organiserCookie }), { id })
    const job = page.data as { status: string; processed: number }
    seen.push(job.processed)
    if (job.status === 'done' || job.status === 'failed') return job.status
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
  throw new Error('import did not finish')
}

type PersonRow = { name: string; email: string; organisation: string; function?: string; language?: string }
const personColumns = (headers = ['Naam', 'E-mailadres', 'Organisatie', 'Functie', 'Taal']): Column<PersonRow>[] => [
  { header: headers[0]!, value: (r) => r.name },
  { header: headers[1]!, value: (r) => r.email },
  { header: headers[2]!, value: (r) => r.organisation },
  { header: headers[3]!, value: (r) => r.function ?? '' },
  { header: headers[4]!, value: (r) => r.language ?? '' },
]

describe('organisations', () => {
  test('bad input gives a clear message and a 4xx; nothing is saved', async () => {
    const empty = await post(newOrganisationAction, { intent: 'save', name: ' ', sector: 'zorg' }, organiserCookie)
    expect(empty.status).toBe(400)
    expect(fieldErrors(empty.data).name).toEqual(['Vul de naam van de organisatie in.'])

    const quota = await post(
      newOrganisationAction,
      { intent: 'save', name: 'GGD Twente', sector: 'zorg', seatQuota: '-1' },
      organiserCookie,
    )
    expect(quota.status).toBe(400)
    expect(fieldErrors(quota.data).seatQuota).toEqual(['Vul een heel getal in van 0 of meer, of laat het veld leeg.'])

    const sector = await post(
      newOrganisationAction,
      { intent: 'save', name: 'GGD Twente', sector: 'bank' },
      organiserCookie,
    )
    expect(sector.status).toBe(400)
    expect(await db.organisation.count({ where: { name: 'GGD Twente' } })).toBe(0)
  })

  test('create, a unique name (case-insensitive), empty quota means no limit', async () => {
    const created = await post(
      newOrganisationAction,
      { intent: 'save', name: 'Gemeente Enschede', shortName: 'Enschede', sector: 'gemeente', seatQuota: '4' },
      organiserCookie,
    )
    expect(created.status).toBe(302)
    const org = await db.organisation.findUniqueOrThrow({ where: { name: 'Gemeente Enschede' } })
    expect(org).toMatchObject({ sector: 'gemeente', seatQuota: 4, shortName: 'Enschede' })

    const twin = await post(
      newOrganisationAction,
      { intent: 'save', name: 'gemeente enschede', sector: 'gemeente' },
      organiserCookie,
    )
    expect(twin.status).toBe(409)
    expect(fieldErrors(twin.data).name).toEqual(['Er is al een organisatie met deze naam.'])

    const edited = await post(
      editOrganisationAction,
      { intent: 'save', name: 'Gemeente Enschede', sector: 'gemeente', seatQuota: '' },
      organiserCookie,
      { id: org.id },
    )
    expect(edited.status).toBe(302)
    expect((await db.organisation.findUniqueOrThrow({ where: { id: org.id } })).seatQuota).toBeNull()
    expect(await db.auditEntry.count({ where: { entity: 'Organisation', entityId: org.id } })).toBe(2)
  })

  test('delete is refused while contacts refer to it, with a clear message', async () => {
    const org = await createOrganisation(db, { name: 'Stichting Delete' })
    const contact = await createContact(db, org.id)
    const refused = await post(editOrganisationAction, { intent: 'delete' }, organiserCookie, { id: org.id })
    expect(refused.status).toBe(409)
    expect((refused.data as Reply).deleteError).toMatch(/kan niet weg: er horen nog 1 contactpersonen/)
    await db.contact.delete({ where: { id: contact.id } })
    // Hosting an event counts too.
    const event = await createEvent(db, (await createProgramme(db)).id)
    await db.eventHost.create({ data: { eventId: event.id, organisationId: org.id } })
    const hosting = await post(editOrganisationAction, { intent: 'delete' }, organiserCookie, { id: org.id })
    expect(hosting.status).toBe(409)
    expect((hosting.data as Reply).deleteError).toContain('0 contactpersonen, 0 aanmeldingen en 1 bijeenkomsten')
    await db.eventHost.deleteMany({ where: { organisationId: org.id } })
    const deleted = await post(editOrganisationAction, { intent: 'delete' }, organiserCookie, { id: org.id })
    expect(deleted.status).toBe(302)
    expect(await db.organisation.findUnique({ where: { id: org.id } })).toBeNull()
  })
})

describe('contacts', () => {
  test('e-mail is trimmed and lower-cased, unique whatever its case; bad addresses are refused', async () => {
    const org = await createOrganisation(db)
    const fields = { intent: 'save', name: 'Ayla Demir', function: 'Adviseur', language: 'en', organisationId: org.id }
    const created = await post(newContactAction, { ...fields, email: '  Ayla.Demir@Example.org ' }, organiserCookie)
    expect(created.status).toBe(302)
    const contact = await db.contact.findUniqueOrThrow({ where: { email: 'ayla.demir@example.org' } })
    expect(contact).toMatchObject({ name: 'Ayla Demir', language: 'en', organisationId: org.id })

    const twin = await post(newContactAction, { ...fields, email: 'AYLA.DEMIR@example.org' }, organiserCookie)
    expect(twin.status).toBe(409)
    expect(fieldErrors(twin.data).email).toEqual(['Er is al een contactpersoon met dit e-mailadres.'])

    for (const email of ['geen-adres', 'a@b.nl\r\nBcc: x@y.nl', 'a b@c.nl']) {
      const bad = await post(newContactAction, { ...fields, email }, organiserCookie)
      expect(bad.status).toBe(400)
      expect(fieldErrors(bad.data).email).toEqual(['Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.'])
    }
    const noOrg = await post(
      newContactAction,
      { ...fields, email: 'x@example.org', organisationId: '' },
      organiserCookie,
    )
    expect(noOrg.status).toBe(400)
    expect(fieldErrors(noOrg.data).organisationId).toEqual(['Kies een organisatie.'])
    expect(await db.contact.count({ where: { name: 'Ayla Demir' } })).toBe(1)

    // Saving the same contact with its own address in another case is fine.
    const edited = await post(
      editContactAction,
      { ...fields, email: 'Ayla.Demir@example.org', name: 'Ayla Demir-Bos' },
      organiserCookie,
      { id: contact.id },
    )
    expect(edited.status).toBe(302)
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).name).toBe('Ayla Demir-Bos')
  })

  test('a viewer gets 403 on every change, export and import', async () => {
    const org = await createOrganisation(db)
    const contact = await createContact(db, org.id)
    const event = await createEvent(db, (await createProgramme(db)).id)
    const results = [
      await post(newOrganisationAction, { intent: 'save', name: 'Viewer BV', sector: 'overig' }, viewerCookie),
      await post(editOrganisationAction, { intent: 'delete' }, viewerCookie, { id: org.id }),
      await post(
        newContactAction,
        { intent: 'save', name: 'V', email: 'v@example.org', organisationId: org.id },
        viewerCookie,
      ),
      await post(editContactAction, { intent: 'delete' }, viewerCookie, { id: contact.id }),
      await post(seatsAction, { organisationId: org.id, quota: '1' }, viewerCookie, { id: event.id }),
      await upload('lijst.csv', 'Naam;E-mail;Organisatie\r\nA;a@example.org;X\r\n', viewerCookie),
      await callRoute(contactsExport, getRequest('/beheer/contacten/exporteren', { cookie: viewerCookie })),
      await callRoute(organisationsExport, getRequest('/beheer/organisaties/exporteren', { cookie: viewerCookie })),
    ]
    expect(results.map((r) => r.status)).toEqual(Array(results.length).fill(403))
    expect(await db.contact.findUnique({ where: { id: contact.id } })).not.toBeNull()
    expect(await db.organisation.count({ where: { name: 'Viewer BV' } })).toBe(0)
    // Viewing is allowed.
    const seats = await callRoute(seatsLoader, getRequest('/x', { cookie: viewerCookie }), { id: event.id })
    expect(seats.status).toBe(200)
  })
})

describe('seat quota per event', () => {
  test('an override is stored without touching the seat counter; lowering below what is held warns', async () => {
    const event = await createEvent(db, (await createProgramme(db)).id)
    const org = await createOrganisation(db, { name: 'Politie Oost', sector: 'politie_om', seatQuota: 5 })
    await db.organisationSeats.create({ data: { eventId: event.id, organisationId: org.id, confirmedCount: 3 } })

    const saved = await post(seatsAction, { organisationId: org.id, quota: '2' }, organiserCookie, { id: event.id })
    expect(saved.status).toBe(302)
    const seatsPath = `/beheer/bijeenkomsten/${event.id}/organisaties`
    expect(saved.location).toBe(seatsPath)
    const counter = await db.organisationSeats.findUniqueOrThrow({
      where: { eventId_organisationId: { eventId: event.id, organisationId: org.id } },
    })
    expect(counter).toMatchObject({ quota: 2, confirmedCount: 3 })

    const page = await callRoute(seatsLoader, getRequest(seatsPath, { cookie: organiserCookie }), { id: event.id })
    // The notice names the organisation that was saved, once.
    expect((page.data as { notice: unknown }).notice).toEqual({ name: 'saved', value: org.id })
    const again = await callRoute(seatsLoader, getRequest(seatsPath, { cookie: organiserCookie }), { id: event.id })
    expect((again.data as { notice: unknown }).notice).toBeNull()
    const row = (
      page.data as { rows: Array<{ id: string; override: number | null; held: number; overHeld: boolean }> }
    ).rows.find((r) => r.id === org.id)
    expect(row).toMatchObject({ override: 2, held: 3, overHeld: true })

    // Empty: back to the default (5), which is above what is held.
    await post(seatsAction, { organisationId: org.id, quota: '' }, organiserCookie, { id: event.id })
    const cleared = await db.organisationSeats.findUniqueOrThrow({
      where: { eventId_organisationId: { eventId: event.id, organisationId: org.id } },
    })
    expect(cleared).toMatchObject({ quota: null, confirmedCount: 3 })

    const bad = await post(seatsAction, { organisationId: org.id, quota: '-3' }, organiserCookie, { id: event.id })
    expect(bad.status).toBe(400)
    expect(bad.data).toEqual({
      error: 'Vul een heel getal in van 0 of meer, of laat het veld leeg.',
      organisationId: org.id, // the summary links to this row's field
    })
  })
})

describe('contact import', () => {
  test('5,000 rows from XLSX import with progress visible while it runs', { timeout: 120_000 }, async () => {
    const rows: PersonRow[] = Array.from({ length: 5000 }, (_, i) => ({
      name: `Persoon ${i}`,
      email: `persoon${i}@groot.example.org`,
      organisation: `Grote Organisatie ${i % 40}`,
      function: i % 2 ? 'Beleidsmedewerker' : '',
      language: i % 3 ? 'nl' : 'Engels',
    }))
    const bytes = await toXlsx('Contacten', personColumns(), rows)
    const started = Date.now()
    const { id, checked } = await uploadAndCheck('groot.xlsx', bytes)
    expect(checked.status).toBe(303)
    const page = await callRoute(importJobLoader, getRequest('/x', { cookie: organiserCookie }), { id })
    expect(
      (page.data as { report: { ok: boolean; newContacts: number; newOrganisations: number } }).report,
    ).toMatchObject({
      ok: true,
      newContacts: 5000,
      newOrganisations: 40,
    })

    const start = await post(importJobAction, { intent: 'start' }, organiserCookie, { id })
    expect(start.status).toBe(303)
    // A second click does not start it again.
    await post(importJobAction, { intent: 'start' }, organiserCookie, { id })
    const seen: number[] = []
    expect(await waitForJob(id, seen)).toBe('done')
    const intermediate = seen.filter((n) => n > 0 && n < 5000)
    expect(new Set(intermediate).size).toBeGreaterThanOrEqual(2)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
    expect(Date.now() - started).toBeLessThan(60_000)

    expect(await db.contact.count({ where: { email: { endsWith: '@groot.example.org' } } })).toBe(5000)
    expect(await db.organisation.count({ where: { name: { startsWith: 'Grote Organisatie ' } } })).toBe(40)
    expect(await db.contact.findUniqueOrThrow({ where: { email: 'persoon3@groot.example.org' } })).toMatchObject({
      language: 'en',
      function: 'Beleidsmedewerker',
    })
    const job = await db.importJob.findUniqueOrThrow({ where: { id } })
    expect(job).toMatchObject({ status: 'done', processed: 5000, total: 5000 })
    // The finished job keeps counts only, and so does the audit entry.
    expect(JSON.stringify(job.rows)).not.toContain('persoon')
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: 'contact.import', entityId: id } })
    expect(entry.details).toEqual({ created: 5000, updated: 0, organisations: 40, rows: 5000 })
    expect(JSON.stringify(entry.details)).not.toContain('@')
  })

  test('three bad rows: the whole file is refused, the report names exactly those rows', async () => {
    const org = await createOrganisation(db, { name: 'Bestaande Stichting' })
    const existing = await createContact(db, org.id, { name: 'Oud Lid', email: 'oud@stichting.example.org' })
    const rows: PersonRow[] = [
      { name: 'Goed Een', email: 'goed1@fout.example.org', organisation: 'Nieuwe Partner' }, // row 2
      { name: 'Slecht Adres', email: 'geen-adres', organisation: 'Nieuwe Partner' }, // row 3
      { name: 'Oud Lid Nieuw', email: 'oud@stichting.example.org', organisation: 'Bestaande Stichting' }, // row 4
      { name: 'Zonder Organisatie', email: 'zonder@fout.example.org', organisation: '' }, // row 5
      { name: 'Goed Twee', email: 'goed2@fout.example.org', organisation: 'Nieuwe Partner' }, // row 6
      { name: 'Dubbel', email: 'GOED1@fout.example.org', organisation: 'Nieuwe Partner' }, // row 7
    ]
    const { id, checked } = await uploadAndCheck('fouten.xlsx', await toXlsx('Blad1', personColumns(), rows))
    expect(checked.status).toBe(422)
    const page = await callRoute(importJobLoader, getRequest('/x', { cookie: organiserCookie }), { id })
    const report = (
      page.data as { report: { ok: boolean; badRows: number[]; errorRows: Array<{ row: number; errors: unknown[] }> } }
    ).report
    expect(report.ok).toBe(false)
    expect(report.badRows).toEqual([3, 5, 7])
    expect(report.errorRows.map((r) => r.errors)).toEqual([
      [{ code: 'emailInvalid' }],
      [{ code: 'organisationMissing' }],
      [{ code: 'emailDuplicate', row: 2 }],
    ])

    // Forcing the import anyway is refused with a Dutch message; nothing is written and the job stays checked.
    const forced = await post(importJobAction, { intent: 'start' }, organiserCookie, { id })
    expect(forced.status).toBe(409)
    expect((forced.data as Reply).error).toBe(
      'Deze import kan niet worden gestart. Er staan fouten in het bestand. Verbeter het bestand en begin opnieuw.',
    )
    expect(await db.importJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'checked' })
    expect(await db.contact.count({ where: { email: { endsWith: '@fout.example.org' } } })).toBe(0)
    expect(await db.organisation.count({ where: { name: 'Nieuwe Partner' } })).toBe(0)
    expect(await db.contact.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ name: 'Oud Lid' })
  })

  test('a job that fails while running keeps counts and row numbers, not the names and addresses', async () => {
    const csv =
      'Naam;E-mail;Organisatie\r\nGoed Mens;goed@mislukt.example.org;Mislukt BV\r\nFout Mens;geen-adres;Mislukt BV\r\n'
    const { id, checked } = await uploadAndCheck('mislukt.csv', csv)
    expect(checked.status).toBe(422)
    // As if the check had passed (say, a report from before a change): the run finds the bad row itself.
    const job = await db.importJob.findUniqueOrThrow({ where: { id } })
    await db.importJob.update({ where: { id }, data: { report: { ...(job.report as object), ok: true } } })
    expect((await post(importJobAction, { intent: 'start' }, organiserCookie, { id })).status).toBe(303)
    expect(await waitForJob(id)).toBe('failed')

    const failed = await db.importJob.findUniqueOrThrow({ where: { id } })
    expect(failed.rows).toEqual({ rows: [], rowNumbers: [] })
    expect(failed.report).toMatchObject({
      ok: false,
      rows: 2,
      errorRows: [{ row: 3, errors: [{ code: 'emailInvalid' }] }],
    })
    expect(JSON.stringify(failed)).not.toMatch(/Mens|mislukt\.example|geen-adres/)
    expect(await db.contact.count({ where: { email: { endsWith: '@mislukt.example.org' } } })).toBe(0)
    // Without the rows it cannot be checked again: the page asks for the file again.
    const again = await post(
      importJobAction,
      { intent: 'check', name: '0', email: '1', organisation: '2' },
      organiserCookie,
      {
        id,
      },
    )
    expect(again.status).toBe(409)
  })

  test('a new upload deletes jobs that have not changed for a day, but not a running one', async () => {
    const { id: old } = await uploadAndCheck(
      'oud.csv',
      'Naam;E-mail;Organisatie\r\nOud Mens;oud@oud.example.org;Oud BV\r\n',
    )
    const { id: running } = await uploadAndCheck(
      'loopt.csv',
      'Naam;E-mail;Organisatie\r\nLoop Mens;loop@loopt.example.org;Loopt BV\r\n',
    )
    const { id: recent } = await uploadAndCheck(
      'recent.csv',
      'Naam;E-mail;Organisatie\r\nNieuw Mens;nieuw@recent.example.org;Recent BV\r\n',
    )
    const dayAgo = new Date(Date.now() - 25 * 60 * 60_000)
    // updatedAt is set by Prisma on every update, so the age is written with plain SQL.
    await db.$executeRawUnsafe(
      portableSql(`UPDATE "ImportJob" SET "updatedAt" = ? WHERE "id" = ?`, ['timestamp(3)', null]),
      dbTime(dayAgo),
      old,
    )
    await db.importJob.update({ where: { id: running }, data: { status: 'running' } })

    await uploadAndCheck('nieuw.csv', 'Naam;E-mail;Organisatie\r\nAnder Mens;ander@nieuw.example.org;Nieuw BV\r\n')
    expect(await db.importJob.findUnique({ where: { id: old } })).toBeNull()
    expect(await db.importJob.findUnique({ where: { id: running } })).not.toBeNull()
    expect(await db.importJob.findUnique({ where: { id: recent } })).not.toBeNull()
  })

  test('an existing contact (matched by e-mail, any case) is updated, not duplicated; CSV with ; from Dutch Excel', async () => {
    const org = await createOrganisation(db, { name: 'Ministerie van Justitie en Veiligheid', sector: 'rijksoverheid' })
    const existing = await createContact(db, org.id, {
      name: 'Jan Jansen',
      email: 'jan.jansen@minjenv.example.nl',
      function: 'Directeur',
    })
    // As Dutch Excel saves it: a BOM, semicolons, CRLF, quotes around a cell with a semicolon, an empty line.
    const csv =
      '\uFEFFNaam;E-mailadres;Organisatie;Functie;Taal;Sector\r\n' +
      'Jan Jansen-de Vries;Jan.Jansen@MinJenV.example.nl;ministerie van justitie en veiligheid;;EN;\r\n' +
      '\r\n' +
      '"Eva Bakker; MSc";eva@ggd.example.nl;GGD Nieuw-Oost;Arts infectieziekten;nl;Zorg\r\n'
    const { id, checked, mapping } = await uploadAndCheck('lijst.csv', new TextEncoder().encode(csv))
    expect(mapping).toEqual({ name: 0, email: 1, organisation: 2, function: 3, language: 4, sector: 5 })
    expect(checked.status).toBe(303)
    const page = await callRoute(importJobLoader, getRequest('/x', { cookie: organiserCookie }), { id })
    const report = (
      page.data as { report: { preview: Array<{ row: number; existingContact: boolean; newOrganisation: boolean }> } }
    ).report
    // Row numbers as in the file: the empty line 3 counts.
    expect(report.preview).toEqual([
      expect.objectContaining({ row: 2, existingContact: true, newOrganisation: false }),
      expect.objectContaining({ row: 4, existingContact: false, newOrganisation: true }),
    ])
    expect((await post(importJobAction, { intent: 'start' }, organiserCookie, { id })).status).toBe(303)
    expect(await waitForJob(id)).toBe('done')

    expect(await db.contact.count({ where: { email: { contains: 'jansen' } } })).toBe(1)
    expect(await db.contact.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({
      name: 'Jan Jansen-de Vries',
      function: 'Directeur', // an empty cell keeps the value
      language: 'en',
      organisationId: org.id,
    })
    const eva = await db.contact.findUniqueOrThrow({
      where: { email: 'eva@ggd.example.nl' },
      include: { organisation: true },
    })
    expect(eva).toMatchObject({ name: 'Eva Bakker; MSc', function: 'Arts infectieziekten', language: 'nl' })
    expect(eva.organisation).toMatchObject({ name: 'GGD Nieuw-Oost', sector: 'zorg' })
  })

  test('two starts at the same moment claim the job once', async () => {
    const csv = 'Naam;E-mail;Organisatie\r\nKees Klaim;kees@klaim.example.org;Klaim BV\r\n'
    const { id } = await uploadAndCheck('klaim.csv', csv)
    const actor = (await db.user.findFirstOrThrow({ where: { role: 'organiser' } })).id
    const outcomes = await Promise.all([startImport(id, actor), startImport(id, actor)])
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['running', 'started'])
    await Promise.all(outcomes.map((o) => (o.kind === 'started' ? o.finished : null)))
    expect(await db.contact.count({ where: { email: 'kees@klaim.example.org' } })).toBe(1)
    expect(await db.auditEntry.count({ where: { action: 'contact.import', entityId: id } })).toBe(1)
  })

  test('mapping: a required field left out or a column that does not exist gives 400 with a message', async () => {
    const uploaded = await upload('kort.csv', 'Name,Email address,Company\nA,a@kort.example.org,X\n')
    const id = jobIdOf(uploaded.location)
    const job = await db.importJob.findUniqueOrThrow({ where: { id } })
    expect(job.mapping).toEqual({ name: 0, email: 1, organisation: 2, function: null, language: null, sector: null })
    const missing = await post(
      importJobAction,
      { intent: 'check', name: '0', email: '', organisation: '2' },
      organiserCookie,
      { id },
    )
    expect(missing.status).toBe(400)
    expect((missing.data as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({
      email: 'Koppel een kolom aan ‘E-mailadres’.',
    })
    const bad = await post(
      importJobAction,
      { intent: 'check', name: '0', email: '1', organisation: '9' },
      organiserCookie,
      { id },
    )
    expect(bad.status).toBe(400)
    expect((bad.data as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({
      organisation: 'Deze kolom bestaat niet in het bestand.',
    })
    // Not checked yet: it cannot start.
    expect((await post(importJobAction, { intent: 'start' }, organiserCookie, { id })).status).toBe(409)
  })

  test('too large: 413; not a spreadsheet: 415; empty: 400 — with Dutch messages', async () => {
    const big = await upload('groot.csv', new Uint8Array(10 * 1024 * 1024 + 10).fill(0x41))
    expect(big.status).toBe(413)
    expect((big.data as Reply).error).toBe('Het bestand is groter dan 10 MB. Splits het in kleinere bestanden.')
    const photo = await upload('foto.jpg', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))
    expect(photo.status).toBe(415)
    expect((photo.data as Reply).error).toBe('Dit is geen CSV- of Excelbestand (XLSX) dat we kunnen lezen.')
    const broken = await upload('kapot.xlsx', Uint8Array.from([0x50, 0x4b, 3, 4, 1, 2, 3]))
    expect(broken.status).toBe(415)
    const empty = await upload('leeg.csv', 'Naam;E-mail\r\n')
    expect(empty.status).toBe(400)
    expect((empty.data as Reply).error).toBe('Het bestand is leeg.')
  })
})

describe('exports', () => {
  test('contacts: the filters select the rows, formulas are neutralised, CSV and XLSX', async () => {
    const zorg = await createOrganisation(db, { name: 'Export Zorg', sector: 'zorg' })
    const ngo = await createOrganisation(db, { name: 'Export Ngo', sector: 'ngo' })
    await createContact(db, zorg.id, {
      name: '=HYPERLINK("http://x.example","klik")',
      email: 'formule@export.example.org',
    })
    await createContact(db, zorg.id, { name: 'Zorg Tweede', email: 'zorg2@export.example.org' })
    await createContact(db, ngo.id, { name: 'Ngo Persoon', email: 'ngo@export.example.org' })

    const csv = await callRoute(
      contactsExport,
      getRequest('/beheer/contacten/exporteren?q=export.example&sector=zorg&formaat=csv', { cookie: organiserCookie }),
    )
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const text = csv.data as string
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('Naam;E-mailadres;Functie;Taal;Organisatie;Sector')
    expect(lines).toHaveLength(3)
    expect(text).toContain(`"'=HYPERLINK(""http://x.example"",""klik"")";formule@export.example.org`)
    expect(text).toContain('Zorg Tweede;zorg2@export.example.org;;nl;Export Zorg;Zorg')
    expect(text).not.toContain('Ngo Persoon')

    const byOrganisation = await callRoute(
      contactsExport,
      getRequest(`/beheer/contacten/exporteren?organisatie=${ngo.id}&formaat=xlsx`, { cookie: organiserCookie }),
    )
    expect(byOrganisation.headers.get('content-disposition')).toMatch(/attachment; filename="contactpersonen-.*\.xlsx"/)
    const request = getRequest(`/beheer/contacten/exporteren?organisatie=${ngo.id}&formaat=xlsx`, {
      cookie: organiserCookie,
    })
    const response = (await contactsExport({ request, params: {}, context: {} })) as Response
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await response.arrayBuffer())
    const sheet = workbook.worksheets[0]!
    expect(sheet.rowCount).toBe(2)
    expect(sheet.getRow(2).getCell(1).value).toBe('Ngo Persoon')
    expect(sheet.getRow(2).getCell(6).value).toBe('Maatschappelijke organisatie (ngo)')
  })

  test('organisations: filtered by sector and search', async () => {
    await createOrganisation(db, { name: 'Hogeschool Export', sector: 'onderwijs', seatQuota: 2 })
    await createOrganisation(db, { name: '@Universiteit Export', sector: 'onderwijs' })
    await createOrganisation(db, { name: 'Gemeente Export', sector: 'gemeente' })
    const csv = await callRoute(
      organisationsExport,
      getRequest('/beheer/organisaties/exporteren?q=EXPORT&sector=onderwijs', { cookie: organiserCookie }),
    )
    const lines = (csv.data as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines).toEqual([
      'Naam;Afkorting;Sector;Standaard aantal plaatsen;Contactpersonen',
      "'@Universiteit Export;;Onderwijs;;0",
      'Hogeschool Export;;Onderwijs;2;0',
    ])
  })
})

describe('search', () => {
  test('contacts, organisations and the invitation picker ignore case and accents', async () => {
    const organisation = await createOrganisation(db, { name: 'Stichting Hülp & Bijstand', shortName: 'SHB' })
    const contact = await createContact(db, organisation.id, { name: 'Zoë Çelik', email: 'z.celik@hulp.example.org' })
    await createContact(db, organisation.id, { name: 'Bram Jansen', email: 'bram@hulp.example.org' })
    const names = async (q: string) => (await listContacts({ q })).contacts.map((c) => c.name)
    expect(await names('celik')).toEqual(['Zoë Çelik'])
    expect(await names('ZOË')).toEqual(['Zoë Çelik'])
    expect((await names('hulp & bijstand')).sort()).toEqual(['Bram Jansen', 'Zoë Çelik'])
    const organisations = async (q: string) => (await listOrganisations({ q })).map((o) => o.name)
    expect(await organisations('stichting hulp')).toEqual(['Stichting Hülp & Bijstand'])
    expect(await organisations('shb')).toEqual(['Stichting Hülp & Bijstand'])

    const programme = await createProgramme(db)
    const event = await createEvent(db, programme.id)
    const picked = await inviteCandidates(event.id, 'celik')
    expect(picked?.contacts.map((c) => c.id)).toEqual([contact.id])
  })
})

describe('contact search with many contacts', () => {
  test('counted and paged in the database: 3,000 contacts, a search that finds a third of them', async () => {
    const organisation = await createOrganisation(db, { name: 'Gemeente Zoëterwoude' })
    const other = await createOrganisation(db, { name: 'Gemeente Utrecht' })
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      organisationId: i % 3 === 0 ? organisation.id : other.id,
      name: `Contact ${String(i).padStart(4, '0')}`,
      email: `contact.${i}@example.org`,
    }))
    for (let i = 0; i < rows.length; i += 1000) await db.contact.createMany({ data: rows.slice(i, i + 1000) })
    // Found through the organisation's name, without its diaeresis.
    const first = await listContacts({ q: 'zoeterwoude' })
    expect([first.total, first.pages, first.contacts.length]).toEqual([1000, 10, 100])
    expect(first.contacts[0]!.name).toBe('Contact 0000')
    const last = await listContacts({ q: 'ZOETERWOUDE' }, 10)
    expect(last.contacts.map((c) => c.name).at(-1)).toBe('Contact 2997')
    const picker = await inviteCandidates((await createEvent(db, (await createProgramme(db)).id)).id, 'zoëterwoude')
    expect(picker!.contacts).toHaveLength(200)
    expect(picker!.more).toBe(true)
  })
})
