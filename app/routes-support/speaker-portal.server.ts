// The HTTP side of the speaker's portal (/spreker/...), shared by its pages: the link session with the
// speaker's language, the actor behind it, and reading the profile form (multipart with a photo).
import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node'
import { profileSchema } from '~/domain/speaker-portal'
import type { Dictionary } from '~/i18n/nl'
import { langCookie } from '~/i18n/lang.server'
import { MAX_PHOTO_BYTES } from '~/models/photo.server'
import { portalActor, updateSpeakerProfile, type PortalActor } from '~/models/speaker-portal.server'
import { db } from '~/utils/db.server'
import {
  linkProblemResponse,
  looksLikeToken,
  PRIVATE_HEADERS,
  requireLinkSession,
  resolvePersonalLink,
  type LinkSession,
} from '~/utils/link-session.server'

/**
 * The link session behind `/spreker/<param>`, as for every personal link, plus one thing: when the mail's
 * token is traded for the cookie, the portal opens in the speaker's own language. The language switch in
 * the header still works afterwards: it sets the same cookie.
 */
async function requireSpeakerSession(request: Request, param: string): Promise<LinkSession> {
  if (!looksLikeToken(param) || request.method !== 'GET') return requireLinkSession(request, 'speaker', param)
  const link = await resolvePersonalLink('speaker', param)
  const speaker = link.ok
    ? await db.speaker.findUnique({ where: { id: link.subjectId }, select: { language: true } })
    : null
  try {
    return await requireLinkSession(request, 'speaker', param)
  } catch (thrown) {
    // The 303 that carries the link cookie carries the speaker's language too.
    if (speaker && thrown instanceof Response && thrown.status === 303) {
      thrown.headers.append('Set-Cookie', await langCookie.serialize(speaker.language))
    }
    throw thrown
  }
}

/** The session and the actor (speaker or delegate) behind a portal page, or a thrown 401/404/410. */
export async function requireSpeakerActor(
  request: Request,
  param: string,
): Promise<{ session: LinkSession; actor: PortalActor }> {
  const session = await requireSpeakerSession(request, param)
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
    formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_PHOTO_BYTES }),
    )
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
