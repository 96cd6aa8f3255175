import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { resolveConfigRepo } from './configRepo';
import { examples } from './pullRequest.examples';
import { runConfigRepoPullRequest } from './runConfigRepoPullRequest';
import {
  parseActionInput,
  pullRequestInputFields,
  pullRequestOutputFields,
  Zod,
} from './schemaFragments';
import { GitopsActionDeps } from './types';
import { readWorkspaceFiles } from './workspaceFiles';
import { yamlPatchEdits } from './yamlPatches';

const inputFields = {
  ...pullRequestInputFields,
  files: (z: Zod) =>
    z
      .record(z.string().nullable())
      .optional()
      .describe(
        'Whole files: path → content (`null` deletes the file or directory)',
      ),
  yamlPatches: (z: Zod) =>
    z
      .array(
        z
          .object({
            path: z.string().min(1),
            set: z.record(z.unknown()).optional(),
            delete: z.array(z.string()).optional(),
          })
          .strict(),
      )
      .optional()
      .describe(
        "Structured YAML edits that keep comments: `{ path, set: { 'a.b.c': value }, delete: ['x.y'] }`",
      ),
  sourcePath: (z: Zod) =>
    z
      .string()
      .optional()
      .describe(
        'A directory (or file) of the task workspace to copy into the repo',
      ),
  targetPath: (z: Zod) =>
    z
      .string()
      .optional()
      .describe('Where `sourcePath` goes in the repo (default the repo root)'),
};

/** `gitops:pull-request`: any validated change to the config repo. */
export function createGitopsPullRequestAction(deps: GitopsActionDeps) {
  return createTemplateAction({
    id: 'gitops:pull-request',
    description:
      'Opens a validated pull request to the GitOps config repo with whole files, structured YAML patches and/or files of the task workspace.',
    examples,
    supportsDryRun: true,
    schema: { input: inputFields, output: pullRequestOutputFields },
    async handler(ctx) {
      const input = parseActionInput(inputFields, ctx.input);
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
      const target = resolveConfigRepo(deps, input.repoUrl);
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
      await runConfigRepoPullRequest({
        ctx,
        deps,
        target,
        input,
        defaultBranch: `gitops/change/${ctx.task.id}`,
        defaultTitle: `Update ${
          paths.length === 1 ? paths[0] : `${paths.length} files`
        }`,
        defaultBody: `Requested by ${ctx.user?.ref ?? 'the scaffolder'}.`,
        change: async () => ({ files, yamlEdits }),
      });
    },
  });
}
