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

npx --no-install tsx scripts/quickstart-banner.ts
exec npm run --silent start
