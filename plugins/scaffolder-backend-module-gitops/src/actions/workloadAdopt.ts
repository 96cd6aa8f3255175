import { InputError } from '@backstage/errors';
import {
  AdoptionLeftOut,
  AdoptionQuery,
  AdoptionResponse,
  adoptionWorkloadKindSchema,
  dns1123SubdomainSchema,
} from '@gitops-portal/plugin-gitops-common';
import {
  adoptionFiles,
  adoptionFolder,
  ConfigRepoReader,
  DEFAULT_ADOPTION_PATH_TEMPLATE,
} from '@gitops-portal/plugin-gitops-node';
import { createConfigRepoAction } from './createConfigRepoAction';
import { fetchAdoption, GitopsBackendDeps } from './gitopsBackend';
import {
  runConfigRepoPullRequest,
  serviceEnvironmentChange,
} from './runConfigRepoPullRequest';
import {
  absentWhenEmpty,
  environmentField,
  namespaceField,
  pullRequestInputFields,
  serviceField,
  sharedString,
  teamField,
  textField,
  urlField,
  Zod,
} from './schemaFragments';
import { GitopsActionDeps } from './types';
import { examples } from './workloadAdopt.examples';

const inputFields = {
  ...pullRequestInputFields,
  cluster: (z: Zod) =>
    textField(z, 253).describe(
      'The cluster the workload runs in, as the gitops backend names it (`GET /golden-path-options`)',
    ),
  namespace: (z: Zod) =>
    namespaceField(z).describe('The namespace whose objects are adopted'),
  // Empty is absent: the template passes both only when the form asked for one workload.
  workloadKind: (z: Zod) =>
    absentWhenEmpty(
      z,
      sharedString(z, adoptionWorkloadKindSchema).optional(),
    ).describe(
      'One workload instead of the whole namespace: its kind, `Deployment`, `StatefulSet`, `DaemonSet` or `CronJob` (with `workloadName`); what it references comes along',
    ),
  workloadName: (z: Zod) =>
    absentWhenEmpty(
      z,
      sharedString(z, dns1123SubdomainSchema).optional(),
    ).describe('The workload (with `workloadKind`)'),
  service: serviceField,
  team: teamField,
  environment: environmentField,
  engine: (z: Zod) =>
    z
      .enum(['argocd', 'flux'])
      .default('argocd')
      .describe(
        'What manages the adopted objects: an Argo CD Application or a Flux Kustomization',
      ),
  pathTemplate: (z: Zod) =>
    textField(z, 256)
      .optional()
      .describe(
        'Where the manifests go, a folder with `{service}` and `{env}` (default `gitops.configRepo.pathTemplate`, else `apps/{service}/overlays/{env}/`)',
      ),
  deliveryRepoUrl: (z: Zod) =>
    urlField(z)
      .optional()
      .describe(
        'Argo CD: the clone URL it reads (default `https://<host>/<owner>/<repo>`)',
      ),
  project: (z: Zod) =>
    textField(z, 63)
      .optional()
      .describe('Argo CD: the AppProject (default `default`)'),
  fluxSource: (z: Zod) =>
    textField(z, 253)
      .optional()
      .describe(
        'Flux: the GitRepository of the config repo (default `gitops-config`)',
      ),
};

/** The dependencies of the adopt action: the shared ones and the way to the gitops backend. */
export type WorkloadAdoptDeps = GitopsActionDeps & GitopsBackendDeps;

const list = (items: AdoptionLeftOut[]) =>
  items
    .map(item => `- ${item.kind} \`${item.name}\`: ${item.reason}`)
    .join('\n');

/** The pull request's account of what was adopted, refused and skipped (names and reasons, never values). */
function describeAdoption(adoption: AdoptionResponse, where: string): string {
  const adopted = adoption.manifests
    .map(m => `- ${m.kind} \`${(m.metadata as { name: string }).name}\``)
    .join('\n');
  const parts = [
    `Brings the unmanaged objects of namespace \`${adoption.namespace}\` in cluster \`${adoption.cluster}\` under GitOps: their live state, cleaned of status, server metadata and API-server defaults, as manifests under \`${where}/\`.\n\n${adopted}`,
  ];
  if (adoption.refused.length > 0) {
    parts.push(`Not adopted:\n\n${list(adoption.refused)}`);
  }
  if (adoption.skipped.length > 0) {
    parts.push(
      `Left alone (made by a controller or Kubernetes, or managed already):\n\n${list(
        adoption.skipped,
      )}`,
    );
  }
  return parts.join('\n\n');
}

