/*
 * Applies the README's install-test blocks to a stock app, as scripts/install-test.sh runs it from the repository
 * root: `applyInstallBlocks.ts <app dir> <tarball dir>` (tarballs as `yarn pack --out <dir>/%s.tgz` names them). The yarn-add lines
 * run as written with each package taken from its tarball instead of the registry.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  applyBackendBlock,
  applyFrontendBlock,
  installBlock,
  readInstallBlocks,
  yarnAdds,
} from './installBlocks';
import { tarballFileName } from './tarballs';

const [appDir, tarballDir] = process.argv.slice(2).map(p => resolve(p));
if (!appDir || !tarballDir) {
  throw new Error('usage: applyInstallBlocks.ts <app dir> <tarball dir>');
}
const blocks = readInstallBlocks(
  readFileSync(resolve(process.cwd(), 'README.md'), 'utf8'),
);
const log = (text: string) => process.stdout.write(`install-test: ${text}\n`);

for (const { cwd, packages } of yarnAdds(installBlock(blocks, 'yarn-add'))) {
  const specs = packages.map(
    name => `${name}@file:${resolve(tarballDir, tarballFileName(name))}`,
  );
  log(`yarn --cwd ${cwd} add ${packages.join(' ')} (from the tarballs)`);
  execFileSync('yarn', ['--cwd', cwd, 'add', ...specs], {
    cwd: appDir,
    stdio: 'inherit',
  });
}

function edit(file: string, change: (source: string) => string) {
  const path = resolve(appDir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
  log(`edited ${file}`);
}

edit('packages/backend/src/index.ts', source =>
  applyBackendBlock(source, installBlock(blocks, 'backend')),
);
if (blocks.has('permission-policy')) {
  edit('packages/backend/src/index.ts', source =>
    applyBackendBlock(
      source,
      installBlock(blocks, 'permission-policy'),
      '@backstage/plugin-permission-backend-module-allow-all-policy',
    ),
  );
}
edit('packages/app/src/App.tsx', source =>
  applyFrontendBlock(source, installBlock(blocks, 'frontend')),
);
writeFileSync(
  resolve(appDir, 'app-config.readme.yaml'),
  installBlock(blocks, 'config').code,
);
log('wrote app-config.readme.yaml (the README config block)');
