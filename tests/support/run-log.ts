// What a whole browser run leaves for its last test (tests/e2e/run-log.test.ts): every app server's log, a
// copy of each server's database, and the personal-link tokens the run used (from the mails the SMTP sinks
// received and the addresses the browsers opened). The e2e project's global setup (tests/setup/e2e-run.ts)
// makes the directory and names it in BIJEEN_E2E_RUN_DIR; without it (one file run alone) nothing is kept.
import fs from 'node:fs'
import path from 'node:path'

export const RUN_DIR_VARIABLE = 'BIJEEN_E2E_RUN_DIR'

export function runDir(): string | null {
  const dir = process.env[RUN_DIR_VARIABLE]
  return dir && fs.existsSync(dir) ? dir : null
}

// A personal link (invitation, registration, speaker, report, their calendar feeds) as mails and pages carry it:
// 32 random bytes in base64url (randomToken). After the swap for a cookie a page's address holds the link's
// id instead (a cuid, 25 characters), which is no secret.
const LINK_TOKEN = /\/(?:uitnodiging|aanmelding|spreker|verslag)\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g

export function tokensIn(text: string): string[] {
  return [...text.matchAll(LINK_TOKEN)].map((m) => m[1]!)
}

/** Appends the tokens found in `text` to the run's list. */
export function recordTokens(text: string) {
  const dir = runDir()
  if (!dir) return
  const tokens = tokensIn(text)
  if (tokens.length) fs.appendFileSync(path.join(dir, 'tokens.txt'), tokens.map((t) => `${t}\n`).join(''))
}

/** A mail's text as a reader sees it: quoted-printable soft breaks joined and =XX decoded. */
export function unfoldMail(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}
