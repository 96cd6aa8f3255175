import { cond, k8s } from '../__fixtures__/objects';
import { normalizeObject, NormalizeOptions } from './normalizeObject';

/**
 * ArtifactGenerator and ExternalArtifact records, from objects written after the source-watcher API
 * (source.extensions.fluxcd.io/v1beta1) and source-controller's ExternalArtifact (source.toolkit.fluxcd.io/v1).
 */
const options: NormalizeOptions = {
  cluster: 'stage-1',
  environment: 'staging',
  now: new Date('2026-01-01T00:00:00Z'),
};

const generator = (spec: unknown) =>
  k8s('source.extensions.fluxcd.io/v1beta1', 'ArtifactGenerator', {
    metadata: { name: 'split', namespace: 'flux-system' },
    spec,
    status: { conditions: [cond('Ready', 'True', 'Succeeded')] },
  });

describe('ArtifactGenerator records', () => {
  it.each([
    [
      'one Git source split into two artifacts',
      {
        sources: [{ alias: 'repo', kind: 'GitRepository', name: 'fleet' }],
        artifacts: [
          {
            name: 'web',
            copy: [{ from: '@repo/deploy/web/**', to: '@artifact/' }],
          },
          {
            name: 'api',
            originRevision: '@repo',
            copy: [
              { from: '@repo/deploy/common/**', to: '@artifact/common/' },
              { from: '@repo/deploy/api/values.yaml', to: '@artifact/v.yaml' },
            ],
          },
        ],
      },
      {
        sources: [{ alias: 'repo', kind: 'GitRepository', name: 'fleet' }],
        artifacts: [
          {
            name: 'web',
            copy: [{ from: '@repo/deploy/web/**', to: '@artifact/' }],
          },
          {
            name: 'api',
            copy: [
              { from: '@repo/deploy/common/**', to: '@artifact/common/' },
              { from: '@repo/deploy/api/values.yaml', to: '@artifact/v.yaml' },
            ],
          },
        ],
      },
    ],
    [
      'a source in another namespace keeps its namespace',
      {
        sources: [
          {
            alias: 'charts',
            kind: 'OCIRepository',
            name: 'charts',
            namespace: 'shared',
          },
        ],
        artifacts: [],
      },
      {
        sources: [
          {
            alias: 'charts',
            kind: 'OCIRepository',
            name: 'charts',
            namespace: 'shared',
          },
        ],
        artifacts: [],
      },
    ],
    [
      'entries missing a required field are left out',
      {
        sources: [{ kind: 'GitRepository', name: 'no-alias' }, 'junk'],
        artifacts: [
          { copy: [{ from: '@a/x', to: '@artifact/' }] },
          { name: 'kept', copy: [{ from: '@a/x' }, { to: '@artifact/' }] },
        ],
      },
      { sources: [], artifacts: [{ name: 'kept', copy: [] }] },
    ],
  ])('%s', (_case, spec, expected) => {
    expect(normalizeObject(generator(spec), options)).toMatchObject({
      engine: 'flux',
      kind: 'ArtifactGenerator',
      health: { status: 'Healthy' },
      generator: expected,
    });
  });

  it('has no generator without a spec', () => {
    const record = normalizeObject(generator(undefined), options);
    expect(record.generator).toBeUndefined();
  });
});

describe('ExternalArtifact records', () => {
  it('name the generator that writes them as their source', () => {
    const artifact = k8s('source.toolkit.fluxcd.io/v1', 'ExternalArtifact', {
      metadata: { name: 'web', namespace: 'flux-system' },
      spec: {
        sourceRef: {
          apiVersion: 'source.extensions.fluxcd.io/v1beta1',
          kind: 'ArtifactGenerator',
          name: 'split',
          namespace: 'flux-system',
        },
      },
      status: {
        artifact: { revision: 'latest@sha256:0f0f' },
        conditions: [cond('Ready', 'True', 'Succeeded')],
      },
    });
    expect(normalizeObject(artifact, options).source).toEqual({
      sourceRef: {
        apiVersion: 'source.extensions.fluxcd.io/v1beta1',
        kind: 'ArtifactGenerator',
        name: 'split',
        namespace: 'flux-system',
      },
    });
  });
});
