import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  applyBackendBlock,
  applyFrontendBlock,
  InstallBlock,
  installBlock,
  readInstallBlocks,
  yarnAdds,
} from './installBlocks';

const block = (name: string, code: string): InstallBlock => ({
  name,
  lang: 'ts',
  code,
});

const STOCK_BACKEND = `import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.start();
`;

const STOCK_APP = `import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';

export default createApp({
  features: [catalogPlugin],
});
`;

describe('readInstallBlocks', () => {
  it('reads the fenced block right after each marker, by name', () => {
    const blocks = readInstallBlocks(
      [
        'text',
        '<!-- install-test: one -->',
        '',
        '```sh',
        'yarn --cwd packages/app add a',
        '```',
        '```ts',
        'unmarked();',
        '```',
      ].join('\n'),
    );
    expect([...blocks.values()]).toEqual([
      { name: 'one', lang: 'sh', code: 'yarn --cwd packages/app add a' },
    ]);
  });

  it('refuses two blocks with one name', () => {
    const twice = '<!-- install-test: a -->\n```ts\nx\n```\n';
    expect(() => readInstallBlocks(twice + twice)).toThrow(
      'two install-test blocks named a',
    );
  });

  it('names a missing block', () => {
    expect(() => installBlock(new Map(), 'backend')).toThrow(
      'no install-test block named backend',
    );
  });
});

describe('yarnAdds', () => {
  it('reads each yarn add line, comments aside', () => {
    expect(
      yarnAdds(
        block(
          'yarn-add',
          '# backend\nyarn --cwd packages/backend add @a/b @a/c\nyarn --cwd packages/app add @a/d',
        ),
      ),
    ).toEqual([
      { cwd: 'packages/backend', packages: ['@a/b', '@a/c'] },
      { cwd: 'packages/app', packages: ['@a/d'] },
    ]);
  });

  it('refuses any other command', () => {
    expect(() => yarnAdds(block('yarn-add', 'npm install @a/b'))).toThrow(
      'not a yarn add line: npm install @a/b',
    );
  });
});

describe('applyBackendBlock', () => {
  it("adds the block's backend.add statements before backend.start()", () => {
    const result = applyBackendBlock(
      STOCK_BACKEND,
      block(
        'backend',
        "// packages/backend/src/index.ts\nbackend.add(import('@x/one'));\nbackend.add(import('@x/two'));",
      ),
    );
    expect(result).toContain(
      "backend.add(import('@x/one'));\nbackend.add(import('@x/two'));\n\nbackend.start();",
    );
  });

  it('adds its imports after the last import and removes the module it replaces', () => {
    const result = applyBackendBlock(
      STOCK_BACKEND,
      block(
        'permission-policy',
        "import { policyModule } from '@x/backend';\n\nbackend.add(policyModule);",
      ),
      '@backstage/plugin-permission-backend-module-allow-all-policy',
    );
    expect(result).toContain(
      "import { createBackend } from '@backstage/backend-defaults';\nimport { policyModule } from '@x/backend';\n",
    );
    expect(result).not.toContain('allow-all-policy');
    expect(result).toContain('backend.add(policyModule);\n\nbackend.start();');
  });

  it('refuses to replace a module the backend does not add', () => {
    expect(() =>
      applyBackendBlock(
        STOCK_BACKEND,
        block('p', 'backend.add(x);'),
        '@x/absent',
      ),
    ).toThrow('no backend.add of @x/absent to replace');
  });

  it('refuses a block without backend.add', () => {
    expect(() =>
      applyBackendBlock(STOCK_BACKEND, block('backend', 'nothing();')),
    ).toThrow('no backend.add(…) statement');
  });
});

describe('applyFrontendBlock', () => {
  it("adds the block's import and its features to the app's list", () => {
    const result = applyFrontendBlock(
      STOCK_APP,
      block(
        'frontend',
        "import gitopsPlugin from '@x/plugin/alpha';\n\nexport default createApp({\n  features: [\n    // ...the features the app already lists\n    gitopsPlugin,\n  ],\n});",
      ),
    );
    expect(result).toContain(
      "import catalogPlugin from '@backstage/plugin-catalog/alpha';\nimport gitopsPlugin from '@x/plugin/alpha';\n",
    );
    expect(result).toContain('features: [gitopsPlugin, catalogPlugin],');
  });

  it('refuses a block without features', () => {
    expect(() =>
      applyFrontendBlock(STOCK_APP, block('frontend', 'createApp({});')),
    ).toThrow('no features: [ … ] entries');
  });
});

describe("the README's Install section", () => {
  const blocks = readInstallBlocks(
    readFileSync(resolve(__dirname, '../../../README.md'), 'utf8'),
  );

  it.each(['yarn-add', 'backend', 'frontend', 'config', 'permission-policy'])(
    'has the %s block the install test applies',
    name => {
      expect(blocks.get(name)?.code).toBeTruthy();
    },
  );

  it('adds every published backend and frontend plugin package', () => {
    expect(
      yarnAdds(installBlock(blocks, 'yarn-add')).flatMap(a => a.packages),
    ).toEqual([
      '@gitops-portal/plugin-gitops-backend',
      '@gitops-portal/plugin-scaffolder-backend-module-gitops',
      '@gitops-portal/plugin-gitops',
    ]);
  });
});
