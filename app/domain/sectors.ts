// Organisation sectors: the values of the Prisma enum Sector, in the order the secretariat sees them. The one
// list used by forms, filters, invitations and exports; the labels are `sectors` in app/i18n/nl.ts and en.ts.
export const SECTORS = [
  'rijksoverheid',
  'gemeente',
  'politie_om',
  'zorg',
  'ngo',
  'onderwijs',
  'internationaal',
  'overig',
] as const
export type SectorKey = (typeof SECTORS)[number]
