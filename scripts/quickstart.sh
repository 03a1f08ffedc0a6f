#!/usr/bin/env bash
# The newcomer's first command: install, migrate, seed the 4 December event, build, and start the app on
# embedded SQLite. Prints the address and the administrator's credentials.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> npm ci (about two minutes the first time)"
  npm ci
fi
echo "==> database: migrate and seed"
npm run --silent db:migrate
npm run --silent db:seed
echo "==> build"
npm run --silent build > /dev/null

node --input-type=module -e '
import fs from "node:fs"
if (fs.existsSync(".env")) process.loadEnvFile(".env")
const url = process.env.APP_URL ?? "http://localhost:3000"
const email = process.env.ADMIN_EMAIL ?? "admin@example.org"
const password = process.env.ADMIN_PASSWORD ?? "Bijeen-Beheer-2026"
console.log(`
  bijeen draait / is running: ${url}
  Inloggen / sign in:         ${url}/inloggen
    e-mail:     ${email}
    wachtwoord: ${password}
  Mail goes to the dev mailbox (no SMTP configured). Stop with Ctrl+C.
`)'
exec npm run --silent start
