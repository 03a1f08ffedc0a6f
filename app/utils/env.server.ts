// The environment, parsed once at start-up. `.env.example` lists every variable and works as is.
import { z } from 'zod'

const boolean = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1')

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .default('file:./data/bijeen.db')
    .refine((v) => v.startsWith('file:') || /^postgres(ql)?:\/\//.test(v), {
      message: 'must start with file: (SQLite) or postgresql:// (PostgreSQL)',
    }),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // The address people use to reach the app; used in mails, calendar files and QR codes. Without it, the
  // address of this machine's port (so that links in mails point at the port the app really listens on).
  APP_URL: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .pipe(
      z
        .string()
        .url()
        .refine((v) => /^https?:\/\//.test(v), { message: 'must start with http:// or https://' })
        .optional(),
    ),
  // Set when the app runs behind a reverse proxy, so that rate limits key on the real client address.
  TRUST_PROXY: boolean,
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  // Seals the staff's authenticator secrets in the database (AES-256-GCM, docs/decisions/013). Unset: stored as
  // they are, never logged. At least 32 characters; keep it outside the database and its backups.
  TOTP_ENCRYPTION_KEY: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.string().min(32).optional()),
  LOGIN_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  // Registration attempts on the public form per client address per 10 minutes.
  REGISTRATION_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  // Mail: with no SMTP configured, mail goes to the dev mailbox at /beheer/mailbox.
  SMTP_URL: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  SMTP_HOST: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  SMTP_PORT: z.coerce.number().int().optional(),
  SMTP_SECURE: boolean,
  SMTP_USER: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  SMTP_PASSWORD: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  SMTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).default(3),
  SMTP_RATE_LIMIT: z.coerce.number().int().min(0).default(0),
  DKIM_DOMAIN: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  DKIM_SELECTOR: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  DKIM_PRIVATE_KEY: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  MAIL_FROM: z.string().default('Secretariaat Samen tegen mensenhandel <secretariaat@example.org>'),
  // Whom speakers call on the day (the speaker briefing and portal); without a name, the secretariat of MAIL_FROM.
  SPEAKER_CONTACT_NAME: z.string().trim().default(''),
  SPEAKER_CONTACT_PHONE: z.string().trim().default(''),
  // Run the mail worker inside the web process (the embedded default). Set to false when `npm run worker` runs.
  MAIL_WORKER_IN_PROCESS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  // A mail in 'sending' longer than this is considered lost with its worker and is claimed again.
  MAIL_LEASE_SECONDS: z.coerce.number().int().min(1).default(120),
  // How often an idle mail worker looks for due mails (retries, mails queued by other processes). Unset: every
  // 500 ms in a web process, whose own mails wake its worker at once; every second in `npm run worker`.
  MAIL_POLL_INTERVAL_MS: z.coerce.number().int().min(10).optional(),
  // Web processes sharing the port (app/server/index.ts reads it before anything else; listed here to document
  // and check it). One per core is the usual choice.
  WEB_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  // Public pages served from memory until what they show changes (production only; ADR 010). `false` renders
  // every request, which the benchmark uses to measure what a change costs.
  PUBLIC_PAGE_CACHE: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  UPLOAD_DIR: z.string().default('./data/uploads'),
  // The Chromium that prints a report as PDF (Debian's package).
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  // Request bodies are refused above these sizes before they are read (app/server/request-guard.ts): every
  // form, and the routes that take a file (speaker photo, contact import).
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(256 * 1024),
  UPLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(11 * 1024 * 1024),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
})

export type Env = Omit<z.infer<typeof schema>, 'APP_URL'> & { APP_URL: string }

let cached: Env | undefined

export function getEnv(): Env {
  if (cached) return cached
  const parsed = schema.safeParse(process.env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  cached = { ...parsed.data, APP_URL: parsed.data.APP_URL ?? `http://localhost:${parsed.data.PORT}` }
  return cached
}

/** The SMTP port: the configured one, or the submission port that fits SMTP_SECURE (465 implicit TLS, else 587). */
export function smtpPort(env: Env = getEnv()): number {
  return env.SMTP_PORT ?? (env.SMTP_SECURE ? 465 : 587)
}

/** Where mail goes, in words for the console: the SMTP relay's host (never its credentials), or the dev mailbox. */
export function describeMailTransport(env: Env = getEnv()): string {
  if (env.SMTP_URL) {
    const host = URL.canParse(env.SMTP_URL) ? new URL(env.SMTP_URL).host : 'SMTP_URL'
    return `Mail goes out through SMTP (${host}).`
  }
  if (env.SMTP_HOST) return `Mail goes out through SMTP (${env.SMTP_HOST}:${smtpPort(env)}).`
  return `Mail goes to the dev mailbox at ${env.APP_URL}/beheer/mailbox (no SMTP configured).`
}

/** For tests that change the environment between cases. */
export function resetEnvCache() {
  cached = undefined
}

/** An absolute address in the app: every link in a mail, calendar file and QR code starts with APP_URL. */
export function appUrl(path: string, env: Env = getEnv()): string {
  return new URL(path, env.APP_URL).toString()
}

/** The secretariat as mails and calendar files name it (ORGANIZER): the name and address of MAIL_FROM. */
export function secretariat(env: Env = getEnv()): { name: string; email: string } {
  const from = env.MAIL_FROM
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from)
  return match ? { name: match[1]!.trim() || match[2]!, email: match[2]! } : { name: from, email: from }
}
