// The secretariat's downloads as files: the columns of each list with their headers in the reader's language,
// and the CSV or XLSX answer. The models hand over the rows (and audit the export); what a column is called
// and how a value reads (a sector, a status, a local time) is chosen here.
import { DateTime } from 'luxon'
import { formatDateTime } from '~/domain/format'
import type { Language } from '~/generated/prisma/enums'
import type { Dictionary } from '~/i18n/nl'
import type { InvitationRow } from '~/models/invitation-list.server'
import type { contactsForExport, listOrganisations } from '~/models/partners.server'
import type { ExportRow } from '~/models/registration-admin.server'
import { spreadsheetResponse } from '~/utils/spreadsheet-response.server'
import type { Column } from '~/utils/spreadsheet.server'

type ContactRow = Awaited<ReturnType<typeof contactsForExport>>[number]
type OrganisationRow = Awaited<ReturnType<typeof listOrganisations>>[number]

export function contactColumns(t: Dictionary): Column<ContactRow>[] {
  const c = t.partners.contacts.columns
  return [
    { header: c.name, value: (r) => r.name },
    { header: c.email, value: (r) => r.email },
    { header: c.function, value: (r) => r.function },
    { header: c.language, value: (r) => r.language },
    { header: c.organisation, value: (r) => r.organisation.name },
    { header: c.sector, value: (r) => t.sectors[r.organisation.sector] },
  ]
}

export function organisationColumns(t: Dictionary): Column<OrganisationRow>[] {
  const c = t.partners.organisations.columns
  return [
    { header: c.name, value: (r) => r.name },
    { header: c.shortName, value: (r) => r.shortName ?? '' },
    { header: c.sector, value: (r) => t.sectors[r.sector] },
    { header: c.seatQuota, value: (r) => r.seatQuota },
    { header: c.contacts, value: (r) => r.contacts },
  ]
}

/** The invitation list of an event as a download. */
export function invitationsFile(
  exported: { event: { slug: string; timeZone: string }; rows: InvitationRow[] },
  format: 'csv' | 'xlsx',
  t: Dictionary,
  lang: Language,
) {
  const i = t.invitations
  const when = (date: Date | null) => (date ? formatDateTime(date, exported.event.timeZone, lang) : '')
  const columns: Column<InvitationRow>[] = [
    { header: i.columns.name, value: (r) => r.name },
    { header: i.columns.email, value: (r) => r.email },
    { header: i.columns.organisation, value: (r) => r.organisation },
    { header: i.columns.sector, value: (r) => t.sectors[r.sector] },
    { header: i.columns.status, value: (r) => i.status[r.status] },
    { header: i.columns.sentAt, value: (r) => when(r.sentAt) },
    { header: i.columns.remindedAt, value: (r) => when(r.remindedAt) },
    { header: i.columns.respondedAt, value: (r) => when(r.respondedAt) },
  ]
  return spreadsheetResponse(
    format,
    `${i.export.fileName}-${exported.event.slug}`,
    i.export.sheet,
    columns,
    exported.rows,
  )
}

/** A local time as spreadsheets sort it: "2026-12-04 14:03" in the event's zone. */
function sortableTime(date: Date | null, zone: string) {
  return date ? DateTime.fromJSDate(date, { zone }).toFormat('yyyy-MM-dd HH:mm') : ''
}

/**
 * The export's columns. Every value is text (dates as local "yyyy-mm-dd hh:mm"), so the CSV and the XLSX hold
 * the same cells. The dietary and accessibility columns only with `sensitive`, marked so in their headers.
 */
export function exportColumns(
  t: Dictionary,
  zone: string,
  questions: Array<{ id: string; label: string; labelEn: string | null; type: string }>,
  options: { sensitive: boolean; lang: 'nl' | 'en' },
): Column<ExportRow>[] {
  const c = t.registrationsAdmin.exportColumns
  const yesNo = (value: boolean) => (value ? t.registrationsAdmin.yes : t.registrationsAdmin.no)
  const columns: Column<ExportRow>[] = [
    { header: c.name, value: (r) => r.name },
    { header: c.email, value: (r) => r.email },
    { header: c.organisation, value: (r) => r.organisation?.name ?? r.organisationName },
    { header: c.sector, value: (r) => (r.organisation ? t.sectors[r.organisation.sector] : '') },
    { header: c.function, value: (r) => r.function },
    { header: c.language, value: (r) => t.languages[r.language] },
    { header: c.status, value: (r) => t.registrationsAdmin.statuses[r.status] },
    { header: c.waitlistPosition, value: (r) => (r.waitlistPosition === null ? '' : String(r.waitlistPosition)) },
    { header: c.registeredAt, value: (r) => sortableTime(r.createdAt, zone) },
    { header: c.checkedInAt, value: (r) => sortableTime(r.checkedInAt, zone) },
    { header: c.photoConsent, value: (r) => yesNo(r.photoConsent) },
    ...questions.map((q): Column<ExportRow> => ({
      header: options.lang === 'en' && q.labelEn ? q.labelEn : q.label,
      value: (r) => {
        const answer = r.answers[q.id]
        if (answer === undefined) return ''
        return typeof answer === 'boolean' ? yesNo(answer) : answer
      },
    })),
  ]
  if (options.sensitive) {
    columns.push(
      { header: c.dietary, value: (r) => r.dietary },
      { header: c.accessibility, value: (r) => r.accessibility },
    )
  }
  return columns
}

/** The registrations of an event as a download, named after the event's day. */
export function registrationsFile(
  exported: {
    event: { slug: string; startsAt: Date; timeZone: string }
    rows: ExportRow[]
    questions: Array<{ id: string; label: string; labelEn: string | null; type: string }>
  },
  format: 'csv' | 'xlsx',
  t: Dictionary,
  options: { sensitive: boolean; lang: 'nl' | 'en' },
) {
  const { event } = exported
  return spreadsheetResponse(
    format,
    `${t.registrationsAdmin.exports.fileName}-${event.slug}`,
    t.registrationsAdmin.exports.sheet,
    exportColumns(t, event.timeZone, exported.questions, options),
    exported.rows,
    { date: sortableTime(event.startsAt, event.timeZone).slice(0, 10) },
  )
}
