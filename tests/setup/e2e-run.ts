// Once before the browser tests: a directory for what the whole run leaves to its last test (the servers'
// logs, their databases, the tokens used; tests/support/run-log.ts). Removed afterwards unless KEEP_E2E_RUN=1.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { RUN_DIR_VARIABLE } from '../support/run-log.ts'

export default function setup() {
  // A kept run can be checked again: BIJEEN_E2E_RUN_DIR=<dir> npx vitest run --project e2e tests/e2e/run-log.test.ts
  const given = process.env[RUN_DIR_VARIABLE]
  if (given && fs.existsSync(given)) return () => {}
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bijeen-e2e-run-'))
  process.env[RUN_DIR_VARIABLE] = dir
  return () => {
    if (process.env.KEEP_E2E_RUN === '1') console.log(`browser run kept in ${dir}`)
    else fs.rmSync(dir, { recursive: true, force: true })
  }
}
