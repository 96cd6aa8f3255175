#!/usr/bin/env bash
# The install test of the README's "Install in your Backstage app" section, as a platform engineer would follow it:
#  1. builds and packs the five published packages (prepack/postpack must leave the working tree as it was) and
#     checks each tarball points at dist/ with type declarations;
#  2. creates a stock app with @backstage/create-app (the release in backstage.json), installs it from the registry
#     with this repository's Yarn pins, then applies the README's install-test blocks to it (yarn add of the
#     tarballs, the backend lines, the frontend feature, the config block checked against the packages' schemas);
#  3. starts the sandbox's emulated clusters, GitHub emulator and simulated operator WITHOUT our portal, starts the
#     stock backend serving the stock frontend against them, and runs e2e-tests/install in Chromium.
# Nothing of packages/app or packages/backend is copied into the stock app. Prints the time it took.
# INSTALL_TEST_DIR (default $TMPDIR/gitops-install-test) holds the app. Locally, .tools/install-test-cache keeps the
# stock app's node_modules and yarn.lock between runs, keyed by the create-app version, Node and the stock package.json
# files: they are moved (renamed, not copied: a million small writes is what makes an install slow here) into the new
# app and back at the end, so a second run only links what changed. CI starts from a fresh clone without it.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
source scripts/env.sh
source scripts/lib/yarn-on-path.sh # create-app and the stock app's scripts run `yarn`

CREATE_APP_VERSION=0.9.2 # generates a Backstage 1.55.0 app; checked against backstage.json below
PACKAGES=(plugins/gitops-common plugins/gitops-node plugins/gitops-backend plugins/scaffolder-backend-module-gitops
  plugins/gitops)
WORK=${INSTALL_TEST_DIR:-${TMPDIR:-/tmp}/gitops-install-test}
APP=$WORK/stock-app
TARBALLS=$WORK/tarballs
STATE=$WORK/sandbox-state
LOGS=$WORK/logs # the browser part writes to e2e-tests/output/install
CACHE=$ROOT/.tools/install-test-cache
ts_node=(node --require "$ROOT/node_modules/@backstage/cli/config/nodeTransform.cjs")

step() { echo "install-test: $* ($(($(date +%s) - started)) s)"; }
fail() {
  echo "install-test: FAILED: $* (after $(($(date +%s) - started)) s)" >&2
  exit 1
}
# Prints a log's end and fails.
fail_with_log() {
  tail -40 "$2" >&2
  fail "$1 (log: $2)"
}

groups=()
cached=
stop_servers() {
  for pid in "${groups[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${groups[@]}"; do
    for _ in $(seq 1 30); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
}
# Hands the stock app's node_modules back to the cache (see the top).
keep_node_modules() {
  [ -n "$cached" ] && [ -d "$APP/node_modules" ] || return 0
  mkdir -p "$cached"
  mv "$APP/node_modules" "$cached/node_modules"
  for p in app backend; do [ ! -d "$APP/packages/$p/node_modules" ] || mv "$APP/packages/$p/node_modules" "$cached/$p"; done
}
trap 'stop_servers; keep_node_modules' EXIT

wait_for() { # description, seconds, command…
  local what=$1 seconds=$2
  shift 2
  for _ in $(seq 1 "$seconds"); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  return 1
}

port_free() { ! (echo >/dev/tcp/127.0.0.1/$1) 2>/dev/null; }
# Up to 60 s per port: in .ci/run this starts right after the e2e run, whose sandbox may still be shutting down.
for port in 7007 7100 6400 6443 6444 6445; do
  wait_for "port $port to be free" 60 port_free "$port" || fail "port $port is in use (a sandbox or e2e run?)"
done
# INSTALL_TEST_REUSE_TARBALLS=1 skips step 1 and uses the tarballs of the last run (for work on steps 2 and 3).
reuse=${INSTALL_TEST_REUSE_TARBALLS:-}
find "$WORK" -mindepth 1 -maxdepth 1 ${reuse:+-not -name tarballs} -exec rm -rf {} + 2>/dev/null || true
mkdir -p "$TARBALLS" "$LOGS"

