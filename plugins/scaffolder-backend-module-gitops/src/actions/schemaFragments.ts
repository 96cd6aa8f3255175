import { InputError } from '@backstage/errors';
import {
  branchNameProblem,
  chartVersionSchema,
  commitShaSchema,
  driftPolicySchema,
  entityRefSchema,
  environmentNameSchema,
  imageDigestSchema,
  imageNameSchema,
  imageTagSchema,
  multiLineSchema,
  namespaceNameSchema,
  repoPathSchema,
  serviceNameSchema,
  singleLineSchema,
  teamNameSchema,
} from '@gitops-portal/plugin-gitops-common';
import type { ZodType } from 'zod';
import { z as zod } from 'zod/v3';

/*
 * Input fragments shared by every gitops action. Each is a function of the
 * zod instance, the shape `createTemplateAction` expects; `parseActionInput`
 * builds the same schema to check input in the handler (the scaffolder only
 * checks the JSON schema, and tests call handlers directly).
 */
export type Zod = typeof zod;

/**
 * A string checked by one of gitops-common's field schemas (zod 4), the one definition the REST API uses too,
 * inside an action's zod 3 schema. Issues keep the field's path, so the InputError names the field.
 */
export const sharedString = (z: Zod, schema: ZodType<string>) =>
  z.string().superRefine((value, ctx) => {
    const result = schema.safeParse(value);
    if (result.success) return;
    for (const issue of result.error.issues) {
      ctx.addIssue({ code: 'custom', message: issue.message });
    }
  });

/**
 * A template fills every field of a step whatever the form asked, and a field the form did not ask for renders to an
 * empty string (`${{ parameters.x if … }}`): empty is absent.
 */
export const absentWhenEmpty = <S extends zod.ZodTypeAny>(z: Zod, schema: S) =>
  z.preprocess(value => (value === '' ? undefined : value), schema);

/**
 * A zod 3 value (its shape documents the field in the action's JSON schema) that one of gitops-common's schemas
 * (zod 4) checks too, the one definition the manifests are checked against. Issues keep their path inside it.
 */
export const sharedValue = <T extends zod.ZodTypeAny>(
  type: T,
  schema: ZodType,
) =>
  type.superRefine((value, ctx) => {
    const result = schema.safeParse(value);
    if (result.success) return;
    for (const issue of result.error.issues) {
      ctx.addIssue({
        code: 'custom',
        message: issue.message,
        path: issue.path.filter(
          (key): key is string | number => typeof key !== 'symbol',
        ),
      });
    }
  });

/** Size limits of free-text inputs (GitHub's own: 256-character titles, 65536-character bodies, 50-character labels). */
const TITLE_LENGTH = 256;
const BODY_LENGTH = 65536;
const LABEL_LENGTH = 50;
/** GitHub logins and team slugs, clone and API URLs. */
const NAME_LENGTH = 100;
const URL_LENGTH = 2048;

/** A Kubernetes namespace, a DNS-1123 label. */
export const namespaceField = (z: Zod) => sharedString(z, namespaceNameSchema);

/** An image repository without tag or digest (`ghcr.io/acme/web`). */
export const imageNameField = (z: Zod) => sharedString(z, imageNameSchema);

/** An image tag (`1.4.0`). */
export const imageTagField = (z: Zod) => sharedString(z, imageTagSchema);

/** An image digest (`sha256:` and 64 hex digits). */
export const imageDigestField = (z: Zod) => sharedString(z, imageDigestSchema);

/** An exact Helm chart version (`1.2.0`). */
export const chartVersionField = (z: Zod) =>
  sharedString(z, chartVersionSchema);

/** A commit SHA of the config repo. */
export const commitShaField = (z: Zod) => sharedString(z, commitShaSchema);

/** A path relative to the config repo or the task workspace that cannot leave it. */
export const repoPathField = (z: Zod) => sharedString(z, repoPathSchema);

/** One line of text of at most `max` characters (a name, a command argument, a pattern). */
export const textField = (z: Zod, max: number = NAME_LENGTH) =>
  sharedString(z, singleLineSchema(max));

/** A URL (a clone URL, a chart repository, an API server). */
export const urlField = (z: Zod) =>
  sharedString(z, singleLineSchema(URL_LENGTH).min(1));

export const repoUrlField = (z: Zod) =>
  sharedString(z, singleLineSchema(URL_LENGTH))
    .refine(value => value.length > 0, 'must not be empty')
    .describe(
      'The GitOps config repo, in the RepoUrlPicker format `github.com?owner=acme&repo=gitops-config`',
    );

export const serviceField = (z: Zod) =>
  sharedString(z, serviceNameSchema).describe(
    'The service, a DNS-1123 label (its directory is `apps/<service>/`)',
  );

export const teamField = (z: Zod) =>
  sharedString(z, teamNameSchema).describe(
    'The owning team, a DNS-1123 label (Argo CD project and RoleBinding group)',
  );

