import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'

import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { OrganisationForm } from '~/components/partner-forms'
import { dictionary, metaTitle, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { getOrganisation } from '~/models/partners.server'
import { handleOrganisationDelete, handleOrganisationForm, intentOf } from '~/routes-support/partners-form.server'
import { redirectWithNotice, takeNotice } from '~/utils/flash.server'
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
  const user = await requirePermission(request, 'edit')
  const id = params.id ?? ''
  const form = await request.formData()
  const t = dictionary(await getLang(request))
  if (intentOf(form) === 'delete') {
    const outcome = await handleOrganisationDelete(id, t, user.id)
    if (outcome.kind === 'response') return outcome.response
    return redirectWithNotice(user, '/beheer/organisaties', 'deleted')
  }
  const outcome = await handleOrganisationForm(form, id, t, user.id)
  if (outcome.kind === 'response') return outcome.response
  return redirectWithNotice(user, `/beheer/organisaties/${outcome.id}`, 'saved')
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
      {notice?.name === 'saved' ? (
        <p role="status" className="notice">
          {t.partners.saved}
        </p>
      ) : null}
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
      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">{o.deleteTitle}</h2>
        <p>{o.deleteHint}</p>
        {deleteError ? (
          <p className="notice notice--error" role="alert">
            {deleteError}
          </p>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <button type="submit" className="button button--secondary">
            {t.partners.delete}
          </button>
        </Form>
      </section>
    </>
  )
}
