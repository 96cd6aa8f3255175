import type { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import { applicationStatus } from '../../__testUtils__/objectStatus';
import { ConfigRepoRead, configRepoReads } from './configRepoReads';

const CONFIG = 'https://github.com/acme/config.git';
const SHA = 'a'.repeat(40);
const OTHER_SHA = 'b'.repeat(40);
const isConfigRepo = (url: string) => url === CONFIG;

/** A remote chart whose values come from a `ref` source (Argo CD's multi-source pattern). */
const remoteChart = (valueFiles: string[]) => ({
  repoURL: 'https://charts.acme.example/stable',
  chart: 'webhook-relay',
  targetRevision: '2.3.1',
  revision: '2.3.1',
  valueFiles,
});

describe('configRepoReads', () => {
  it.each<[string, Partial<ObjectStatus>, ConfigRepoRead[]]>([
    [
      'a config-repo directory at its commit',
      { source: { repoURL: CONFIG, path: './apps/shop/dev/' }, revision: SHA },
      [{ revision: SHA, dir: 'apps/shop/dev' }],
    ],
    [
      'nothing of another repo',
      {
        source: { repoURL: 'https://github.com/other/x', path: 'apps/shop' },
        revision: SHA,
      },
      [],
    ],
    [
      'nothing of a source not synced at a commit',
      { source: { repoURL: CONFIG, path: 'apps/shop' }, revision: 'main' },
      [],
    ],
    [
      'a Flux source (no repoURL) as the config repo',
      {
        engine: 'flux',
        kind: 'Kustomization',
        source: { path: './apps/shop/dev' },
        revision: SHA,
      },
      [{ revision: SHA, dir: 'apps/shop/dev' }],
    ],
    [
      "a remote chart's values files from the config repo's ref source, at that source's commit",
      {
        sources: [
          remoteChart([
            '$values/apps/shop/values.yaml',
            '$values/apps/shop/envs/dev/values.yaml',
          ]),
          {
            repoURL: CONFIG,
            targetRevision: 'main',
            ref: 'values',
            revision: SHA,
          },
        ],
      },
      [
        {
          revision: SHA,
          valueFiles: [
            'apps/shop/values.yaml',
            'apps/shop/envs/dev/values.yaml',
          ],
        },
      ],
    ],
    [
      'nothing of values files in a ref source of another repo',
      {
        sources: [
          remoteChart(['$values/apps/shop/values.yaml']),
          {
            repoURL: 'https://github.com/other/values',
            ref: 'values',
            revision: SHA,
          },
        ],
      },
      [],
    ],
    [
      'nothing of values files naming no ref source, or one not synced at a commit',
      {
        sources: [
          remoteChart(['values.yaml', '$missing/a.yaml', '$values/b.yaml']),
          { repoURL: CONFIG, ref: 'values', revision: '2.3.1' },
        ],
      },
      [],
    ],
    [
      'a multi-source with a config-repo directory and values from another commit',
      {
        sources: [
          remoteChart(['$values/apps/shop/values.yaml']),
          { repoURL: CONFIG, path: 'apps/shop/extra', revision: OTHER_SHA },
          { repoURL: CONFIG, ref: 'values', revision: SHA },
        ],
      },
      [
        { revision: OTHER_SHA, dir: 'apps/shop/extra' },
        { revision: SHA, valueFiles: ['apps/shop/values.yaml'] },
      ],
    ],
  ])('reads %s', (_, fields, expected) => {
    expect(configRepoReads(applicationStatus(fields), isConfigRepo)).toEqual(
      expected,
    );
  });
});
