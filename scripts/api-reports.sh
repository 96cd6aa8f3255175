#!/usr/bin/env bash
# API reports (report.api.md, report-alpha.api.md) of the published @gitops-portal packages, by
# @backstage/repo-tools: compiles the declarations (tsc), then API Extractor. Without arguments it rewrites the
# reports; with --ci it only compares and fails when a package's public API differs from its checked-in report, so
# an API change shows up in review as a change of the report.
# Warnings are allowed while the exports lack release tags (@public/@alpha); the reports list them.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source scripts/lib/yarn-on-path.sh # repo-tools runs `yarn tsc`
# ae-wrong-input-file-type is omitted: API Extractor names a zod schema's source file by its absolute path there,
# which differs between checkouts, so the report would never match in another clone.
exec node_modules/.bin/backstage-repo-tools api-reports --tsc --allow-all-warnings \
  --omit-messages ae-wrong-input-file-type "$@" \
  plugins/gitops plugins/gitops-backend plugins/gitops-common plugins/gitops-node \
  plugins/scaffolder-backend-module-gitops
