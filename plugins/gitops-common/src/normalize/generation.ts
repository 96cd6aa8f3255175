import { Health } from '../schema';
import { health } from './health';
import { asNumber, at, readConditions } from './raw';

/**
 * The portal's rule for objects whose controller has not yet looked at the
 * latest spec (status.observedGeneration behind metadata.generation): their
 * conditions describe an older spec, so the object is Progressing. Argo CD's
 * Flux and Crossplane scripts do not check this; its Rollout script does, with
 * its own message.
 *
 * @public
 */
export interface GenerationLag {
  generation: number;
  observedGeneration: number;
}

/**
 * The lag, if any. Uses status.observedGeneration, else (Crossplane writes it
 * per condition) the oldest observedGeneration among the conditions.
 *
 * @public
 */
export function generationLag(obj: unknown): GenerationLag | undefined {
  const generation = asNumber(at(obj, 'metadata', 'generation'));
  if (generation === undefined) return undefined;
  let observed = asNumber(at(obj, 'status', 'observedGeneration'));
  if (observed === undefined) {
    for (const condition of readConditions(at(obj, 'status')) ?? []) {
      const g = condition.observedGeneration;
      if (g !== undefined && (observed === undefined || g < observed)) {
        observed = g;
      }
    }
  }
  if (observed === undefined || observed >= generation) return undefined;
  return { generation, observedGeneration: observed };
}

/**
 * Progressing while the controller has not yet observed the object's latest generation; undefined once it has.
 *
 * @public
 */
export function staleGenerationHealth(obj: unknown): Health | undefined {
  const lag = generationLag(obj);
  if (!lag) return undefined;
  return health(
    'Progressing',
    `Waiting for the controller to observe generation ${lag.generation} (observed ${lag.observedGeneration})`,
  );
}
