import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { GithubClient } from '@gitops-portal/plugin-gitops-node';
import { ConfigRepo, resolveConfigRepo } from './configRepo';
import { examples } from './decommission.examples';
import { runConfigRepoPullRequest } from './runConfigRepoPullRequest';
import {
  parseActionInput,
  pullRequestInputFields,
  pullRequestOutputFields,
  serviceField,
} from './schemaFragments';
import { GitopsActionDeps } from './types';

const inputFields = {
  ...pullRequestInputFields,
  service: serviceField,
};

/**
 * The files to delete: `apps/<svc>/` and the service's registrations under
 * `clusters/` (`<svc>.yaml` Applications, Flux Kustomizations and namespaces,
 * `<svc>-appset.yaml`). Team AppProjects stay: other services use them.
 */
async function decommissionPaths(
  octokit: GithubClient,
  target: ConfigRepo,
  branch: string,
  service: string,
): Promise<string[]> {
  const { data } = await octokit.git.getTree({
    owner: target.owner,
    repo: target.repo,
    tree_sha: branch,
    recursive: 'true',
  });
  const paths = data.tree
    .filter(entry => entry.type === 'blob')
    .map(entry => entry.path ?? '');
  if (!paths.some(path => path.startsWith(`apps/${service}/`))) {
    throw new InputError(
      `The config repo has no service ${service} (apps/${service}/)`,
    );
  }
  const registration = new RegExp(`^clusters/.+/${service}(-appset)?\\.yaml$`);
  return [`apps/${service}`, ...paths.filter(path => registration.test(path))];
}

/** `gitops:decommission`: a pull request that deletes a service from the config repo. */
export function createGitopsDecommissionAction(deps: GitopsActionDeps) {
  return createTemplateAction({
    id: 'gitops:decommission',
    description:
      'Opens a pull request that removes a service: `apps/<service>/` and its `clusters/*/…/<service>.yaml` registrations (Argo CD Applications or ApplicationSet, Flux Kustomizations, namespace).',
    examples,
    supportsDryRun: true,
    schema: { input: inputFields, output: pullRequestOutputFields },
    async handler(ctx) {
      const input = parseActionInput(inputFields, ctx.input);
      const target = resolveConfigRepo(deps, input.repoUrl);
      let deleted: string[] = [];
      await runConfigRepoPullRequest({
        ctx,
        deps,
        target,
        input,
        defaultBranch: `gitops/decommission/${input.service}`,
        defaultTitle: `Decommission ${input.service}`,
        defaultBody: () =>
          `Removes \`${input.service}\`:\n\n${deleted
            .map(path => `- \`${path}\``)
            .join('\n')}\n\nRequested by ${ctx.user?.ref ?? 'the scaffolder'}.`,
        change: async octokit => {
          deleted = await decommissionPaths(
            octokit,
            target,
            input.baseBranch ?? 'main',
            input.service,
          );
          return {
            files: Object.fromEntries(deleted.map(path => [path, null])),
          };
        },
      });
    },
  });
}
