import { InputError } from '@backstage/errors';
import { webService } from '../__testUtils__/fixtures';
import { generateServiceManifests } from './generateServiceManifests';
import { NewServiceManifestOptions } from './types';

const PROMETHEUS = 'http://prometheus.monitoring:9090';
const FLUX = { engine: 'flux' as const };
const REMOTE_CHART = {
  repoUrl: 'oci://ghcr.io/acme/charts',
  name: 'web',
  version: '1.2.0',
};

describe('generateServiceManifests variant options', () => {
  it.each<[string, Partial<NewServiceManifestOptions>, RegExp]>([
    [
      'a chart version range',
      { packaging: 'helm', chart: { ...REMOTE_CHART, version: '^1.2' } },
      /exact semver/,
    ],
    [
      'an http chart repository',
      {
        packaging: 'helm',
        chart: { ...REMOTE_CHART, repoUrl: 'http://charts.example' },
      },
      /https:\/\/ or oci:\/\//,
    ],
    [
      'a chart without packaging helm',
      { chart: REMOTE_CHART },
      /packaging: helm/,
    ],
    [
      'a migration with Helm',
      { packaging: 'helm', migration: { command: ['./migrate'] } },
      /migration/,
    ],
    [
      'Flux image automation with Argo CD',
      { imageAutomation: { mode: 'flux' } },
      /needs engine flux/,
    ],
    [
      'Flux image automation of a digest',
      {
        delivery: FLUX,
        imageAutomation: { mode: 'flux' },
        environments: [
          { name: 'dev', replicas: 1, imageDigest: `sha256:${'a'.repeat(64)}` },
        ],
      },
      /needs imageTag/,
    ],
    [
      'a timestamp pattern without a ts group',
      {
        delivery: FLUX,
        imageAutomation: {
          mode: 'flux',
          policy: { timestampPattern: '^main-.*' },
        },
      },
      /\(\?P<ts>/,
    ],
    [
      'a canary weight over 100',
      { progressiveDelivery: { type: 'rollout', steps: [{ setWeight: 150 }] } },
      /setWeight/,
    ],
    [
      'a Prometheus address that is not a URL',
      {
        progressiveDelivery: {
          type: 'rollout',
          analysis: { prometheusAddress: 'prometheus' },
        },
      },
      /prometheusAddress/,
    ],
    [
      'a success rate over 1',
      {
        progressiveDelivery: {
          type: 'rollout',
          analysis: { prometheusAddress: PROMETHEUS, successRateThreshold: 95 },
        },
      },
      /fraction/,
    ],
  ])('refuses %s with an InputError', (_name, overrides, message) => {
    let error: unknown;
    try {
      generateServiceManifests(webService(overrides));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
  });
});
