import { ConfigReader } from '@backstage/config';
import { readValidationOptions } from './config';

describe('readValidationOptions', () => {
  it('defaults to kubectl on PATH', () => {
    expect(readValidationOptions(new ConfigReader({}))).toEqual({
      kubectlPath: 'kubectl',
      helmPath: 'helm',
      timeoutMs: undefined,
    });
  });

  it('reads gitops.validation.kubectlPath, helmPath and timeoutMs', () => {
    const config = new ConfigReader({
      gitops: {
        validation: {
          kubectlPath: '/opt/kubectl',
          helmPath: '/opt/helm',
          timeoutMs: 5000,
        },
      },
    });
    expect(readValidationOptions(config)).toEqual({
      kubectlPath: '/opt/kubectl',
      helmPath: '/opt/helm',
      timeoutMs: 5000,
    });
  });
});
