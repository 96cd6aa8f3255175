import { gitopsCrds } from '../crds';
import {
  ApiextensionsV1Api,
  ApisApi,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  PatchStrategy,
  RbacAuthorizationV1Api,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { request } from 'node:http';
import { startKubeEmulator } from '../emulator';
import { EmulatedCluster, KubeEmulator, KubeEmulatorOptions } from '../types';

export interface Harness {
  emulator: KubeEmulator;
  cluster: EmulatedCluster;
  kc: KubeConfig;
  core: CoreV1Api;
  custom: CustomObjectsApi;
  apis: ApisApi;
  crdApi: ApiextensionsV1Api;
  rbac: RbacAuthorizationV1Api;
}

export function kubeConfigFor(cluster: EmulatedCluster): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromString(cluster.kubeconfig());
  return kc;
}

/** One emulator with one cluster ('dev') and the real client-node APIs pointed at it. */
export async function startHarness(
  options: Partial<KubeEmulatorOptions> = {},
): Promise<Harness> {
  const emulator = await startKubeEmulator({
    clusters: [{ name: 'dev' }],
    ...options,
  });
  const cluster = emulator.clusters[0];
  const kc = kubeConfigFor(cluster);
  return {
    emulator,
    cluster,
    kc,
    core: kc.makeApiClient(CoreV1Api),
    custom: kc.makeApiClient(CustomObjectsApi),
    apis: kc.makeApiClient(ApisApi),
    crdApi: kc.makeApiClient(ApiextensionsV1Api),
    rbac: kc.makeApiClient(RbacAuthorizationV1Api),
  };
}

/** Polls until `check` returns a truthy value; fails with `what` after the deadline. */
export async function waitFor<T>(
  what: string,
  check: () => T | Promise<T>,
  // Just under the jest timeout (root package.json): a busy machine slows a test, it must not fail it.
  timeoutMs = 110_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for ${what}${
          lastError ? `: ${String(lastError)}` : ''
        }`,
      );
    }
    await new Promise(r => setTimeout(r, 25));
  }
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => any;
}

/** A plain HTTP request (own connection, closed afterwards) for checks below the client's abstractions. */
export function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  opts: { token?: string; body?: string; contentType?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
    if (opts.contentType) headers['Content-Type'] = opts.contentType;
    const req = request(
      `${baseUrl}${path}`,
      { method, headers, agent: false },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: () => JSON.parse(text),
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** Error code of a failed client-node call (ApiException.code), or 'ok' if it succeeded. */
export async function codeOf(call: Promise<unknown>): Promise<number | 'ok'> {
  try {
    await call;
    return 'ok';
  } catch (e) {
    return (e as { code?: number }).code ?? -1;
  }
}

/** Status body of a failed client-node call (client-node hands it over as JSON text). */
export async function statusOf(call: Promise<unknown>): Promise<any> {
  try {
    await call;
  } catch (e) {
    const body = (e as { body?: unknown }).body;
    return typeof body === 'string' ? JSON.parse(body) : body;
  }
  throw new Error('expected the call to fail');
}

/** client-node call options that send a patch as the given patch type (client-node defaults to JSON patch). */
export function patchAs(strategy: 'merge' | 'strategic' | 'json' | 'apply') {
  const types = {
    merge: PatchStrategy.MergePatch,
    strategic: PatchStrategy.StrategicMergePatch,
    json: PatchStrategy.JsonPatch,
    apply: PatchStrategy.ServerSideApply,
  };
  return setHeaderOptions('Content-Type', types[strategy]);
}

/** Where the fixture Application lives, as CustomObjectsApi calls name it. */
export const APP = {
  group: 'argoproj.io',
  version: 'v1alpha1',
  plural: 'applications',
  namespace: 'default',
};

/** A harness whose cluster has the GitOps CRDs and one Application `default/app` with a status. */
export async function startHarnessWithApplication(): Promise<Harness> {
  const h = await startHarness();
  h.cluster.apply(gitopsCrds());
  h.cluster.apply({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: 'app',
      namespace: 'default',
      labels: { team: 'a', tier: 'web' },
    },
    spec: {
      project: 'default',
      list: ['x', 'y'],
      source: { repoURL: 'r', path: 'p' },
    },
    status: { health: { status: 'Healthy' } },
  });
  return h;
}
