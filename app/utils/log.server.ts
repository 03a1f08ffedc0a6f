// Structured logs: one JSON object a line (pino) on standard output, for the web server, the worker and the
// jobs. Nothing personal or secret gets through: every message and field is scrubbed of personal-link tokens,
// bare tokens and e-mail addresses, and fields such as `email`, `name` or `password` are replaced whole
// (app/utils/redact.ts). Request lines carry the path only, with tokens masked (/uitnodiging/:token).
import pino, { type DestinationStream, type Logger } from 'pino'
import { scrubText, scrubValue } from './redact'

type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent'

export function createLogger(destination: DestinationStream, level: Level = 'info'): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => scrubValue(object) as Record<string, unknown>,
      },
      hooks: {
        // The message and any printf-style arguments, before pino formats them.
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)) as Parameters<
            typeof method
          >
          method.apply(this, scrubbed)
        },
      },
    },
    destination,
  )
}

const levels = new Set<string>(['debug', 'info', 'warn', 'error', 'silent'])
let current: { level: string; logger: Logger } | null = null

/** The process's logger, at LOG_LEVEL (default info). Read when first used, and again if LOG_LEVEL changed. */
export function log(): Logger {
  const wanted = process.env.LOG_LEVEL && levels.has(process.env.LOG_LEVEL) ? process.env.LOG_LEVEL : 'info'
  if (current?.level !== wanted) current = { level: wanted, logger: createLogger(process.stdout, wanted as Level) }
  return current.logger
}