# 1. Build and pack ------------------------------------------------------------------------------------------------
if [ -z "$reuse" ]; then
  step "type declarations for the package builds (tsc)"
  # Type errors are the type-check's to report; the declarations are emitted regardless.
  node_modules/.bin/tsc -p tsconfig.json >"$LOGS/tsc.log" 2>&1 || echo "install-test: tsc reported errors, see $LOGS/tsc.log"
fi
# What prepack/postpack touch: package.json (rewritten to dist/, then restored), its backup, the generated
# config.schema.json and entry-point stubs at the package root.
pack_state() { ls -A "$1" && sha1sum "$1/package.json"; }
for dir in "${PACKAGES[@]}"; do
  [ -z "$reuse" ] || break
  name=$(node -p "require('./$dir/package.json').name")
  step "build and pack $name"
  (cd "$dir" && "$ROOT/node_modules/.bin/backstage-cli" package build) >>"$LOGS/build.log" 2>&1 ||
    fail_with_log "backstage-cli package build of $name" "$LOGS/build.log"
  before=$(pack_state "$dir")
  (cd "$dir" && yarn pack --out "$TARBALLS/%s.tgz") >>"$LOGS/pack.log" 2>&1 ||
    fail_with_log "yarn pack of $name" "$LOGS/pack.log"
  diff <(echo "$before") <(pack_state "$dir") || fail "packing $name left $dir changed (above)"
done
"${ts_node[@]}" scripts/readme-tools/src/checkTarballs.ts "$TARBALLS" "${PACKAGES[@]}" || fail "a tarball is not publishable"

# 2. The stock app -------------------------------------------------------------------------------------------------
# The stock app has no lockfile of ours to keep: its installs and `yarn add`s write one, which Yarn forbids when CI
# is set unless told otherwise.
export YARN_ENABLE_IMMUTABLE_INSTALLS=false
step "create a stock app with @backstage/create-app@$CREATE_APP_VERSION"
echo stock-app | npx -y "@backstage/create-app@$CREATE_APP_VERSION" --skip-install --path "$APP" >"$LOGS/create-app.log" 2>&1 ||
  fail_with_log "create-app" "$LOGS/create-app.log"
release=$(node -p "require('$APP/backstage.json').version")
[ "$release" = "$(node -p "require('./backstage.json').version")" ] ||
  fail "create-app $CREATE_APP_VERSION made a Backstage $release app, backstage.json says otherwise: update CREATE_APP_VERSION"

"${ts_node[@]}" scripts/readme-tools/src/pinStockApp.ts "$APP" "$TARBALLS" || fail "pinning the stock app"

cache_key=$(cat "$APP/package.json" "$APP/packages/app/package.json" "$APP/packages/backend/package.json" \
  "$APP/.yarnrc.yml" | sed "s#$TARBALLS#TARBALLS#g" | { cat; echo "$CREATE_APP_VERSION $(node -v)"; } | sha1sum | cut -c1-16)
cached=$CACHE/$cache_key
if [ -d "$cached/node_modules" ] && [ -f "$cached/yarn.lock" ]; then
  step "reuse the stock app's node_modules from $cached"
  mv "$cached/node_modules" "$APP/node_modules"
  for p in app backend; do [ ! -d "$cached/$p" ] || mv "$cached/$p" "$APP/packages/$p/node_modules"; done
  cp "$cached/yarn.lock" "$APP/yarn.lock"
else
  # Other keys' node_modules are stale: drop them (in the background, deleting is slow here).
  [ ! -d "$CACHE" ] || { mv "$CACHE" "$CACHE.old.$$" && (nice rm -rf "$CACHE.old.$$" &); }
