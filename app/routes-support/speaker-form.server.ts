// Reading the speaker form: multipart with an optional photo of at most 5 MB.
import { parseWithZod } from '@conform-to/zod'
import { data, MaxPartSizeExceededError } from '@remix-run/node'
import { speakerSchema } from '~/domain/speaker-schema'
import type { Dictionary } from '~/i18n/nl'
import { MAX_PHOTO_BYTES } from '~/models/photo.server'
import { readFormWithFile } from './upload-form.server'
import { saveSpeaker } from '~/models/speaker.server'

export async function handleSpeakerForm(
  request: Request,
  speakerId: string | null,
  t: Dictionary,
  actorUserId: string,
) {
  const e = t.speakersAdmin.errors
  let formData: FormData
  try {
    formData = await readFormWithFile(request, MAX_PHOTO_BYTES)
  } catch (error) {
    // The file is refused while it streams in: nothing is stored, and the form says why.
    if (error instanceof MaxPartSizeExceededError)
      return {
        kind: 'response' as const,
        response: data({ result: null, photoError: e.photoTooLarge }, { status: 413 }),
      }
    throw error
  }
  const file = formData.get('photo')
  formData.delete('photo')
  const submission = parseWithZod(formData, { schema: speakerSchema(e) })
  if (submission.status !== 'success')
    return {
      kind: 'response' as const,
      response: data({ result: submission.reply(), photoError: null }, { status: 400 }),
    }
  const photo =
    file instanceof File && file.size > 0
      ? { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type, name: file.name }
      : null
  const outcome = await saveSpeaker(speakerId, submission.value, photo, actorUserId)
  if (outcome.kind === 'not-found') throw new Response('Not found', { status: 404 })
  if (outcome.kind === 'invalid') {
    return {
      kind: 'response' as const,
      response: data(
        { result: submission.reply({ fieldErrors: { organisationId: [e.organisationUnknown] } }), photoError: null },
        { status: 400 },
      ),
    }
  }
  if (outcome.kind === 'photo') {
    const message = {
      'too-large': e.photoTooLarge,
      'not-an-image': e.photoNotImage,
      'unsupported-type': e.photoType,
      'too-small': e.photoTooSmall,
    }[outcome.reason]
    return {
      kind: 'response' as const,
      response: data(
        { result: submission.reply(), photoError: message },
        { status: outcome.reason === 'too-large' ? 413 : 415 },
      ),
    }
  }
  return { kind: 'saved' as const, id: outcome.id }
}
