import type { RunningVersion } from '@gitops-portal/plugin-gitops-common';
import { versionChanges } from './versionChanges';

const images = (...list: RunningVersion['images']): RunningVersion => ({
  images: list,
  charts: [],
});
const charts = (...list: RunningVersion['charts']): RunningVersion => ({
  images: [],
  charts: list,
});

describe('versionChanges (what differs between two columns)', () => {
  it.each([
    [
      'the same image tag',
      images({ name: 'shop', tag: '1' }),
      images({ name: 'shop', tag: '1' }),
      [],
    ],
    [
      'another image tag',
      images({ name: 'shop', tag: '2' }),
      images({ name: 'shop', tag: '1' }),
      [{ kind: 'image', name: 'shop', from: '2', to: '1' }],
    ],
    [
      'the same tag at another digest',
      images({ name: 'shop', tag: '1', digest: 'sha256:b' }),
      images({ name: 'shop', tag: '1', digest: 'sha256:a' }),
      [{ kind: 'image', name: 'shop', from: '1@sha256:b', to: '1@sha256:a' }],
    ],
    [
      'an image only the earlier runs',
      images({ name: 'shop', tag: '1' }, { name: 'worker', tag: '1' }),
      images({ name: 'shop', tag: '1' }),
      [{ kind: 'image', name: 'worker', from: '1' }],
    ],
    [
      'an image only the later runs',
      images(),
      images({ name: 'shop', tag: '1' }),
      [{ kind: 'image', name: 'shop', to: '1' }],
    ],
    [
      'another chart version',
      charts({ name: 'podinfo', version: '6.9.0' }),
      charts({ name: 'podinfo', version: '6.8.0' }),
      [{ kind: 'chart', name: 'podinfo', from: '6.9.0', to: '6.8.0' }],
    ],
    ['nothing known on either side', images(), images(), []],
  ] as const)('%s', (_, from, to, expected) => {
    expect(versionChanges(from, to)).toEqual(expected);
  });
});
