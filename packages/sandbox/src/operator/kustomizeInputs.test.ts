import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { kustomizeInputs, touchesInputs } from './kustomizeInputs';

let checkout: string;

const write = (path: string, text: string) => {
  mkdirSync(dirname(join(checkout, path)), { recursive: true });
  writeFileSync(join(checkout, path), text);
};

beforeAll(() => {
  checkout = mkdtempSync(join(tmpdir(), 'kustomize-inputs-'));
  write(
    'apps/web/base/kustomization.yaml',
    'resources: [deployment.yaml, ../../../shared/config]\n',
  );
  write('apps/web/base/deployment.yaml', 'kind: Deployment\n');
  write('shared/config/kustomization.yaml', 'resources: [cm.yaml]\n');
  write(
    'apps/web/overlays/dev/kustomization.yaml',
    'resources: [../../base, https://github.com/x/y//z]\npatches:\n  - path: ../../patches/replicas.yaml\n',
  );
  write(
    'apps/web/overlays/staging/kustomization.yaml',
    'resources: [../../base]\n',
  );
});

afterAll(() => rmSync(checkout, { recursive: true, force: true }));

describe('kustomizeInputs', () => {
  it('follows local resources and patch files, not remote ones', () => {
    expect(kustomizeInputs(checkout, './apps/web/overlays/dev').sort()).toEqual(
      [
        'apps/web/base',
        'apps/web/base/deployment.yaml',
        'apps/web/overlays/dev',
        'apps/web/patches/replicas.yaml',
        'shared/config',
        'shared/config/cm.yaml',
      ],
    );
  });

  it.each([
    ['its own overlay', 'apps/web/overlays/dev/kustomization.yaml', true],
    ['the base it builds on', 'apps/web/base/deployment.yaml', true],
    ['a folder the base includes', 'shared/config/cm.yaml', true],
    ['a patch file it names', 'apps/web/patches/replicas.yaml', true],
    [
      "another environment's overlay",
      'apps/web/overlays/staging/kustomization.yaml',
      false,
    ],
    [
      'a folder that only shares a name prefix',
      'apps/web/overlays/dev2/kustomization.yaml',
      false,
    ],
  ])(
    'a change to %s (%s) affects the dev overlay: %s',
    (_what, file, affected) => {
      expect(
        touchesInputs(kustomizeInputs(checkout, 'apps/web/overlays/dev'), [
          file,
        ]),
      ).toBe(affected);
    },
  );

  it('takes the whole repository as the input of a kustomization at its root', () => {
    expect(touchesInputs(kustomizeInputs(checkout, './'), ['README.md'])).toBe(
      true,
    );
  });
});
