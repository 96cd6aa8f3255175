import { driftPolicySchema } from '@gitops-portal/plugin-gitops-common';
import { sharedValue, textField, Zod } from './schemaFragments';

const strings = (z: Zod, max: number) => z.array(textField(z, max)).max(50);

/**
 * One environment's drift policy (gitops-common `driftPolicySchema`): the zod 3 shape documents it in the action's
 * JSON schema and the form; the shared schema decides what is valid.
 */
export const driftPolicyField = (z: Zod) =>
  sharedValue(
    z
      .object({
        selfHeal: z
          .boolean()
          .optional()
          .describe(
            'Argo CD: revert changes made in the cluster (default true)',
          ),
        prune: z
          .boolean()
          .optional()
          .describe(
            'Delete objects removed from the config repo (default true)',
          ),
        ignoreDifferences: z
          .array(
            z
              .object({
                group: textField(z, 253).optional(),
                kind: textField(z, 63),
                name: textField(z, 253).optional(),
                namespace: textField(z, 63).optional(),
                jsonPointers: strings(z, 1024).optional(),
                jqPathExpressions: strings(z, 1024).optional(),
                managedFieldsManagers: strings(z, 128).optional(),
              })
              .strict(),
          )
          .max(50)
          .optional()
          .describe(
            'Argo CD `spec.ignoreDifferences` entries: `kind` (and optional `group`, `name`, `namespace`) and the `jsonPointers`, `jqPathExpressions` or `managedFieldsManagers` to ignore',
          ),
        interval: textField(z, 32)
          .optional()
          .describe(
            'Flux: how often to reconcile, a Go duration (default `5m`)',
          ),
      })
      .strict(),
    driftPolicySchema,
  )
    .optional()
    .describe(
      'What the engine does about drift in this environment; absent settings keep the defaults (Argo CD selfHeal and prune on, Flux prune on every 5m)',
    );
