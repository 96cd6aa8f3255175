/*
 * Preloaded into the bench's backend when BENCH_APP_DIR is set: the app backend then serves that folder's dist/ (a
 * copy of packages/app built from other sources, e.g. the "before" of a comparison) instead of packages/app/dist,
 * so a comparison never touches the build the e2e tests use. Backstage's own test utility does the redirection.
 */
const {
  overridePackagePathResolution,
} = require('@backstage/backend-plugin-api/testUtils');

if (process.env.BENCH_APP_DIR) {
  overridePackagePathResolution({
    packageName: 'app',
    path: process.env.BENCH_APP_DIR,
  });
}
