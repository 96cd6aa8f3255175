import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  gitopsDecommissionPermission,
  ServiceLayoutResponse,
} from '@gitops-portal/plugin-gitops-common';
import { authorizeServiceChange, serviceEntityRef } from './authorizeInitiator';
import { createConfigRepoAction } from './createConfigRepoAction';
import { examples } from './decommission.examples';
import { decommissionPaths } from './decommissionPaths';
import { runConfigRepoPullRequest } from './runConfigRepoPullRequest';
import { serviceInputFields } from './schemaFragments';
import { GitopsActionDeps } from './types';

/**
 * What the action needs: the gitops backend's layout of a service, when it can ask it.
 *
 * @public
 */
export type DecommissionDeps = GitopsActionDeps & {
  /**
   * Where each environment of the entity is deployed from, as its live objects say (the gitops backend's
   * `GET …/layout`, asked on behalf of the initiator); absent: the portal's layout `apps/<service>/`.
   */
  serviceLayout?: (
    entityRef: string,
    onBehalfOf: BackstageCredentials,
  ) => Promise<ServiceLayoutResponse>;
};

/** The service's layout from the gitops backend; undefined when it is not asked or has no such entity. */
async function liveLayout(
  deps: DecommissionDeps,
  service: string,
  ctx: { getInitiatorCredentials(): Promise<BackstageCredentials> },
): Promise<ServiceLayoutResponse | undefined> {
  if (!deps.serviceLayout) return undefined;
  try {
    return await deps.serviceLayout(
      serviceEntityRef(service),
      await ctx.getInitiatorCredentials(),
    );
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

/**
 * `gitops:decommission`: a pull request that deletes a service from the config repo.
 *
 * @public
 */
export function createGitopsDecommissionAction(deps: DecommissionDeps) {
  return createConfigRepoAction(deps, {
    id: 'gitops:decommission',
    description:
      'Opens a pull request that removes a service: the folders named after it that its live objects deploy from in every environment (`apps/<service>/` when none deploys it) and its `clusters/*/…/<service>.yaml` registrations (Argo CD Applications or ApplicationSet, Flux Kustomizations, namespace). Refuses, naming what it looked at, when it cannot tell.',
    examples,
    input: serviceInputFields,
    authorize: authorizeServiceChange(gitopsDecommissionPermission),
    async run({ ctx, input, target }) {
      const layout = await liveLayout(deps, input.service, ctx);
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
          deleted = await decommissionPaths(reader, baseBranch, {
            service: input.service,
            repoUrl: target.url,
            layout,
          });
          return {
            files: Object.fromEntries(deleted.map(path => [path, null])),
          };
        },
      });
    },
  });
}
