#!/usr/bin/env bash
# The README's second command: every workspace's tests (jest; database tests on SQLite, and on PostgreSQL too when
# BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set), then the end-to-end tests in Chromium against the
# sandbox. Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
source scripts/env.sh

export BACKSTAGE_TEST_DISABLE_DOCKER=1 # no Docker engine here: databases come from the environment
results=test-results
rm -rf "$results" e2e-tests/output && mkdir -p "$results"
status=0

echo "test: unit and integration tests (every workspace)"
CI=true node_modules/.bin/backstage-cli repo test --json --outputFile="$results/jest.json" || status=1

echo "test: building the app for the end-to-end tests"
if ! yarn workspace app build > "$results/app-build.log" 2>&1; then
  tail -40 "$results/app-build.log"
  status=1
fi

echo "test: end-to-end tests in Chromium against the sandbox"
node_modules/.bin/playwright test --config e2e-tests/playwright.config.ts || status=1

node scripts/test-summary.js "$results/jest.json" e2e-tests/output/report.json
exit $status
