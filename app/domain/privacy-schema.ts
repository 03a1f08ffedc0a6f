// The secretariat's privacy form (/beheer/privacy): one schema for the browser and the server.
import { z } from 'zod'
import { isEmail, normaliseEmail } from './person-fields'

export function personLookupSchema(emailInvalid: string) {
  return z.object({
    email: z
      .string({ required_error: emailInvalid })
      .max(320, emailInvalid)
      .transform(normaliseEmail)
      .refine(isEmail, emailInvalid),
  })
}

/** The secretariat's decision per published quote, from fields named `quote:<statementId>`. */
export function quoteDecisions(
  form: Iterable<[string, unknown]>,
  statementIds: readonly string[],
): Record<string, 'keep' | 'remove'> | null {
  const given = new Map<string, unknown>(form)
  const decisions: Record<string, 'keep' | 'remove'> = {}
  for (const id of statementIds) {
    const value = given.get(`quote:${id}`)
    if (value !== 'keep' && value !== 'remove') return null
    decisions[id] = value
  }
  return decisions
}
