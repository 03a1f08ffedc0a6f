// The registrations list as a file (CSV or XLSX), with the list's filters. Dietary and accessibility needs
// only for roles that may read them; every export is audited.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { dictionary } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { parseRegistrationFilter } from '~/domain/registration-admin'
import { exportRegistrations } from '~/models/registration-admin.server'
import { registrationsFile } from '~/routes-support/exports.server'
import { can, requirePermission } from '~/utils/permissions.server'

const formatSchema = z.enum(['csv', 'xlsx'])

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read')
  const search = new URL(request.url).searchParams
  const format = formatSchema.safeParse(search.get('formaat'))
  const lang = await getLang(request)
  if (!format.success) throw new Response(dictionary(lang).registrationsAdmin.exports.badFormat, { status: 400 })
  const sensitive = can(user, 'read-sensitive')
  const exported = await exportRegistrations({
    eventId: params.id ?? '',
    filter: parseRegistrationFilter(search),
    format: format.data,
    sensitive,
    actorUserId: user.id,
  })
  if (!exported) throw new Response('Not found', { status: 404 })
  return registrationsFile(exported, format.data, dictionary(lang), { sensitive, lang })
}
