// Programmes and their action lines, as the secretariat manages them.
import { freeSlug, slugify } from '~/domain/event-schema'
import { reordered } from '~/domain/ordering'
import { db } from '~/utils/db.server'
import { audit } from './audit.server'

export function listProgrammesForAdmin() {
  return db.programme.findMany({
    orderBy: [{ order: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, name: true, slug: true, _count: { select: { events: true, actionLines: true } } },
  })
}

export function getProgrammeForAdmin(id: string) {
  return db.programme.findUnique({
    where: { id },
    include: { actionLines: { orderBy: [{ order: 'asc' }, { code: 'asc' }] } },
  })
}

type ProgrammeInput = { name: string; nameEn: string; description: string; descriptionEn: string }

export async function createProgramme(input: ProgrammeInput, actorUserId: string) {
  const base = slugify(input.name)
  const taken = await db.programme.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })
  const slug = freeSlug(base, new Set(taken.map((p) => p.slug)))
  const last = await db.programme.aggregate({ _max: { order: true } })
  const programme = await db.programme.create({
    data: {
      slug,
      name: input.name,
      nameEn: input.nameEn || null,
      description: input.description,
      descriptionEn: input.descriptionEn || null,
      order: (last._max.order ?? -1) + 1,
    },
  })
  await audit({ actorUserId, action: 'programme.created', entity: 'Programme', entityId: programme.id })
  return programme
}

export async function updateProgramme(id: string, input: ProgrammeInput, actorUserId: string) {
  const result = await db.programme.updateMany({
    where: { id },
    data: {
      name: input.name,
      nameEn: input.nameEn || null,
      description: input.description,
      descriptionEn: input.descriptionEn || null,
    },
  })
  if (result.count) await audit({ actorUserId, action: 'programme.updated', entity: 'Programme', entityId: id })
  return result.count === 1
}

export async function moveProgramme(id: string, direction: 'up' | 'down', actorUserId: string) {
  const ids = reordered(
    (await listProgrammesForAdmin()).map((r) => r.id),
    id,
    direction,
  )
  if (!ids) return false
  await db.$transaction([
    ...ids.map((rowId, order) => db.programme.update({ where: { id: rowId }, data: { order } })),
    audit({ actorUserId, action: 'programme.moved', entity: 'Programme', entityId: id }),
  ])
  return true
}

export async function moveActionLine(
  programmeId: string,
  lineId: string,
  direction: 'up' | 'down',
  actorUserId: string,
) {
  const lines = await db.actionLine.findMany({
    where: { programmeId },
    orderBy: [{ order: 'asc' }, { code: 'asc' }],
    select: { id: true },
  })
  const ids = reordered(
    lines.map((l) => l.id),
    lineId,
    direction,
  )
  if (!ids) return false
  await db.$transaction([
    ...ids.map((rowId, order) => db.actionLine.update({ where: { id: rowId }, data: { order } })),
    audit({
      actorUserId,
      action: 'action-line.moved',
      entity: 'Programme',
      entityId: programmeId,
      details: { lineId },
    }),
  ])
  return true
}

type LineInput = { code: string; title: string; titleEn: string }

/** Creates or updates an action line; a code is unique within its programme. */
export async function saveActionLine(
  programmeId: string,
  lineId: string | null,
  input: LineInput,
  actorUserId: string,
) {
  const clash = await db.actionLine.findFirst({
    where: { programmeId, code: input.code, NOT: lineId ? { id: lineId } : undefined },
    select: { id: true },
  })
  if (clash) return { kind: 'code-taken' as const }
  if (lineId) {
    const result = await db.actionLine.updateMany({
      where: { id: lineId, programmeId },
      data: { code: input.code, title: input.title, titleEn: input.titleEn || null },
    })
    if (!result.count) return { kind: 'not-found' as const }
  } else {
    if (!(await db.programme.findUnique({ where: { id: programmeId }, select: { id: true } })))
      return { kind: 'not-found' as const }
    const last = await db.actionLine.aggregate({ where: { programmeId }, _max: { order: true } })
    await db.actionLine.create({
      data: {
        programmeId,
        code: input.code,
        title: input.title,
        titleEn: input.titleEn || null,
        order: (last._max.order ?? -1) + 1,
      },
    })
  }
  await audit({ actorUserId, action: 'action-line.saved', entity: 'Programme', entityId: programmeId })
  return { kind: 'saved' as const }
}
