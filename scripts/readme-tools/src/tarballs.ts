/** The tarball `yarn pack --out <dir>/%s.tgz` writes for a package (Yarn turns the scope's slash into a dash). */
export const tarballFileName = (packageName: string) =>
  `${packageName.replace('/', '-')}.tgz`;

/** The packages scripts/install-test.sh packs, in build order (dependencies first). */
export const PUBLISHED_PACKAGES = [
  '@gitops-portal/plugin-gitops-common',
  '@gitops-portal/plugin-gitops-node',
  '@gitops-portal/plugin-gitops-backend',
  '@gitops-portal/plugin-scaffolder-backend-module-gitops',
  '@gitops-portal/plugin-gitops',
];
