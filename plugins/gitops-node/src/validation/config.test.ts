import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readValidationOptions } from './config';

const read = (validation: unknown) =>
  readValidationOptions(new ConfigReader({ gitops: { validation } } as any));

describe('readValidationOptions', () => {
  it('defaults to kubectl and helm on PATH, every rule on, policies from policies/, CRDs from crds/, the newest Kubernetes', () => {
    expect(readValidationOptions(new ConfigReader({}))).toEqual({
      kubectlPath: 'kubectl',
      helmPath: 'helm',
      timeoutMs: undefined,
      rules: {},
      policies: { enabled: true, paths: ['policies/'] },
      kubernetesVersion: '1.34',
      crdPaths: ['crds/'],
    });
  });

  it('refuses a Kubernetes version whose schema is not shipped, naming the key', () => {
    expect(() => read({ kubernetesVersion: '1.20' })).toThrow(
      'gitops.validation.kubernetesVersion',
    );
  });

  it('reads gitops.validation.kubectlPath, helmPath and timeoutMs', () => {
    expect(
      read({
        kubectlPath: '/opt/kubectl',
        helmPath: '/opt/helm',
        timeoutMs: 5000,
      }),
    ).toMatchObject({
      kubectlPath: '/opt/kubectl',
      helmPath: '/opt/helm',
      timeoutMs: 5000,
    });
  });

  it('reads a rule setting and fills its defaults', () => {
    expect(
      read({
        rules: {
          'resources-limits': { severity: 'warning' },
          'team-env-labels': {
            enabled: true,
            exceptions: [{ namespace: 'kube-system', name: 'coredns' }],
          },
        },
        policies: { paths: ['estate/policies/', 'admission.yaml'] },
      }),
    ).toMatchObject({
      rules: {
        'resources-limits': {
          enabled: true,
          severity: 'warning',
          exceptions: [],
        },
        'team-env-labels': {
          enabled: true,
          severity: 'error',
          exceptions: [{ namespace: 'kube-system', name: 'coredns' }],
        },
      },
      policies: {
        enabled: true,
        paths: ['estate/policies/', 'admission.yaml'],
      },
    });
  });

  it.each([
    [{ rules: { 'no-such-rule': {} } }, 'gitops.validation.rules'],
    [
      { rules: { 'resources-limits': { severity: 'fatal' } } },
      'gitops.validation.rules.resources-limits.severity',
    ],
    [
      { rules: { 'dns1123-names': { exceptions: [{ name: 'x' }] } } },
      'gitops.validation.rules.dns1123-names.exceptions.0.namespace',
    ],
    [
      { rules: { 'immutable-image-tag': { enabled: 'yes' } } },
      'gitops.validation.rules.immutable-image-tag.enabled',
    ],
    [{ policies: { paths: [] } }, 'gitops.validation.policies.paths'],
  ])('refuses %j naming %s', (validation, key) => {
    expect(() => read(validation)).toThrow(InputError);
    expect(() => read(validation)).toThrow(`Invalid config ${key}:`);
  });
});
