// Partner organisations and contacts: the form schemas and the pure part of the contact import (guessing the
// column mapping and checking rows). No IO here; app/models/partners.server.ts and contact-import.server.ts
// do the database work.
import { z } from 'zod'
import type { Dictionary } from '~/i18n/nl'
import {
  hasControlCharacters,
  isEmail,
  normaliseEmail,
  PERSON_LIMITS,
  personEmail,
  personFunction,
  personName,
  requiredOneLine,
} from './person-fields'
import { SECTORS, type SectorKey } from './sectors'

export const LANGUAGES = ['nl', 'en'] as const

// Contacts are people: their fields follow the shared person rules (person-fields.ts).
export const LIMITS = {
  name: PERSON_LIMITS.name,
  function: PERSON_LIMITS.function,
  organisation: PERSON_LIMITS.organisationName,
  shortName: 40,
} as const

type PartnerErrors = Dictionary['partners']

export function organisationSchema(e: PartnerErrors['organisations']['errors']) {
  return z.object({
    name: requiredOneLine(e, LIMITS.organisation, e.nameRequired),
    shortName: z.string().trim().max(LIMITS.shortName, e.tooLong(LIMITS.shortName)).optional().default(''),
    sector: z.enum(SECTORS, { errorMap: () => ({ message: e.sectorInvalid }) }),
    // Empty means no limit; Conform leaves an empty field out, so undefined becomes null.
    seatQuota: z
      .string()
      .trim()
      .regex(/^\d{1,6}$/, e.quotaInvalid)
      .transform(Number)
      .optional()
      .transform((value) => value ?? null),
  })
}
export type OrganisationValues = z.output<ReturnType<typeof organisationSchema>>

export function contactSchema(e: PartnerErrors['contacts']['errors']) {
  return z.object({
    name: personName(e),
    // Stored in lower case (contacts match case-insensitively); a line break inside is refused by isEmail.
    email: personEmail(e).transform(normaliseEmail),
    function: personFunction(e),
    language: z.enum(LANGUAGES, { errorMap: () => ({ message: e.languageInvalid }) }).default('nl'),
    organisationId: z.string({ required_error: e.organisationRequired }).trim().min(1, e.organisationRequired).max(64),
  })
}
export type ContactValues = z.output<ReturnType<typeof contactSchema>>

// ---------------------------------------------------------------------------------------------------------
// Import

export const IMPORT_FIELDS = ['name', 'email', 'organisation', 'function', 'language', 'sector'] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]
export const REQUIRED_IMPORT_FIELDS: ImportField[] = ['name', 'email', 'organisation']

/** Which column (index into the headers) feeds each field; null = not used. */
export type ImportMapping = Record<ImportField, number | null>

const squash = (value: string) =>
  value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')

// Header names secretariats use, in Dutch and English, squashed (lower case, letters and digits only).
const headerNames: Record<ImportField, string[]> = {
  name: ['naam', 'volledigenaam', 'name', 'fullname', 'contactpersoon', 'contact'],
  email: ['email', 'emailadres', 'mail', 'mailadres', 'emailaddress', 'eadres'],
  organisation: ['organisatie', 'organisation', 'organization', 'organisatienaam', 'bedrijf', 'company', 'partner'],
  function: ['functie', 'function', 'functietitel', 'jobtitle', 'title', 'rol', 'role', 'position'],
  language: ['taal', 'language', 'voorkeurstaal', 'lang'],
  sector: ['sector', 'soortorganisatie'],
}

/** The mapping guessed from the header row: exact known names first, then a header that contains one. */
export function guessMapping(headers: string[]): ImportMapping {
  const squashed = headers.map(squash)
  const used = new Set<number>()
  const mapping = {} as ImportMapping
  for (const field of IMPORT_FIELDS) {
    let index = squashed.findIndex((h, i) => !used.has(i) && headerNames[field].includes(h))
    if (index < 0 && field !== 'name')
      index = squashed.findIndex((h, i) => !used.has(i) && h !== '' && headerNames[field].some((n) => h.includes(n)))
    mapping[field] = index >= 0 ? index : null
    if (index >= 0) used.add(index)
  }
  return mapping
}

const languageWords: Record<string, 'nl' | 'en'> = {
  nl: 'nl',
  ned: 'nl',
  nederlands: 'nl',
  dutch: 'nl',
  en: 'en',
  eng: 'en',
  engels: 'en',
  english: 'en',
}

