import { describe, expect, test } from 'vitest'
import {
  awaitsAnswer,
  invitationViewStatus,
  nextSendNumber,
  parseSendKey,
  sendHistories,
  sendKey,
} from '~/domain/invitations'

const at = (s: number) => new Date(Date.UTC(2026, 10, 1, 10, 0, s))

describe('invitation send history', () => {
  test('keys round-trip and other keys are ignored', () => {
    expect(parseSendKey(sendKey('reminder', 'abc', 3))).toEqual({ kind: 'reminder', invitationId: 'abc', n: 3 })
    expect(parseSendKey('event-changed:abc:1:x@example.org')).toBeNull()
    expect(parseSendKey('invitation:abc:')).toBeNull()
  })

  test('the latest send decides between sent and failed; numbers continue per kind', () => {
    const histories = sendHistories([
      { idempotencyKey: 'invitation:a:1', status: 'failed', createdAt: at(1) },
      { idempotencyKey: 'reminder:a:1', status: 'sent', createdAt: at(5) },
      { idempotencyKey: 'invitation:b:1', status: 'sent', createdAt: at(1) },
      { idempotencyKey: 'reminder:b:1', status: 'failed', createdAt: at(1) },
      { idempotencyKey: 'test-1', status: 'failed', createdAt: at(9) },
    ])
    const sent = { status: 'sent', revokedAt: null }
    expect(invitationViewStatus(sent, histories.get('a'))).toBe('sent')
    // Same millisecond: the reminder counts as the later send.
    expect(invitationViewStatus(sent, histories.get('b'))).toBe('failed')
    expect(nextSendNumber(histories.get('a'), 'invitation')).toBe(2)
    expect(nextSendNumber(histories.get('a'), 'reminder')).toBe(2)
    expect(nextSendNumber(undefined, 'invitation')).toBe(1)
  })

  test('revoked, answered and not-yet-sent win over the mail status', () => {
    const failed = sendHistories([{ idempotencyKey: 'invitation:a:1', status: 'failed', createdAt: at(1) }]).get('a')
    expect(invitationViewStatus({ status: 'sent', revokedAt: new Date() }, failed)).toBe('revoked')
    expect(invitationViewStatus({ status: 'registered', revokedAt: null }, failed)).toBe('registered')
    expect(invitationViewStatus({ status: 'declined', revokedAt: null }, failed)).toBe('declined')
    expect(invitationViewStatus({ status: 'pending', revokedAt: null }, failed)).toBe('pending')
    expect(invitationViewStatus({ status: 'sent', revokedAt: null }, failed)).toBe('failed')
    expect(
      ['pending', 'sent', 'failed', 'registered', 'declined', 'revoked'].filter((s) => awaitsAnswer(s as never)),
    ).toEqual(['sent', 'failed'])
  })
})
