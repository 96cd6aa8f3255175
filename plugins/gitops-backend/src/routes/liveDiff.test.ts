import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { LiveDiffResponse } from '@gitops-portal/plugin-gitops-common';
import { GithubEmulator, startGithubEmulator } from '@internal/github-emulator';
import { KubeEmulator } from '@internal/kube-emulator';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { clusterConfigEntry, startClusters } from '../__testUtils__/clusters';
import { KUBECTL } from '../__testUtils__/configRepoBackend';
import { component } from '../__testUtils__/fixtures';
import { waitFor } from '../__testUtils__/waitFor';
import { gitopsPlugin } from '../plugin';

/*
 * The live diff against both emulators: the config repo (github-emulator) rendered with the repo's own kubectl, the
 * Application and its live objects in a kube-emulator cluster, drifted the way a `kubectl edit` would.
 */

const TOKEN = 'live-diff-test-token';
/** The repo's own helm (scripts/setup.sh), else the one on PATH. */
const HELM =
  [resolve(__dirname, '../../../../.tools/kubectl/helm/helm')].find(
    existsSync,
  ) ?? 'helm';
const ID = 'backstage.io/kubernetes-id';
const PASSWORD = 'correct-horse-battery-staple';
const LIVE_PASSWORD = 'changed-in-the-cluster';

