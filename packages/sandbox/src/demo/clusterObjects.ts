import { CANARY_STEPS, claimManifests, deliveryManifest } from './configRepo';
import { CLAIM_KINDS, ClaimType, crossplaneDefinitions } from './crossplane';
import { DemoService } from './demoServices';
import { DemoEnvironment } from './environments';

/** What the demo shows going wrong, so every status a view must render exists somewhere in the sandbox. */
export type Scenario =
  | 'healthy'
  | 'degraded'
  | 'out-of-sync'
  | 'build-failed'
  | 'suspended'
  | 'canary'
  | 'claim-creating';

const SCENARIOS: Record<
  string,
  Partial<Record<DemoEnvironment['name'], Scenario>>
> = {
  'fraud-scorer': { prod: 'degraded' },
  'pricing-engine': { staging: 'out-of-sync' },
  autocomplete: { staging: 'build-failed' },
  'ml-features': { prod: 'suspended' },
  'checkout-web': { prod: 'canary' },
  'reporting-api': { dev: 'claim-creating' },
};

export function scenarioOf(
  service: string,
  env: DemoEnvironment['name'],
): Scenario {
  return SCENARIOS[service]?.[env] ?? 'healthy';
}

type Obj = Record<string, any>;
const condition = (
  type: string,
  status: boolean,
  reason: string,
  message: string,
  at: string,
) => ({
  type,
  status: status ? 'True' : 'False',
  reason,
  message,
  lastTransitionTime: at,
});

const ARGO_HEALTH: Partial<
  Record<Scenario, (name: string) => { status: string; message: string }>
> = {
  degraded: name => ({
    status: 'Degraded',
    message: `Deployment "${name}" exceeded its progress deadline`,
  }),
  canary: () => ({ status: 'Suspended', message: 'CanaryPauseStep' }),
};

function argoStatus(
  service: DemoService,
  scenario: Scenario,
  revision: string,
  at: string,
): Obj {
  const workloadKind = service.rollout ? 'Rollout' : 'Deployment';
  const workloadGroup = service.rollout ? 'argoproj.io' : 'apps';
  const health = ARGO_HEALTH[scenario]?.(service.name) ?? { status: 'Healthy' };
  const workloadSync = scenario === 'out-of-sync' ? 'OutOfSync' : 'Synced';
  return {
    sync: {
      status: workloadSync,
      revision,
      comparedTo: { source: { path: `apps/${service.name}` } },
    },
    health,
    operationState: {
      phase: 'Succeeded',
      message: 'successfully synced (all tasks run)',
      startedAt: at,
      finishedAt: at,
      syncResult: { revision },
    },
    resources: [
      {
        group: workloadGroup,
        version: 'v1',
        kind: workloadKind,
        namespace: service.name,
        name: service.name,
        status: workloadSync,
        health,
      },
      {
        version: 'v1',
        kind: 'Service',
        namespace: service.name,
        name: service.name,
        status: 'Synced',
        health: { status: 'Healthy' },
      },
    ],
    history: [
      {
        id: 1,
        revision,
        deployedAt: at,
        source: { path: `apps/${service.name}` },
      },
    ],
    reconciledAt: at,
    sourceType: 'Kustomize',
  };
}

function fluxStatus(scenario: Scenario, revision: string, at: string): Obj {
  const fluxRevision = `main@sha1:${revision}`;
  const ready =
    scenario === 'build-failed'
      ? condition(
          'Ready',
          false,
          'BuildFailed',
          'kustomize build failed: accumulating resources: missing file',
          at,
        )
      : condition(
          'Ready',
          true,
          'ReconciliationSucceeded',
          `Applied revision: ${fluxRevision}`,
          at,
        );
  return {
    observedGeneration: 1,
    lastAppliedRevision: fluxRevision,
    lastAttemptedRevision: fluxRevision,
    conditions: [ready],
  };
}

function rolloutObject(
  service: DemoService,
  scenario: Scenario,
  env: DemoEnvironment,
  at: string,
): Obj {
  const paused = scenario === 'canary';
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: {
      name: service.name,
      namespace: service.name,
      labels: { 'backstage.io/kubernetes-id': service.name },
    },
    spec: {
      replicas: env.replicas,
      strategy: { canary: { steps: CANARY_STEPS } },
    },
    status: {
      observedGeneration: '1',
      phase: paused ? 'Paused' : 'Healthy',
      message: paused ? 'CanaryPauseStep' : undefined,
      currentStepIndex: paused ? 1 : CANARY_STEPS.length,
      replicas: env.replicas,
      updatedReplicas: paused ? 1 : env.replicas,
      readyReplicas: env.replicas,
      availableReplicas: env.replicas,
      canary: {
        weights: {
          canary: { weight: paused ? 20 : 100 },
          stable: { weight: paused ? 80 : 0 },
        },
      },
      pauseConditions: paused
        ? [{ reason: 'CanaryPauseStep', startTime: at }]
        : undefined,
      conditions: [
        condition(
          'Available',
          true,
          'AvailableReason',
          'Rollout has minimum availability',
          at,
        ),
      ],
    },
  };
}