const sectorWords: Record<string, SectorKey> = {
  ...Object.fromEntries(SECTORS.map((s) => [squash(s), s])),
  rijk: 'rijksoverheid',
  centralgovernment: 'rijksoverheid',
  ministerie: 'rijksoverheid',
  municipality: 'gemeente',
  politieom: 'politie_om',
  politie: 'politie_om',
  om: 'politie_om',
  police: 'politie_om',
  policepublicprosecution: 'politie_om',
  politieenom: 'politie_om',
  policeandpublicprosecutionservice: 'politie_om',
  maatschappelijkeorganisatie: 'ngo',
  maatschappelijkeorganisatiengo: 'ngo',
  civilsocietyorganisation: 'ngo',
  civilsocietyorganisationngo: 'ngo',
  healthcare: 'zorg',
  care: 'zorg',
  education: 'onderwijs',
  international: 'internationaal',
  other: 'overig',
  anders: 'overig',
}

export function parseLanguage(value: string): 'nl' | 'en' | null {
  return languageWords[squash(value)] ?? null
}

export function parseSector(value: string): SectorKey | null {
  return sectorWords[squash(value)] ?? null
}

export type RowError =
  | { code: 'nameMissing' | 'nameTooLong' | 'emailMissing' | 'emailInvalid' | 'organisationMissing' }
  | { code: 'organisationTooLong' | 'functionTooLong' | 'languageUnknown' | 'sectorUnknown' | 'controlCharacters' }
  | { code: 'emailDuplicate'; row: number }

/** One row of the file after mapping; empty optional cells are null (they keep an existing value). */
export type ImportRow = {
  row: number
  name: string
  email: string
  organisation: string
  function: string | null
  language: 'nl' | 'en' | null
  sector: SectorKey | null
  errors: RowError[]
}

/** Maps and checks rows: the checks that need no database (format, required cells, duplicates in the file). */
export function checkRows(rows: string[][], rowNumbers: number[], mapping: ImportMapping): ImportRow[] {
  const cell = (row: string[], field: ImportField) => {
    const index = mapping[field]
    return index === null ? '' : (row[index] ?? '').trim()
  }
  const firstRowOfEmail = new Map<string, number>()
  return rows.map((row, i) => {
    const rowNumber = rowNumbers[i] ?? i + 2
    const errors: RowError[] = []
    const name = cell(row, 'name')
    const rawEmail = mapping.email === null ? '' : (row[mapping.email] ?? '')
    const email = normaliseEmail(rawEmail)
    const organisation = cell(row, 'organisation')
    const fn = cell(row, 'function')
    const lang = cell(row, 'language')
    const sec = cell(row, 'sector')
    if (!name) errors.push({ code: 'nameMissing' })
    else if (name.length > LIMITS.name) errors.push({ code: 'nameTooLong' })
    if (!email) errors.push({ code: 'emailMissing' })
    else if (!isEmail(email) || /[\r\n]/.test(rawEmail.trim())) errors.push({ code: 'emailInvalid' })
    else {
      const first = firstRowOfEmail.get(email)
      if (first !== undefined) errors.push({ code: 'emailDuplicate', row: first })
      else firstRowOfEmail.set(email, rowNumber)
    }
    if (!organisation) errors.push({ code: 'organisationMissing' })
    else if (organisation.length > LIMITS.organisation) errors.push({ code: 'organisationTooLong' })
    if (fn.length > LIMITS.function) errors.push({ code: 'functionTooLong' })
    // The same one-line rule as the contact form (person-fields.ts): no tabs, line breaks or other control characters.
    if ([name, organisation, fn].some(hasControlCharacters)) errors.push({ code: 'controlCharacters' })
    const language = lang ? parseLanguage(lang) : null
    if (lang && !language) errors.push({ code: 'languageUnknown' })
    const sector = sec ? parseSector(sec) : null
    if (sec && !sector) errors.push({ code: 'sectorUnknown' })
    return { row: rowNumber, name, email, organisation, function: fn || null, language, sector, errors }
  })
}

export const organisationKey = (name: string) => name.trim().toLowerCase()

/** The list filters from the query string; anything unknown is ignored rather than refused. */
export const listFilterSchema = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  sector: z.enum(SECTORS).optional().catch(undefined),
  organisatie: z
    .string()
    .trim()
    .max(64)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  pagina: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  formaat: z.enum(['csv', 'xlsx']).optional().catch(undefined),
})

export function parseListFilter(url: URL) {
  return listFilterSchema.parse(Object.fromEntries(url.searchParams))
}

/** The list's query string with the export format added (and the page left out). */
export function exportQuery(params: URLSearchParams, format: 'csv' | 'xlsx') {
  const copy = new URLSearchParams(params)
  copy.delete('pagina')
  copy.set('formaat', format)
  return copy.toString()
}
