import { InputError } from '@backstage/errors';
import {
  secretKeySchema,
  secretNameSchema,
  secretRemoteKeySchema,
} from '@gitops-portal/plugin-gitops-common';
import {
  addSecretChange,
  readSecretMethod,
  SecretMethod,
  secretFilePath,
} from '@gitops-portal/plugin-gitops-node';
import { authorizeServiceChange } from './authorizeInitiator';
import { createConfigRepoAction } from './createConfigRepoAction';
import { runConfigRepoPullRequest } from './runConfigRepoPullRequest';
import { examples } from './secretAdd.examples';
import {
  absentWhenEmpty,
  serviceEnvironmentInputFields,
  sharedString,
  Zod,
} from './schemaFragments';
import { GitopsActionDeps } from './types';

const inputFields = {
  ...serviceEnvironmentInputFields,
  name: (z: Zod) =>
    sharedString(z, secretNameSchema).describe(
      'The Secret, a DNS-1123 label (`apps/<service>/overlays/<environment>/secrets/<name>.yaml`)',
    ),
  key: (z: Zod) =>
    sharedString(z, secretKeySchema).describe("The key in the Secret's data"),
  value: (z: Zod) =>
    absentWhenEmpty(z, z.string().optional()).describe(
      'sealed-secrets and sops environments: the value, from a Secret form field (`${{ secrets.<field> }}`) so it is masked everywhere; sealed or encrypted before anything is written',
    ),
  remoteKey: (z: Zod) =>
    absentWhenEmpty(
      z,
      sharedString(z, secretRemoteKeySchema).optional(),
    ).describe(
      'external-secrets environments: the key path of the value in the configured store',
    ),
  remoteProperty: (z: Zod) =>
    absentWhenEmpty(
      z,
      sharedString(z, secretRemoteKeySchema).optional(),
    ).describe(
      'external-secrets environments: the property of a structured store entry',
    ),
};

/** What the pull request says about where the value is; never the value. */
function whereTheValueIs(method: SecretMethod): string {
  switch (method.method) {
    case 'external-secrets':
      return `External Secrets reads the value from the ${method.externalSecrets.storeRef.kind} \`${method.externalSecrets.storeRef.name}\``;
    case 'sealed-secrets':
      return `the value is sealed for the environment's sealed-secrets controller (${method.sealedSecrets.scope} scope)`;
    default:
      return "the value is encrypted with SOPS for the age recipients of the config repo's `.sops.yaml`";
  }
}

/**
 * `gitops:secret:add`: a secret for a service in one environment, without plaintext in Git, the way
 * `gitops.secrets.environments.<env>` says: an ExternalSecret, a SealedSecret or a SOPS-encrypted Secret.
 *
 * @public
 */
export function createGitopsSecretAddAction(deps: GitopsActionDeps) {
  return createConfigRepoAction(deps, {
    id: 'gitops:secret:add',
    description:
      "Opens a pull request that adds (or replaces) a service's secret in one environment without plaintext in Git: an ExternalSecret referencing the configured store, a SealedSecret sealed with the controller's certificate, or a Secret encrypted with SOPS for the age recipients of `.sops.yaml`, as `gitops.secrets.environments.<env>.method` says.",
    examples,
    input: inputFields,
    // A secret changes the existing service's overlay.
    authorize: authorizeServiceChange(),
    async run({ ctx, input, target }) {
      // Only a value the task holds as a secret is masked in its log, outputs and errors: refuse any other.
      const secretValues = Object.values(ctx.secrets ?? {});
      if (input.value !== undefined && !secretValues.includes(input.value)) {
        throw new InputError(
          'The secret must come from a Secret form field (`ui:field: Secret`), given as `${{ secrets.<field> }}`',
        );
      }
      const method = readSecretMethod(deps.config, input.environment);
      const path = secretFilePath(input);
      await runConfigRepoPullRequest({
        ctx,
        deps,
        target,
        input,
        defaultBranch: {
          action: 'secret',
          entity: input.service,
          id: `${input.environment}-${input.name}`,
        },
        defaultTitle: `Add secret ${input.name} to ${input.service} in ${input.environment}`,
        defaultBody: `Adds the secret \`${input.name}\` (key \`${
          input.key
        }\`) to \`${input.service}\` in \`${
          input.environment
        }\` as \`${path}\` (${method.method}): ${whereTheValueIs(
          method,
        )}. No plaintext value is in this pull request.`,
        change: (reader, baseBranch) =>
          addSecretChange(reader, baseBranch, { ...input, method }),
      });
    },
  });
}
