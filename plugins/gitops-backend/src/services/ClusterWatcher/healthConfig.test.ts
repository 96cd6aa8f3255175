import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { readHealthConfig } from './healthConfig';

const gitops = (health: JsonObject) => new ConfigReader({ health });

describe('readHealthConfig', () => {
  it.each<[string, ConfigReader | undefined, string]>([
    ['no gitops config', undefined, 'argocd'],
    ['no health key', new ConfigReader({}), 'argocd'],
    ['a configured namespace', gitops({ argoCdNamespace: 'gitops' }), 'gitops'],
  ])('reads the argocd-cm namespace from %s', (_name, config, namespace) => {
    expect(readHealthConfig(config).argoCdNamespace).toBe(namespace);
  });

  it('reads our scripts in the resource.customizations format', () => {
    const { scripts } = readHealthConfig(
      gitops({
        resourceCustomizations: [
          '"*.crossplane.io/*":',
          '  health.lua: |',
          '    return { status = "Healthy" }',
        ].join('\n'),
      }),
    );
    expect(Object.fromEntries(scripts ?? [])).toEqual({
      '*.crossplane.io/*': 'return { status = "Healthy" }\n',
    });
  });

  it.each([
    ['YAML that does not parse', 'a: ['],
    ['YAML that is not a map', '- a'],
  ])('stops the start on %s, naming the key', (_name, value) => {
    expect(() =>
      readHealthConfig(gitops({ resourceCustomizations: value })),
    ).toThrow(/^gitops\.health\.resourceCustomizations: /);
  });
});
