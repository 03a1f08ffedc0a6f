// Reading the organisation and contact forms: parse with the shared Zod schema, call the model, and turn the
// outcome into a 4xx with a clear message where needed. Nothing typed is lost: the form comes back with the
// values and the errors.
import { parseWithZod } from '@conform-to/zod'
import { data } from '@remix-run/node'
import { contactSchema, organisationSchema } from '~/domain/partners'
import type { Dictionary } from '~/i18n/nl'
import { dictionary } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { deleteContact, deleteOrganisation, saveContact, saveOrganisation } from '~/models/partners.server'
import { redirectWithNotice } from '~/utils/flash.server'
import { requirePermission } from '~/utils/permissions.server'

export const intentOf = (form: FormData) => (form.get('intent') === 'delete' ? 'delete' : 'save')

const reply = <T>(body: T, status: number) => ({ kind: 'response' as const, response: data(body, { status }) })

export async function handleOrganisationForm(form: FormData, id: string | null, t: Dictionary, actorUserId: string) {
  const e = t.partners.organisations.errors
  const submission = parseWithZod(form, { schema: organisationSchema(e) })
  if (submission.status !== 'success') return reply({ result: submission.reply() }, 400)
  const outcome = await saveOrganisation(id, submission.value, actorUserId)
  if (outcome.kind === 'not-found') throw new Response('Not found', { status: 404 })
  if (outcome.kind === 'taken')
    return reply({ result: submission.reply({ fieldErrors: { name: [e.nameTaken] } }) }, 409)
  return { kind: 'saved' as const, id: outcome.id }
}

export async function handleOrganisationDelete(id: string, t: Dictionary, actorUserId: string) {
  const outcome = await deleteOrganisation(id, actorUserId)
  if (outcome.kind === 'not-found') throw new Response('Not found', { status: 404 })
  if (outcome.kind === 'in-use')
    return reply(
      { deleteError: t.partners.organisations.errors.inUse(outcome.contacts, outcome.registrations, outcome.events) },
      409,
    )
  return { kind: 'deleted' as const }
}

export async function handleContactForm(form: FormData, id: string | null, t: Dictionary, actorUserId: string) {
  const e = t.partners.contacts.errors
  const submission = parseWithZod(form, { schema: contactSchema(e) })
  if (submission.status !== 'success') return reply({ result: submission.reply() }, 400)
  const outcome = await saveContact(id, submission.value, actorUserId)
  if (outcome.kind === 'not-found') throw new Response('Not found', { status: 404 })
  if (outcome.kind === 'taken')
    return reply({ result: submission.reply({ fieldErrors: { email: [e.emailTaken] } }) }, 409)
  if (outcome.kind === 'no-organisation')
    return reply({ result: submission.reply({ fieldErrors: { organisationId: [e.organisationRequired] } }) }, 400)
  return { kind: 'saved' as const, id: outcome.id }
}

export async function handleContactDelete(id: string, t: Dictionary, actorUserId: string) {
  const outcome = await deleteContact(id, actorUserId)
  if (outcome.kind === 'not-found') throw new Response('Not found', { status: 404 })
  if (outcome.kind === 'in-use') return reply({ deleteError: t.partners.contacts.errors.inUse }, 409)
  return { kind: 'deleted' as const }
}

type Outcome<T> = { kind: 'response'; response: T } | { kind: 'saved'; id: string } | { kind: 'deleted' }

/**
 * The edit page's action for an organisation or a contact: save the form, or delete on `intent=delete`; back
 * to the list after a delete, to the saved record after a save, with the notice in the session.
 */
export async function saveOrDelete<S, D>(
  request: Request,
  id: string,
  list: string,
  handlers: {
    save: (form: FormData, id: string, t: Dictionary, actorUserId: string) => Promise<Outcome<S>>
    remove: (id: string, t: Dictionary, actorUserId: string) => Promise<Outcome<D>>
  },
) {
  const user = await requirePermission(request, 'edit')
  const form = await request.formData()
  const t = dictionary(await getLang(request))
  const outcome =
    intentOf(form) === 'delete' ? await handlers.remove(id, t, user.id) : await handlers.save(form, id, t, user.id)
  if (outcome.kind === 'response') return outcome.response
  if (outcome.kind === 'deleted') return redirectWithNotice(user, list, 'deleted')
  return redirectWithNotice(user, `${list}/${outcome.id}`, 'saved')
}
