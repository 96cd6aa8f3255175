import { k8s } from '../__fixtures__/objects';
import { xrdFromObject } from './crossplaneStatus';

describe('xrdFromObject', () => {
  const xrd = (spec: unknown) =>
    k8s('apiextensions.crossplane.io/v1', 'CompositeResourceDefinition', {
      metadata: { name: 'xdatabases.platform.example.org' },
      spec,
    });

  it('reads group, kinds and versions with their schemas', () => {
    const schema = {
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          properties: { size: { type: 'string', enum: ['small', 'large'] } },
        },
      },
    };
    const obj = xrd({
      group: 'platform.example.org',
      names: { kind: 'XDatabase', plural: 'xdatabases' },
      claimNames: { kind: 'Database', plural: 'databases' },
      versions: [
        {
          name: 'v1alpha1',
          served: true,
          referenceable: true,
          schema: { openAPIV3Schema: schema },
        },
        { name: 'v1alpha0', served: false, referenceable: false },
        { served: true },
      ],
    });
    expect(xrdFromObject(obj, 'prod-eu')).toEqual({
      name: 'xdatabases.platform.example.org',
      group: 'platform.example.org',
      compositeKind: 'XDatabase',
      claimKind: 'Database',
      claimPlural: 'databases',
      versions: [
        { name: 'v1alpha1', served: true, referenceable: true, schema },
        { name: 'v1alpha0', served: false, referenceable: false, schema: {} },
      ],
      cluster: 'prod-eu',
    });
  });

  it('has no claim names for an XRD without claims', () => {
    const obj = xrd({
      group: 'platform.example.org',
      names: { kind: 'XNetwork' },
      versions: [],
    });
    expect(xrdFromObject(obj, 'dev')).toEqual({
      name: 'xdatabases.platform.example.org',
      group: 'platform.example.org',
      compositeKind: 'XNetwork',
      versions: [],
      cluster: 'dev',
    });
  });

  it.each([
    [
      'another kind',
      k8s('apiextensions.crossplane.io/v1', 'Composition', {
        spec: { group: 'g', names: { kind: 'X' } },
      }),
    ],
    ['no group', xrd({ names: { kind: 'X' } })],
    ['no composite kind', xrd({ group: 'g' })],
    ['no spec', xrd(undefined)],
  ])('is undefined for %s', (_name, obj) => {
    expect(xrdFromObject(obj, 'dev')).toBeUndefined();
  });
});
