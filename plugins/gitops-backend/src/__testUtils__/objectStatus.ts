import type { ObjectStatus } from '@gitops-portal/plugin-gitops-common';

/** A synced, healthy Argo CD Application `shop` on cluster `c`, with `fields` over it. */
export const applicationStatus = (
  fields: Partial<ObjectStatus> = {},
): ObjectStatus => ({
  key: 'k',
  engine: 'argocd',
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  cluster: 'c',
  name: 'shop',
  entityRefs: [],
  sync: 'Synced',
  health: { status: 'Healthy' },
  conditions: [],
  suspended: false,
  observedAt: '2026-01-01T00:00:00Z',
  ...fields,
});