/** Adoption adds files only: an existing folder or manager file would be overwritten, so it is refused. */
async function assertNew(
  reader: ConfigRepoReader,
  baseBranch: string,
  paths: string[],
  folder: string,
) {
  const existing = await reader.listFiles(folder, baseBranch);
  if (existing.length > 0) {
    throw new InputError(
      `service: ${folder}/ exists in the config repo already; adoption writes new files only (choose another service name or pathTemplate)`,
    );
  }
  for (const path of paths.filter(p => !p.startsWith(`${folder}/`))) {
    if ((await reader.readFile(path, baseBranch)) !== undefined) {
      throw new InputError(
        `service: ${path} exists in the config repo already; adoption writes new files only`,
      );
    }
  }
}

/**
 * `gitops:workload:adopt`: brings a namespace's (or one workload's) unmanaged live objects under GitOps as one
 * validated pull request of clean manifests and the Argo CD Application or Flux Kustomization that will manage them.
 *
 * @public
 */
export function createGitopsWorkloadAdoptAction(deps: WorkloadAdoptDeps) {
  return createConfigRepoAction(deps, {
    id: 'gitops:workload:adopt',
    description:
      "Opens a pull request that adds the live objects of a namespace (or of one workload and what it references) that neither Argo CD nor Flux manages to the config repo as clean manifests (no status, server metadata or API-server defaults), plus the Argo CD Application or Flux Kustomization that will manage them. Secrets are refused (add them with the add-secret template); objects a controller made are skipped. Read with the portal's read-only cluster credentials, on behalf of the task's initiator.",
    examples,
    // A new service under GitOps: no entity to authorize against yet; the backend checks the initiator may read
    // the namespace's unmanaged objects.
    input: inputFields,
    async run({ ctx, input, target }) {
      if (
        (input.workloadKind === undefined) !==
        (input.workloadName === undefined)
      ) {
        throw new InputError(
          'workloadName: workloadKind and workloadName are given together (one workload) or not at all (the namespace)',
        );
      }
      const template =
        input.pathTemplate ??
        deps.config.getOptionalString('gitops.configRepo.pathTemplate') ??
        DEFAULT_ADOPTION_PATH_TEMPLATE;
      // Checked before anything is read from the cluster: a bad template fails fast.
      const folder = adoptionFolder(template, input.service, input.environment);
      const adoption = await fetchAdoption(
        deps,
        await ctx.getInitiatorCredentials(),
        {
          cluster: input.cluster,
          namespace: input.namespace,
          // Checked against adoptionWorkloadKindSchema above (the field is a string in the JSON schema, so that a
          // template may leave it empty).
          kind: input.workloadKind as AdoptionQuery['kind'],
          name: input.workloadName,
        },
      );
      for (const refused of adoption.refused) ctx.logger.warn(refused.reason);
      if (adoption.manifests.length === 0) {
        throw new InputError(
          `namespace: nothing to adopt in ${input.namespace} of cluster ${input.cluster} (${adoption.refused.length} refused, ${adoption.skipped.length} made by a controller or Kubernetes or managed already)`,
        );
      }
      const files = adoptionFiles({
        service: input.service,
        environment: input.environment,
        team: input.team,
        namespace: input.namespace,
        manifests: adoption.manifests,
        folder,
        delivery:
          input.engine === 'flux'
            ? {
                engine: 'flux',
                sourceName: input.fluxSource ?? 'gitops-config',
              }
            : {
                engine: 'argocd',
                repoUrl: input.deliveryRepoUrl ?? target.url,
                targetRevision: input.baseBranch ?? 'main',
                project: input.project,
              },
      });
      await runConfigRepoPullRequest({
        ctx,
        deps,
        target,
        input,
        ...serviceEnvironmentChange('adopt', input),
        defaultTitle: `Adopt ${input.service} in ${input.environment} (namespace ${input.namespace})`,
        defaultBody: describeAdoption(adoption, folder),
        change: async (reader, baseBranch) => {
          await assertNew(reader, baseBranch, Object.keys(files), folder);
          return { files };
        },
      });
    },
  });
}
