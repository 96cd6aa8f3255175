import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

const step = (input: Record<string, unknown>) =>
  yaml.stringify({
    steps: [
      {
        id: 'create',
        action: 'gitops:service:create',
        name: 'Add the service to the config repo',
        input,
      },
    ],
  });

export const examples: TemplateExample[] = [
  {
    description: 'A service in two environments, one Argo CD Application each',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      name: 'checkout',
      team: 'payments',
      image: 'ghcr.io/acme/checkout',
      environments: [
        { name: 'dev', replicas: 1, imageTag: '1.0.0' },
        { name: 'prod', replicas: 3, imageTag: '1.0.0' },
      ],
    }),
  },
  {
    description:
      'An Argo CD ApplicationSet, an autoscaler and a migration Job, as a labelled draft PR',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      name: 'orders',
      team: 'payments',
      image: 'ghcr.io/acme/orders',
      environments: [
        { name: 'dev', replicas: 1, imageTag: '2.1.0' },
        { name: 'staging', replicas: 2, imageTag: '2.0.3' },
      ],
      argocdMode: 'applicationset',
      hpa: { minReplicas: 2, maxReplicas: 6 },
      migration: { command: ['./migrate', 'up'] },
      labels: ['gitops', 'new-service'],
      draft: true,
    }),
  },
  {
    description:
      'Registered in the app-of-apps folder `clusters/shared/apps` (as discovered in the config repo), with a migration Job run as an Argo CD PreSync hook',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      name: 'ledger',
      team: 'payments',
      image: 'ghcr.io/acme/ledger',
      environments: [
        { name: 'dev', replicas: 1, imageTag: '1.0.0' },
        { name: 'prod', replicas: 2, imageTag: '1.0.0' },
      ],
      registration: { mode: 'appOfApps', target: 'clusters/shared/apps' },
      migration: { command: ['./migrate', 'up'], order: 'preSyncHook' },
    }),
  },
  {
    description: 'A service delivered by Flux Kustomizations',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      name: 'ledger',
      team: 'finance',
      image: 'ghcr.io/acme/ledger',
      engine: 'flux',
      environments: [{ name: 'dev', replicas: 1, imageTag: '0.9.0' }],
    }),
  },
  {
    description:
      'A drift policy per environment: dev tolerates changes made in the cluster and keeps what left the repo, prod self-heals and ignores the replicas an autoscaler sets',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      name: 'inventory',
      team: 'logistics',
      image: 'ghcr.io/acme/inventory',
      environments: [
        {
          name: 'dev',
          replicas: 1,
          imageTag: '1.2.0',
          driftPolicy: { selfHeal: false, prune: false },
        },
        {
          name: 'prod',
          replicas: 3,
          imageTag: '1.2.0',
          driftPolicy: {
            ignoreDifferences: [
              {
                group: 'apps',
                kind: 'Deployment',
                jsonPointers: ['/spec/replicas'],
              },
            ],
          },
        },
      ],
    }),
  },
  {
    description:
      'Flux drift policy: prod reconciled every minute, dev every 10 minutes without pruning',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      name: 'billing',
      team: 'finance',
      image: 'ghcr.io/acme/billing',
      engine: 'flux',
      environments: [
        {
          name: 'dev',
          replicas: 1,
          imageTag: '0.4.0',
          driftPolicy: { prune: false, interval: '10m' },
        },
        {
          name: 'prod',
          replicas: 2,
          imageTag: '0.4.0',
          driftPolicy: { interval: '1m' },
        },
      ],
    }),
  },
  {
    description:
      'Helm packaging with Argo CD: a chart generated into the config repo (version pinned) and an Argo Rollouts canary with a Prometheus analysis',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      name: 'search',
      team: 'discovery',
      image: 'ghcr.io/acme/search',
      packaging: 'helm',
      chart: { version: '0.1.0' },
      environments: [
        {
          name: 'dev',
          replicas: 1,
          imageTag: '0.3.0',
          values: { logLevel: 'debug' },
        },
        { name: 'prod', replicas: 3, imageTag: '0.2.9' },
      ],
      progressiveDelivery: {
        type: 'rollout',
        steps: [
          { setWeight: 10, pauseSeconds: 60 },
          { setWeight: 50, pauseSeconds: 120 },
        ],
        analysis: {
          prometheusAddress: 'http://prometheus.monitoring:9090',
          successRateThreshold: 0.99,
        },
      },
    }),
  },
  {
    description:
      'Helm packaging with Flux: a HelmRelease of a chart from a chart repository at a pinned version',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      name: 'podinfo',
      team: 'platform',
      image: 'ghcr.io/stefanprodan/podinfo',
      engine: 'flux',
      packaging: 'helm',
      chart: {
        repoUrl: 'oci://ghcr.io/stefanprodan/charts',
        name: 'podinfo',
        version: '6.7.1',
      },
      environments: [
        {
          name: 'dev',
          replicas: 1,
          imageTag: '6.7.1',
          values: { ui: { message: 'dev' } },
        },
      ],
    }),
  },
  {
    description:
      'Flux with a Flagger canary and Flux image automation following semver tags',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      name: 'payments-api',
      team: 'payments',
      image: 'ghcr.io/acme/payments-api',
      engine: 'flux',
      environments: [
        { name: 'dev', replicas: 1, imageTag: '1.0.0' },
        { name: 'prod', replicas: 2, imageTag: '1.0.0' },
      ],
      progressiveDelivery: { type: 'flagger' },
      imageAutomation: { mode: 'flux', policy: { semver: '>=1.0.0' } },
    }),
  },
  {
    description:
      'Flux image automation of timestamped tags (`main-<sha>-<unix time>`) for a Helm service',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      name: 'notifier',
      team: 'platform',
      image: 'ghcr.io/acme/notifier',
      engine: 'flux',
      packaging: 'helm',
      environments: [
        { name: 'dev', replicas: 1, imageTag: 'main-3f2a9c1-1732406400' },
      ],
      imageAutomation: {
        mode: 'flux',
        policy: { timestampPattern: '^main-[a-f0-9]+-(?P<ts>[0-9]+)$' },
      },
    }),
  },
];
