import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'

import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { ContactForm } from '~/components/partner-forms'
import { dictionary, metaTitle, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { handleContactForm } from '~/routes-support/partners-form.server'
import { organisationChoices } from '~/models/partners.server'
import { redirectWithNotice } from '~/utils/flash.server'
import { requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.partners.contacts.newTitle)

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'edit')
  const organisationId = new URL(request.url).searchParams.get('organisatie') ?? ''
  return { organisations: await organisationChoices(), organisationId }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const outcome = await handleContactForm(await request.formData(), null, dictionary(await getLang(request)), user.id)
  if (outcome.kind === 'response') return outcome.response
  return redirectWithNotice(user, `/beheer/contacten/${outcome.id}`, 'saved')
}

export default function NewContact() {
  const t = useT()
  const c = t.partners.contacts
  const { organisations, organisationId } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to="/beheer/contacten">{c.title}</Link>
      </p>
      <h1>{c.newTitle}</h1>
      {organisations.length ? (
        <ContactForm
          lastResult={actionData?.result}
          organisations={organisations}
          defaults={{ language: 'nl', organisationId }}
        />
      ) : (
        <p>
          <Link to="/beheer/organisaties/nieuw">{c.noOrganisations}</Link>
        </p>
      )}
    </>
  )
}
