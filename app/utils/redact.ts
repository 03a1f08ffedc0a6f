// Personal-link tokens must never reach a log line. Every logged path goes through this.
const tokenRoutes = /^\/(uitnodiging|aanmelding|spreker)\/[^/?#]+/

export function redactPath(path: string) {
  return path.replace(tokenRoutes, '/$1/[token]').replace(/\?.*$/, '')
}

type PrismaLikeError = Error & { code?: unknown; meta?: { modelName?: unknown } }

/**
 * An error as a log line may show it. Prisma's messages repeat the query's arguments (names, addresses, answers
 * to questions): for those only the kind, the code, the model and the operation are kept, with the stack's
 * frames. Other errors keep their stack.
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
