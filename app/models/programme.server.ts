import { db } from '~/utils/db.server'

/** The programme whose name the shell shows: the first by order (a deployment serves one programme). */
export function getShellProgramme() {
  return db.programme.findFirst({
    orderBy: [{ order: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, slug: true, name: true, nameEn: true },
  })
}
