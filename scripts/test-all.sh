#!/usr/bin/env bash
# `npm test`: every check the project has, in the order that fails fastest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
echo "== TypeScript (strict)"
npx tsc -p tsconfig.json --noEmit
echo "== Prettier"
npx prettier --check . --log-level warn
echo "== ESLint"
npx eslint . --max-warnings 0
# The lint checks that every resource folder exists, so the Custom UI is built first.
echo "== Custom UI build"
node scripts/build-ui.mjs
echo "== Forge lint (offline)"
npx tsx scripts/forge-lint.ts
echo "== Jest: unit, integration, contract, browser"
mkdir -p artifacts
status=0
npx jest --ci --json --outputFile=artifacts/jest-results.json "$@" || status=$?
echo "== Bundle sizes"
npx tsx scripts/size.ts || status=1
# A plain closing line that any CI reader understands.
node -e '
  const r = require("./artifacts/jest-results.json");
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""));
' || status=1
exit $status
