import { normalizeObject } from '@gitops-portal/plugin-gitops-common';
import { clusterObjects } from './clusterObjects';
import { CLAIM_KINDS } from './crossplane';
import { loadDemoServices } from './demoServices';
import { DEMO_ENVIRONMENTS } from './environments';

const REVISION = 'a'.repeat(40);
const services = loadDemoServices();

const kinds = Object.values(CLAIM_KINDS);
const crossplaneRole = (kind: string) => {
  if (kinds.some(k => k.claimKind === kind)) return 'claim' as const;
  if (kinds.some(k => k.compositeKind === kind)) return 'composite' as const;
  if (kinds.some(k => k.managed.kind === kind)) return 'managed' as const;
  return undefined;
};

// Every seeded object, as the API server stores it (generation set) and the portal's normaliser (Argo CD's health
// rules) reads it, with the Crossplane roles the reconciler derives from the XRDs.
const statuses = DEMO_ENVIRONMENTS.flatMap(env =>
  clusterObjects(
    services,
    env,
    REVISION,
    'http://127.0.0.1:7100/acme/gitops-config.git',
  )
    .filter(o => o.status)
    .map(
      (o): Record<string, any> => ({
        ...o,
        metadata: { generation: 1, ...o.metadata },
      }),
    )
    .map(o =>
      normalizeObject(o, {
        cluster: env.name,
        environment: env.name,
        crossplaneRole: crossplaneRole(o.kind),
      }),
    ),
);

const deliveryOf = (service: string, env: string) =>
  statuses.find(
    s =>
      (s.kind === 'Application' || s.kind === 'Kustomization') &&
      s.environment === env &&
      s.name.startsWith(service),
  )!;

describe('the demo clusters', () => {
  it.each([
    ['fraud-scorer', 'prod', 'Synced', 'Degraded'],
    ['pricing-engine', 'staging', 'OutOfSync', 'Healthy'],
    ['autocomplete', 'staging', 'Unknown', 'Degraded'],
    ['ml-features', 'prod', 'Synced', 'Suspended'],
    ['checkout-web', 'prod', 'Synced', 'Suspended'],
    ['payments-api', 'dev', 'Synced', 'Healthy'],
    ['search-api', 'prod', 'Synced', 'Healthy'],
  ])('shows %s in %s as %s and %s', (service, env, sync, health) => {
    const status = deliveryOf(service, env);
    expect({ sync: status.sync, health: status.health.status }).toEqual({
      sync,
      health,
    });
  });

  it('keeps every object outside the deliberate scenarios healthy', () => {
    const unwell = statuses
      .filter(s => s.health.status !== 'Healthy')
      .map(s => `${s.environment}/${s.kind}/${s.name}`);
    expect(unwell.sort()).toEqual(
      [
        'prod/Application/fraud-scorer-prod',
        'prod/Application/checkout-web-prod',
        'prod/Rollout/checkout-web',
        'prod/Kustomization/ml-features',
        'staging/Kustomization/autocomplete',
        'dev/PostgreSQLInstance/reporting-db',
        'dev/XPostgreSQLInstance/reporting-db-devx7k2p',
        'dev/Instance/reporting-db-devx7k2p',
      ].sort(),
    );
  });

  it('reports every delivery at the config repo revision', () => {
    const revisions = new Set(
      statuses
        .filter(s => s.kind === 'Application' || s.kind === 'Kustomization')
        .map(s => s.revision),
    );
    expect(revisions).toEqual(new Set([REVISION]));
  });
});
