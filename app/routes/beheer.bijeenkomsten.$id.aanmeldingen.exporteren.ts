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
  if (!format.success) throw new Response('Onbekend bestandsformaat: kies csv of xlsx.', { status: 400 })
  const lang = await getLang(request)
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
  return new Response(file.body, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      // Personal data: never kept by a browser or proxy cache.
      'Cache-Control': 'no-store',
    },
  })
}
