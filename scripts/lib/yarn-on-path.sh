# Sourced after scripts/env.sh: puts a `yarn` executable (the committed Yarn release) first on PATH, for tools that
# spawn `yarn` themselves (backstage-repo-tools, @backstage/create-app), which env.sh's shell function cannot serve.
# shellcheck shell=bash
mkdir -p "$ROOT/.tools/bin"
printf '#!/bin/sh\nexec node "%s/.yarn/releases/yarn-4.18.1.cjs" "$@"\n' "$ROOT" > "$ROOT/.tools/bin/yarn"
chmod +x "$ROOT/.tools/bin/yarn"
export PATH="$ROOT/.tools/bin:$PATH"
