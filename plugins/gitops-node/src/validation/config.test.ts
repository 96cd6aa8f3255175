import { ConfigReader } from '@backstage/config';
import { readValidationOptions } from './config';

describe('readValidationOptions', () => {
  it('defaults to kubectl on PATH', () => {
    expect(readValidationOptions(new ConfigReader({}))).toEqual({
      kubectlPath: 'kubectl',
      timeoutMs: undefined,
    });
  });

  it('reads gitops.validation.kubectlPath and timeoutMs', () => {
    const config = new ConfigReader({
      gitops: { validation: { kubectlPath: '/opt/kubectl', timeoutMs: 5000 } },
    });
    expect(readValidationOptions(config)).toEqual({
      kubectlPath: '/opt/kubectl',
      timeoutMs: 5000,
    });
  });
});
