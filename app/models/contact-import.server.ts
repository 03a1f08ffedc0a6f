// Importing contacts from a CSV or XLSX file, in steps that are each a plain request: upload (the rows are
// kept in an ImportJob), mapping and check (a report per row), then the import itself.
//
// The import runs in the app process that claimed the job (a conditional update, so with several app
// processes only one runs it). It first checks the rows against the database in chunks, writing `processed`
// after each chunk so that any process can show the progress; then it writes everything in ONE transaction,
// so an import is all-or-nothing: a bad row, or a clash with a change made meanwhile, writes nothing.
import {
  checkRows,
  guessMapping,
  IMPORT_FIELDS,
  organisationKey,
  REQUIRED_IMPORT_FIELDS,
  type ImportMapping,
  type ImportRow,
  type RowError,
} from '~/domain/partners'
import type { Prisma } from '~/generated/prisma/client'
import { db, type Db } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { log } from '~/utils/log.server'
import type { Table } from '~/utils/spreadsheet.server'
import { portableSql } from '~/utils/sql.server'
import { audit } from './audit.server'

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024
export const MAX_IMPORT_ROWS = 50_000
const CHUNK = 250
const PREVIEW_ROWS = 25
// A job that has said nothing for this long was left by a process that stopped; it may be claimed again.
const STALE_MS = 5 * 60_000
// Jobs that have not changed for this long are deleted when a new import starts (with what is left of the file).
const KEEP_MS = 24 * 60 * 60_000

type Tx = Pick<Db, '$queryRawUnsafe'>

export type ReportRow = { row: number; name: string; email: string; organisation: string }
export type ImportReport = {
  ok: boolean
  rows: number
  newContacts: number
  updatedContacts: number
  newOrganisations: number
  // A failed job keeps only the row numbers and the kind of error, not the names and addresses.
  errorRows: Array<Partial<ReportRow> & { row: number; errors: RowError[] }>
  preview: Array<ReportRow & { existingContact: boolean; newOrganisation: boolean }>
  failure?: 'changed' | 'error'
}

type StoredRows = { rows: string[][]; rowNumbers: number[] }
const NO_ROWS: StoredRows = { rows: [], rowNumbers: [] }

/** What a job keeps once it can no longer run: counts, row numbers and error kinds; no names or addresses. */
const withoutPersonalData = (report: ImportReport): ImportReport => ({
  ...report,
  errorRows: report.errorRows.map((r) => ({ row: r.row, errors: r.errors })),
  preview: [],
})

/**
 * Deletes jobs (and the rows of their file) that have not changed for a day: ones that were uploaded or checked
 * but never started, failed, finished, or left running by a process that stopped long ago.
 */
export async function deleteOldImportJobs(now = new Date()) {
  const { count } = await db.importJob.deleteMany({ where: { updatedAt: { lt: new Date(now.getTime() - KEEP_MS) } } })
  return count
}

export async function createImportJob(fileName: string, table: Table, actorUserId: string) {
  await deleteOldImportJobs()
  const job = await db.importJob.create({
    data: {
      fileName: fileName.slice(0, 200),
      headers: table.headers,
      rows: { rows: table.rows, rowNumbers: table.rowNumbers } satisfies StoredRows,
      mapping: guessMapping(table.headers),
      total: table.rows.length,
      createdById: actorUserId,
    },
    select: { id: true },
  })
  await audit({
    actorUserId,
    action: 'contact-import.uploaded',
    entity: 'ImportJob',
    entityId: job.id,
    details: { rows: table.rows.length, columns: table.headers.length },
  })
  return job.id
}

export async function getImportJob(id: string) {
  const job = await db.importJob.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      fileName: true,
      headers: true,
      mapping: true,
      report: true,
      total: true,
      processed: true,
    },
  })
  if (!job) return null
  return {
    ...job,
    headers: job.headers as string[],
    mapping: job.mapping as ImportMapping | null,
    report: job.report as ImportReport | null,
  }
}

