/* Rewrites the README's config-key table from the config.d.ts files (`yarn readme:config-keys`). */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expectedReadme } from './configKeys';

// Run by `yarn readme:config-keys`, i.e. from this package's folder.
const root = resolve(process.cwd(), '../..');
writeFileSync(resolve(root, 'README.md'), expectedReadme(root));
process.stdout.write('README.md: config-key table regenerated\n');
