#!/usr/bin/env bash
# `npm run test:any-date`: the unit and integration suites with the clock shifted (libfaketime), far ahead
# and a little back, so no test can depend on the calendar date. Prints one closing line for both runs.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v faketime >/dev/null; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's faketime for the shifted-clock runs (a few seconds)…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends faketime >/dev/null
  else
    echo "test:any-date needs libfaketime: install Debian's 'faketime' package" \
      "(as root: apt-get install -y --no-install-recommends faketime)." >&2
    exit 1
  fi
fi

mkdir -p artifacts
# Timers and jest's own timeouts keep the real monotonic clock; only the wall clock moves.
export FAKETIME_DONT_FAKE_MONOTONIC=1
status=0
results=()
for shift in '+400d' '-20d'; do
  name="any-date${shift}"
  echo "== Jest: unit, integration with the clock at ${shift} ($(faketime -f "$shift" date -u '+%Y-%m-%d %H:%M UTC'))"
  out="artifacts/jest-${name}.json"
  rm -f "$out"
  faketime -f "$shift" npx jest --ci --selectProjects unit integration --testTimeout=15000 --json --outputFile="$out" "$@" || status=1
  results+=("$out")
done

# A plain closing line that any CI reader understands, summing both runs.
node -e '
  let passed = 0, failed = 0;
  for (const file of process.argv.slice(1)) {
    try { const r = require(require("path").resolve(file)); passed += r.numPassedTests; failed += r.numFailedTests; }
    catch { console.error(`No results in ${file}: that run did not finish.`); process.exitCode = 1; }
  }
  console.log(`${passed} passed, ${failed} failed`);
' "${results[@]}" || status=1
exit $status
