#!/usr/bin/env bash
# The README's second command: every workspace's tests (jest; database tests on SQLite, and on PostgreSQL too), then
# the end-to-end tests in Chromium against the sandbox. Sets itself up first, as scripts/sandbox.sh does: Node 22 and
# the workspace (scripts/setup.sh), then, as root, Debian's chromium and postgresql when missing, with PostgreSQL
# started for the run (scripts/postgres.sh) unless a BACKSTAGE_TEST_DATABASE_POSTGRES<version>_CONNECTION_STRING is
# given. Without root, a missing Chromium fails the end-to-end part and PostgreSQL's suites are reported as skipped
# with the reason; with CI=true PostgreSQL is required. The same for the public estates some tests read
# (../shared/fixtures/estates or GITOPS_ESTATES_DIR): missing, their suites are skipped; with CI=true, required.
# Prints the ten slowest test files and ends with one line:
# "N passed, N failed, N skipped".
#   ./scripts/test.sh                 everything
#   ./scripts/test.sh <jest args>     only jest, with these arguments (e.g. a test file's path)
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
source scripts/env.sh
source scripts/postgres.sh

export BACKSTAGE_TEST_DISABLE_DOCKER=1 # no Docker engine here: databases come from the environment
results=test-results
rm -rf "$results" e2e-tests/output && mkdir -p "$results"
status=0
e2e=$([ $# -eq 0 ] && echo yes || echo no)

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
packages=()
[ "$e2e" = no ] || [ -x "$chromium" ] || packages+=(chromium)
postgres_missing && packages+=(postgresql)
if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "test: installing ${packages[*]}"
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "${packages[@]}"; } \
      > "$results/apt-get.log" 2>&1 || tail -20 "$results/apt-get.log"
  else
    echo "test: missing ${packages[*]}; only root installs them here (sudo apt-get install ${packages[*]})"
  fi
fi

if ! postgres_up; then
  node scripts/test-summary.js check:fail # CI=true without PostgreSQL: the run fails before any test
  exit 1
fi
trap postgres_down EXIT

# The real public config repos some tests read (packages/estate-fixtures) live beside the checkout, not in it.
estates=${GITOPS_ESTATES_DIR:-$(cd .. && pwd)/shared/fixtures/estates}
if [ ! -d "$estates" ]; then
  if [ "${CI:-}" = true ]; then
    echo "test: no estates at $estates (set GITOPS_ESTATES_DIR); CI=true needs them, failing"
    node scripts/test-summary.js check:fail
    exit 1
  fi
  echo "test: no estates at $estates (the public config repos the estate tests read; set GITOPS_ESTATES_DIR):" \
    "their suites are reported as skipped"
fi

echo "test: unit and integration tests (every workspace)"
CI=true node_modules/.bin/backstage-cli repo test --json --outputFile="$results/jest.json" "$@" || status=1
[ -f "$results/jest.json" ] && node scripts/slowest-tests.js "$results/jest.json"

reports=("$results/jest.json")
if [ "$e2e" = yes ]; then
  reports+=(e2e-tests/output/report.json)
  if [ ! -x "$chromium" ]; then
    echo "test: end-to-end tests not run: no Chromium at $chromium (run this as root to install Debian's chromium," \
      "or install it yourself, or set CHROMIUM_PATH)"
    status=1
  else
    echo "test: building the app for the end-to-end tests"
    if ! yarn workspace app build > "$results/app-build.log" 2>&1; then
      tail -40 "$results/app-build.log"
      status=1
    fi
    echo "test: end-to-end tests in Chromium against the sandbox (its log: e2e-tests/output/sandbox.log)"
    node_modules/.bin/playwright test --config e2e-tests/playwright.config.ts || status=1
  fi
fi

node scripts/test-summary.js "${reports[@]}"
exit $status
