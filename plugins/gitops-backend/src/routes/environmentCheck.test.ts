import { ConfigReader } from '@backstage/config';
import { createEnvironmentCheck } from './parse';

const check = (gitops: object, environment: string) => () =>
  createEnvironmentCheck(new ConfigReader({ gitops }))('to', environment);

describe('createEnvironmentCheck', () => {
  it.each([
    [
      'gitops.clusters[].environment',
      { clusters: [{ name: 'a', url: 'https://a', environment: 'prod' }] },
    ],
    ['gitops.clusterEnvironments', { clusterEnvironments: { a: 'prod' } }],
    ['no environment configured at all', {}],
  ])('accepts an environment named by %s', (_name, gitops) => {
    expect(check(gitops, 'prod')).not.toThrow();
  });

  it("refuses an environment neither key names, listing both keys' environments", () => {
    expect(
      check(
        {
          clusters: [{ name: 'a', url: 'https://a', environment: 'dev' }],
          clusterEnvironments: { b: 'staging' },
        },
        'prod',
      ),
    ).toThrow("to: unknown environment 'prod' (configured: dev, staging)");
  });
});
