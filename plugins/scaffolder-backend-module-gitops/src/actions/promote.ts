import { InputError } from '@backstage/errors';
import { gitopsPromotePermission } from '@gitops-portal/plugin-gitops-common';
import {
  assertPromotionOrder,
  nextEnvironment,
  PromotedPin,
  promotionChange,
  promotionSummary,
  readEnvironmentOrder,
} from '@gitops-portal/plugin-gitops-node';
import { authorizeServiceChange } from './authorizeInitiator';
import { createConfigRepoAction } from './createConfigRepoAction';
import { examples } from './promote.examples';
import { runConfigRepoPullRequest } from './runConfigRepoPullRequest';
import {
  chartVersionField,
  environmentField,
  imageDigestField,
  imageNameField,
  imageTagField,
  serviceInputFields,
  Zod,
} from './schemaFragments';
import { GitopsActionDeps } from './types';

const inputFields = {
  ...serviceInputFields,
  from: environmentField,
  to: (z: Zod) =>
    environmentField(z)
      .optional()
      .describe(
        'The environment that receives the version; default the one after `from` in `gitops.environments`',
      ),
  images: (z: Zod) =>
    z
      .array(imageNameField(z))
      .max(100)
      .optional()
      .describe(
        'Only these image names (Kustomize and container images; default all of them)',
      ),
  version: (z: Zod) =>
    z
      .union([imageTagField(z), imageDigestField(z), chartVersionField(z)])
      .optional()
      .describe(
        'Only what `from` pins at this version (an image tag or digest, or a chart version); default everything `from` pins',
      ),
};

/**
 * `gitops:promote`: copies what one environment runs into a later one, however the config repo pins it
 * (Kustomize images, container images, Helm values, HelmRelease chart versions, Argo CD Helm revisions).
 *
 * @public
 */
export function createGitopsPromoteAction(deps: GitopsActionDeps) {
  const order = readEnvironmentOrder(deps.config);
  return createConfigRepoAction(deps, {
    id: 'gitops:promote',
    description:
      "Opens a pull request that promotes a service from one environment to a later one: every version `from` pins (Kustomize `images` tag or digest, container images, Helm values image tag/digest, Flux HelmRelease chart version and OCIRepository/HelmChart refs, Argo CD Helm `targetRevision` and Kustomize images) is copied into `to`'s files, keeping comments. `to` defaults to the next environment of `gitops.environments`.",
    examples,
    input: inputFields,
    authorize: authorizeServiceChange(gitopsPromotePermission),
    async run({ ctx, input, target }) {
      const to = input.to ?? nextEnvironment(order, input.from);
      if (input.from === to) {
        throw new InputError(
          `Cannot promote ${input.service} from ${input.from} to itself`,
        );
      }
      assertPromotionOrder(order, input.from, to);
      let promoted: PromotedPin[] = [];
      await runConfigRepoPullRequest({
        ctx,
        deps,
        target,
        input,
        environments: [to],
        defaultBranch: {
          action: 'promote',
          entity: input.service,
          id: `${input.from}-to-${to}`,
        },
        defaultTitle: `Promote ${input.service} ${input.from} → ${to}`,
        defaultBody: () =>
          [
            `Promotes \`${input.service}\` from \`${input.from}\` to \`${to}\`.`,
            '',
            ...promotionSummary(promoted),
          ].join('\n'),
        change: async (reader, baseBranch) => {
          const plan = await promotionChange(reader, baseBranch, {
            service: input.service,
            from: input.from,
            to,
            images: input.images,
            version: input.version,
          });
          promoted = plan.promoted;
          return plan.change;
        },
      });
    },
  });
}
