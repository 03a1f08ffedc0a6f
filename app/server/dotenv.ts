import fs from 'node:fs'

/** Loads .env when present (variables already set win). Node 20 reads the file; no extra package. */
export function loadDotEnv(file = '.env') {
  if (fs.existsSync(file)) process.loadEnvFile(file)
}
