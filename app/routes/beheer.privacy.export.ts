// The art. 15 export as a download (a resource route: a page route's action would render its page instead of
// handing the file over). POST only, so the address never stands in a URL; administrators only.
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { personLookupSchema } from '~/domain/privacy-schema'
import { dictionary } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { personalData, recordExport } from '~/models/privacy.server'
import { personalDataHtml, personalDataJson } from '~/routes-support/privacy-export.server'
import { requireUserWithRole } from '~/utils/permissions.server'

// Opening the address goes to the page with the form (after the same check as the download).
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithRole(request, 'admin')
  return redirect('/beheer/privacy')
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithRole(request, 'admin')
  const lang = await getLang(request)
  const t = dictionary(lang)
  const formData = await request.formData()
  const format = formData.get('format')
  if (format !== 'json' && format !== 'html') throw new Response('Bad request', { status: 400 })
  const submission = parseWithZod(formData, { schema: personLookupSchema(t.privacy.admin.emailInvalid) })
  if (submission.status !== 'success') throw new Response('Bad request', { status: 400 })
  const found = await personalData(submission.value.email)
  await recordExport(user.id, format)
  return format === 'json' ? personalDataJson(found) : personalDataHtml(found, t, lang)
}
