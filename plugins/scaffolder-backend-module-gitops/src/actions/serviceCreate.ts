import {
  discoverRegistrationPoints,
  generateServiceManifests,
  NewServiceManifestOptions,
  readEnvironmentHints,
  registerService,
} from '@gitops-portal/plugin-gitops-node';
import { serviceRegistrationSchema } from '@gitops-portal/plugin-gitops-common';
import { createConfigRepoAction } from './createConfigRepoAction';
import { runConfigRepoPullRequest } from './runConfigRepoPullRequest';
import {
  imageNameField,
  pullRequestInputFields,
  serviceEnvironmentsField,
  serviceField,
  teamField,
  textField,
  urlField,
  Zod,
} from './schemaFragments';
import { examples } from './serviceCreate.examples';
import {
  chartField,
  imageAutomationField,
  migrationOrderField,
  packagingField,
  progressiveDeliveryField,
  registrationField,
} from './serviceCreateVariants';
import { GitopsActionDeps } from './types';

const inputFields = {
  ...pullRequestInputFields,
  name: serviceField,
  team: teamField,
  image: (z: Zod) =>
    imageNameField(z).describe(
      'Image repository without a tag, e.g. `ghcr.io/acme/web`',
    ),
  port: (z: Zod) =>
    z
      .number()
      .int()
      .min(1)
      .max(65535)
      .optional()
      .describe('Container port (default 8080)'),
  environments: serviceEnvironmentsField,
  probes: (z: Zod) =>
    z
      .object({
        readinessPath: z.string().startsWith('/').optional(),
        livenessPath: z.string().startsWith('/').optional(),
      })
      .strict()
      .optional()
      .describe(
        'HTTP probe paths (defaults `/healthz/ready` and `/healthz/live`)',
      ),
  resources: (z: Zod) =>
    z
      .object({
        requests: z.object({ cpu: z.string(), memory: z.string() }).optional(),
        limits: z.object({ cpu: z.string(), memory: z.string() }),
      })
      .optional()
      .describe('Container requests and limits (defaults are small)'),
  hpa: (z: Zod) =>
    z
      .object({
        minReplicas: z.number().int().min(1),
        maxReplicas: z.number().int().min(1),
        targetCpuUtilization: z.number().int().min(1).max(100).optional(),
      })
      .optional()
      .describe('Adds a HorizontalPodAutoscaler on CPU'),
  migration: (z: Zod) =>
    z
      .object({
        command: z.array(textField(z, 4096)).min(1).max(100),
        image: imageNameField(z).optional(),
        order: migrationOrderField(z),
      })
      .optional()
      .describe('A migration Job that runs before the workload'),
  engine: (z: Zod) =>
    z.enum(['argocd', 'flux']).default('argocd').describe('Delivery engine'),
  argocdMode: (z: Zod) =>
    z
      .enum(['application', 'applicationset'])
      .optional()
      .describe(
        'Argo CD: one Application per environment (default) or one ApplicationSet',
      ),
  deliveryRepoUrl: (z: Zod) =>
    urlField(z)
      .optional()
      .describe(
        'The clone URL Argo CD reads (default `https://<host>/<owner>/<repo>`)',
      ),
  packaging: packagingField,
  chart: chartField,
  progressiveDelivery: progressiveDeliveryField,
  imageAutomation: imageAutomationField,
  registration: registrationField,
};

