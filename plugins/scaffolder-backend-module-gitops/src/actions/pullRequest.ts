import { InputError } from '@backstage/errors';
import { gitopsChangePermission } from '@gitops-portal/plugin-gitops-common';
import { authorizeInitiator, serviceEntityRef } from './authorizeInitiator';
import { createConfigRepoAction } from './createConfigRepoAction';
import { examples } from './pullRequest.examples';
import { runConfigRepoPullRequest } from './runConfigRepoPullRequest';
import {
  entityRefField,
  pullRequestInputFields,
  repoPathField,
  textField,
  Zod,
} from './schemaFragments';
import { GitopsActionDeps } from './types';
import { readWorkspaceFiles } from './workspaceFiles';
import { yamlPatchEdits } from './yamlPatches';

const inputFields = {
  ...pullRequestInputFields,
  entityRef: entityRefField,
  files: (z: Zod) =>
    z
      .record(repoPathField(z), z.string().nullable())
      .optional()
      .describe(
        'Whole files: path → content (`null` deletes the file or directory)',
      ),
  yamlPatches: (z: Zod) =>
    z
      .array(
        z
          .object({
            path: repoPathField(z),
            set: z.record(textField(z, 1024), z.unknown()).optional(),
            delete: z.array(textField(z, 1024)).optional(),
          })
          .strict(),
      )
      .optional()
      .describe(
        "Structured YAML edits that keep comments: `{ path, set: { 'a.b.c': value }, delete: ['x.y'] }`",
      ),
  sourcePath: (z: Zod) =>
    repoPathField(z)
      .optional()
      .describe(
        'A directory (or file) of the task workspace to copy into the repo',
      ),
  targetPath: (z: Zod) =>
    repoPathField(z)
      .optional()
      .describe('Where `sourcePath` goes in the repo (default the repo root)'),
};

/**
 * The entities a change belongs to: the service of every `apps/<service>/`
 * path and the one named by `entityRef` (the owner of files outside `apps/`,
 * such as a platform's `clusters/` files).
 */
function changedEntityRefs(paths: string[], entityRef?: string): string[] {
  const services = paths
    .map(path => /^apps\/([^/]+)(?:\/|$)/.exec(path)?.[1])
    .filter((service): service is string => service !== undefined);
  const refs = [
    ...(entityRef ? [entityRef] : []),
    ...services.map(serviceEntityRef),
  ];
  if (refs.length === 0) {
    throw new InputError(
      'The change touches no apps/<service>/ files: name the entity it belongs to with entityRef',
    );
  }
  return refs;
}

/**
 * `gitops:pull-request`: any validated change to the config repo.
 *
 * @public
 */
export function createGitopsPullRequestAction(deps: GitopsActionDeps) {
  return createConfigRepoAction(deps, {
    id: 'gitops:pull-request',
    description:
      'Opens a validated pull request to the GitOps config repo with whole files, structured YAML patches and/or files of the task workspace. The initiator needs `gitops.change` on each service whose `apps/<service>/` the change touches and on `entityRef`.',
    examples,
    input: inputFields,
    async run({ ctx, input, target }) {
      if (
        !input.files &&
        !input.yamlPatches &&
        input.sourcePath === undefined
      ) {
        throw new InputError(
          'Give at least one of files, yamlPatches and sourcePath',
        );
      }
      if (input.targetPath !== undefined && input.sourcePath === undefined) {
        throw new InputError('targetPath needs a sourcePath');
      }
      // The task's own workspace is read first: its paths say which entities the change touches.
      const workspaceFiles =
        input.sourcePath === undefined
          ? {}
          : await readWorkspaceFiles(
              ctx.workspacePath,
              input.sourcePath,
              input.targetPath ?? '',
            );
      const files = { ...workspaceFiles, ...input.files };
      const yamlEdits = yamlPatchEdits(input.yamlPatches ?? []);
      const paths = [
        ...Object.keys(files),
        ...yamlEdits.map(edit => edit.path),
      ];
      // Before the config repo is read or anything is logged.
      await authorizeInitiator(ctx, deps.permissions, {
        permission: gitopsChangePermission,
        entityRefs: changedEntityRefs(paths, input.entityRef),
      });
      await runConfigRepoPullRequest({
        ctx,
        deps,
        target,
        input,
        defaultBranch: { action: 'change', entity: ctx.task.id },
        defaultTitle: `Update ${
          paths.length === 1 ? paths[0] : `${paths.length} files`
        }`,
        defaultBody: '',
        change: async () => ({ files, yamlEdits }),
      });
    },
  });
}
