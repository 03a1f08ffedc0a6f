// Speakers, reusable across events, and their photos.
import type { SpeakerValues } from '~/domain/speaker-schema'
import { db } from '~/utils/db.server'
import { audit } from './audit.server'
import { displayName } from './event.server'
import { storeSpeakerPhoto, type PhotoInvalidReason } from './photo.server'

export async function listSpeakers() {
  const speakers = await db.speaker.findMany({
    orderBy: { name: 'asc' },
    select: {
      id: true,
      honorific: true,
      name: true,
      function: true,
      photoPath: true,
      organisation: { select: { name: true } },
    },
  })
  return speakers.map((s) => ({
    id: s.id,
    name: displayName(s),
    function: s.function,
    organisation: s.organisation?.name ?? '',
    hasPhoto: Boolean(s.photoPath),
  }))
}

export function getSpeaker(id: string) {
  return db.speaker.findUnique({ where: { id } })
}

export function organisationChoices() {
  return db.organisation.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } })
}

export type SaveSpeakerOutcome =
  | { kind: 'saved'; id: string }
  | { kind: 'not-found' }
  | { kind: 'invalid'; field: 'organisationId' }
  | { kind: 'photo'; reason: PhotoInvalidReason }

/** Saves a speaker. A photo is checked and re-encoded first: a bad photo saves nothing. */
export async function saveSpeaker(
  id: string | null,
  values: SpeakerValues,
  photo: { bytes: Uint8Array; type: string; name: string } | null,
  actorUserId: string,
): Promise<SaveSpeakerOutcome> {
  if (id && !(await db.speaker.findUnique({ where: { id }, select: { id: true } }))) return { kind: 'not-found' }
  if (
    values.organisationId &&
    !(await db.organisation.findUnique({ where: { id: values.organisationId }, select: { id: true } }))
  ) {
    return { kind: 'invalid', field: 'organisationId' }
  }
  let photoPath: string | null | undefined = values.removePhoto ? null : undefined
  if (photo) {
    const stored = await storeSpeakerPhoto({ bytes: photo.bytes, declaredType: photo.type, fileName: photo.name })
    if (stored.kind === 'invalid') return { kind: 'photo', reason: stored.reason }
    photoPath = stored.path
  }
  const data = {
    honorific: values.honorific,
    name: values.name,
    function: values.function,
    organisationId: values.organisationId || null,
    attribution: values.attribution,
    bio: values.bio,
    email: values.email ?? null,
    language: values.language,
    delegateName: values.delegateName || null,
    delegateEmail: values.delegateEmail ?? null,
    photoCredit: values.photoCredit || null,
    consentPublishName: values.consentPublishName,
    consentPublishPhoto: values.consentPublishPhoto,
    consentPublishQuotes: values.consentPublishQuotes,
    ...(photoPath !== undefined ? { photoPath } : {}),
  }
  const saved = id ? await db.speaker.update({ where: { id }, data }) : await db.speaker.create({ data })
  await audit({
    actorUserId,
    action: id ? 'speaker.updated' : 'speaker.created',
    entity: 'Speaker',
    entityId: saved.id,
    details: { photo: photo ? 'replaced' : values.removePhoto ? 'removed' : 'kept' },
  })
  return { kind: 'saved', id: saved.id }
}
