import { createConfigRepoAction } from './createConfigRepoAction';
import { runConfigRepoPullRequest } from './runConfigRepoPullRequest';
import {
  environmentField,
  namespaceField,
  pullRequestInputFields,
  teamField,
  urlField,
  Zod,
} from './schemaFragments';
import { examples } from './teamOnboard.examples';
import { teamOnboardingChange } from './teamOnboardFiles';
import { GitopsActionDeps } from './types';

const inputFields = {
  ...pullRequestInputFields,
  team: teamField,
  namespace: (z: Zod) =>
    namespaceField(z)
      .optional()
      .describe("The team's namespace, a DNS-1123 label (default the team)"),
  environments: (z: Zod) =>
    z
      .array(environmentField(z))
      .min(1)
      .describe('The environments the team gets a namespace and project in'),
  sourceRepoUrl: (z: Zod) =>
    urlField(z)
      .optional()
      .describe(
        "The repo the team's AppProject may deploy from (default `https://<host>/<owner>/<repo>`)",
      ),
};

/**
 * `gitops:team:onboard`: a team's namespace, RBAC and Argo CD AppProject per environment, as a validated PR.
 *
 * @public
 */
export function createGitopsTeamOnboardAction(deps: GitopsActionDeps) {
  return createConfigRepoAction(deps, {
    id: 'gitops:team:onboard',
    description:
      "Opens a pull request that onboards a team: per environment a namespace with a RoleBinding giving the team's group `edit` (`clusters/<env>/namespaces/<namespace>.yaml`) and the team's Argo CD AppProject (`clusters/<env>/argocd/projects/<team>.yaml`). Files the repo already has are kept.",
    examples,
    // Onboarding adds a team's files; it changes no existing entity.
    input: inputFields,
    async run({ ctx, input, target }) {
      const onboarding = {
        team: input.team,
        namespace: input.namespace ?? input.team,
        environments: input.environments,
        sourceRepoUrl: input.sourceRepoUrl ?? target.url,
      };
      let existing: string[] = [];
      await runConfigRepoPullRequest({
        ctx,
        deps,
        target,
        input,
        defaultBranch: { action: 'team', entity: input.team },
        defaultTitle: `Onboard team ${input.team}`,
        defaultBody: () =>
          [
            `Onboards team \`${input.team}\` to ${input.environments
              .map(env => `\`${env}\``)
              .join(', ')}: namespace \`${
              onboarding.namespace
            }\` (the team's group gets \`edit\`) and the Argo CD AppProject \`${
              input.team
            }\`.`,
            ...(existing.length
              ? [
                  `Already in the repo, kept as they are:\n${existing
                    .map(path => `- \`${path}\``)
                    .join('\n')}`,
                ]
              : []),
          ].join('\n\n'),
        change: async (reader, baseBranch) => {
          const change = await teamOnboardingChange(
            reader,
            baseBranch,
            onboarding,
          );
          existing = change.existing;
          return { files: change.files };
        },
      });
    },
  });
}
