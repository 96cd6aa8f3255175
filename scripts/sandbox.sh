#!/usr/bin/env bash
# The README's first command: installs what is missing, builds the app when its sources changed, and starts the
# portal with the sandbox (emulated clusters, git-backed GitHub, demo data). Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

dist=packages/app/dist/index.html
if [ ! -f "$dist" ] || [ -n "$(find packages/app/src plugins/*/src -newer "$dist" -print -quit 2>/dev/null)" ]; then
  echo "sandbox: building the app"
  yarn workspace app build > .tools/app-build.log 2>&1 || { tail -40 .tools/app-build.log; exit 1; }
fi

# Arguments go to the sandbox: `--estate flux-helm` starts that profile instead of the demo (see its README).
exec node --require @backstage/cli/config/nodeTransform.cjs packages/sandbox/src/start.ts "$@"
