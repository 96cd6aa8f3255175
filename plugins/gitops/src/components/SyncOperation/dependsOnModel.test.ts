import type {
  Condition,
  ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';
import { argoApp } from '../../__testUtils__/fixtures';
import { dependencyStates, dependencyText } from './dependsOnModel';

const MIGRATIONS = {
  kind: 'Kustomization',
  name: 'web-dev-migrations',
  namespace: 'flux-system',
};
const SECRETS = {
  kind: 'Kustomization',
  name: 'secrets',
  namespace: 'flux-system',
};

const kustomization = (ready?: Partial<Condition>): ObjectStatus =>
  argoApp({
    engine: 'flux',
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    dependsOn: [MIGRATIONS, SECRETS],
    conditions: ready ? [{ type: 'Ready', status: 'False', ...ready }] : [],
  });

describe('dependencyStates', () => {
  it.each<[string, ObjectStatus, string[]]>([
    [
      'Ready: every dependency was ready',
      kustomization({ status: 'True', reason: 'ReconciliationSucceeded' }),
      [
        'Kustomization flux-system/web-dev-migrations ready',
        'Kustomization flux-system/secrets ready',
      ],
    ],
    [
      'DependencyNotReady: the named one is waited for, the others not known',
      kustomization({
        reason: 'DependencyNotReady',
        message: "dependency 'flux-system/web-dev-migrations' is not ready",
      }),
      [
        'Kustomization flux-system/web-dev-migrations not ready (waited for)',
        'Kustomization flux-system/secrets not known',
      ],
    ],
    [
      'failing after its dependencies: they were ready',
      kustomization({ reason: 'HealthCheckFailed' }),
      [
        'Kustomization flux-system/web-dev-migrations ready',
        'Kustomization flux-system/secrets ready',
      ],
    ],
    [
      'no Ready condition yet',
      kustomization(),
      [
        'Kustomization flux-system/web-dev-migrations not known',
        'Kustomization flux-system/secrets not known',
      ],
    ],
  ])('%s', (_case, object, texts) => {
    expect(dependencyStates(object).map(dependencyText)).toEqual(texts);
  });
});
