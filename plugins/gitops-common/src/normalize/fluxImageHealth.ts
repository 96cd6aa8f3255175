import { Health } from '../schema';
import { checkFluxCount, FluxCountRule } from './fluxConditionCount';
import { runHealthCheck } from './health';

/**
 * Health of Flux's image automation kinds: TypeScript re-implementations of Argo CD's built-in Lua
 * checks, same status and message for the same object. Each mirrors
 * `resource_customizations/image.toolkit.fluxcd.io/<Kind>/health.lua` (argoproj/argo-cd):
 *
 * - ImageRepository: suspend check; Ready=False and Reconciling=True (reasons NewGeneration,
 *   Scanning) count as progressing.
 * - ImagePolicy: no suspend check; Ready=False and Reconciling=True (reasons NewGeneration,
 *   AccessingRepository, ApplyingPolicy) count as progressing.
 * - ImageUpdateAutomation: suspend check; Ready=Unknown and Reconciling=True (any reason) count.
 *
 * Two counted → Progressing, exactly one Ready=True → Healthy, else Degraded; the message is the last
 * Ready condition's reason; no conditions → Progressing `Status unknown`.
 *
 * @public
 */
export const FLUX_IMAGE_GROUP = 'image.toolkit.fluxcd.io';

/**
 * How each Flux image-automation kind's conditions count, per Argo CD's scripts.
 *
 * @public
 */
export const FLUX_IMAGE_RULES = {
  ImageRepository: {
    checksSuspend: true,
    readyCounted: 'False',
    reconcilingReasons: new Set(['NewGeneration', 'Scanning']),
    twoCounted: 'Progressing',
  },
  ImagePolicy: {
    checksSuspend: false,
    readyCounted: 'False',
    reconcilingReasons: new Set([
      'NewGeneration',
      'AccessingRepository',
      'ApplyingPolicy',
    ]),
    twoCounted: 'Progressing',
  },
  ImageUpdateAutomation: {
    checksSuspend: true,
    readyCounted: 'Unknown',
    twoCounted: 'Progressing',
  },
} satisfies Record<string, FluxCountRule>;
/**
 * A Flux image-automation kind.
 *
 * @public
 */
export type FluxImageKind = keyof typeof FLUX_IMAGE_RULES;

/**
 * True for a Flux image-automation kind (a key of `FLUX_IMAGE_RULES`).
 *
 * @public
 */
export function isFluxImageKind(kind: string): kind is FluxImageKind {
  return Object.prototype.hasOwnProperty.call(FLUX_IMAGE_RULES, kind);
}

/**
 * Argo CD's health of a Flux image automation object.
 *
 * @public
 */
export function fluxImageHealth(kind: FluxImageKind, obj: unknown): Health {
  return runHealthCheck(
    o => checkFluxCount(FLUX_IMAGE_RULES[kind], kind, o),
    obj,
  );
}
