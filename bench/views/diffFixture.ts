/**
 * The live diff's fixture of bench/views: one OutOfSync Application with DIFF_RESOURCES ConfigMaps, every one drifted.
 * The desired side is a kustomization committed to the sandbox's config repo (rendered by the backend as for any
 * Application); the live side is the same ConfigMaps applied to the cluster with another value.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { applications, serviceName } from './fixtures';

export const DIFF_RESOURCES = 50;
/** The service whose prod Application is compared: service 0 is OutOfSync in prod (fixtures.ts). */
export const DIFF_SERVICE = serviceName(0);
export const DIFF_ENVIRONMENT = 'prod';
const NAMESPACE = DIFF_SERVICE;
const PATH = `apps/${DIFF_SERVICE}/overlays/${DIFF_ENVIRONMENT}`;

const configMap = (i: number, value: string) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: `settings-${i}`, namespace: NAMESPACE },
  data: { 'replicas.limit': value, 'feature.flags': `flag-${i}` },
});

const configMaps = (value: string) =>
  Array.from({ length: DIFF_RESOURCES }, (_, i) => configMap(i, value));

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/** Commits the desired ConfigMaps to the bare config repo on disk; returns the commit. */
export function commitDesired(bareRepo: string): string {
  const work = mkdtempSync(join(tmpdir(), 'bench-views-config-'));
  try {
    git(work, 'clone', '--quiet', bareRepo, '.');
    mkdirSync(join(work, PATH), { recursive: true });
    writeFileSync(
      join(work, PATH, 'kustomization.yaml'),
      stringify({
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        resources: ['settings.yaml'],
      }),
    );
    writeFileSync(
      join(work, PATH, 'settings.yaml'),
      configMaps('10')
        .map(doc => stringify(doc))
        .join('---\n'),
    );
    git(work, 'add', '.');
    git(
      work,
      '-c',
      'user.name=bench',
      '-c',
      'user.email=bench@example.com',
      'commit',
      '--quiet',
      '-m',
      `bench: ${DIFF_RESOURCES} ConfigMaps for ${DIFF_SERVICE}`,
    );
    git(work, 'push', '--quiet', 'origin', 'HEAD:main');
    return git(work, 'rev-parse', 'HEAD');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The drifted live ConfigMaps and the Application synced at `revision` that lists them as OutOfSync. */
export function diffClusterObjects(revision: string) {
  const [base] = applications(DIFF_ENVIRONMENT, DIFF_ENVIRONMENT).slice(0, 1);
  const application = {
    ...base,
    spec: { ...base.spec, source: { ...base.spec.source, path: PATH } },
    status: {
      ...base.status,
      sync: { status: 'OutOfSync', revision },
      resources: configMaps('').map(object => ({
        version: 'v1',
        kind: 'ConfigMap',
        namespace: NAMESPACE,
        name: object.metadata.name,
        status: 'OutOfSync',
      })),
    },
  };
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } },
    ...configMaps('25'),
    application,
  ];
}
