import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'

import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { ContactForm, DeleteSection, SavedNotice } from '~/components/partner-forms'
import { metaTitle, useT } from '~/i18n'
import { handleContactDelete, handleContactForm, saveOrDelete } from '~/routes-support/partners-form.server'
import { getContact, organisationChoices } from '~/models/partners.server'
import { takeNotice } from '~/utils/flash.server'
import { requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  metaTitle(matches, (t) => (data ? t.partners.contacts.editTitle(data.name) : t.partners.contacts.title))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const [contact, organisations] = await Promise.all([getContact(params.id ?? ''), organisationChoices()])
  if (!contact) throw new Response('Not found', { status: 404 })
  return {
    notice: await takeNotice(user, request),
    name: contact.name,
    organisations,
    defaults: {
      name: contact.name,
      email: contact.email,
      function: contact.function,
      language: contact.language,
      organisationId: contact.organisationId,
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  return saveOrDelete(request, params.id ?? '', '/beheer/contacten', {
    save: handleContactForm,
    remove: handleContactDelete,
  })
}

export default function EditContact() {
  const t = useT()
  const c = t.partners.contacts
  const { name, organisations, defaults, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const deleteError = actionData && 'deleteError' in actionData ? actionData.deleteError : null
  return (
    <>
      <p>
        <Link to="/beheer/contacten">{c.title}</Link>
      </p>
      {notice?.name === 'saved' ? <SavedNotice /> : null}
      <h1>{c.editTitle(name)}</h1>
      <ContactForm
        lastResult={actionData && 'result' in actionData ? actionData.result : null}
        organisations={organisations}
        defaults={defaults}
      />
      <DeleteSection title={c.deleteTitle} hint={c.deleteHint} error={deleteError} />
    </>
  )
}
