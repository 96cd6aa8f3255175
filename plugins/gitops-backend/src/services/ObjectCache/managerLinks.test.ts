import {
  ARGOCD_APPLICATION_KIND,
  matchableObject,
  normalizeObject,
} from '@gitops-portal/plugin-gitops-common';
import { application } from '../../__testUtils__/clusters';
import { createObjectCache } from './createObjectCache';
import { keyHash } from './managerLinks';

/** Two Application names whose manager keys share a hash (found by search). */
const POINTED_AT = 'app-198934';
const COLLIDING = 'app-568010';

const cached = (raw: object) => ({
  record: normalizeObject(raw, { cluster: 'dev' }),
  match: matchableObject(raw),
});

const rollout = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: {
    name: 'web',
    namespace: 'shop',
    labels: { 'app.kubernetes.io/instance': POINTED_AT },
  },
};

describe('ManagerLinks', () => {
  it('maps an object to its Application after a manager whose key shares its hash arrived first', () => {
    expect(keyHash(`argocd:${COLLIDING}`)).toBe(
      keyHash(`argocd:${POINTED_AT}`),
    );
    const cache = createObjectCache();
    // Each Application on the entity of its name; the Rollout on none of its own.
    cache.setEntityMapping({
      entityRefsFor: match =>
        match.kind === ARGOCD_APPLICATION_KIND
          ? [`component:default/${match.name}`]
          : [],
      teamOf: () => undefined,
    });
    cache.upsert('dev|argoproj.io|Rollout', cached(rollout));
    for (const name of [COLLIDING, POINTED_AT]) {
      cache.upsert('dev|argoproj.io|Application', cached(application(name)));
    }
    expect(cache.get('dev/argoproj.io/Rollout/shop/web')?.entityRefs).toEqual([
      `component:default/${POINTED_AT}`,
    ]);
  });
});
