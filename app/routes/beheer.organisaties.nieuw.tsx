import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'

import { Link, useActionData } from '@remix-run/react'
import { OrganisationForm } from '~/components/partner-forms'
import { dictionary, metaTitle, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { handleOrganisationForm } from '~/routes-support/partners-form.server'
import { redirectWithNotice } from '~/utils/flash.server'
import { requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.partners.organisations.newTitle)

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'edit')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const outcome = await handleOrganisationForm(
    await request.formData(),
    null,
    dictionary(await getLang(request)),
    user.id,
  )
  if (outcome.kind === 'response') return outcome.response
  return redirectWithNotice(user, `/beheer/organisaties/${outcome.id}`, 'saved')
}

export default function NewOrganisation() {
  const t = useT()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to="/beheer/organisaties">{t.partners.organisations.title}</Link>
      </p>
      <h1>{t.partners.organisations.newTitle}</h1>
      <OrganisationForm lastResult={actionData?.result} defaults={{ sector: 'overig' }} />
    </>
  )
}
