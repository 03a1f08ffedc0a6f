// The registrations list as a file (CSV or XLSX), with the list's filters. Dietary and accessibility needs
// only for roles that may read them; every export is audited.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { dictionary } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { parseRegistrationFilter } from '~/domain/registration-admin'
import { exportRegistrations } from '~/models/registration-admin.server'
import { can, requirePermission } from '~/utils/permissions.server'

const formatSchema = z.enum(['csv', 'xlsx'])

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read')
  const search = new URL(request.url).searchParams
  const format = formatSchema.safeParse(search.get('formaat'))
  const lang = await getLang(request)
  if (!format.success) throw new Response(dictionary(lang).registrationsAdmin.exports.badFormat, { status: 400 })
  const file = await exportRegistrations({
    eventId: params.id ?? '',
    filter: parseRegistrationFilter(search),
    format: format.data,
    sensitive: can(user, 'read-sensitive'),
    t: dictionary(lang),
    lang,
    actorUserId: user.id,
  })
  if (!file) throw new Response('Not found', { status: 404 })
  return file
}
