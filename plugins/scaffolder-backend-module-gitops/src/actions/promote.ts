import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { promotionEdit } from '@gitops-portal/plugin-gitops-node';
import { resolveConfigRepo } from './configRepo';
import { examples } from './promote.examples';
import { runConfigRepoPullRequest } from './runConfigRepoPullRequest';
import {
  environmentField,
  parseActionInput,
  pullRequestInputFields,
  pullRequestOutputFields,
  serviceField,
  Zod,
} from './schemaFragments';
import { GitopsActionDeps } from './types';

const inputFields = {
  ...pullRequestInputFields,
  service: serviceField,
  from: environmentField,
  to: environmentField,
  images: (z: Zod) =>
    z
      .array(z.string().min(1))
      .optional()
      .describe('Only these image names of the overlay (default all of them)'),
};

/** `gitops:promote`: copies the image tags/digests of one environment's overlay into another's. */
export function createGitopsPromoteAction(deps: GitopsActionDeps) {
  return createTemplateAction({
    id: 'gitops:promote',
    description:
      "Opens a pull request that promotes a service: the images of `apps/<service>/overlays/<from>/` (its kustomization, or values.yaml for a Helm service) are copied into `<to>`'s overlay, keeping comments.",
    examples,
    supportsDryRun: true,
    schema: { input: inputFields, output: pullRequestOutputFields },
    async handler(ctx) {
      const input = parseActionInput(inputFields, ctx.input);
      if (input.from === input.to) {
        throw new InputError(
          `Cannot promote ${input.service} from ${input.from} to itself`,
        );
      }
      const target = resolveConfigRepo(deps, input.repoUrl);
      await runConfigRepoPullRequest({
        ctx,
        deps,
        target,
        input,
        defaultBranch: `gitops/promote/${input.service}-${input.from}-to-${input.to}`,
        defaultTitle: `Promote ${input.service} ${input.from} → ${input.to}`,
        defaultBody: `Promotes \`${input.service}\` from \`${
          input.from
        }\` to \`${input.to}\`.\n\nRequested by ${
          ctx.user?.ref ?? 'the scaffolder'
        }.`,
        // Helm services pin the image in values.yaml, Kustomize ones in the overlay.
        change: async octokit => ({
          yamlEdits: [
            await promotionEdit(octokit, target, input.baseBranch, {
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
