// Forms with an optional file (a speaker's photo). The page posts multipart, but a client may leave the file
// out and post the fields urlencoded; Remix's multipart parser throws on that, which was a 500 (issue 15's
// role × route matrix found it). Either is read as a form; a body of another type never gets this far
// (app/server/request-guard.ts answers 415).
import { unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from '@remix-run/node'

export async function readFormWithFile(request: Request, maxPartSize: number): Promise<FormData> {
  const type = request.headers.get('content-type')?.toLowerCase() ?? ''
  if (type.startsWith('multipart/form-data')) {
    return unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize }))
  }
  if (type.startsWith('application/x-www-form-urlencoded')) return request.formData()
  // An empty body without a content type (the guard lets those through): a form without fields.
  return new FormData()
}
