/*
 * The flux-helm profile (`./scripts/sandbox.sh --estate flux-helm`): the config repo is the public
 * flux2-kustomize-helm-example as it is (read at start), in two clusters, staging and production, holding only what
 * Flux would have written after `flux bootstrap`: its GitRepository and Kustomization `flux-system`, what they apply
 * from `clusters/<env>/` (labelled by kustomize-controller), the ExternalArtifacts the ArtifactGenerator writes,
 * and the HelmRelease podinfo (with its HelmRepository and Deployment) released from `apps/<env>/`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  EmulatedCluster,
  gitopsCrds,
  KubeObject,
  parseObjects,
} from '@internal/kube-emulator';
import { isClusterObject } from '../operator/clusterTree';
import {
  condition,
  fluxKustomizationStatusIn,
  gitRepositoryStatusAt,
  now,
} from '../operator/deliveryStatus';
import {
  ARTIFACT_GENERATOR_API,
  buildExternalArtifact,
  FLUX_SOURCE_API,
} from '../operator/externalArtifact';
import { releaseRenderedHelmReleases } from '../operator/helmReleases';
import type { SandboxEstate } from '../sandboxEstate';
import { sandboxKubectl } from '../sandboxKubectl';
import { fluxHelmEstateDir, folderFiles } from './estateFiles';
import { externalArtifactsOf } from './externalArtifacts';

const run = promisify(execFile);
type Obj = Record<string, any>;

const KUSTOMIZE_API = 'kustomize.toolkit.fluxcd.io/v1';
const BRANCH = 'main';

/**
 * The podinfo chart versions the sandbox's Helm repository serves (there is no network): a release line and a
 * release candidate, so staging's `>=1.0.0-alpha` and production's `>=1.0.0` run different versions.
 */
export const PODINFO_CHART_VERSIONS = ['6.8.0', '6.9.0', '6.10.0-rc.1'];

/** kustomize-controller's labels on what a Kustomization applied. */
const appliedBy = (object: Obj, name: string, namespace: string): Obj => ({
  ...object,
  metadata: {
    ...object.metadata,
    labels: {
      ...object.metadata?.labels,
      'kustomize.toolkit.fluxcd.io/name': name,
      'kustomize.toolkit.fluxcd.io/namespace': namespace,
    },
  },
});

/** A Kustomization's status once it applied `revision` (Ready, its revisions). */
const syncedKustomization = (object: Obj, revision: string, at: string) => ({
  ...object,
  status: fluxKustomizationStatusIn(object, {
    phase: 'healthy',
    revision,
    branch: BRANCH,
    at,
  }),
});

const readyStatus = (at: string, message: string) => ({
  observedGeneration: 1,
  conditions: [condition('Ready', 'True', 'Succeeded', message, at)],
});

/** What `flux bootstrap` puts in a cluster (the estate's gotk-sync.yaml is a placeholder it would overwrite). */
function bootstrapObjects(
  environment: string,
  gitUrl: string,
  revision: string,
  at: string,
): Obj[] {
  const repository = {
    apiVersion: FLUX_SOURCE_API,
    kind: 'GitRepository',
    metadata: { name: 'flux-system', namespace: 'flux-system' },
    spec: { interval: '1m0s', ref: { branch: BRANCH }, url: gitUrl },
  };
  const kustomization = {
    apiVersion: KUSTOMIZE_API,
    kind: 'Kustomization',
    metadata: { name: 'flux-system', namespace: 'flux-system' },
    spec: {
      interval: '10m0s',
      path: `./clusters/${environment}`,
      prune: true,
      sourceRef: { kind: 'GitRepository', name: 'flux-system' },
    },
  };
  return [
    appliedBy(
      {
        ...repository,
        status: gitRepositoryStatusAt(repository, BRANCH, revision, at),
      },
      'flux-system',
      'flux-system',
    ),
    appliedBy(
      syncedKustomization(kustomization, revision, at),
      'flux-system',
      'flux-system',
    ),
  ];
}

/** The objects of `clusters/<env>/` as the flux-system Kustomization applied them, with their controllers' status. */
function clusterTreeObjects(
  estate: string,
  environment: string,
  revision: string,
  at: string,
): Obj[] {
  const files = folderFiles(join(estate, 'clusters', environment));
  return Object.entries(files)
    .filter(([path]) => /\.ya?ml$/.test(path))
    .flatMap(([, text]) => parseObjects(text))
    .filter(isClusterObject)
    .map(object => {
      const applied = appliedBy(object, 'flux-system', 'flux-system');
      if (object.kind === 'Kustomization')
        return syncedKustomization(applied, revision, at);
      if (object.kind === 'ArtifactGenerator') {
        return {
          ...applied,
          status: readyStatus(at, 'reconciliation succeeded'),
        };
      }
      return applied;
    });
}

/** Renders what a Kustomization reading an ExternalArtifact applies, and releases its HelmReleases. */
async function releaseArtifactKustomization(
  cluster: EmulatedCluster,
  kustomization: Obj,
  estate: string,
  gitUrl: string,
  at: string,
) {
  const work = mkdtempSync(join(tmpdir(), 'sandbox-artifact-'));
  try {
    const built = buildExternalArtifact(
      cluster,
      kustomization,
      estate,
      join(work, 'artifact'),
      gitUrl,
    );
    if ('error' in built)
      throw new Error(`${kustomization.metadata.name}: ${built.error}`);
    const { stdout } = await run(
      sandboxKubectl(),
      ['kustomize', join(built.dir, kustomization.spec.path ?? '.')],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    releaseRenderedHelmReleases(
      cluster,
      {
        apiVersion: kustomization.apiVersion,
        kind: kustomization.kind,
        name: kustomization.metadata.name,
        namespace: kustomization.metadata.namespace,
      },
      parseObjects(stdout),
      'healthy',
      { podinfo: PODINFO_CHART_VERSIONS },
      at,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The flux-helm profile (see the file's comment). Throws at start when this machine lacks the estate. */
export async function fluxHelmEstate(): Promise<SandboxEstate> {
  const estate = fluxHelmEstateDir();
  return {
    name: 'flux-helm',
    environments: ['staging', 'production'],
    configRepo: { owner: 'acme', repo: 'flux-fleet' },
    repoFiles: () => folderFiles(estate),
    async seedCluster(cluster, environment, revision, gitUrl) {
      const at = now();
      cluster.apply(gitopsCrds());
      const tree = [
        ...bootstrapObjects(environment, gitUrl, revision, at),
        ...clusterTreeObjects(estate, environment, revision, at),
      ];
      cluster.apply(tree as KubeObject[]);
      const generators = tree.filter(
        o => o.apiVersion === ARTIFACT_GENERATOR_API,
      );
      cluster.apply(
        externalArtifactsOf(generators, revision, at) as KubeObject[],
      );
      for (const kustomization of tree) {
        if (kustomization.kind !== 'Kustomization') continue;
        if (kustomization.spec?.sourceRef?.kind !== 'ExternalArtifact')
          continue;
        await releaseArtifactKustomization(
          cluster,
          kustomization,
          estate,
          gitUrl,
          at,
        );
      }
    },
    backendConfig: {
      root: {
        // Only this profile's entities: the demo organisation's groups and the podinfo Component.
        catalog: {
          locations: ['org.yaml', 'flux-helm.yaml'].map(file => ({
            type: 'file',
            target: resolvePackagePath(
              '@internal/sandbox',
              'demo/catalog',
              file,
            ),
          })),
        },
      },
      gitops: { environments: ['staging', 'production'] },
    },
    chartVersions: { podinfo: PODINFO_CHART_VERSIONS },
  };
}
