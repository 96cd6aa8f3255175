import { InputError } from '@backstage/errors';
import { gitopsDecommissionPermission } from '@gitops-portal/plugin-gitops-common';
import { ConfigRepoReader } from '@gitops-portal/plugin-gitops-node';
import { serviceEntityRef } from './authorizeInitiator';
import { createConfigRepoAction } from './createConfigRepoAction';
import { examples } from './decommission.examples';
import { runConfigRepoPullRequest } from './runConfigRepoPullRequest';
import { serviceInputFields } from './schemaFragments';
import { GitopsActionDeps } from './types';

/**
 * The files to delete: `apps/<svc>/` and the service's registrations under
 * `clusters/` (`<svc>.yaml` Applications, Flux Kustomizations and namespaces,
 * `<svc>-appset.yaml`). Team AppProjects stay: other services use them.
 */
async function decommissionPaths(
  reader: ConfigRepoReader,
  ref: string,
  service: string,
): Promise<string[]> {
  const { files, registrations } = await reader.serviceFiles(service, ref);
  if (files.length === 0) {
    throw new InputError(
      `The config repo has no service ${service} (apps/${service}/)`,
    );
  }
  return [`apps/${service}`, ...registrations];
}

/**
 * `gitops:decommission`: a pull request that deletes a service from the config repo.
 *
 * @public
 */
export function createGitopsDecommissionAction(deps: GitopsActionDeps) {
  return createConfigRepoAction(deps, {
    id: 'gitops:decommission',
    description:
      'Opens a pull request that removes a service: `apps/<service>/` and its `clusters/*/…/<service>.yaml` registrations (Argo CD Applications or ApplicationSet, Flux Kustomizations, namespace).',
    examples,
    input: serviceInputFields,
    authorize: input => ({
      permission: gitopsDecommissionPermission,
      entityRefs: [serviceEntityRef(input.service)],
    }),
    async run({ ctx, input, target }) {
      let deleted: string[] = [];
      await runConfigRepoPullRequest({
        ctx,
        deps,
        target,
        input,
        defaultBranch: { action: 'decommission', entity: input.service },
        defaultTitle: `Decommission ${input.service}`,
        defaultBody: () =>
          `Removes \`${input.service}\`:\n\n${deleted
            .map(path => `- \`${path}\``)
            .join('\n')}`,
        change: async (reader, baseBranch) => {
          deleted = await decommissionPaths(reader, baseBranch, input.service);
          return {
            files: Object.fromEntries(deleted.map(path => [path, null])),
          };
        },
      });
    },
  });
}
