import { createHash } from 'node:crypto';
import { DemoService } from './demoServices';
import { DEMO_ENVIRONMENTS } from './environments';

/*
 * Ninety days of delivery history for the demo services, so the delivery metrics have something to show on first
 * start. Deterministic (no randomness: a fixed cadence per service and environment, a failure every fifth prod or
 * staging deployment) and small (about 1,100 rows), ending at the config repo's head, which the seeded
 * clusters run: the portal then records nothing new for the healthy services at start.
 */

type Sync = 'Synced' | 'OutOfSync';
type Health = 'Healthy' | 'Degraded';

/** One status transition of a delivering object, as the portal's history stores it. */
export interface SeedTransition {
  key: string;
  resourceVersion: string;
  entityRef: string;
  cluster: string;
  environment: string;
  kind: 'Application' | 'Kustomization';
  namespace: string;
  name: string;
  from?: { sync: Sync; health: Health; revision: string };
  to: { sync: Sync; health: Health; revision: string };
  at: Date;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Days of history; the metrics' longest window is 90 days. */
export const SEEDED_DAYS = 89;
/** Days between deployments per environment (plus 0–2 per service), dev most often. */
const CADENCE: Record<string, number> = { dev: 4, staging: 6, prod: 9 };

/** A made-up commit SHA, the same for the same service, environment and deployment. */
const fakeSha = (seed: string) =>
  createHash('sha1').update(`sandbox-history/${seed}`).digest('hex');

/** The delivering object of a service in an environment, as the sandbox's clusters hold it. */
function objectOf(service: DemoService, environment: string) {
  return service.engine === 'argocd'
    ? {
        group: 'argoproj.io',
        kind: 'Application' as const,
        namespace: 'argocd',
        name: `${service.name}-${environment}`,
      }
    : {
        group: 'kustomize.toolkit.fluxcd.io',
        kind: 'Kustomization' as const,
        namespace: 'flux-system',
        name: service.name,
      };
}

/** Every seeded transition, oldest first per object; `head` is the config repo's commit the clusters run. */
export function deliveryHistory(
  services: DemoService[],
  head: string,
  now: Date,
): SeedTransition[] {
  const transitions: SeedTransition[] = [];
  services.forEach((service, s) => {
    DEMO_ENVIRONMENTS.forEach(({ name: environment }, e) => {
      const object = objectOf(service, environment);
      const base = {
        key: `${environment}/${object.group}/${object.kind}/${object.namespace}/${object.name}`,
        entityRef: `component:default/${service.name}`,
        cluster: environment,
        environment,
        kind: object.kind,
        namespace: object.namespace,
        name: object.name,
      };
      let state: SeedTransition['to'] | undefined;
      const move = (at: number, to: SeedTransition['to']) => {
        transitions.push({
          ...base,
          resourceVersion: `sandbox-seed-${transitions.length}`,
          ...(state ? { from: state } : {}),
          to,
          at: new Date(at),
        });
        state = to;
      };
      const deploy = (
        at: number,
        revision: string,
        minutesToHealthy: number,
      ) => {
        // Argo CD / Flux see the new commit, then sync it (the Progressing step is left out to keep the seed small).
        move(at, { sync: 'OutOfSync', health: 'Healthy', revision });
        move(at + minutesToHealthy * MINUTE, {
          sync: 'Synced',
          health: 'Healthy',
          revision,
        });
      };
      const start = now.getTime() - SEEDED_DAYS * DAY;
      // The portal's first sight of the object: a baseline, not a deployment.
      let previous = fakeSha(`${service.name}/${environment}/0`);
      move(start, { sync: 'Synced', health: 'Healthy', revision: previous });
      const cadence = (CADENCE[environment] ?? 7) + (s % 3);
      const end = now.getTime() - DAY;
      for (let k = 1; ; k++) {
        // Working hours, a different one per service and deployment.
        const at =
          start +
          k * cadence * DAY +
          (((s + e) % 3) * DAY) / 3 +
          ((9 + ((s + k) % 8)) * HOUR) / 3;
        if (at >= end) break;
        const revision = fakeSha(`${service.name}/${environment}/${k}`);
        deploy(at, revision, 3 + ((s * 7 + k) % 40));
        if (environment !== 'dev' && (s + k) % 5 === 0) {
          // A failed change: Degraded, then rolled back to the previous revision some hours later.
          const degraded = at + 50 * MINUTE;
          move(degraded, { sync: 'Synced', health: 'Degraded', revision });
          deploy(degraded + (1 + ((s + k) % 4)) * HOUR, previous, 4);
          continue;
        }
        previous = revision;
      }
      // The last deployment: the head commit the seeded clusters run.
      deploy(end + (2 + s) * HOUR, head, 5 + e);
    });
  });
  return transitions;
}
