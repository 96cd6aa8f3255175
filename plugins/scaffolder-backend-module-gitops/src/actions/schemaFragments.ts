import { InputError } from '@backstage/errors';
import { isDns1123Label } from '@gitops-portal/plugin-gitops-node';
import { z } from 'zod/v3';

/*
 * Input fragments shared by every gitops action. Each is a function of the
 * zod instance, the shape `createTemplateAction` expects; `parseActionInput`
 * builds the same schema to check input in the handler (the scaffolder only
 * checks the JSON schema, and tests call handlers directly).
 */
export type Zod = typeof z;

const dns1123 = (zod: Zod, what: string) =>
  zod.string().refine(isDns1123Label, {
    message: `${what} must be a DNS-1123 label (lowercase letters, digits, '-', at most 63 characters)`,
  });

export const repoUrlField = (zod: Zod) =>
  zod
    .string()
    .min(1)
    .describe(
      'The GitOps config repo, in the RepoUrlPicker format `github.com?owner=acme&repo=gitops-config`',
    );

export const serviceField = (zod: Zod) =>
  dns1123(zod, 'The service name').describe(
    'The service, a DNS-1123 label (its directory is `apps/<service>/`)',
  );

export const teamField = (zod: Zod) =>
  dns1123(zod, 'The team name').describe(
    'The owning team, a DNS-1123 label (Argo CD project and RoleBinding group)',
  );

export const environmentField = (zod: Zod) =>
  dns1123(zod, 'The environment name').describe(
    'An environment, a DNS-1123 label (`apps/<service>/overlays/<environment>/`)',
  );

/** The environments a new service is deployed to, each with an immutable tag or a digest. */
export const serviceEnvironmentsField = (zod: Zod) =>
  zod
    .array(
      zod
        .object({
          name: dns1123(zod, 'The environment name'),
          replicas: zod.number().int().min(0),
          imageTag: zod.string().optional(),
          imageDigest: zod.string().optional(),
          server: zod.string().optional(),
          values: zod.record(zod.string(), zod.unknown()).optional(),
        })
        .strict(),
    )
    .min(1)
    .describe(
      'Environments: `name`, `replicas`, one of `imageTag` / `imageDigest`, optional Argo CD `server`, and (Helm packaging) `values`',
    );

export const baseBranchField = (zod: Zod) =>
  zod
    .string()
    .optional()
    .describe('The branch the pull request targets (default `main`)');

export const branchField = (zod: Zod) =>
  zod
    .string()
    .optional()
    .describe(
      'The change branch; the default is deterministic per request so a re-run updates the same PR',
    );

export const titleField = (zod: Zod) =>
  zod.string().optional().describe('Pull request title (a default is derived)');

export const descriptionField = (zod: Zod) =>
  zod
    .string()
    .optional()
    .describe(
      'Pull request body (markdown); the validation report is appended',
    );

export const labelsField = (zod: Zod) =>
  zod.array(zod.string().min(1)).optional().describe('Labels to add to the PR');

export const reviewersField = (zod: Zod) =>
  zod
    .array(zod.string().min(1))
    .optional()
    .describe('GitHub users to request a review from');

export const teamReviewersField = (zod: Zod) =>
  zod
    .array(zod.string().min(1))
    .optional()
    .describe('GitHub team slugs to request a review from');

export const draftField = (zod: Zod) =>
  zod.boolean().optional().describe('Open the pull request as a draft');

/** The pull request options every action takes. */
export const pullRequestInputFields = {
  repoUrl: repoUrlField,
  baseBranch: baseBranchField,
  branch: branchField,
  title: titleField,
  description: descriptionField,
  labels: labelsField,
  reviewers: reviewersField,
  teamReviewers: teamReviewersField,
  draft: draftField,
};

/** What every action outputs. */
export const pullRequestOutputFields = {
  pullRequestUrl: (zod: Zod) =>
    zod
      .string()
      .describe(
        'The pull request URL (empty for a dry run or an empty change)',
      ),
  pullRequestNumber: (zod: Zod) =>
    zod.number().describe('The pull request number (0 when none was opened)'),
  branch: (zod: Zod) => zod.string().describe('The change branch'),
  status: (zod: Zod) =>
    zod
      .enum(['opened', 'updated', 'unchanged', 'empty', 'dry-run'])
      .describe('What happened to the pull request'),
  changedFiles: (zod: Zod) =>
    zod.array(zod.string()).describe('The files the change writes or deletes'),
};

type FieldMap = Record<string, (zod: Zod) => z.ZodTypeAny>;
export type ParsedInput<S extends FieldMap> = {
  [K in keyof S]: z.output<ReturnType<S[K]>>;
};

/** Checks `input` against the action's schema; bad input is an InputError naming every problem. */
export function parseActionInput<S extends FieldMap>(
  fields: S,
  input: unknown,
): ParsedInput<S> {
  const shape = Object.fromEntries(
    Object.entries(fields).map(([key, field]) => [key, field(z)]),
  );
  const result = z.object(shape).strict().safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map(
      issue => `${issue.path.join('.') || 'input'}: ${issue.message}`,
    );
    throw new InputError(`Invalid input: ${problems.join('; ')}`);
  }
  return result.data as ParsedInput<S>;
}
