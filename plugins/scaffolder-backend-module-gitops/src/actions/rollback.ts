import { InputError } from '@backstage/errors';
import { gitopsRollbackPermission } from '@gitops-portal/plugin-gitops-common';
import {
  ConfigRepoChange,
  ConfigRepoReader,
  isHelmPackaged,
  pinHelmImage,
  pinImage,
  revertLastChange,
} from '@gitops-portal/plugin-gitops-node';
import { authorizeServiceChange } from './authorizeInitiator';
import { createConfigRepoAction } from './createConfigRepoAction';
import { overlayImageNames } from './overlayHistory';
import { examples } from './rollback.examples';
import {
  runConfigRepoPullRequest,
  serviceEnvironmentChange,
} from './runConfigRepoPullRequest';
import {
  commitShaField,
  imageDigestField,
  imageNameField,
  imageTagField,
  serviceEnvironmentInputFields,
  Zod,
} from './schemaFragments';
import { GitopsActionDeps } from './types';

const inputFields = {
  ...serviceEnvironmentInputFields,
  toImageTag: (z: Zod) =>
    imageTagField(z)
      .optional()
      .describe(
        'Pin the image to this tag instead of reverting the last change',
      ),
  toImageDigest: (z: Zod) =>
    imageDigestField(z)
      .optional()
      .describe('Pin the image to this `sha256:` digest'),
  toRevision: (z: Zod) =>
    commitShaField(z)
      .optional()
      .describe(
        'Restore the overlay to its content at this config-repo commit instead of reverting the last change',
      ),
  image: (z: Zod) =>
    imageNameField(z)
      .optional()
      .describe('The image to pin (default the only image of the overlay)'),
};

/**
 * The edit that pins the environment's image, for how the service is packaged: `image.tag` / `image.digest`
 * in a Helm service's `values.yaml`, else the Kustomize overlay's `images:` entry.
 */
async function pinChange(
  reader: ConfigRepoReader,
  branch: string,
  input: {
    service: string;
    environment: string;
    image?: string;
    toImageTag?: string;
    toImageDigest?: string;
  },
): Promise<{ change: ConfigRepoChange; what: string }> {
  const { service, environment } = input;
  const pinned = {
    imageTag: input.toImageTag,
    imageDigest: input.toImageDigest,
  };
  // Built first: it validates the names before they go into a request path.
  const helmEdit = pinHelmImage({ service, environment, ...pinned });
  if (await isHelmPackaged(reader, branch, { service, environment })) {
    return {
      change: { yamlEdits: [helmEdit] },
      what: `the image in \`${helmEdit.path}\``,
    };
  }
  const path = `apps/${service}/overlays/${environment}/kustomization.yaml`;
  const names = input.image
    ? [input.image]
    : await overlayImageNames(reader, branch, path);
  if (names.length !== 1) {
    throw new InputError(
      `${path} has ${names.length} images; name the one to pin with image`,
    );
  }
  return {
    change: {
      yamlEdits: [
        pinImage({ service, environment, image: names[0], ...pinned }),
      ],
    },
    what: `\`${names[0]}\``,
  };
}

/**
 * `gitops:rollback`: a revert PR of the last change to an overlay, or a pin to a known-good tag.
 *
 * @public
 */
export function createGitopsRollbackAction(deps: GitopsActionDeps) {
  return createConfigRepoAction(deps, {
    id: 'gitops:rollback',
    description:
      "Opens a pull request that rolls back `apps/<service>/overlays/<environment>/`: the overlay as it was before its last commit, as it was at `toRevision`, or the image pinned to `toImageTag` / `toImageDigest` (in the overlay's `images:`, or `image.tag` / `image.digest` of a Helm service's `values.yaml`).",
    examples,
    input: inputFields,
    authorize: authorizeServiceChange(gitopsRollbackPermission),
    async run({ ctx, input, target }) {
      const targets = [input.toImageTag, input.toImageDigest, input.toRevision];
      if (targets.filter(Boolean).length > 1) {
        throw new InputError(
          'Give at most one of toImageTag, toImageDigest and toRevision',
        );
      }
      const { service, environment } = input;
      const overlay = `apps/${service}/overlays/${environment}`;
      const pin = input.toImageTag ?? input.toImageDigest;
      let body = `Rolls back \`${service}\` in \`${environment}\``;
      await runConfigRepoPullRequest({
        ctx,
        deps,
        target,
        input,
        ...serviceEnvironmentChange('rollback', input),
        defaultTitle:
          pin || input.toRevision
            ? `Roll back ${service} in ${environment} to ${
                pin ?? input.toRevision!.slice(0, 7)
              }`
            : `Roll back ${service} in ${environment}`,
        defaultBody: () => `${body}.`,
        change: async (reader, baseBranch): Promise<ConfigRepoChange> => {
          if (pin) {
            const pinned = await pinChange(reader, baseBranch, input);
            body += ` by pinning ${pinned.what} to \`${pin}\``;
            return pinned.change;
          }
          const revert = await revertLastChange(reader, baseBranch, overlay, {
            toRevision: input.toRevision,
          });
          body += input.toRevision
            ? ` by restoring the overlay to revision ${revert.revision.sha} ("${revert.revision.message}")`
            : ` by reverting ${revert.commitSha} ("${revert.commitMessage}")`;
          return { files: revert.files };
        },
      });
    },
  });
}
