import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { xrdSchema } from '@gitops-portal/plugin-gitops-common';
import { resolveConfigRepo } from './configRepo';
import { examples } from './crossplaneClaim.examples';
import { claimChange } from './crossplaneClaimFiles';
import { runConfigRepoPullRequest } from './runConfigRepoPullRequest';
import {
  parseActionInput,
  pullRequestInputFields,
  pullRequestOutputFields,
  serviceField,
  Zod,
} from './schemaFragments';
import { GitopsActionDeps } from './types';
import { InputError } from '@backstage/errors';

const inputFields = {
  ...pullRequestInputFields,
  service: serviceField,
  name: (z: Zod) =>
    serviceField(z).describe(
      'The claim name, a DNS-1123 label (`apps/<service>/claims/<name>.yaml`)',
    ),
  xrd: (z: Zod) =>
    z
      .record(z.unknown())
      .describe(
        "The XRD as the gitops backend's /xrds route serves it (`name`, `group`, `claimKind`, `versions`)",
      ),
  version: (z: Zod) =>
    z
      .string()
      .optional()
      .describe('The XRD version (default the referenceable one)'),
  parameters: (z: Zod) =>
    z
      .record(z.unknown())
      .default({})
      .describe("The claim's spec.parameters, checked against the XRD schema"),
  connectionSecretName: (z: Zod) =>
    z
      .string()
      .optional()
      .describe(
        'writeConnectionSecretToRef name (default `<name>-connection`)',
      ),
};

/** `gitops:crossplane:claim`: a Crossplane claim owned by a service, as a validated PR. */
export function createGitopsCrossplaneClaimAction(deps: GitopsActionDeps) {
  return createTemplateAction({
    id: 'gitops:crossplane:claim',
    description:
      "Opens a pull request that adds a Crossplane claim of any XRD kind to a service: `apps/<service>/claims/<name>.yaml`, parameters checked against the XRD's schema, referenced from every overlay.",
    examples,
    supportsDryRun: true,
    schema: { input: inputFields, output: pullRequestOutputFields },
    async handler(ctx) {
      const input = parseActionInput(inputFields, ctx.input);
      const xrd = xrdSchema.safeParse(input.xrd);
      if (!xrd.success) {
        throw new InputError(
          `Invalid xrd: ${xrd.error.issues
            .map(i => `${i.path.join('.')}: ${i.message}`)
            .join('; ')}`,
        );
      }
      const target = resolveConfigRepo(deps, input.repoUrl);
      const request = { ...input, xrd: xrd.data };
      const kind = xrd.data.claimKind ?? xrd.data.compositeKind;
      await runConfigRepoPullRequest({
        ctx,
        deps,
        target,
        input,
        defaultBranch: `gitops/claim/${input.service}-${input.name}`,
        defaultTitle: `Add ${kind} ${input.name} to ${input.service}`,
        defaultBody: `Adds the ${kind} claim \`${input.name}\` (${
          xrd.data.name
        }) to \`${input.service}\`.\n\nRequested by ${
          ctx.user?.ref ?? 'the scaffolder'
        }.`,
        change: octokit =>
          claimChange(octokit, target, input.baseBranch ?? 'main', request),
      });
    },
  });
}
