// Seals a small secret (an authenticator's TOTP secret) for the database with AES-256-GCM under
// TOTP_ENCRYPTION_KEY, so that a copy of the database alone does not give away anyone's second factor.
// Without the key the value is stored as it is (the embedded default; ADR 013). A sealed value says so by its
// prefix, so secrets stored before the key was set still open.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { getEnv } from './env.server'

const PREFIX = 'v1:'

function key(): Buffer | null {
  const configured = getEnv().TOTP_ENCRYPTION_KEY
  return configured ? createHash('sha256').update(configured).digest() : null
}

export function seal(plain: string): string {
  const k = key()
  if (!k) return plain
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', k, iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return PREFIX + [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join(':')
}

/** The secret, or null when it was sealed under another key (or is damaged). */
export function open(stored: string): string | null {
  if (!stored.startsWith(PREFIX)) return stored
  const k = key()
  if (!k) return null
  const [iv, tag, body] = stored
    .slice(PREFIX.length)
    .split(':')
    .map((p) => Buffer.from(p, 'base64url'))
  if (!iv || !tag || !body) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', k, iv)
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')
  } catch {
    return null
  }
}