/** Validates a posted mapping against the file's headers; returns the mapping or the fields in error. */
export function parseMapping(
  form: Record<string, unknown>,
  headerCount: number,
): { ok: true; mapping: ImportMapping } | { ok: false; missing: string[]; bad: string[] } {
  const mapping = {} as ImportMapping
  const missing: string[] = []
  const bad: string[] = []
  for (const field of IMPORT_FIELDS) {
    const raw = form[field]
    const value = typeof raw === 'string' ? raw.trim() : ''
    if (value === '') mapping[field] = null
    else if (/^\d{1,4}$/.test(value) && Number(value) < headerCount) mapping[field] = Number(value)
    else {
      bad.push(field)
      mapping[field] = null
    }
    if (mapping[field] === null && REQUIRED_IMPORT_FIELDS.includes(field) && !bad.includes(field)) missing.push(field)
  }
  return missing.length || bad.length ? { ok: false, missing, bad } : { ok: true, mapping }
}

type ExistingContact = {
  id: string
  email: string
  name: string
  function: string
  language: string
  organisationId: string
}

/** The contacts that hold these addresses (lower case), whatever the case they were stored in. */
async function existingContacts(tx: Tx, emails: string[]) {
  const found = new Map<string, ExistingContact>()
  for (let start = 0; start < emails.length; start += 500) {
    const chunk = emails.slice(start, start + 500)
    if (!chunk.length) continue
    const rows = await tx.$queryRawUnsafe<ExistingContact[]>(
      portableSql(
        `SELECT "id", LOWER("email") AS "email", "name", "function", "language", "organisationId" FROM "Contact" WHERE LOWER("email") IN (${chunk.map(() => '?').join(', ')})`,
        chunk.map(() => null),
      ),
      ...chunk,
    )
    for (const row of rows) found.set(row.email, row)
  }
  return found
}

async function organisationsByName(tx: Tx) {
  const rows = await tx.$queryRawUnsafe<Array<{ id: string; name: string }>>(
    portableSql(`SELECT "id", "name" FROM "Organisation"`),
  )
  return new Map(rows.map((r) => [organisationKey(r.name), r.id]))
}

const reportRow = (r: ImportRow): ReportRow => ({
  row: r.row,
  name: r.name,
  email: r.email,
  organisation: r.organisation,
})

function buildReport(rows: ImportRow[], existing: Map<string, ExistingContact>, organisations: Map<string, string>) {
  const errorRows = rows.filter((r) => r.errors.length).map((r) => ({ ...reportRow(r), errors: r.errors }))
  const good = rows.filter((r) => !r.errors.length)
  const newOrganisations = new Set(
    good.map((r) => organisationKey(r.organisation)).filter((key) => !organisations.has(key)),
  )
  const updatedContacts = good.filter((r) => existing.has(r.email)).length
  return {
    ok: errorRows.length === 0 && rows.length > 0,
    rows: rows.length,
    newContacts: good.length - updatedContacts,
    updatedContacts,
    newOrganisations: newOrganisations.size,
    errorRows,
    preview: good.slice(0, PREVIEW_ROWS).map((r) => ({
      ...reportRow(r),
      existingContact: existing.has(r.email),
      newOrganisation: !organisations.has(organisationKey(r.organisation)),
    })),
  } satisfies ImportReport
}

async function loadRows(id: string) {
  const job = await db.importJob.findUnique({ where: { id }, select: { rows: true, status: true } })
  if (!job) return null
  return { status: job.status, ...(job.rows as StoredRows) }
}

export type CheckOutcome = { kind: 'checked'; report: ImportReport } | { kind: 'not-found' } | { kind: 'locked' }

