// Notices after a save ("De organisatie is opgeslagen.") travel in the secretariat's session, not in the
// address: the page the action sent the browser to shows it once, another page or another session does not
// take it, and a broken value shows nothing. Through the real route actions and loaders.
import { beforeAll, describe, expect, test } from 'vitest'
import { loader as organisationLoader } from '~/routes/beheer.organisaties.$id'
import { action as editOrganisationAction } from '~/routes/beheer.organisaties.$id'
import { loader as organisationsLoader } from '~/routes/beheer.organisaties._index'
import { action as newOrganisationAction } from '~/routes/beheer.organisaties.nieuw'
import { action as loginAction } from '~/routes/inloggen'
import { db } from '~/utils/db.server'
import { createUser } from '../factories.ts'
import { callRoute, cookieFrom, formRequest, getRequest } from '../support/remix.ts'

let user: { email: string }
let password: string
let cookie: string

async function signIn(ip: string) {
  return cookieFrom(
    await callRoute(
      loginAction,
      formRequest('/inloggen', { email: user.email, password }, { 'x-bijeen-client-ip': ip }),
    ),
  )
}

beforeAll(async () => {
  const created = await createUser(db, { role: 'organiser' })
  user = created.user
  password = created.password
  cookie = await signIn('10.7.0.1')
})

const notice = (result: { data: unknown }) => (result.data as { notice: unknown }).notice
const organisationPage = (path: string, id: string, as = cookie) =>
  callRoute(organisationLoader, getRequest(path, { cookie: as }), { id })

async function newOrganisation(name: string) {
  const saved = await callRoute(
    newOrganisationAction,
    formRequest('/beheer/organisaties/nieuw', { name, sector: 'gemeente', seatQuota: '' }, { cookie }),
  )
  expect(saved.status).toBe(302)
  const path = saved.location!
  expect(path).toMatch(/^\/beheer\/organisaties\/[^/?#]+$/)
  return { path, id: path.split('/').pop()! }
}

describe('notices in the session', () => {
  test('the page the action sent the browser to shows the notice once; the address carries none', async () => {
    const { path, id } = await newOrganisation('Gemeente Zwolle')
    expect(notice(await organisationPage(path, id))).toEqual({ name: 'saved', value: null })
    // A reload, or coming back later, shows nothing.
    expect(notice(await organisationPage(path, id))).toBeNull()
  })

  test('another page does not take it, and another session of the same person never sees it', async () => {
    const other = await signIn('10.7.0.2')
    const { path, id } = await newOrganisation('Gemeente Deventer')
    const list = await callRoute(organisationsLoader, getRequest('/beheer/organisaties', { cookie }))
    expect(notice(list)).toBeNull()
    expect(notice(await organisationPage(path, id, other))).toBeNull()
    expect(notice(await organisationPage(path, id))).toEqual({ name: 'saved', value: null })
  })

  test('a delete sends its notice to the list', async () => {
    const { id } = await newOrganisation('Gemeente Kampen')
    await organisationPage(`/beheer/organisaties/${id}`, id)
    const deleted = await callRoute(
      editOrganisationAction,
      formRequest(`/beheer/organisaties/${id}`, { intent: 'delete' }, { cookie }),
      { id },
    )
    expect(deleted.location).toBe('/beheer/organisaties')
    const list = await callRoute(organisationsLoader, getRequest('/beheer/organisaties', { cookie }))
    expect(notice(list)).toEqual({ name: 'deleted', value: null })
  })

  test('a value that is not a notice is cleared and shows nothing', async () => {
    const { path, id } = await newOrganisation('Gemeente Hattem')
    const session = await db.session.findFirstOrThrow({
      where: { user: { email: user.email }, flash: { not: null } },
    })
    await db.session.update({ where: { id: session.id }, data: { flash: '{"path":' } })
    expect(notice(await organisationPage(path, id))).toBeNull()
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).flash).toBeNull()
  })
})
