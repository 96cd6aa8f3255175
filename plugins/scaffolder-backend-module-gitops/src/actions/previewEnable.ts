import {
  previewLabelSchema,
  previewRequeueSecondsSchema,
  previewServiceNameSchema,
  previewTokenSecretNameSchema,
} from '@gitops-portal/plugin-gitops-common';
import { previewEnvironmentsChange } from '@gitops-portal/plugin-gitops-node';
import { authorizeServiceChange } from './authorizeInitiator';
import { resolveConfigRepo } from './configRepo';
import { createConfigRepoAction } from './createConfigRepoAction';
import {
  runConfigRepoPullRequest,
  serviceEnvironmentChange,
} from './runConfigRepoPullRequest';
import { examples } from './previewEnable.examples';
import {
  environmentField,
  repoUrlField,
  serviceInputFields,
  sharedString,
  sharedValue,
  Zod,
} from './schemaFragments';
import { GitopsActionDeps } from './types';

const inputFields = {
  ...serviceInputFields,
  service: (z: Zod) =>
    sharedString(z, previewServiceNameSchema).describe(
      'The service, a DNS-1123 label of at most 53 characters (its previews run in `<service>-pr-<number>`)',
    ),
  environment: (z: Zod) =>
    environmentField(z).describe(
      'The environment whose overlay and cluster the previews use (`apps/<service>/overlays/<environment>/`)',
    ),
  serviceRepoUrl: (z: Zod) =>
    repoUrlField(z).describe(
      "The service's own repository, whose open pull requests get previews, in the RepoUrlPicker format `github.com?owner=acme&repo=web`",
    ),
  previewLabels: (z: Zod) =>
    z
      .array(sharedString(z, previewLabelSchema))
      .max(20)
      .optional()
      .describe(
        'Only pull requests carrying all these labels get a preview (default: every open pull request)',
      ),
  requeueAfterSeconds: (z: Zod) =>
    sharedValue(z.number(), previewRequeueSecondsSchema)
      .optional()
      .describe('How often the engine lists the pull requests (default 300)'),
  tokenSecretName: (z: Zod) =>
    sharedString(z, previewTokenSecretNameSchema)
      .optional()
      .describe(
        "The Secret in the engine's namespace holding a GitHub token under `token` (default `github-token`); named only, never read",
      ),
};

/**
 * `gitops:preview:enable`: a pull request that gives a service a preview environment per open pull request of its
 * repository (an Argo CD ApplicationSet with the pull-request generator, or a Flux Operator ResourceSet).
 *
 * @public
 */
export function createGitopsPreviewEnableAction(deps: GitopsActionDeps) {
  return createConfigRepoAction(deps, {
    id: 'gitops:preview:enable',
    description:
      "Opens a pull request that deploys every open pull request of a service's repository to its own namespace `<service>-pr-<number>`, built from the environment's overlay at the PR's head commit: an Argo CD ApplicationSet with the pull-request generator or, for a Flux service, a Flux Operator ResourceSetInputProvider (GitHubPullRequest) and ResourceSet. A closed pull request's preview is deleted by the engine.",
    examples,
    input: inputFields,
    authorize: authorizeServiceChange(),
    async run({ ctx, input, target }) {
      const serviceRepo = resolveConfigRepo(deps, input.serviceRepoUrl);
      // The API base the engine calls for a GitHub Enterprise host; github.com needs none.
      const api =
        serviceRepo.host === 'github.com' ? undefined : serviceRepo.apiBaseUrl;
      let described = '';
      await runConfigRepoPullRequest({
        ctx,
        deps,
        target,
        input,
        ...serviceEnvironmentChange('preview', input),
        defaultTitle: `Preview environments for ${input.service} pull requests`,
        defaultBody: () =>
          `Deploys each open pull request of ${serviceRepo.url}${
            input.previewLabels?.length
              ? ` labelled ${input.previewLabels
                  .map(label => `\`${label}\``)
                  .join(', ')}`
              : ''
          } to its own namespace \`${input.service}-pr-<number>\` with the \`${
            input.environment
          }\` overlay, as ${described}. Closing the pull request deletes its preview.`,
        change: async (reader, baseBranch) => {
          const result = await previewEnvironmentsChange(reader, baseBranch, {
            service: input.service,
            environment: input.environment,
            repository: {
              owner: serviceRepo.owner,
              repo: serviceRepo.repo,
              url: serviceRepo.url,
              ...(api ? { api } : {}),
            },
            labels: input.previewLabels,
            requeueAfterSeconds: input.requeueAfterSeconds,
            tokenSecretName: input.tokenSecretName,
          });
          described =
            result.engine === 'argocd'
              ? `an Argo CD ApplicationSet with the pull-request generator (\`${result.path}\`)`
              : `a Flux Operator ResourceSet fed by a GitHubPullRequest input provider (\`${result.path}\`)`;
          return result.change;
        },
      });
    },
  });
}