fi
# better-sqlite3 has no prebuilt binary reachable here (its prebuild-install downloads from GitHub), so each install
# compiles it (~2 min on 2 cores). This repository's install already compiled the same release for this Node: hand
# that binary to prebuild-install as a local prebuild (its documented <package>_local_prebuilds setting), named as
# the release it is; a stock app on another release finds no such file and compiles as before.
offer_sqlite_prebuild() {
  local dir=$WORK/prebuilds module=node_modules/better-sqlite3
  [ -f "$module/build/Release/better_sqlite3.node" ] || return 0
  local name
  name=$(node -p "'better-sqlite3-v' + require('./$module/package.json').version + '-node-v' + process.versions.modules + '-' + process.platform + '-' + process.arch + '.tar.gz'")
  mkdir -p "$dir" && tar czf "$dir/$name" -C "$module" build/Release/better_sqlite3.node &&
    export npm_config_better_sqlite3_local_prebuilds=$dir
}
offer_sqlite_prebuild
step "install the stock app from the registry"
(cd "$APP" && yarn install) >"$LOGS/yarn-install.log" 2>&1 || fail_with_log "yarn install of the stock app" "$LOGS/yarn-install.log"
mkdir -p "$cached" && cp "$APP/yarn.lock" "$cached/yarn.lock"

step "apply the README's install-test blocks"
"${ts_node[@]}" scripts/readme-tools/src/applyInstallBlocks.ts "$APP" "$TARBALLS" >"$LOGS/apply.log" 2>&1 ||
  fail_with_log "applying the README" "$LOGS/apply.log"
grep '^install-test:' "$LOGS/apply.log"
(cd "$APP" && yarn backstage-cli config:check --lax --config app-config.yaml --config app-config.readme.yaml) \
  >"$LOGS/config-check.log" 2>&1 || fail_with_log "the README's config block does not validate" "$LOGS/config-check.log"

# The test's own settings: one origin for app and backend, and this repository's templates and the sandbox's demo
# organisation and services as catalog locations, by path.
cat >"$APP/app-config.install-test.yaml" <<YAML
app:
  baseUrl: http://localhost:7007
backend:
  baseUrl: http://localhost:7007
  cors:
    origin: http://localhost:7007
catalog:
  rules:
    - allow: [Component, System, API, Resource, Location, Group, User, Domain, Template]
  locations:
    - type: file
      target: $ROOT/templates/catalog-info.yaml
    - type: file
      target: $ROOT/packages/sandbox/demo/catalog/org.yaml
    - type: file
      target: $ROOT/packages/sandbox/demo/catalog/services.yaml
YAML

step "build the stock frontend"
(cd "$APP" && yarn workspace app build) >"$LOGS/app-build.log" 2>&1 || fail_with_log "the stock app's build" "$LOGS/app-build.log"

# 3. Run it --------------------------------------------------------------------------------------------------------
step "start the emulated clusters, GitHub emulator and operator (sandbox without portal)"
SANDBOX_PORTAL=off SANDBOX_STATE_DIR="$STATE" setsid "${ts_node[@]}" packages/sandbox/src/start.ts \
  >"$LOGS/sandbox.log" 2>&1 &
groups+=($!)
wait_for "sandbox" 120 grep -q 'not starting the portal' "$LOGS/sandbox.log" ||
  fail_with_log "the sandbox did not start" "$LOGS/sandbox.log"

step "start the stock backend (serving the stock frontend)"
(cd "$APP" && exec setsid yarn workspace backend start --config "$APP/app-config.yaml" \
  --config "$APP/app-config.install-test.yaml" --config "$STATE/app-config.sandbox.yaml") >"$LOGS/backend.log" 2>&1 &
groups+=($!)
wait_for "backend" 240 curl -fs http://localhost:7007/.backstage/health/v1/readiness ||
  fail_with_log "the stock backend did not become ready" "$LOGS/backend.log"

step "drive the stock app in Chromium (e2e-tests/install)"
INSTALL_TEST_STATE_DIR="$STATE" node_modules/.bin/playwright test --config e2e-tests/install/playwright.config.ts ||
  fail "the stock app failed in Chromium (screenshots and traces in $LOGS)"

echo "install-test: passed in $(($(date +%s) - started)) s"
