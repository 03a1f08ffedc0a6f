import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** A 256-bit random token, URL-safe. Personal links and session cookies use it. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Only this hash is stored; the token itself never touches the database or the logs. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
