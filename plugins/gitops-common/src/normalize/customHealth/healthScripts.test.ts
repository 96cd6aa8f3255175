import {
  healthScriptKey,
  healthScriptsFromArgoCdConfigMap,
  selectHealthScript,
} from './healthScripts';

const lua = (tag: string) =>
  `hs = { status = "Healthy", message = "${tag}" }\nreturn hs\n`;

describe('healthScriptKey', () => {
  it.each([
    ['cert-manager.io', 'Certificate', 'cert-manager.io/Certificate'],
    ['', 'Service', 'Service'],
  ])('%s %s → %s', (group, kind, key) => {
    expect(healthScriptKey(group, kind)).toBe(key);
  });
});

describe('healthScriptsFromArgoCdConfigMap', () => {
  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    [
      'a split key with group',
      {
        'resource.customizations.health.cert-manager.io_Certificate': lua('a'),
      },
      { 'cert-manager.io/Certificate': lua('a') },
    ],
    [
      'a split key of the core group (kind only)',
      { 'resource.customizations.health.Service': lua('a') },
      { Service: lua('a') },
    ],
    [
      'the resource.customizations map, wildcards included',
      {
        'resource.customizations': [
          'ec2.aws.crossplane.io/*:',
          '  health.lua: |',
          '    return { status = "Healthy" }',
          '"*.upbound.io/*":',
          '  health.lua: |',
          '    return { status = "Degraded" }',
          'apps/Deployment:',
          '  ignoreDifferences: |',
          '    jsonPointers: [/spec/replicas]',
        ].join('\n'),
      },
      {
        'ec2.aws.crossplane.io/*': 'return { status = "Healthy" }\n',
        '*.upbound.io/*': 'return { status = "Degraded" }\n',
      },
    ],
    [
      'a split key wins over the map for the same resource',
      {
        'resource.customizations':
          'cert-manager.io/Certificate:\n  health.lua: |\n    return { status = "Degraded" }\n',
        'resource.customizations.health.cert-manager.io_Certificate':
          lua('split'),
      },
      { 'cert-manager.io/Certificate': lua('split') },
    ],
    [
      'empty scripts and other keys are left out',
      {
        'resource.customizations.health.cert-manager.io_Certificate': '  ',
        'resource.customizations.useOpenLibs.cert-manager.io_Certificate':
          'true',
        'resource.customizations.ignoreDifferences.apps_Deployment': 'x',
        url: 'https://argocd.example',
      },
      {},
    ],
  ])('%s', (_name, data, expected) => {
    const { scripts, errors } = healthScriptsFromArgoCdConfigMap(data);
    expect(Object.fromEntries(scripts)).toEqual(expected);
    expect(errors).toEqual([]);
  });

  it.each<[string, unknown, RegExp]>([
    [
      'YAML that does not parse',
      { 'resource.customizations': 'a: [' },
      /not valid YAML/,
    ],
    [
      'YAML that is not a map',
      { 'resource.customizations': '- a\n- b' },
      /not a YAML map/,
    ],
    [
      'a split key with two underscores',
      { 'resource.customizations.health.a_b_c': lua('x') },
      /resource\.customizations\.health\.a_b_c: expected/,
    ],
  ])('reports %s and keeps the rest', (_name, data, error) => {
    const { scripts, errors } = healthScriptsFromArgoCdConfigMap({
      ...(data as object),
      'resource.customizations.health.Service': lua('kept'),
    });
    expect(errors).toEqual([expect.stringMatching(error)]);
    expect(scripts.get('Service')).toBe(lua('kept'));
  });

  it.each([undefined, null, 'text', []])('reads no scripts from %p', data => {
    expect(healthScriptsFromArgoCdConfigMap(data)).toEqual({
      scripts: new Map(),
      errors: [],
    });
  });
});

describe('selectHealthScript', () => {
  const scripts = new Map([
    ['cert-manager.io/Certificate', 'exact'],
    ['*.crossplane.io/*', 'any crossplane'],
    ['ec2.aws.crossplane.io/*', 'ec2'],
    ['Service', 'core service'],
    ['example.com/Widget*', 'widgets'],
  ]);

  it.each<[string, string, string | undefined, string | undefined]>([
    ['cert-manager.io', 'Certificate', 'cert-manager.io/Certificate', 'exact'],
    ['', 'Service', 'Service', 'core service'],
    ['s3.aws.crossplane.io', 'Bucket', '*.crossplane.io/*', 'any crossplane'],
    // Both wildcards match: the first in key order ('*' sorts before letters).
    [
      'ec2.aws.crossplane.io',
      'Instance',
      '*.crossplane.io/*',
      'any crossplane',
    ],
    ['example.com', 'WidgetSet', 'example.com/Widget*', 'widgets'],
    ['crossplane.io', 'Thing', undefined, undefined],
    ['cert-manager.io', 'Issuer', undefined, undefined],
    ['', 'Pod', undefined, undefined],
    // `.` in a key is literal, not "any character".
    ['examplexcom', 'Widget', undefined, undefined],
  ])('%s %s → %s', (group, kind, key, script) => {
    const picked = selectHealthScript(scripts, group, kind);
    expect(picked?.key).toBe(key);
    expect(picked?.script).toBe(script);
  });

  it('prefers the exact key over a matching wildcard', () => {
    const both = new Map([
      ['*.crossplane.io/*', 'wildcard'],
      ['s3.aws.crossplane.io/Bucket', 'exact'],
    ]);
    expect(
      selectHealthScript(both, 's3.aws.crossplane.io', 'Bucket')?.script,
    ).toBe('exact');
  });
});
