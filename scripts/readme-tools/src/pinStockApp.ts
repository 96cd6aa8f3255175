/*
 * Gives a stock app the Backstage release's versions (releasePins.ts) and what this machine's registry needs, as this
 * repository has it: its Yarn release, with install scripts only for what `dependenciesMeta` allows (no native module
 * compiling for minutes), the root `resolutions` pins and `dependenciesMeta`, and Yarn's telemetry and architectures
 * settings; plus resolutions that point every reference to our packages (the backend's to gitops-common and
 * gitops-node too) at the packed tarballs. `pinStockApp.ts <app dir> <tarball dir>`, run from the repository root.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { releasePins } from './releasePins';
import { PUBLISHED_PACKAGES, tarballFileName } from './tarballs';

const [appDir, tarballDir] = process.argv.slice(2).map(p => resolve(p));
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

const ours = readJson(resolve(process.cwd(), 'package.json'));
const appPackageJson = resolve(appDir, 'package.json');
const app = readJson(appPackageJson);
const stockDependencies = ['.', 'packages/app', 'packages/backend'].flatMap(
  dir => {
    const pkg = readJson(resolve(appDir, dir, 'package.json'));
    return [pkg.dependencies ?? {}, pkg.devDependencies ?? {}];
  },
);
app.resolutions = {
  ...app.resolutions,
  ...releasePins(
    readFileSync(resolve(process.cwd(), 'yarn.lock'), 'utf8'),
    stockDependencies,
  ),
  ...ours.resolutions,
  ...Object.fromEntries(
    PUBLISHED_PACKAGES.map(name => [
      name,
      `file:${resolve(tarballDir, tarballFileName(name))}`,
    ]),
  ),
};
app.dependenciesMeta = { ...app.dependenciesMeta, ...ours.dependenciesMeta };
app.packageManager = ours.packageManager;
writeFileSync(appPackageJson, `${JSON.stringify(app, null, 2)}\n`);

const ourYarnrc = readFileSync(resolve(process.cwd(), '.yarnrc.yml'), 'utf8');
const yarnPath = ourYarnrc.match(/^yarnPath: (.+)$/m)?.[1];
if (!yarnPath) throw new Error('.yarnrc.yml has no yarnPath');
const release = `.yarn/releases/${basename(yarnPath)}`;
copyFileSync(resolve(process.cwd(), yarnPath), resolve(appDir, release));
const yarnrcPath = resolve(appDir, '.yarnrc.yml');
writeFileSync(
  yarnrcPath,
  `${readFileSync(yarnrcPath, 'utf8').replace(
    /^yarnPath: .+$/m,
    `yarnPath: ${release}`,
  )}\n# Yarn would otherwise keep the older release's habit of running every install script\nenableScripts: false\nenableTelemetry: false\nsupportedArchitectures:\n  os: [linux]\n  cpu: [x64]\n  libc: [glibc]\n`,
);
process.stdout.write(`install-test: pinned ${appPackageJson}\n`);
