import { InputError } from '@backstage/errors';
import { gitopsPromotePermission } from '@gitops-portal/plugin-gitops-common';
import { promotionEdit } from '@gitops-portal/plugin-gitops-node';
import { serviceEntityRef } from './authorizeInitiator';
import { createConfigRepoAction } from './createConfigRepoAction';
import { examples } from './promote.examples';
import { runConfigRepoPullRequest } from './runConfigRepoPullRequest';
import {
  environmentField,
  imageNameField,
  serviceInputFields,
  Zod,
} from './schemaFragments';
import { GitopsActionDeps } from './types';

const inputFields = {
  ...serviceInputFields,
  from: environmentField,
  to: environmentField,
  images: (z: Zod) =>
    z
      .array(imageNameField(z))
      .max(100)
      .optional()
      .describe('Only these image names of the overlay (default all of them)'),
};

/** `gitops:promote`: copies the image tags/digests of one environment's overlay into another's. */
export function createGitopsPromoteAction(deps: GitopsActionDeps) {
  return createConfigRepoAction(deps, {
    id: 'gitops:promote',
    description:
      "Opens a pull request that promotes a service: the images of `apps/<service>/overlays/<from>/` (its kustomization, or values.yaml for a Helm service) are copied into `<to>`'s overlay, keeping comments.",
    examples,
    input: inputFields,
    authorize: input => ({
      permission: gitopsPromotePermission,
      entityRefs: [serviceEntityRef(input.service)],
    }),
    async run({ ctx, input, target }) {
      if (input.from === input.to) {
        throw new InputError(
          `Cannot promote ${input.service} from ${input.from} to itself`,
        );
      }
      await runConfigRepoPullRequest({
        ctx,
        deps,
        target,
        input,
        defaultBranch: {
          action: 'promote',
          entity: input.service,
          id: `${input.from}-to-${input.to}`,
        },
        defaultTitle: `Promote ${input.service} ${input.from} → ${input.to}`,
        defaultBody: `Promotes \`${input.service}\` from \`${input.from}\` to \`${input.to}\`.`,
        // Helm services pin the image in values.yaml, Kustomize ones in the overlay.
        change: async (reader, baseBranch) => ({
          yamlEdits: [
            await promotionEdit(reader, baseBranch, {
              service: input.service,
              from: input.from,
              to: input.to,
              images: input.images,
            }),
          ],
        }),
      });
    },
  });
}
