/*
 * Checks the tarballs scripts/install-test.sh packed: `checkTarballs.ts <tarball dir> <package dir>…`, with each
 * package's tarball as `yarn pack --out <tarball dir>/%s.tgz` names it. Exits non-zero listing every problem.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { tarballProblems } from './tarballProblems';
import { tarballFileName } from './tarballs';

const [tarballDir, ...packageDirs] = process.argv.slice(2);
const tar = (...args: string[]) =>
  execFileSync('tar', args, { encoding: 'utf8', maxBuffer: 64 << 20 });

let failed = false;
for (const dir of packageDirs) {
  const { name } = JSON.parse(
    readFileSync(resolve(dir, 'package.json'), 'utf8'),
  );
  const tarball = resolve(tarballDir, tarballFileName(name));
  const files = tar('-tzf', tarball)
    .split('\n')
    .filter(Boolean)
    .map(f => f.replace(/^package\//, ''));
  const packed = JSON.parse(tar('-xzOf', tarball, 'package/package.json'));
  const problems = tarballProblems(packed, files, {
    migrations: existsSync(resolve(dir, 'migrations')),
  });
  process.stdout.write(
    `install-test: ${tarballFileName(name)} ${
      problems.length
        ? `FAILED: ${problems.join('; ')}`
        : `ok (${files.length} files, main ${packed.main}, types ${packed.types})`
    }\n`,
  );
  failed ||= problems.length > 0;
}
process.exitCode = failed ? 1 : 0;
