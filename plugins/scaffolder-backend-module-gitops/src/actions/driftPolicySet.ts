import { InputError } from '@backstage/errors';
import { DriftPolicy } from '@gitops-portal/plugin-gitops-common';
import {
  ConfigRepoChange,
  ConfigRepoReader,
  setDriftPolicy,
} from '@gitops-portal/plugin-gitops-node';
import { authorizeServiceChange } from './authorizeInitiator';
import { createConfigRepoAction } from './createConfigRepoAction';
import { examples } from './driftPolicySet.examples';
import {
  runConfigRepoPullRequest,
  serviceEnvironmentChange,
} from './runConfigRepoPullRequest';
import {
  driftPolicyField,
  serviceEnvironmentInputFields,
  Zod,
} from './schemaFragments';
import { GitopsActionDeps } from './types';

const inputFields = {
  ...serviceEnvironmentInputFields,
  driftPolicy: (z: Zod) =>
    driftPolicyField(z).refine(
      policy => policy !== undefined && Object.keys(policy).length > 0,
      'must name at least one setting',
    ),
};

/**
 * The files that deliver the service to the environment, as the golden path lays them out: its Argo CD Application
 * or Flux Kustomization(s) under `clusters/<env>/`, and (Flux with Helm) the overlay's HelmRelease, whose own
 * interval follows the policy too.
 */
async function driftPolicyChange(
  reader: ConfigRepoReader,
  ref: string,
  input: { service: string; environment: string; driftPolicy: DriftPolicy },
): Promise<{ change: ConfigRepoChange; objects: string[] }> {
  const { service, environment, driftPolicy } = input;
  const registrations = [
    `clusters/${environment}/argocd/${service}.yaml`,
    `clusters/${environment}/flux/${service}.yaml`,
  ];
  const release = `apps/${service}/overlays/${environment}/release.yaml`;
  const paths = [
    ...registrations,
    ...(driftPolicy.interval !== undefined ? [release] : []),
  ];
  const files: Record<string, string> = {};
  const objects: string[] = [];
  for (const path of paths) {
    const text = await reader.readFile(path, ref);
    if (text === undefined) continue;
    const edit = setDriftPolicy(path, text, driftPolicy);
    files[path] = edit.text;
    objects.push(...edit.objects.map(object => `${object} (\`${path}\`)`));
  }
  if (!registrations.some(path => path in files)) {
    // An ApplicationSet has one template for all its environments: a per-environment policy cannot be written there.
    const appSet = (await reader.serviceFiles(service, ref)).registrations.find(
      path => path.endsWith(`/${service}-appset.yaml`),
    );
    if (appSet) {
      throw new InputError(
        `${service} has no Application of its own in ${environment}: the ApplicationSet in ${appSet} delivers it, and writes one drift policy for all its environments. Change the ApplicationSet's template (every environment at once) or deliver ${service} with one Application per environment`,
      );
    }
    throw new InputError(
      `The config repo delivers no ${service} to ${environment}: neither ${registrations.join(
        ' nor ',
      )} exists`,
    );
  }
  return { change: { files }, objects };
}

/** A PR body line per setting the request names. */
function describePolicy(policy: DriftPolicy): string {
  const lines: string[] = [];
  if (policy.selfHeal !== undefined) {
    lines.push(`- self-heal: ${policy.selfHeal ? 'on' : 'off'}`);
  }
  if (policy.prune !== undefined) {
    lines.push(`- prune: ${policy.prune ? 'on' : 'off'}`);
  }
  if (policy.interval !== undefined) {
    lines.push(`- reconcile every \`${policy.interval}\``);
  }
  if (policy.ignoreDifferences !== undefined) {
    lines.push(
      `- ignoreDifferences: ${policy.ignoreDifferences.length} entr${
        policy.ignoreDifferences.length === 1 ? 'y' : 'ies'
      }`,
    );
  }
  return lines.join('\n');
}

/**
 * `gitops:drift-policy:set`: a pull request that changes what the engine does about drift in one environment of a
 * service (Argo CD selfHeal, prune and ignoreDifferences; Flux prune and interval).
 *
 * @public
 */
export function createGitopsDriftPolicySetAction(deps: GitopsActionDeps) {
  return createConfigRepoAction(deps, {
    id: 'gitops:drift-policy:set',
    description:
      "Opens a pull request that sets a service's drift policy in one environment: Argo CD `syncPolicy.automated.selfHeal`/`prune` and `spec.ignoreDifferences` of its Application, or Flux `prune`/`interval` of its Kustomizations (and HelmRelease interval). Settings the request leaves out keep their value.",
    examples,
    input: inputFields,
    authorize: authorizeServiceChange(),
    async run({ ctx, input, target }) {
      const driftPolicy = input.driftPolicy as DriftPolicy;
      let objects: string[] = [];
      await runConfigRepoPullRequest({
        ctx,
        deps,
        target,
        input,
        ...serviceEnvironmentChange('drift-policy', input),
        defaultTitle: `Set the drift policy of ${input.service} in ${input.environment}`,
        defaultBody: () =>
          `Sets the drift policy of \`${input.service}\` in \`${
            input.environment
          }\`:\n\n${describePolicy(driftPolicy)}\n\nOn ${objects.join(', ')}.`,
        change: async (reader, baseBranch) => {
          const result = await driftPolicyChange(reader, baseBranch, {
            service: input.service,
            environment: input.environment,
            driftPolicy,
          });
          objects = result.objects;
          return result.change;
        },
      });
    },
  });
}
