// Every change by staff or through a personal link is recorded. Structurally: each model function that a route,
// a route's support module or the server calls (an entry point) and that writes to the database, itself or
// through what it calls, must reach audit(). A new mutating model function without an audit entry fails here.
import { describe, expect, test } from 'vitest'
import { AUDIT_ACTIONS, AUDIT_ENTITIES, unsafeDetail } from '~/domain/audit'
import { auditEn, auditNl } from '~/i18n/areas/audit'
import { callGraph, entryPoints, reaches, writesOf } from '../support/audit-coverage.ts'

// Writes that are not a change by a person: each with the reason.
const NOT_AUDITED: Record<string, string> = {
  // A secret that is not in use until it is confirmed; turning 2FA on is audited as two-factor.enabled.
  'app/models/two-factor.server.ts#startEnrolment': 'pending secret only',
}

describe('audit coverage', () => {
  const graph = callGraph()
  const writers = entryPoints(graph).filter((id) => writesOf(graph, id).length > 0)

  test('the analysis sees the writes: the known mutating entry points are among them', () => {
    expect(writers.length).toBeGreaterThan(60)
    for (const known of [
      'app/models/registration.server.ts#register',
      'app/models/invitation-response.server.ts#declineInvitation',
      'app/models/registration-manage.server.ts#cancelOwnRegistration',
      'app/models/registration-manage.server.ts#updateRegistrationDetails',
      'app/models/speaker-portal.server.ts#respondToParticipation',
      'app/models/speaker-portal.server.ts#updateSpeakerProfile',
      'app/models/speaker-portal.server.ts#submitStatement',
      'app/models/speaker-portal.server.ts#authoriseStatement',
      'app/models/speaker-portal.server.ts#withdrawStatement',
      'app/models/report.server.ts#publishReport',
      'app/models/report-mail.server.ts#mailReport',
      'app/models/contact-import.server.ts#startImport',
      'app/models/invitation-send.server.ts#sendInvitations',
      'app/models/mailbox.server.ts#sendTestMail',
    ]) {
      expect(writers, known).toContain(known)
    }
  })

  test('every mutating entry point reaches audit()', () => {
    const missing = writers
      .filter((id) => !(id in NOT_AUDITED))
      .filter((id) => !reaches(graph, id, (fn) => fn.audits))
      .map((id) => `${id}: ${[...new Set(writesOf(graph, id))].slice(0, 3).join(', ')}`)
    expect(missing).toEqual([])
  })

  test('the exceptions are still entry points that write (no stale entries)', () => {
    for (const id of Object.keys(NOT_AUDITED)) expect(writers).toContain(id)
  })
})

describe('audit details', () => {
  test('ids, counts, flags, field names and codes pass', () => {
    expect(
      unsafeDetail({
        eventId: 'cm4abc123',
        count: 3,
        ok: true,
        none: null,
        fields: ['firstName', 'email'],
        embargoUntil: '2026-12-04T10:00:00.000Z',
        status: 'pending_approval',
      }),
    ).toBeNull()
  })

  test('an address, a name or free text is refused, wherever it is', () => {
    expect(unsafeDetail({ to: 'eva@example.org' })).toBe('details.to')
    expect(unsafeDetail({ name: 'Eva Smit' })).toBe('details.name')
    expect(unsafeDetail({ nested: { list: ['ok', 'Ik kan niet komen, sorry'] } })).toBe('details.nested.list[1]')
    expect(unsafeDetail({ 'eva@example.org': 1 })).toBe('details.<key>')
    expect(unsafeDetail({ long: 'x'.repeat(101) })).toBe('details.long')
  })
})

test('every action and entity has a label in Dutch and English, and no label is left over', () => {
  for (const action of AUDIT_ACTIONS) {
    expect(auditNl.actions[action], action).toBeTruthy()
    expect(auditEn.actions[action], action).toBeTruthy()
  }
  for (const entity of AUDIT_ENTITIES) {
    expect(auditNl.entities[entity], entity).toBeTruthy()
    expect(auditEn.entities[entity], entity).toBeTruthy()
  }
  expect(Object.keys(auditNl.actions).sort()).toEqual([...AUDIT_ACTIONS].sort())
  expect(Object.keys(auditEn.actions).sort()).toEqual([...AUDIT_ACTIONS].sort())
  expect(Object.keys(auditNl.entities).sort()).toEqual([...AUDIT_ENTITIES].sort())
})