/** The variants, for the PR body. */
function variantSummary(input: {
  packaging: string;
  chart?: { repoUrl?: string; name?: string; version?: string };
  progressiveDelivery?: { type: string };
  imageAutomation?: { mode: string };
  migration?: { order?: string };
  registration?: { mode: string; target?: string; via?: string };
}): string {
  const parts = [
    input.packaging === 'helm'
      ? `Helm (${
          input.chart?.repoUrl
            ? `chart ${input.chart.name ?? ''}@${input.chart.version} from ${
                input.chart.repoUrl
              }`
            : 'chart generated into the config repo'
        })`
      : 'Kustomize',
  ];
  if (input.progressiveDelivery) {
    parts.push(
      input.progressiveDelivery.type === 'rollout'
        ? 'Argo Rollouts canary'
        : 'Flagger canary',
    );
  }
  parts.push(
    input.imageAutomation?.mode === 'flux'
      ? 'Flux image automation'
      : 'image bumps by CI pull requests',
  );
  if (input.migration) {
    parts.push(
      input.migration.order === 'preSyncHook'
        ? 'a migration Job as a PreSync hook'
        : 'a migration Job before the workload',
    );
  }
  if (input.registration?.mode === 'appOfApps') {
    parts.push(
      `registered in the app-of-apps folder \`${input.registration.target}\``,
    );
  } else if (input.registration?.mode === 'applicationSet') {
    parts.push(
      `picked up by the ApplicationSet \`${input.registration.target}\``,
    );
  } else if (input.registration?.mode === 'perEnvironment') {
    parts.push(
      input.registration.via === 'applicationSet'
        ? "picked up by each environment's ApplicationSet"
        : "registered in each environment's app-of-apps folder",
    );
  }
  return parts.join(', ');
}

/**
 * `gitops:service:create`: the manifests of a new service, as one validated pull request.
 *
 * @public
 */
export function createGitopsServiceCreateAction(deps: GitopsActionDeps) {
  return createConfigRepoAction(deps, {
    id: 'gitops:service:create',
    description:
      'Opens a pull request to the GitOps config repo that adds a new service: Kustomize base and overlays or a Helm chart and values, Argo CD Applications / ApplicationSet or Flux Kustomizations / HelmReleases, namespace, RoleBinding, AppProject, optional HPA, migration Job, canary (Argo Rollouts or Flagger) and Flux image automation.',
    examples,
    // A new service: there is no entity yet to authorize against.
    input: inputFields,
    async run({ ctx, input, target }) {
      const delivery: NewServiceManifestOptions['delivery'] =
        input.engine === 'flux'
          ? { engine: 'flux' }
          : {
              engine: 'argocd',
              mode: input.argocdMode,
              repoUrl: input.deliveryRepoUrl ?? target.url,
              targetRevision: input.baseBranch,
            };
      // Generated before any call, so bad names or tags fail fast.
      const options: NewServiceManifestOptions = {
        name: input.name,
        team: input.team,
        image: input.image,
        port: input.port,
        probes: input.probes,
        environments: input.environments,
        resources: input.resources,
        hpa: input.hpa,
        migration: input.migration,
        delivery,
        packaging: input.packaging,
        chart: input.chart,
        progressiveDelivery: input.progressiveDelivery,
        imageAutomation: input.imageAutomation,
      };
      const files = generateServiceManifests(options);
      await runConfigRepoPullRequest({
        ctx,
        deps,
        target,
        input,
        environments: input.environments.map(e => e.name),
        defaultBranch: { action: 'create', entity: input.name },
        defaultTitle: `Create ${input.name}`,
        defaultBody: `Adds the service \`${input.name}\` (team \`${
          input.team
        }\`) in ${input.environments
          .map(e => `\`${e.name}\``)
          .join(', ')}: ${variantSummary(input)}.`,
        change: async (reader, baseBranch) => {
          // The shared schema checked it at the edge; parsing again gives its typed form.
          const registration = serviceRegistrationSchema.parse(
            input.registration ?? { mode: 'standalone' },
          );
          if (registration.mode === 'standalone') return { files };
          // The targets the form offered may have changed since: discovery runs again on the base branch.
          return registerService({
            options,
            files,
            registration,
            // Which environment each point serves, from the configured clusters and the service's environments.
            points: await discoverRegistrationPoints(
              reader,
              baseBranch,
              readEnvironmentHints(
                deps.config,
                input.environments.map(e => e.name),
              ),
            ),
            readFile: path => reader.readFile(path, baseBranch),
          });
        },
      });
    },
  });
}
