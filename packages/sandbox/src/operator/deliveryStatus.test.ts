import { normalizeObject } from '@gitops-portal/plugin-gitops-common';
import {
  argoApplicationStatusIn,
  DeliveryPhase,
  fluxKustomizationStatusIn,
  gitRepositoryStatusAt,
} from './deliveryStatus';

const OLD = 'a'.repeat(40);
const NEW = 'b'.repeat(40);
const AT = '2026-01-02T03:04:05Z';
const RESOURCES = [
  { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'web' },
  { apiVersion: 'v1', kind: 'Service', name: 'web', namespace: 'web' },
];

const application = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name: 'web-dev', namespace: 'argocd', generation: 1 },
  spec: {
    source: { repoURL: 'http://git/repo.git', path: 'apps/web/overlays/dev' },
  },
  status: {
    sync: { status: 'Synced', revision: OLD },
    health: { status: 'Healthy' },
    history: [{ id: 1, revision: OLD, deployedAt: AT }],
  },
};

const kustomization = {
  apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
  kind: 'Kustomization',
  metadata: { name: 'web', namespace: 'flux-system', generation: 1 },
  spec: {
    path: './apps/web/overlays/dev',
    sourceRef: { kind: 'GitRepository', name: 'repo' },
  },
  status: {
    observedGeneration: 1,
    lastAppliedRevision: `main@sha1:${OLD}`,
    lastAttemptedRevision: `main@sha1:${OLD}`,
    conditions: [
      {
        type: 'Ready',
        status: 'True',
        reason: 'ReconciliationSucceeded',
        message: '',
        lastTransitionTime: AT,
      },
    ],
  },
};

const normalized = (obj: Record<string, any>) =>
  normalizeObject(obj, { cluster: 'dev', environment: 'dev' });

const input = (phase: DeliveryPhase) => ({
  phase,
  revision: NEW,
  branch: 'main',
  at: AT,
  message: phase === 'healthy' ? undefined : 'it broke',
  resources: RESOURCES,
});

describe('the statuses the simulated operator writes, as the portal reads them', () => {
  it.each<[DeliveryPhase, string, string, string]>([
    ['out-of-sync', 'OutOfSync', 'Healthy', NEW],
    ['progressing', 'Synced', 'Progressing', NEW],
    ['healthy', 'Synced', 'Healthy', NEW],
    ['degraded', 'Synced', 'Degraded', NEW],
    ['render-failed', 'Unknown', 'Degraded', NEW],
  ])(
    'Argo CD Application %s: sync %s, health %s at the new commit',
    (phase, sync, health, revision) => {
      const status = normalized({
        ...application,
        status: argoApplicationStatusIn(application, input(phase)),
      });
      expect({
        sync: status.sync,
        health: status.health.status,
        revision: status.revision,
      }).toEqual({
        sync,
        health,
        revision,
      });
    },
  );

  it.each<[DeliveryPhase, string, string, string]>([
    ['out-of-sync', 'OutOfSync', 'Progressing', OLD],
    ['progressing', 'Unknown', 'Progressing', NEW],
    ['healthy', 'Synced', 'Healthy', NEW],
    ['degraded', 'Unknown', 'Degraded', NEW],
    ['render-failed', 'OutOfSync', 'Degraded', OLD],
  ])(
    'Flux Kustomization %s: sync %s, health %s, at the applied commit',
    (phase, sync, health, revision) => {
      const status = normalized({
        ...kustomization,
        status: fluxKustomizationStatusIn(kustomization, input(phase)),
      });
      expect({
        sync: status.sync,
        health: status.health.status,
        revision: status.revision,
      }).toEqual({
        sync,
        health,
        revision,
      });
    },
  );

  it('records a healthy sync in the Application history at the new commit', () => {
    const status = argoApplicationStatusIn(application, input('healthy'));
    expect(
      status.history.map((h: { id: number; revision: string }) => [
        h.id,
        h.revision,
      ]),
    ).toEqual([
      [1, OLD],
      [2, NEW],
    ]);
  });

  it('lists the rendered objects as the Application resources', () => {
    const status = normalized({
      ...application,
      status: argoApplicationStatusIn(application, input('progressing')),
    });
    expect(status.resources?.map(r => [r.kind, r.sync, r.health])).toEqual([
      ['Deployment', 'Synced', 'Progressing'],
      ['Service', 'Synced', 'Healthy'],
    ]);
  });

  it('gives the render error as the Degraded message', () => {
    const status = normalized({
      ...kustomization,
      status: fluxKustomizationStatusIn(kustomization, input('render-failed')),
    });
    expect(status.conditions.find(c => c.type === 'Ready')?.message).toBe(
      'kustomize build failed: it broke',
    );
  });

  it('moves a Flux GitRepository to the new commit, Healthy', () => {
    const repository = {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: 'repo', namespace: 'flux-system', generation: 1 },
      spec: { url: 'http://git/repo.git' },
    };
    const status = normalized({
      ...repository,
      status: gitRepositoryStatusAt(repository, 'main', NEW, AT),
    });
    expect({ health: status.health.status, revision: status.revision }).toEqual(
      { health: 'Healthy', revision: NEW },
    );
  });
});
