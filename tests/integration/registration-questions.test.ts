// The secretariat's editor for an event's own registration questions, through the real route: add, edit,
// reorder, delete, validation, answers kept, and viewers refused.
import { beforeAll, describe, expect, test } from 'vitest'
import { action, loader } from '~/routes/beheer.bijeenkomsten.$id.vragen'
import { action as loginAction } from '~/routes/inloggen'
import { db } from '~/utils/db.server'
import { createEvent, createProgramme, createUser } from '../factories.ts'
import { callRoute, cookieFrom, formRequest, getRequest } from '../support/remix.ts'

let organiserCookie: string
let viewerCookie: string
let programmeId: string

async function cookieFor(role: 'organiser' | 'viewer') {
  const { user, password } = await createUser(db, { role })
  return cookieFrom(
    await callRoute(
      loginAction,
      formRequest('/inloggen', { email: user.email, password }, { 'x-bijeen-client-ip': `10.31.0.${role.length}` }),
    ),
  )
}

beforeAll(async () => {
  organiserCookie = await cookieFor('organiser')
  viewerCookie = await cookieFor('viewer')
  programmeId = (await createProgramme(db)).id
})

const url = (eventId: string) => `/beheer/bijeenkomsten/${eventId}/vragen`
const post = (eventId: string, fields: Record<string, string>, cookie = organiserCookie) =>
  callRoute(action, formRequest(url(eventId), fields, { cookie }), { id: eventId })
const questions = (eventId: string) =>
  db.registrationQuestion.findMany({ where: { eventId }, orderBy: { order: 'asc' } })

describe('registration questions editor', () => {
  test('add, edit, reorder and delete', async () => {
    const event = await createEvent(db, programmeId)
    const added = await post(event.id, { intent: 'save', label: 'Welke workshop?', type: 'choice', options: 'A\nB' })
    expect(added.status).toBe(302)
    await post(event.id, {
      intent: 'save',
      label: 'Blijft u lunchen?',
      labelEn: 'Staying for lunch?',
      type: 'yes_no',
      required: 'on',
    })
    let stored = await questions(event.id)
    expect(stored.map((q) => [q.label, q.type, q.options, q.required, q.order])).toEqual([
      ['Welke workshop?', 'choice', ['A', 'B'], false, 0],
      ['Blijft u lunchen?', 'yes_no', [], true, 1],
    ])
    expect(stored[1]!.labelEn).toBe('Staying for lunch?')

    const [choice, yesNo] = stored
    const edited = await post(event.id, {
      intent: 'save',
      questionId: choice!.id,
      label: 'Welke workshop kiest u?',
      type: 'choice',
      options: 'Preventie\nOpsporing\nZorg',
    })
    expect(edited.status).toBe(302)
    expect((await questions(event.id))[0]).toMatchObject({
      label: 'Welke workshop kiest u?',
      options: ['Preventie', 'Opsporing', 'Zorg'],
    })

    expect((await post(event.id, { intent: 'move', questionId: yesNo!.id, direction: 'up' })).status).toBe(302)
    stored = await questions(event.id)
    expect(stored.map((q) => q.id)).toEqual([yesNo!.id, choice!.id])

    const page = await callRoute(
      loader,
      getRequest(`${url(event.id)}?vraag=${choice!.id}`, { cookie: organiserCookie }),
      {
        id: event.id,
      },
    )
    expect(page.status).toBe(200)
    expect((page.data as { editing: { id: string } }).editing.id).toBe(choice!.id)

    expect((await post(event.id, { intent: 'delete', questionId: yesNo!.id })).status).toBe(302)
    expect((await questions(event.id)).map((q) => q.id)).toEqual([choice!.id])
    // Created, moved, deleted.
    expect(await db.auditEntry.count({ where: { entity: 'RegistrationQuestion', entityId: yesNo!.id } })).toBe(3)
  })

  test('a question with answers: the editor warns, and changing or deleting keeps the answers', async () => {
    const event = await createEvent(db, programmeId)
    const q = await db.registrationQuestion.create({ data: { eventId: event.id, label: 'Waarom?', type: 'text' } })
    await db.registration.create({
      data: {
        eventId: event.id,
        name: 'Eva',
        email: 'eva@example.org',
        status: 'confirmed',
        answers: { [q.id]: 'Netwerk' },
      },
    })
    const page = await callRoute(loader, getRequest(url(event.id), { cookie: organiserCookie }), { id: event.id })
    expect((page.data as { questions: Array<{ answered: number }> }).questions[0]!.answered).toBe(1)
    await post(event.id, { intent: 'save', questionId: q.id, label: 'Waarom komt u?', type: 'yes_no' })
    await post(event.id, { intent: 'delete', questionId: q.id })
    const registration = await db.registration.findFirstOrThrow({ where: { eventId: event.id } })
    expect(registration.answers).toEqual({ [q.id]: 'Netwerk' })
  })

  test('validation: 400 with Dutch messages, nothing saved', async () => {
    const event = await createEvent(db, programmeId)
    const noLabel = await post(event.id, { intent: 'save', label: '', type: 'text' })
    expect(noLabel.status).toBe(400)
    expect(noLabel.data).toMatchObject({ result: { error: { label: ['Vul de vraag in.'] } } })
    const oneOption = await post(event.id, { intent: 'save', label: 'Keuze', type: 'choice', options: 'Alleen dit' })
    expect(oneOption.status).toBe(400)
    expect(oneOption.data).toMatchObject({
      result: { error: { options: ['Geef minstens twee antwoorden, elk op een eigen regel.'] } },
    })
    const badType = await post(event.id, { intent: 'save', label: 'X', type: 'datum' })
    expect(badType.status).toBe(400)
    expect(await questions(event.id)).toHaveLength(0)
    // A question of another event is not found here.
    const other = await createEvent(db, programmeId)
    const foreign = await db.registrationQuestion.create({ data: { eventId: other.id, label: 'Elders', type: 'text' } })
    expect(
      (await post(event.id, { intent: 'save', questionId: foreign.id, label: 'Gekaapt', type: 'text' })).status,
    ).toBe(404)
    expect((await post(event.id, { intent: 'delete', questionId: foreign.id })).status).toBe(404)
    expect((await db.registrationQuestion.findUniqueOrThrow({ where: { id: foreign.id } })).label).toBe('Elders')
    expect((await post(event.id, { intent: 'move', questionId: 'x', direction: 'sideways' })).status).toBe(400)
  })

  test('a viewer gets 403 on the page and on every action', async () => {
    const event = await createEvent(db, programmeId)
    const page = await callRoute(loader, getRequest(url(event.id), { cookie: viewerCookie }), { id: event.id })
    expect(page.status).toBe(403)
    const save = await post(event.id, { intent: 'save', label: 'X', type: 'text' }, viewerCookie)
    expect(save.status).toBe(403)
    expect(await questions(event.id)).toHaveLength(0)
  })
})