const CONFIG_FILES: Record<string, string> = {
  'apps/shop/base/kustomization.yaml':
    'resources:\n  - deployment.yaml\n  - service.yaml\n  - secret.yaml\n  - configmap.yaml\n',
  'apps/shop/base/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  labels: { app: shop }
spec:
  replicas: 2
  selector: { matchLabels: { app: shop } }
  template:
    metadata: { labels: { app: shop } }
    spec:
      containers:
        - name: shop
          image: ghcr.io/acme/shop:1.0.0
`,
  'apps/shop/base/service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: shop
spec:
  selector: { app: shop }
  ports:
    - port: 80
      targetPort: 8080
`,
  'apps/shop/base/secret.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: shop-db
stringData:
  password: ${PASSWORD}
`,
  'apps/shop/base/configmap.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: shop-settings
data:
  mode: fast
`,
  'apps/shop/overlays/dev/kustomization.yaml':
    'namespace: shop\nresources:\n  - ../../base\n',
  'apps/shop/overlays/dev/values.yaml': 'mode: fast\n',
  'apps/shop/overlays/remote/kustomization.yaml':
    'resources:\n  - https://github.com/acme/shared//base?ref=v1\n',
  'apps/shop/chart/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 0.1.0\n',
  'apps/shop/chart/values.yaml': 'mode: slow\n',
  'apps/shop/chart/templates/configmap.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-chart-settings
data:
  mode: {{ .Values.mode | quote }}
`,
};

let dataDir: string;
let github: GithubEmulator;
let kube: KubeEmulator;
let revision: string;

function application(
  name: string,
  extra: { ignoreDifferences?: object[]; path?: string; helm?: object } = {},
) {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace: 'argocd', labels: { [ID]: 'shop' } },
    spec: {
      project: 'default',
      source: {
        repoURL: github.gitUrl('acme', 'gitops-config'),
        path: extra.path ?? 'apps/shop/overlays/dev',
        targetRevision: 'main',
        ...(extra.helm ? { helm: extra.helm } : {}),
      },
      destination: {
        server: 'https://kubernetes.default.svc',
        namespace: 'shop',
      },
      ...(extra.ignoreDifferences
        ? { ignoreDifferences: extra.ignoreDifferences }
        : {}),
    },
    status: {
      sync: { status: 'OutOfSync', revision },
      health: { status: 'Healthy' },
      resources: [
        {
          group: 'apps',
          version: 'v1',
          kind: 'Deployment',
          namespace: 'shop',
          name: 'shop',
          status: 'OutOfSync',
        },
        {
          group: '',
          version: 'v1',
          kind: 'Service',
          namespace: 'shop',
          name: 'shop',
          status: 'Synced',
        },
        {
          group: '',
          version: 'v1',
          kind: 'Secret',
          namespace: 'shop',
          name: 'shop-db',
          status: 'OutOfSync',
        },
        {
          group: '',
          version: 'v1',
          kind: 'ConfigMap',
          namespace: 'shop',
          name: 'shop-settings',
          status: 'OutOfSync',
        },
      ],
    },
  };
}

/** What the cluster runs: the Deployment scaled by hand, the Secret's value changed, the ConfigMap deleted. */
function liveObjects() {
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'shop',
        namespace: 'shop',
        labels: { app: 'shop' },
        annotations: { 'deployment.kubernetes.io/revision': '4' },
      },
      spec: {
        replicas: 5,
        progressDeadlineSeconds: 600,
        selector: { matchLabels: { app: 'shop' } },
        template: {
          metadata: { labels: { app: 'shop' } },
          spec: {
            containers: [
              {
                name: 'shop',
                image: 'ghcr.io/acme/shop:1.0.0',
                imagePullPolicy: 'IfNotPresent',
              },
            ],
          },
        },
      },
      status: { replicas: 5 },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'shop', namespace: 'shop' },
      spec: {
        selector: { app: 'shop' },
        clusterIP: '10.0.0.12',
        ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }],
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'shop-db', namespace: 'shop' },
      type: 'Opaque',
      data: { password: Buffer.from(LIVE_PASSWORD).toString('base64') },
    },
  ];
}

/** A Flux Kustomization applying the same overlay from a GitRepository of the config repo. */
function fluxObjects() {
  return [
    {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: 'gitops-config', namespace: 'flux-system' },
      spec: {
        url: github.gitUrl('acme', 'gitops-config'),
        ref: { branch: 'main' },
      },
      status: { artifact: { revision: `main@sha1:${revision}` } },
    },
    {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: {
        name: 'shop-flux',
        namespace: 'flux-system',
        labels: { [ID]: 'shop' },
      },
      spec: {
        path: './apps/shop/overlays/dev',
        sourceRef: { kind: 'GitRepository', name: 'gitops-config' },
        prune: true,
      },
      status: {
        lastAppliedRevision: `main@sha1:${revision}`,
        lastAttemptedRevision: `main@sha1:${revision}`,
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            reason: 'ReconciliationSucceeded',
            message: 'Applied',
          },
        ],
        inventory: { entries: [{ id: 'shop_shop_apps_Deployment', v: 'v1' }] },
      },
    },
  ];
}

async function startBackend(
  permission: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
) {
  const host = new URL(github.url).host;
  const { server } = await startTestBackend({
    features: [
      gitopsPlugin,
      catalogServiceMock.factory({
        entities: [
          component('shop', 'team-a', { [ID]: 'shop' }),
          component('other', 'team-a', { [ID]: 'other' }),
        ],
      }),
      mockServices.permissions.factory({ result: permission }),
      mockServices.rootConfig.factory({
        data: {
          integrations: {
            github: [{ host, apiBaseUrl: github.url, token: TOKEN }],
          },
          gitops: {
            clusters: [clusterConfigEntry(kube.cluster('dev'))],
            staleAfter: '1h',
            configRepo: {
              host,
              owner: 'acme',
              repo: 'gitops-config',
              branch: 'main',
            },
            validation: { kubectlPath: KUBECTL, helmPath: HELM },
          },
        },
      }),
    ],
  });
  return server;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gitops-live-diff-'));
  github = await startGithubEmulator({ dataDir, tokens: [TOKEN] });
  await github.createRepo('acme', 'gitops-config', { files: CONFIG_FILES });
  const ref = await fetch(
    `${github.url}/repos/acme/gitops-config/git/ref/heads/main`,
    {
      headers: { authorization: `token ${TOKEN}` },
    },
  ).then(r => r.json());
  revision = ref.object.sha;
  kube = await startClusters(['dev']);
  kube.cluster('dev').apply([
    application('shop-dev'),
    application('shop-ignoring', {
      ignoreDifferences: [
        { group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] },
        { group: '', kind: 'ConfigMap', jqPathExpressions: ['.data'] },
      ],
    }),
    application('shop-elsewhere', { path: 'apps/nothing/here' }),
    application('shop-remote', { path: 'apps/shop/overlays/remote' }),
    application('shop-helm', {
      path: 'apps/shop/chart',
      helm: {
        releaseName: 'shop',
        valueFiles: ['../overlays/dev/values.yaml'],
      },
    }),
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'shop-chart-settings', namespace: 'shop' },
      data: { mode: 'slow' },
    },
    ...fluxObjects(),
    ...liveObjects(),
  ]);
});

afterAll(async () => {
  await kube?.close();
  await github?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const keyOf = (name: string) =>
  name === 'shop-flux'
    ? 'dev/kustomize.toolkit.fluxcd.io/Kustomization/flux-system/shop-flux'
    : `dev/argoproj.io/Application/argocd/${name}`;

const liveDiff = (
  server: Parameters<typeof request>[0],
  key: string,
  entity = 'shop',
) =>
  request(server)
    .get(`/api/gitops/entities/component/default/${entity}/live-diff`)
    .query({ key })
    .set('authorization', mockCredentials.user.header());

/** Waits until the reconciler has indexed the entity's Applications, then asks for one's diff. */
async function diffOf(server: Parameters<typeof request>[0], name: string) {
  await waitFor(`${name} indexed`, async () => {
    const res = await request(server)
      .get('/api/gitops/entities/component/default/shop/status')
      .set('authorization', mockCredentials.user.header());
    return res.body.objects?.some(
      (o: { key: string }) => o.key === keyOf(name),
    );
  });
  const res = await liveDiff(server, keyOf(name));
  expect(res.status).toBe(200);
  return res.body as LiveDiffResponse;
}

const resource = (body: LiveDiffResponse, kind: string) =>
  body.resources.find(r => r.kind === kind)!;

describe('GET /entities/:kind/:namespace/:name/live-diff', () => {
  let server: Parameters<typeof request>[0];
  beforeAll(async () => {
    server = await startBackend(AuthorizeResult.ALLOW);
  });

  it('names the config repo path and the synced revision it rendered', async () => {
    const body = await diffOf(server, 'shop-dev');
    expect(body.desired).toEqual({
      repo: 'acme/gitops-config',
      path: 'apps/shop/overlays/dev',
      revision,
      renderer: 'kustomize',
    });
  });

  it('shows a drifted field as a unified diff of desired against live', async () => {
    const deployment = resource(await diffOf(server, 'shop-dev'), 'Deployment');
    expect(deployment.status).toBe('differs');
    expect(deployment.diff).toContain('-  replicas: 2');
    expect(deployment.diff).toContain('+  replicas: 5');
  });

  it.each([
    ['status', 'status:'],
    ['server-written metadata', 'resourceVersion'],
    ['a defaulted field', 'progressDeadlineSeconds'],
    ['a controller annotation', 'deployment.kubernetes.io/revision'],
  ])('leaves %s out of the diff', async (_what, text) => {
    const deployment = resource(await diffOf(server, 'shop-dev'), 'Deployment');
    expect(deployment.diff).not.toContain(text);
  });

  it('reports an object that matches its manifest as the same', async () => {
    expect(resource(await diffOf(server, 'shop-dev'), 'Service').status).toBe(
      'same',
    );
  });

  it('reports a desired object the cluster does not have', async () => {
    expect(resource(await diffOf(server, 'shop-dev'), 'ConfigMap').status).toBe(
      'missing-live',
    );
  });

  it('shows that a Secret value differs without sending either value', async () => {
    const res = await liveDiff(server, keyOf('shop-dev'));
    const secret = resource(res.body, 'Secret');
    expect(secret.status).toBe('differs');
    for (const value of [PASSWORD, LIVE_PASSWORD]) {
      expect(res.text).not.toContain(value);
      expect(res.text).not.toContain(Buffer.from(value).toString('base64'));
    }
  });

  it("honours the Application's ignoreDifferences jsonPointers", async () => {
    const deployment = resource(
      await diffOf(server, 'shop-ignoring'),
      'Deployment',
    );
    expect(deployment.status).toBe('same');
  });

  it('reports the ignoreDifferences forms it could not apply', async () => {
    const body = await diffOf(server, 'shop-ignoring');
    expect(body.unsupported).toEqual([
      expect.stringContaining('jqPathExpressions ".data"'),
    ]);
  });

  it('says why nothing was rendered when the source path is not in the repo', async () => {
    const body = await diffOf(server, 'shop-elsewhere');
    expect(body.desired).toBeUndefined();
    expect(body.notes.join(' ')).toContain('apps/nothing/here');
  });

  it.each([
    [
      'resource.customizations.ignoreDifferences.apps_Deployment',
      {
        'resource.customizations.ignoreDifferences.apps_Deployment':
          'jsonPointers:\n- /spec/replicas\n',
      },
    ],
    [
      'resource.customizations.ignoreDifferences.all',
      {
        'resource.customizations.ignoreDifferences.all':
          'jsonPointers:\n- /spec/replicas\n',
      },
    ],
    [
      'the older resource.customizations map',
      {
        'resource.customizations':
          'apps/Deployment:\n  ignoreDifferences: |\n    jsonPointers:\n    - /spec/replicas\n',
      },
    ],
  ])("honours argocd-cm's system-level %s", async (_form, data) => {
    const cluster = kube.cluster('dev');
    cluster.apply({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-cm', namespace: 'argocd' },
      data,
    });
    try {
      const deployment = resource(
        await diffOf(server, 'shop-dev'),
        'Deployment',
      );
      expect(deployment.status).toBe('same');
    } finally {
      cluster.remove('v1', 'ConfigMap', 'argocd-cm', 'argocd');
    }
  });

  it('refuses to render a remote kustomize base, saying so', async () => {
    const body = await diffOf(server, 'shop-remote');
    expect(body.desired).toBeUndefined();
    expect(body.notes.join(' ')).toContain(
      'the remote reference "https://github.com/acme/shared//base?ref=v1" is not rendered',
    );
  });

  it('renders a Helm chart path with the values files the Application names', async () => {
    const body = await diffOf(server, 'shop-helm');
    expect(body.desired?.renderer).toBe('helm');
    const configMap = resource(body, 'ConfigMap');
    expect(configMap.name).toBe('shop-chart-settings');
    expect(configMap.diff).toContain('-  mode: fast');
    expect(configMap.diff).toContain('+  mode: slow');
  });

  it("renders a Flux Kustomization's path at its applied revision", async () => {
    const body = await diffOf(server, 'shop-flux');
    expect(body.desired).toMatchObject({
      path: 'apps/shop/overlays/dev',
      revision,
    });
    expect(resource(body, 'Deployment').status).toBe('differs');
  });

  it.each([
    ['no key', {}, 400, 'key'],
    ['an empty key', { key: '' }, 400, 'key'],
  ])(
    'refuses %s with a 400 naming the field',
    async (_case, query, status, field) => {
      const res = await request(server)
        .get('/api/gitops/entities/component/default/shop/live-diff')
        .query(query)
        .set('authorization', mockCredentials.user.header());
      expect(res.status).toBe(status);
      expect(res.body.error.message).toContain(field);
    },
  );

  it('answers 503 naming the cluster when the cluster cannot be read', async () => {
    await diffOf(server, 'shop-dev');
    await kube.cluster('dev').stop();
    try {
      const res = await liveDiff(server, keyOf('shop-dev'));
      expect(res.status).toBe(503);
      expect(res.body.error.message).toContain('Cluster dev could not be read');
    } finally {
      await kube.cluster('dev').start();
    }
  });

  it('answers 404 for an object the entity does not own', async () => {
    const res = await liveDiff(server, keyOf('shop-dev'), 'other');
    expect(res.status).toBe(404);
  });
});

describe('GET …/live-diff without gitops.status.read', () => {
  it('refuses with a 403 naming the permission and the entity', async () => {
    const server = await startBackend(AuthorizeResult.DENY);
    const res = await liveDiff(server, keyOf('shop-dev'));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'Not allowed: gitops.status.read on component:default/shop',
    );
  });
});
