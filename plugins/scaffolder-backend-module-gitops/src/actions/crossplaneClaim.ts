import { InputError } from '@backstage/errors';
import { xrdSchema } from '@gitops-portal/plugin-gitops-common';
import { authorizeServiceChange } from './authorizeInitiator';
import { createConfigRepoAction } from './createConfigRepoAction';
import { examples } from './crossplaneClaim.examples';
import { claimChange } from './crossplaneClaimFiles';
import { runConfigRepoPullRequest } from './runConfigRepoPullRequest';
import {
  serviceField,
  serviceInputFields,
  textField,
  Zod,
} from './schemaFragments';
import { GitopsActionDeps } from './types';

const inputFields = {
  ...serviceInputFields,
  name: (z: Zod) =>
    serviceField(z).describe(
      'The claim name, a DNS-1123 label (`apps/<service>/claims/<name>.yaml`)',
    ),
  xrd: (z: Zod) =>
    z
      .record(z.string(), z.unknown())
      .describe(
        "The XRD as the gitops backend's /xrds route serves it (`name`, `group`, `claimKind`, `versions`)",
      ),
  version: (z: Zod) =>
    textField(z, 63)
      .optional()
      .describe('The XRD version (default the referenceable one)'),
  parameters: (z: Zod) =>
    z
      .record(z.string(), z.unknown())
      .default({})
      .describe("The claim's spec.parameters, checked against the XRD schema"),
  connectionSecretName: (z: Zod) =>
    textField(z, 253)
      .optional()
      .describe(
        'writeConnectionSecretToRef name (default `<name>-connection`)',
      ),
};

/**
 * `gitops:crossplane:claim`: a Crossplane claim owned by a service, as a validated PR.
 *
 * @public
 */
export function createGitopsCrossplaneClaimAction(deps: GitopsActionDeps) {
  return createConfigRepoAction(deps, {
    id: 'gitops:crossplane:claim',
    description:
      "Opens a pull request that adds a Crossplane claim of any XRD kind to a service: `apps/<service>/claims/<name>.yaml`, parameters checked against the XRD's schema, referenced from every overlay.",
    examples,
    input: inputFields,
    // A claim edits the existing service's overlays.
    authorize: authorizeServiceChange(),
    async run({ ctx, input, target }) {
      const xrd = xrdSchema.safeParse(input.xrd);
      if (!xrd.success) {
        throw new InputError(
          `Invalid xrd: ${xrd.error.issues
            .map(i => `${i.path.join('.')}: ${i.message}`)
            .join('; ')}`,
        );
      }
      const request = { ...input, xrd: xrd.data };
      const kind = xrd.data.claimKind ?? xrd.data.compositeKind;
      await runConfigRepoPullRequest({
        ctx,
        deps,
        target,
        input,
        defaultBranch: {
          action: 'claim',
          entity: input.service,
          id: input.name,
        },
        defaultTitle: `Add ${kind} ${input.name} to ${input.service}`,
        defaultBody: `Adds the ${kind} claim \`${input.name}\` (${xrd.data.name}) to \`${input.service}\`.`,
        change: (reader, baseBranch) =>
          claimChange(reader, baseBranch, request),
      });
    },
  });
}
