import { ConfigReader } from '@backstage/config';
import { readEnvironmentHints } from './environmentHints';

describe('readEnvironmentHints', () => {
  it("reads the environments and each cluster's url and environment from every cluster source of the config", () => {
    const config = new ConfigReader({
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              { name: 'prod-eu', url: 'https://prod-eu.example:6443' },
              { name: 'qa-1', url: 'https://qa.example:6443' },
            ],
          },
          { type: 'catalog' },
        ],
      },
      gitops: {
        environments: ['dev', 'prod'],
        clusters: [
          {
            name: 'dev-1',
            url: 'https://dev.example:6443',
            environment: 'dev',
          },
          { name: 'prod-eu', environment: 'prod' },
        ],
        clusterEnvironments: { 'qa-1': 'qa', 'dev-1': 'ignored' },
      },
    });
    expect(readEnvironmentHints(config, ['preview'])).toEqual({
      environments: ['dev', 'prod', 'preview', 'qa'],
      clusters: [
        {
          name: 'prod-eu',
          url: 'https://prod-eu.example:6443',
          environment: 'prod',
        },
        { name: 'qa-1', url: 'https://qa.example:6443', environment: 'qa' },
        { name: 'dev-1', url: 'https://dev.example:6443', environment: 'dev' },
      ],
    });
  });
});
