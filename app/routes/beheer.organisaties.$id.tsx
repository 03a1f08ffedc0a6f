import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'

import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { OrganisationForm, DeleteSection, SavedNotice } from '~/components/partner-forms'
import { metaTitle, useT } from '~/i18n'
import { getOrganisation } from '~/models/partners.server'
import { handleOrganisationDelete, handleOrganisationForm, saveOrDelete } from '~/routes-support/partners-form.server'
import { takeNotice } from '~/utils/flash.server'
import { requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  metaTitle(matches, (t) => (data ? t.partners.organisations.editTitle(data.name) : t.partners.organisations.title))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const organisation = await getOrganisation(params.id ?? '')
  if (!organisation) throw new Response('Not found', { status: 404 })
  return {
    notice: await takeNotice(user, request),
    id: organisation.id,
    name: organisation.name,
    contacts: organisation._count.contacts,
    defaults: {
      name: organisation.name,
      shortName: organisation.shortName ?? '',
      sector: organisation.sector,
      seatQuota: organisation.seatQuota === null ? '' : String(organisation.seatQuota),
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  return saveOrDelete(request, params.id ?? '', '/beheer/organisaties', {
    save: handleOrganisationForm,
    remove: handleOrganisationDelete,
  })
}

export default function EditOrganisation() {
  const t = useT()
  const o = t.partners.organisations
  const { id, name, contacts, defaults, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const deleteError = actionData && 'deleteError' in actionData ? actionData.deleteError : null
  return (
    <>
      <p>
        <Link to="/beheer/organisaties">{o.title}</Link>
      </p>
      {notice?.name === 'saved' ? <SavedNotice /> : null}
      <h1>{o.editTitle(name)}</h1>
      <p>
        <Link to={`/beheer/contacten?organisatie=${id}`}>
          {o.viewContacts} ({o.contactsOf(contacts)})
        </Link>
      </p>
      <OrganisationForm
        lastResult={actionData && 'result' in actionData ? actionData.result : null}
        defaults={defaults}
      />
      <DeleteSection title={o.deleteTitle} hint={o.deleteHint} error={deleteError} />
    </>
  )
}
