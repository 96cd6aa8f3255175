import { InputError } from '@backstage/errors';
import { isDns1123Label } from '@gitops-portal/plugin-gitops-node';
import { z as zod } from 'zod/v3';

/*
 * Input fragments shared by every gitops action. Each is a function of the
 * zod instance, the shape `createTemplateAction` expects; `parseActionInput`
 * builds the same schema to check input in the handler (the scaffolder only
 * checks the JSON schema, and tests call handlers directly).
 */
export type Zod = typeof zod;

const dns1123 = (z: Zod, what: string) =>
  z.string().refine(isDns1123Label, {
    message: `${what} must be a DNS-1123 label (lowercase letters, digits, '-', at most 63 characters)`,
  });

/** A full entity ref, `kind:namespace/name`: a shorthand would leave the kind to guess. */
const ENTITY_REF = /^[^:/\s]+:[^:/\s]+\/[^:/\s]+$/;

export const repoUrlField = (z: Zod) =>
  z
    .string()
    .min(1)
    .describe(
      'The GitOps config repo, in the RepoUrlPicker format `github.com?owner=acme&repo=gitops-config`',
    );

export const serviceField = (z: Zod) =>
  dns1123(z, 'The service name').describe(
    'The service, a DNS-1123 label (its directory is `apps/<service>/`)',
  );

export const teamField = (z: Zod) =>
  dns1123(z, 'The team name').describe(
    'The owning team, a DNS-1123 label (Argo CD project and RoleBinding group)',
  );

export const environmentField = (z: Zod) =>
  dns1123(z, 'The environment name').describe(
    'An environment, a DNS-1123 label (`apps/<service>/overlays/<environment>/`)',
  );

/** The environments a new service is deployed to, each with an immutable tag or a digest. */
export const serviceEnvironmentsField = (z: Zod) =>
  z
    .array(
      z
        .object({
          name: dns1123(z, 'The environment name'),
          replicas: z.number().int().min(0),
          imageTag: z.string().optional(),
          imageDigest: z.string().optional(),
          server: z.string().optional(),
          values: z.record(z.string(), z.unknown()).optional(),
        })
        .strict(),
    )
    .min(1)
    .describe(
      'Environments: `name`, `replicas`, one of `imageTag` / `imageDigest`, optional Argo CD `server`, and (Helm packaging) `values`',
    );

export const baseBranchField = (z: Zod) =>
  z
    .string()
    .optional()
    .describe('The branch the pull request targets (default `main`)');

export const branchField = (z: Zod) =>
  z
    .string()
    .optional()
    .describe(
      'The change branch; the default is deterministic per request so a re-run updates the same PR',
    );

export const titleField = (z: Zod) =>
  z.string().optional().describe('Pull request title (a default is derived)');

export const descriptionField = (z: Zod) =>
  z
    .string()
    .optional()
    .describe(
      'Pull request body (markdown); the validation report is appended',
    );

export const labelsField = (z: Zod) =>
  z.array(z.string().min(1)).optional().describe('Labels to add to the PR');

export const reviewersField = (z: Zod) =>
  z
    .array(z.string().min(1))
    .optional()
    .describe('GitHub users to request a review from');

export const teamReviewersField = (z: Zod) =>
  z
    .array(z.string().min(1))
    .optional()
    .describe('GitHub team slugs to request a review from');

export const draftField = (z: Zod) =>
  z.boolean().optional().describe('Open the pull request as a draft');

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

/** The input of an action on one existing service. */
export const serviceInputFields = {
  ...pullRequestInputFields,
  service: serviceField,
};

/** The catalog entity a change belongs to, for an action that names no service. */
export const entityRefField = (z: Zod) =>
  z
    .string()
    .regex(ENTITY_REF, 'must be an entity ref such as `component:default/web`')
    .optional()
    .describe(
      'The catalog entity the change belongs to (`kind:namespace/name`); the initiator needs `gitops.change` on it',
    );

/** What every action outputs. */
export const pullRequestOutputFields = {
  pullRequestUrl: (z: Zod) =>
    z
      .string()
      .describe(
        'The pull request URL (empty for a dry run or an empty change)',
      ),
  pullRequestNumber: (z: Zod) =>
    z.number().describe('The pull request number (0 when none was opened)'),
  branch: (z: Zod) => z.string().describe('The change branch'),
  status: (z: Zod) =>
    z
      .enum(['opened', 'updated', 'unchanged', 'empty', 'dry-run'])
      .describe('What happened to the pull request'),
  changedFiles: (z: Zod) =>
    z.array(z.string()).describe('The files the change writes or deletes'),
};

export type FieldMap = Record<string, (z: Zod) => zod.ZodTypeAny>;
export type ParsedInput<S extends FieldMap> = {
  [K in keyof S]: zod.output<ReturnType<S[K]>>;
};

/** Checks `input` against the action's schema; bad input is an InputError naming every problem. */
export function parseActionInput<S extends FieldMap>(
  fields: S,
  input: unknown,
): ParsedInput<S> {
  const shape = Object.fromEntries(
    Object.entries(fields).map(([key, field]) => [key, field(zod)]),
  );
  const result = zod.object(shape).strict().safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map(
      issue => `${issue.path.join('.') || 'input'}: ${issue.message}`,
    );
    throw new InputError(`Invalid input: ${problems.join('; ')}`);
  }
  return result.data as ParsedInput<S>;
}
