// Pure rules of mail delivery: which failures are worth retrying, and when.

/** Waits between attempts: 10 s, 30 s, 60 s, 5 min, 15 min; after the sixth attempt the mail has failed. */
export const RETRY_DELAYS_SECONDS = [10, 30, 60, 300, 900] as const
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1

export type SendFailure = { message: string; responseCode?: number; code?: string; response?: string }

export type FailureDecision = { kind: 'retry'; delaySeconds: number } | { kind: 'failed' }

/**
 * 5xx answers are permanent (the address does not exist, the message is refused): retrying does not help.
 * 4xx answers (greylisting, "try again later") and connection problems are temporary.
 */
export function decideAfterFailure(failure: SendFailure, attempts: number): FailureDecision {
  const permanent = failure.responseCode !== undefined && failure.responseCode >= 500
  if (permanent || attempts >= MAX_ATTEMPTS) return { kind: 'failed' }
  return { kind: 'retry', delaySeconds: RETRY_DELAYS_SECONDS[Math.max(0, attempts - 1)]! }
}

// Mail servers often quote the recipient in their answer ("550 5.1.1 <jan@example.org>: unknown"); this text is
// logged and shown, so the person's address is reduced to its domain.
const address = /[^\s<>()"',;:@]+@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g

export function describeFailure(failure: SendFailure): string {
  const text = (failure.response ?? failure.message).replace(address, '…@$1')
  return (failure.responseCode ? `${failure.responseCode} ${text}` : `${failure.code ?? 'error'}: ${text}`).slice(
    0,
    1000,
  )
}

/** Header values come from people (names, titles): CR and LF must never reach a header. */
export function headerSafe(value: string): string {
  return (
    value
      .replace(/[\r\n\u2028\u2029]+/g, ' ')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .trim()
  )
}
