import { ConfigReader } from '@backstage/config';
import {
  createEnvironmentCheck,
  createEnvironments,
  environmentOrder,
} from './environments';

describe('environmentOrder', () => {
  it.each([
    [
      'clusters in configuration order without gitops.environments',
      undefined,
      [
        { name: 'p', environment: 'prod' },
        { name: 'd', environment: 'dev' },
      ],
      ['prod', 'dev'],
    ],
    [
      'gitops.environments first, then the clusters’ others',
      ['dev', 'prod'],
      [
        { name: 'q', environment: 'qa' },
        { name: 'p', environment: 'prod' },
      ],
      ['dev', 'prod', 'qa'],
    ],
    [
      'a cluster without environment names none',
      undefined,
      [{ name: 'x' }],
      [],
    ],
  ])('%s', (_, configured, clusters, expected) => {
    expect(environmentOrder({ configured, clusters })).toEqual(expected);
  });
});

describe('createEnvironments', () => {
  it('follows the cluster source as its clusters change', () => {
    let clusters = [{ name: 'a', environment: 'dev' }];
    const environments = createEnvironments(
      new ConfigReader({ gitops: { environments: ['dev', 'prod'] } }),
      { clusters: () => clusters as any },
    );
    expect(environments()).toEqual(['dev', 'prod']);
    clusters = [...clusters, { name: 'b', environment: 'qa' }];
    expect(environments()).toEqual(['dev', 'prod', 'qa']);
  });

  it('refuses a bad gitops.environments at start-up, naming the key', () => {
    expect(() =>
      createEnvironments(
        new ConfigReader({ gitops: { environments: ['dev', 'dev'] } }),
        { clusters: () => [] },
      ),
    ).toThrow('gitops.environments');
  });
});

describe('createEnvironmentCheck', () => {
  const check = (known: string[], environment: string) => () =>
    createEnvironmentCheck(() => known)('to', environment);

  it.each([
    ['a known environment', ['dev', 'prod'], 'prod'],
    ['anything when no environment is known', [], 'prod'],
  ])('accepts %s', (_name, known, environment) => {
    expect(check(known, environment)).not.toThrow();
  });

  it('refuses an unknown environment, listing the known ones', () => {
    expect(check(['staging', 'dev'], 'prod')).toThrow(
      "to: unknown environment 'prod' (configured: dev, staging)",
    );
  });
});