/** Maps and checks every row (the preview). Nothing but the job is written. */
export async function checkImport(id: string, mapping: ImportMapping, actorUserId: string): Promise<CheckOutcome> {
  const stored = await loadRows(id)
  if (!stored) return { kind: 'not-found' }
  // A failed job no longer holds its rows: the file has to be uploaded again.
  if (stored.status !== 'uploaded' && stored.status !== 'checked') return { kind: 'locked' }
  const rows = checkRows(stored.rows, stored.rowNumbers, mapping)
  const existing = await existingContacts(db, [...new Set(rows.map((r) => r.email).filter(Boolean))])
  const report = buildReport(rows, existing, await organisationsByName(db))
  const updated = await db.importJob.updateMany({
    where: { id, status: { in: ['uploaded', 'checked'] } },
    data: { mapping, report, status: 'checked', processed: 0 },
  })
  if (!updated.count) return { kind: 'locked' }
  await audit({
    actorUserId,
    action: 'contact-import.checked',
    entity: 'ImportJob',
    entityId: id,
    details: { ok: report.ok, fields: Object.keys(mapping) },
  })
  return { kind: 'checked', report }
}

export type StartOutcome =
  { kind: 'started'; finished: Promise<void> } | { kind: 'not-ready' } | { kind: 'has-errors' } | { kind: 'running' }

/**
 * Claims the job for this process and runs it in the background; the caller redirects to the progress page.
 * The claim is one conditional UPDATE, so two clicks or two app processes never run the same job twice.
 */
export async function startImport(id: string, actorUserId: string): Promise<StartOutcome> {
  const job = await db.importJob.findUnique({ where: { id }, select: { status: true, mapping: true, report: true } })
  if (!job || !job.mapping) return { kind: 'not-ready' }
  // The check found bad rows: starting would only fail, so it is refused.
  if (job.status === 'checked' && (job.report as ImportReport | null)?.ok === false) return { kind: 'has-errors' }
  const claimed = await db.importJob.updateMany({
    where: {
      id,
      OR: [{ status: 'checked' }, { status: 'running', updatedAt: { lt: new Date(Date.now() - STALE_MS) } }],
    },
    data: { status: 'running', processed: 0 },
  })
  if (!claimed.count) {
    // Lost the claim: another click or process started it just now, or it is not ready.
    const now = await db.importJob.findUnique({ where: { id }, select: { status: true } })
    return now?.status === 'running' || now?.status === 'done' ? { kind: 'running' } : { kind: 'not-ready' }
  }
  return { kind: 'started', finished: runImport(id, actorUserId) }
}

async function runImport(id: string, actorUserId: string) {
  try {
    await runClaimedImport(id, actorUserId)
  } catch (error) {
    // Only the job id and the error's kind: the message may quote an e-mail address.
    log().error(
      { importJobId: id, code: (error as { code?: string }).code ?? (error as Error).name },
      'contact import failed',
    )
    await db.importJob
      .update({
        where: { id },
        data: { status: 'failed', finishedAt: new Date(), rows: NO_ROWS, report: failureReport('error') },
      })
      .catch(() => undefined)
  }
}

const failureReport = (failure: 'changed' | 'error', report?: ImportReport): ImportReport =>
  withoutPersonalData({
    ...(report ?? { ok: false, rows: 0, newContacts: 0, updatedContacts: 0, newOrganisations: 0, preview: [] }),
    ok: false,
    errorRows: report?.errorRows ?? [],
    failure,
  })

