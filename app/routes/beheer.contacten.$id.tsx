import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'

import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ContactForm } from '~/components/partner-forms'
import { dictionary, metaTitle, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { handleContactDelete, handleContactForm, intentOf } from '~/routes-support/partners-form.server'
import { getContact, organisationChoices } from '~/models/partners.server'
import { redirectWithNotice, takeNotice } from '~/utils/flash.server'
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
  const user = await requirePermission(request, 'edit')
  const id = params.id ?? ''
  const form = await request.formData()
  const t = dictionary(await getLang(request))
  if (intentOf(form) === 'delete') {
    const outcome = await handleContactDelete(id, t, user.id)
    if (outcome.kind === 'response') return outcome.response
    return redirectWithNotice(user, '/beheer/contacten', 'deleted')
  }
  const outcome = await handleContactForm(form, id, t, user.id)
  if (outcome.kind === 'response') return outcome.response
  return redirectWithNotice(user, `/beheer/contacten/${outcome.id}`, 'saved')
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
      {notice?.name === 'saved' ? (
        <p role="status" className="notice">
          {t.partners.saved}
        </p>
      ) : null}
      <h1>{c.editTitle(name)}</h1>
      <ContactForm
        lastResult={actionData && 'result' in actionData ? actionData.result : null}
        organisations={organisations}
        defaults={defaults}
      />
      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">{c.deleteTitle}</h2>
        <p>{c.deleteHint}</p>
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