export const environmentField = (z: Zod) =>
  sharedString(z, environmentNameSchema).describe(
    'An environment, a DNS-1123 label (`apps/<service>/overlays/<environment>/`)',
  );

const strings = (z: Zod, max: number) => z.array(textField(z, max)).max(50);

/**
 * One environment's drift policy (gitops-common `driftPolicySchema`): the zod 3 shape documents it in the action's
 * JSON schema and the form; the shared schema decides what is valid.
 */
export const driftPolicyField = (z: Zod) =>
  sharedValue(
    z
      .object({
        selfHeal: z
          .boolean()
          .optional()
          .describe(
            'Argo CD: revert changes made in the cluster (default true)',
          ),
        prune: z
          .boolean()
          .optional()
          .describe(
            'Delete objects removed from the config repo (default true)',
          ),
        ignoreDifferences: z
          .array(
            z
              .object({
                group: textField(z, 253).optional(),
                kind: textField(z, 63),
                name: textField(z, 253).optional(),
                namespace: textField(z, 63).optional(),
                jsonPointers: strings(z, 1024).optional(),
                jqPathExpressions: strings(z, 1024).optional(),
                managedFieldsManagers: strings(z, 128).optional(),
              })
              .strict(),
          )
          .max(50)
          .optional()
          .describe(
            'Argo CD `spec.ignoreDifferences` entries: `kind` (and optional `group`, `name`, `namespace`) and the `jsonPointers`, `jqPathExpressions` or `managedFieldsManagers` to ignore',
          ),
        interval: textField(z, 32)
          .optional()
          .describe(
            'Flux: how often to reconcile, a Go duration (default `5m`)',
          ),
      })
      .strict(),
    driftPolicySchema,
  )
    .optional()
    .describe(
      'What the engine does about drift in this environment; absent settings keep the defaults (Argo CD selfHeal and prune on, Flux prune on every 5m)',
    );

/** The environments a new service is deployed to, each with an immutable tag or a digest. */
export const serviceEnvironmentsField = (z: Zod) =>
  z
    .array(
      z
        .object({
          name: sharedString(z, environmentNameSchema),
          replicas: z.number().int().min(0),
          imageTag: imageTagField(z).optional(),
          imageDigest: imageDigestField(z).optional(),
          server: urlField(z).optional(),
          values: z.record(z.string(), z.unknown()).optional(),
          driftPolicy: driftPolicyField(z),
        })
        .strict(),
    )
    .min(1)
    .describe(
      'Environments: `name`, `replicas`, one of `imageTag` / `imageDigest`, optional Argo CD `server`, (Helm packaging) `values` and `driftPolicy`',
    );

/** A plain branch name by git's rules (gitops-common's `branchNameProblem`), never a ref path. */
const branchName = (z: Zod) =>
  z.string().superRefine((name, ctx) => {
    const problem = branchNameProblem(name);
    if (problem) {
      ctx.addIssue({
        code: 'custom',
        message: `is not a valid branch name: it ${problem}`,
      });
    }
  });

export const baseBranchField = (z: Zod) =>
  branchName(z)
    .optional()
    .describe('The branch the pull request targets (default `main`)');

export const branchField = (z: Zod) =>
  branchName(z)
    .optional()
    .describe(
      "The change branch, under the portal's prefix (`gitops.pullRequests.branchPrefix`, default `gitops/`); never the base, default or a protected branch. The default is deterministic per request so a re-run updates the same PR",
    );

export const titleField = (z: Zod) =>
  sharedString(z, singleLineSchema(TITLE_LENGTH))
    .optional()
    .describe('Pull request title (a default is derived)');

export const descriptionField = (z: Zod) =>
  sharedString(z, multiLineSchema(BODY_LENGTH))
    .optional()
    .describe(
      'Pull request body (markdown); the validation report is appended',
    );

export const labelsField = (z: Zod) =>
  z
    .array(sharedString(z, singleLineSchema(LABEL_LENGTH).min(1)))
    .max(100)
    .optional()
    .describe('Labels to add to the PR');

export const reviewersField = (z: Zod) =>
  z
    .array(sharedString(z, singleLineSchema(NAME_LENGTH).min(1)))
    .max(100)
    .optional()
    .describe('GitHub users to request a review from');

export const teamReviewersField = (z: Zod) =>
  z
    .array(sharedString(z, singleLineSchema(NAME_LENGTH).min(1)))
    .max(100)
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

/** The input of an action on one environment of an existing service. */
export const serviceEnvironmentInputFields = {
  ...serviceInputFields,
  environment: environmentField,
};

/** The catalog entity a change belongs to, for an action that names no service. */
export const entityRefField = (z: Zod) =>
  sharedString(z, entityRefSchema)
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
  catalogInfoUrl: (z: Zod) =>
    z
      .string()
      .optional()
      .describe(
        'The catalog entity file the change adds, at the base branch (for `catalog:register`); only some actions',
      ),
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