async function runClaimedImport(id: string, actorUserId: string) {
  const job = await db.importJob.findUniqueOrThrow({ where: { id }, select: { rows: true, mapping: true } })
  const stored = job.rows as StoredRows
  const rows = checkRows(stored.rows, stored.rowNumbers, job.mapping as ImportMapping)

  // 1. Check against the database chunk by chunk, reporting progress that any process can read.
  const existing = new Map<string, ExistingContact>()
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK)
    const emails = chunk.map((r) => r.email).filter(Boolean)
    for (const [email, contact] of await existingContacts(db, emails)) existing.set(email, contact)
    await db.importJob.update({ where: { id }, data: { processed: Math.min(rows.length, start + CHUNK) } })
    // Let other requests in this process run between chunks (better-sqlite3 answers synchronously).
    await new Promise((resolve) => setImmediate(resolve))
  }
  const report = buildReport(rows, existing, await organisationsByName(db))
  if (!report.ok) {
    await db.importJob.update({
      where: { id },
      data: { status: 'failed', rows: NO_ROWS, report: withoutPersonalData(report), finishedAt: new Date() },
    })
    return
  }

  // 2. Write everything in one transaction. Contacts and organisations are looked up again inside it: a
  // change made since the check is taken into account, and a clash (unique index) undoes the whole import.
  try {
    await db.$transaction(async (tx) => writeRows(tx, rows, id, actorUserId), { maxWait: 10_000, timeout: 120_000 })
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') {
      await db.importJob.update({
        where: { id },
        data: { status: 'failed', rows: NO_ROWS, report: failureReport('changed', report), finishedAt: new Date() },
      })
      return
    }
    throw error
  }
}

async function writeRows(tx: Prisma.TransactionClient, rows: ImportRow[], jobId: string, actorUserId: string) {
  const organisations = await organisationsByName(tx)
  const newOrganisations = new Map<string, { id: string; name: string; sector: ImportRow['sector'] }>()
  for (const row of rows) {
    const key = organisationKey(row.organisation)
    if (organisations.has(key)) continue
    const known = newOrganisations.get(key)
    if (!known) newOrganisations.set(key, { id: newId(), name: row.organisation, sector: row.sector })
    else if (!known.sector && row.sector) known.sector = row.sector
  }
  for (const o of newOrganisations.values()) organisations.set(organisationKey(o.name), o.id)
  const orgList = [...newOrganisations.values()]
  for (let start = 0; start < orgList.length; start += 500)
    await tx.organisation.createMany({
      data: orgList.slice(start, start + 500).map((o) => ({ id: o.id, name: o.name, sector: o.sector ?? 'overig' })),
    })

  const existing = await existingContacts(
    tx,
    rows.map((r) => r.email),
  )
  const creates: Prisma.ContactCreateManyInput[] = []
  let updated = 0
  for (const row of rows) {
    const organisationId = organisations.get(organisationKey(row.organisation))!
    const current = existing.get(row.email)
    if (!current) {
      creates.push({
        name: row.name,
        email: row.email,
        function: row.function ?? '',
        language: row.language ?? 'nl',
        organisationId,
      })
      continue
    }
    const data = {
      name: row.name,
      email: row.email,
      organisationId,
      function: row.function ?? current.function,
      language: row.language ?? (current.language as 'nl' | 'en'),
    }
    const changed =
      data.name !== current.name ||
      data.organisationId !== current.organisationId ||
      data.function !== current.function ||
      data.language !== current.language
    // The stored address keeps its case unless something else changes; matching ignores case anyway.
    if (changed) await tx.contact.update({ where: { id: current.id }, data })
    updated++
  }
  for (let start = 0; start < creates.length; start += 500)
    await tx.contact.createMany({ data: creates.slice(start, start + 500) })

  const counts = { created: creates.length, updated, organisations: orgList.length, rows: rows.length }
  await audit({ actorUserId, action: 'contact.import', entity: 'ImportJob', entityId: jobId, details: counts }, tx)
  // The finished job keeps counts only: the file's personal data is not kept longer than needed.
  await tx.importJob.update({
    where: { id: jobId },
    data: {
      status: 'done',
      processed: rows.length,
      finishedAt: new Date(),
      rows: NO_ROWS,
      report: {
        ok: true,
        rows: rows.length,
        newContacts: counts.created,
        updatedContacts: updated,
        newOrganisations: counts.organisations,
        errorRows: [],
        preview: [],
      } satisfies ImportReport,
    },
  })
  return counts
}
