import {
  migrationOrderSchema,
  serviceRegistrationSchema,
} from '@gitops-portal/plugin-gitops-common';
import {
  chartVersionField,
  sharedValue,
  textField,
  urlField,
  Zod,
} from './schemaFragments';

const nonEmptyText = (z: Zod, max: number) =>
  textField(z, max).refine(value => value.length > 0, 'must not be empty');

/*
 * The delivery variants of `gitops:service:create` (the cross-helper
 * contract): Helm packaging, progressive delivery and Flux image automation.
 */

export const packagingField = (z: Zod) =>
  z
    .enum(['kustomize', 'helm'])
    .default('kustomize')
    .describe(
      '`kustomize`: base and overlays. `helm`: a chart and `apps/<name>/overlays/<env>/values.yaml` per environment',
    );

export const chartField = (z: Zod) =>
  z
    .object({
      repoUrl: urlField(z)
        .optional()
        .describe(
          'An `https://` or `oci://` chart repository; omit to generate the chart into `apps/<name>/chart/` (rendered by validation)',
        ),
      name: textField(z)
        .optional()
        .describe('Chart name (default the service)'),
      version: chartVersionField(z)
        .optional()
        .describe('Exact chart version, e.g. `1.2.0` (pinned)'),
    })
    .strict()
    .optional()
    .describe('Helm packaging: the chart');

export const progressiveDeliveryField = (z: Zod) =>
  z
    .object({
      type: z
        .enum(['rollout', 'flagger'])
        .describe(
          '`rollout`: an Argo Rollouts Rollout instead of the Deployment; `flagger`: a Flagger Canary',
        ),
      steps: z
        .array(
          z
            .object({
              setWeight: z.number().int().min(1).max(100),
              pauseSeconds: z.number().int().min(0).optional(),
            })
            .strict(),
        )
        .min(1)
        .optional()
        .describe('Canary steps (default 20% and 50%, 60 s apart)'),
      analysis: z
        .object({
          prometheusAddress: urlField(z),
          successRateThreshold: z.number().gt(0).max(1).optional(),
        })
        .strict()
        .optional()
        .describe(
          'Abort the canary when the HTTP success rate in Prometheus drops below the threshold (default 0.95)',
        ),
    })
    .strict()
    .optional()
    .describe('Canary releases');

export const imageAutomationField = (z: Zod) =>
  z
    .object({
      mode: z
        .enum(['ci', 'flux'])
        .describe(
          '`ci`: the service CI opens a PR bumping the dev overlay; `flux`: Flux image automation commits new tags',
        ),
      policy: z
        .union([
          z.object({ semver: nonEmptyText(z, 100) }).strict(),
          z.object({ timestampPattern: nonEmptyText(z, 1024) }).strict(),
        ])
        .optional()
        .describe(
          'Flux: `{ semver: ">=1.0.0" }` or `{ timestampPattern: "^main-[a-f0-9]+-(?P<ts>[0-9]+)$" }`',
        ),
    })
    .strict()
    .optional()
    .describe('Who bumps the image of the first environment (default `ci`)');

/** Where the service is registered with Argo CD (gitops-common `serviceRegistrationSchema`). */
export const registrationField = (z: Zod) =>
  sharedValue(
    z
      .object({
        mode: z
          .enum(['standalone', 'appOfApps', 'applicationSet', 'perEnvironment'])
          .describe(
            "`standalone`: its own Applications under `clusters/<env>/argocd/`; `appOfApps`: its Applications in an app-of-apps folder; `applicationSet`: no Application, an ApplicationSet git generator picks up its overlays; `perEnvironment`: each environment's registration at the point of `via`'s kind that serves that environment",
          ),
        target: textField(z, 1024)
          .optional()
          .describe(
            'The app-of-apps folder or the ApplicationSet name, as discovered in the config repo (`GET /registration-points`)',
          ),
        via: z
          .enum(['appOfApps', 'applicationSet'])
          .optional()
          .describe(
            '`perEnvironment` only: app-of-apps folders or ApplicationSets, one serving each environment',
          ),
      })
      .strict(),
    serviceRegistrationSchema,
  )
    .optional()
    .describe(
      'Argo CD only: how the service is registered (default standalone)',
    );

/** How the migration Job runs before the workload with Argo CD (gitops-common `migrationOrderSchema`). */
export const migrationOrderField = (z: Zod) =>
  sharedValue(z.enum(['preSyncHook', 'syncWave']), migrationOrderSchema)
    .optional()
    .describe(
      'Argo CD: `syncWave` (default, the Job in wave -1) or `preSyncHook` (a PreSync hook, deleted before the next sync re-creates it)',
    );