function crossplaneObjects(
  service: DemoService,
  env: DemoEnvironment,
  scenario: Scenario,
  at: string,
): Obj[] {
  return claimManifests(service, env).flatMap(claim => {
    const type = (Object.keys(CLAIM_KINDS) as ClaimType[]).find(
      t => CLAIM_KINDS[t].claimKind === claim.kind,
    )!;
    const k = CLAIM_KINDS[type];
    const compositeName = `${claim.metadata.name}-${env.name}x7k2p`;
    const ready = scenario !== 'claim-creating';
    const conditions = [
      condition('Synced', true, 'ReconcileSuccess', '', at),
      ready
        ? condition('Ready', true, 'Available', '', at)
        : condition(
            'Ready',
            false,
            'Creating',
            'Composite resource is being created',
            at,
          ),
    ];
    const group = claim.apiVersion;
    return [
      {
        ...claim,
        spec: {
          ...claim.spec,
          resourceRef: {
            apiVersion: group,
            kind: k.compositeKind,
            name: compositeName,
          },
        },
        status: { conditions },
      },
      {
        apiVersion: group,
        kind: k.compositeKind,
        metadata: { name: compositeName, labels: claim.metadata.labels },
        spec: {
          parameters: claim.spec.parameters,
          claimRef: {
            apiVersion: group,
            kind: claim.kind,
            namespace: claim.metadata.namespace,
            name: claim.metadata.name,
          },
          resourceRefs: [
            {
              apiVersion: k.managed.apiVersion,
              kind: k.managed.kind,
              name: compositeName,
            },
          ],
        },
        status: { conditions },
      },
      {
        apiVersion: k.managed.apiVersion,
        kind: k.managed.kind,
        metadata: {
          name: compositeName,
          labels: { 'crossplane.io/composite': compositeName },
        },
        spec: {
          forProvider: { region: 'eu-west-1' },
          providerConfigRef: { name: 'default' },
        },
        status: {
          conditions,
          atProvider: {
            arn: `arn:aws:${type}:eu-west-1:000000000000:${compositeName}`,
          },
        },
      },
    ];
  });
}

/** The live objects of one environment's cluster, as Argo CD, Flux, Crossplane and Argo Rollouts would report them. */
export function clusterObjects(
  services: DemoService[],
  env: DemoEnvironment,
  revision: string,
  repoUrl: string,
  at = new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
): Obj[] {
  const namespace = (name: string) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name },
  });
  const teams = [...new Set(services.map(s => s.team))];
  const objects: Obj[] = [
    ...['argocd', 'flux-system', 'crossplane-system'].map(namespace),
    ...crossplaneDefinitions(),
    ...teams.map(team => ({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: { name: team, namespace: 'argocd' },
      spec: {
        sourceRepos: [repoUrl],
        destinations: [
          { namespace: '*', server: 'https://kubernetes.default.svc' },
        ],
      },
    })),
    {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: 'gitops-config', namespace: 'flux-system' },
      spec: { interval: '1m', url: repoUrl, ref: { branch: 'main' } },
      status: {
        observedGeneration: 1,
        artifact: { revision: `main@sha1:${revision}`, lastUpdateTime: at },
        conditions: [
          // Flux sources report both; Argo CD's health check needs both True for Healthy.
          condition(
            'Ready',
            true,
            'Succeeded',
            `stored artifact for revision 'main@sha1:${revision}'`,
            at,
          ),
          condition(
            'ArtifactInStorage',
            true,
            'Succeeded',
            `stored artifact for revision 'main@sha1:${revision}'`,
            at,
          ),
        ],
      },
    },
  ];
  for (const service of services) {
    const scenario = scenarioOf(service.name, env.name);
    objects.push(namespace(service.name));
    const delivery: Obj = deliveryManifest(service, env, repoUrl);
    if (service.engine === 'argocd') {
      delivery.status = argoStatus(service, scenario, revision, at);
    } else {
      if (scenario === 'suspended') delivery.spec.suspend = true;
      delivery.status = fluxStatus(scenario, revision, at);
    }
    objects.push(delivery);
    if (service.rollout)
      objects.push(rolloutObject(service, scenario, env, at));
    objects.push(...crossplaneObjects(service, env, scenario, at));
  }
  return objects;
}
