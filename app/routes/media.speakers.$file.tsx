import type { LoaderFunctionArgs } from '@remix-run/node'
import { photoResponseHeaders, readSpeakerPhoto, speakerPhotoAudience } from '~/models/photo.server'
import { getSessionUser } from '~/utils/session.server'

// Stored photos are re-encoded JPEGs under generated names; served with nosniff. A photo whose speaker did not
// consent to publishing it is shown to the signed-in secretariat only; to anyone else it does not exist (404).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const key = `speakers/${params.file ?? ''}`
  const audience = await speakerPhotoAudience(key)
  if (!audience || (audience === 'secretariat' && !(await getSessionUser(request)))) {
    throw new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } })
  }
  const photo = await readSpeakerPhoto(key)
  if (!photo) throw new Response('Not found', { status: 404 })
  return new Response(new Uint8Array(photo), { headers: photoResponseHeaders(audience) })
}
