import type { LoaderFunctionArgs } from '@remix-run/node'
import { photoResponseHeaders, readSpeakerPhoto } from '~/models/photo.server'

// Stored photos are re-encoded JPEGs under generated names; served with nosniff.
export async function loader({ params }: LoaderFunctionArgs) {
  const photo = await readSpeakerPhoto(`speakers/${params.file ?? ''}`)
  if (!photo) throw new Response('Not found', { status: 404 })
  return new Response(new Uint8Array(photo), { headers: photoResponseHeaders() })
}
