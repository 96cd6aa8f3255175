import type { ArtifactCopy } from '@gitops-portal/plugin-gitops-common';
import { copiedFrom } from './artifactCopies';

/** Copy rules written after Flux's ArtifactGenerator API (`spec.artifacts[].copy[]`), not taken from an estate. */
const SPLIT: ArtifactCopy[] = [
  { from: '@repo/deploy/shared/**', to: '@artifact/shared/' },
  { from: '@repo/deploy/qa/**', to: '@artifact/qa/' },
];

describe('copiedFrom', () => {
  it.each<[string, ArtifactCopy[], string, Array<[string, string]>]>([
    [
      'a folder the artifact holds whole',
      SPLIT,
      './qa',
      [['repo', 'deploy/qa/']],
    ],
    [
      'the artifact root holds every rule',
      SPLIT,
      './',
      [
        ['repo', 'deploy/shared/'],
        ['repo', 'deploy/qa/'],
      ],
    ],
    [
      'a subfolder of a copied folder',
      [{ from: '@repo/deploy/**', to: '@artifact/' }],
      'web/qa',
      [['repo', 'deploy/web/qa/']],
    ],
    [
      'a narrower glob is read as its folder',
      [{ from: '@cfg/envs/*.yaml', to: '@artifact/envs/' }],
      '.',
      [['cfg', 'envs/']],
    ],
    [
      'a single file copied into the folder',
      [{ from: '@cfg/envs/qa/values.yaml', to: '@artifact/qa/' }],
      'qa',
      [['cfg', 'envs/qa/values.yaml']],
    ],
    [
      'a single file renamed into the folder',
      [{ from: '@cfg/envs/qa/values.yaml', to: '@artifact/qa/env.yaml' }],
      'qa',
      [['cfg', 'envs/qa/values.yaml']],
    ],
    [
      'a file copied elsewhere in the artifact',
      [{ from: '@cfg/envs/qa/values.yaml', to: '@artifact/prod/' }],
      'qa',
      [],
    ],
    ['a sibling folder is not held', SPLIT, 'shared-extra', []],
    [
      'a glob at the source root names no folder',
      [{ from: '@repo/**', to: '@artifact/' }],
      '.',
      [],
    ],
    [
      'a rule without an alias or outside @artifact/',
      [
        { from: 'deploy/**', to: '@artifact/' },
        { from: '@repo/deploy/**', to: 'elsewhere/' },
      ],
      '.',
      [],
    ],
    [
      'a source path leaving the repo',
      [{ from: '@repo/../secrets/**', to: '@artifact/' }],
      '.',
      [],
    ],
  ])('%s', (_case, copy, path, expected) => {
    expect(
      copiedFrom(copy, path).map(c => [c.alias, c.path] as [string, string]),
    ).toEqual(expected);
  });
});
