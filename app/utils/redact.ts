// Personal-link tokens, e-mail addresses and the values of personal fields must never reach a log line. Every
// logged path goes through redactPath, and every log line through scrubLog (app/utils/log.server.ts).
const tokenRoutes = /^\/(uitnodiging|aanmelding|spreker|verslag)\/[^/?#]+/
// The same paths anywhere in a text (a URL in an error message), and the bare tokens themselves: 32 random
// bytes in base64url are 43 characters; a password-set or feed token is no shorter than 22.
const tokenPathsInText = /\/(uitnodiging|aanmelding|spreker|verslag|wachtwoord|account)\/[A-Za-z0-9_-]{16,}/g
const bareTokens = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g
const emails = /[^\s@<>()"',;:[\]]+@[^\s@<>()"',;:[\]]+\.[A-Za-z]{2,}/g

export function redactPath(path: string) {
  return path.replace(tokenRoutes, '/$1/:token').replace(/\?.*$/, '')
}

/** A text as a log line may hold it: no personal-link token, no bare token, no e-mail address. */
export function scrubText(text: string): string {
  return text.replace(tokenPathsInText, '/$1/:token').replace(bareTokens, '[token]').replace(emails, '[e-mail]')
}

// Fields whose values are personal data or secrets, wherever they sit in a logged object.
const SECRET_KEYS =
  /^(password|passwordHash|token|tokenHash|secret|totpSecret|cookie|authorization|set-cookie|email|to|from|name|firstName|lastName|phone|dietary|accessibility|text|html|body)$/i

/** A logged object without secret or personal fields, and its strings scrubbed (at most 6 levels deep). */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value)
  if (value === null || typeof value !== 'object' || depth > 6) return value
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value))
    out[key] = SECRET_KEYS.test(key) ? '[redacted]' : scrubValue(v, depth + 1)
  return out
}

type PrismaLikeError = Error & { code?: unknown; meta?: { modelName?: unknown } }

/**
 * An error as a log line may show it. Prisma's messages repeat the query's arguments (names, addresses, answers
 * to questions): for those only the kind, the code, the model and the operation are kept, with the stack's
 * frames. Other errors keep their stack (scrubbed of tokens and addresses when logged).
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error))
    return typeof error === 'string' ? 'non-Error thrown (string)' : `non-Error thrown (${typeof error})`
  if (!error.name.startsWith('PrismaClient')) return error.stack ?? `${error.name}: ${error.message}`
  const e = error as PrismaLikeError
  // "Invalid `db.registration.create()` invocation" (whatever the client is called): identifiers only.
  const call = /Invalid `[\w$]+\.(\w+)\.(\w+)\(\)` invocation/.exec(error.message)
  const model = typeof e.meta?.modelName === 'string' ? e.meta.modelName : call?.[1]
  const parts = [
    error.name,
    typeof e.code === 'string' ? `code=${e.code}` : null,
    model ? `model=${model}` : null,
    call ? `operation=${call[2]}` : null,
  ].filter(Boolean)
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line))
  return [parts.join(' '), ...frames].join('\n')
}
