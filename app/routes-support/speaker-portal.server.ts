// The HTTP side of the speaker's portal (/spreker/...), shared by its pages: the link session with the
// speaker's language (the link's own cookie), the actor behind it, and reading the profile form (multipart with a photo).
import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, MaxPartSizeExceededError } from '@remix-run/node'
import { profileSchema } from '~/domain/speaker-portal'
import type { Dictionary } from '~/i18n/nl'
import { MAX_PHOTO_BYTES } from '~/models/photo.server'
import { readFormWithFile } from './upload-form.server'
import { portalActor, updateSpeakerProfile, type PortalActor } from '~/models/speaker-portal.server'
import { linkProblemResponse, PRIVATE_HEADERS, requireLinkSession, type LinkSession } from '~/utils/link-session.server'

/** The session and the actor (speaker or delegate) behind a portal page, or a thrown 401/404/410. */
export async function requireSpeakerActor(
  request: Request,
  param: string,
): Promise<{ session: LinkSession; actor: PortalActor }> {
  // The link opens in the speaker's language through the link's own language cookie (startLinkSession), as
  // every personal link does: the visitor's site-wide choice (`bijeen_lang`) is left alone and still wins.
  const session = await requireLinkSession(request, 'speaker', param)
  const actor = await portalActor(session)
  if (!actor) throw linkProblemResponse('unknown')
  return { session, actor }
}

/**
 * Reads and saves the profile form: multipart with an optional photo under the speaker form's rules (5 MB,
 * refused while it streams in; JPEG, PNG or WebP that decodes, re-encoded). Saved, or the answer to send.
 */
export async function handleProfileForm(request: Request, actor: PortalActor, t: Dictionary) {
  const e = t.speakerPortal.errors
  const answer = (body: { result: SubmissionResult<string[]> | null; photoError: string | null }, status: number) => ({
    kind: 'response' as const,
    response: data(body, { status, headers: PRIVATE_HEADERS }),
  })
  let formData: FormData
  try {
    formData = await readFormWithFile(request, MAX_PHOTO_BYTES)
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return answer({ result: null, photoError: e.photoTooLarge }, 413)
    throw error
  }
  const file = formData.get('photo')
  formData.delete('photo')
  const submission = parseWithZod(formData, { schema: profileSchema(e) })
  if (submission.status !== 'success') return answer({ result: submission.reply(), photoError: null }, 400)
  const photo =
    file instanceof File && file.size > 0
      ? { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type, name: file.name }
      : null
  const outcome = await updateSpeakerProfile(actor, submission.value, photo)
  if (outcome.kind === 'not-found') throw linkProblemResponse('unknown')
  if (outcome.kind === 'photo') {
    const message = {
      'too-large': e.photoTooLarge,
      'not-an-image': e.photoNotImage,
      'unsupported-type': e.photoType,
      'too-small': e.photoTooSmall,
    }[outcome.reason]
    return answer({ result: submission.reply(), photoError: message }, outcome.reason === 'too-large' ? 413 : 415)
  }
  return { kind: 'saved' as const }
}
