#!/usr/bin/env bash
# The newcomer's second command, and what CI runs: typecheck, lint, and every test suite
# (unit + integration on SQLite, integration on PostgreSQL, browser tests in Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/pg_ctl > /dev/null 2>&1 || need+=(postgresql)
/usr/bin/python3 -c 'import icalendar' 2> /dev/null || need+=(python3-icalendar)
if ((${#need[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    echo "==> apt-get install ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" > /dev/null
  else
    echo "The tests need: ${need[*]}. Install them with: sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci
fi

results=.cache/test-results
rm -rf "$results" && mkdir -p "$results"
report() { echo "--reporter=default --reporter=json --outputFile.json=$results/$1.json"; }
step() { echo; echo "==> $*"; }

step typecheck && npm run --silent typecheck
step lint && npm run --silent lint
step "unit + integration (SQLite)" && npm run --silent test -- $(report sqlite)
step "integration (PostgreSQL)" && npm run --silent test:pg -- $(report postgresql)
step "browser (Chromium)" && npm run --silent test:e2e -- $(report e2e)

node --input-type=module -e '
import fs from "node:fs"
let passed = 0, failed = 0
for (const file of fs.readdirSync(process.argv[1])) {
  const r = JSON.parse(fs.readFileSync(`${process.argv[1]}/${file}`, "utf8"))
  console.log(`${file.replace(".json", "")}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`)
  passed += r.numPassedTests; failed += r.numFailedTests
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)' "$results"
