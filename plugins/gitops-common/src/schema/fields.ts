import {
  CommonValidatorFunctions,
  KubernetesValidatorFunctions,
} from '@backstage/catalog-model';
import { z } from 'zod';

/*
 * The one definition of every field a user gives the portal: REST bodies, queries and path parameters, and
 * scaffolder action inputs. Each schema bounds its size and refuses control characters, so bad input is refused
 * at the edge (a 400 / InputError naming the field) before anything is looked up, read or written. The messages
 * leave the field name out: whoever parses prefixes the issue's path.
 */

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
// Control characters other than tab, line feed and carriage return.
const CONTROL_CHARACTERS_IN_TEXT =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * A string of at most `max` characters matching `pattern`. The length is checked first, so no pattern ever runs
 * on a huge input.
 */
function patternString(max: number, pattern: RegExp, message: string) {
  return z
    .string()
    .refine(value => value.length <= max && pattern.test(value), message);
}

/**
 * One line of text (a name, title, label or URL) of at most `max` characters, without control characters.
 *
 * @public
 */
export const singleLineSchema = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine(
      value => !CONTROL_CHARACTERS.test(value),
      'must not contain control characters (NUL, line breaks, …)',
    );

/**
 * Free text (a pull request body) of at most `max` characters; line breaks and tabs are allowed, NUL is not.
 *
 * @public
 */
export const multiLineSchema = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine(
      value => !CONTROL_CHARACTERS_IN_TEXT.test(value),
      'must not contain control characters (NUL, …)',
    );

/**
 * A DNS-1123 label: lower-case letters, digits and '-', starting and ending alphanumeric, at most 63 characters.
 *
 * @public
 */
export const dns1123LabelSchema = z
  .string()
  .refine(
    CommonValidatorFunctions.isValidDnsLabel,
    "must be a DNS-1123 label (lower-case letters, digits and '-', at most 63 characters)",
  );

/**
 * A DNS-1123 subdomain (a Kubernetes object name): dot-separated DNS-1123 labels, at most 253 characters.
 *
 * @public
 */
export const dns1123SubdomainSchema = z
  .string()
  .refine(
    CommonValidatorFunctions.isValidDnsSubdomain,
    'must be a DNS-1123 subdomain (dot-separated DNS-1123 labels, at most 253 characters)',
  );

/**
 * A service: its directory is `apps/<service>/`, its objects carry it as a label.
 *
 * @public
 */
export const serviceNameSchema = dns1123LabelSchema;
/**
 * An environment: `apps/<service>/overlays/<environment>/`, `clusters/<environment>/`.
 *
 * @public
 */
export const environmentNameSchema = dns1123LabelSchema;
/**
 * A Kubernetes namespace.
 *
 * @public
 */
export const namespaceNameSchema = dns1123LabelSchema;
/**
 * A team: its Argo CD project and RoleBinding group.
 *
 * @public
 */
export const teamNameSchema = dns1123LabelSchema;
/**
 * A Secret (and its ExternalSecret or SealedSecret): `apps/<service>/overlays/<env>/secrets/<name>.yaml`.
 *
 * @public
 */
export const secretNameSchema = dns1123LabelSchema;
/**
 * A key of a Secret's `data`: letters, digits, `-`, `_` and `.`, at most 253 characters (Kubernetes' rule).
 *
 * @public
 */
export const secretKeySchema = patternString(
  253,
  /^[-._a-zA-Z0-9]+$/,
  "must be a Secret key (letters, digits, '-', '_' and '.', at most 253 characters)",
);
/**
 * Where a value is in an external secret store: a key path (`prod/web/db`) and optionally a property.
 *
 * @public
 */
export const secretRemoteKeySchema = singleLineSchema(1024).refine(
  value => value.trim().length > 0,
  'must not be empty',
);

/**
 * The kind of a catalog entity (`Component`, `group`), as Backstage validates it.
 *
 * @public
 */
export const entityKindSchema = z
  .string()
  .refine(
    KubernetesValidatorFunctions.isValidKind,
    'must be an entity kind (a letter, then letters and digits, at most 63 characters)',
  );

/**
 * The namespace of a catalog entity, as Backstage validates it.
 *
 * @public
 */
export const entityNamespaceSchema = z
  .string()
  .refine(
    KubernetesValidatorFunctions.isValidNamespace,
    'must be an entity namespace (a DNS-1123 label)',
  );

/**
 * The name of a catalog entity, as Backstage validates it.
 *
 * @public
 */
export const entityNameSchema = z
  .string()
  .refine(
    KubernetesValidatorFunctions.isValidObjectName,
    "must be an entity name (letters, digits, '-', '_' and '.', at most 63 characters)",
  );

const FULL_ENTITY_REF = /^([^:/]{1,63}):([^:/]{1,63})\/([^:/]{1,63})$/;

function isFullEntityRef(value: string): boolean {
  const match = FULL_ENTITY_REF.exec(value);
  return (
    !!match &&
    KubernetesValidatorFunctions.isValidKind(match[1]) &&
    KubernetesValidatorFunctions.isValidNamespace(match[2]) &&
    KubernetesValidatorFunctions.isValidObjectName(match[3])
  );
}

/**
 * A full entity ref, `kind:namespace/name`: a shorthand would leave the kind and namespace to guess.
 *
 * @public
 */
export const entityRefSchema = z
  .string()
  .refine(
    value => value.length <= 191 && isFullEntityRef(value),
    'must be an entity ref such as `component:default/web`',
  );

/**
 * Longest path in the config repo the portal reads or writes.
 *
 * @public
 */
export const MAX_REPO_PATH_LENGTH = 1024;

function repoPathProblem(path: string): string | undefined {
  if (path.length === 0) return 'must not be empty';
  if (path.length > MAX_REPO_PATH_LENGTH) {
    return `must be at most ${MAX_REPO_PATH_LENGTH} characters`;
  }
  if (CONTROL_CHARACTERS.test(path)) {
    return 'must not contain control characters (NUL, line breaks, …)';
  }
  if (path.includes('\\')) return 'must not contain a backslash';
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) {
    return 'must be relative to the repository root, not absolute';
  }
  const segments = path.split('/');
  if (segments.includes('..')) return "must not contain a '..' segment";
  if (segments.some(segment => segment === '.' || segment === '')) {
    return "must not contain an empty or '.' segment";
  }
  if (segments.includes('.git')) return 'must not point into .git';
  return undefined;
}

/**
 * A path relative to a repository (or workspace) root that cannot leave it: not absolute, no `..`, `.` or empty
 * segment, no backslash, no `.git`, no NUL or other control character, at most 1024 characters.
 *
 * @public
 */
export const repoPathSchema = z.string().superRefine((path, ctx) => {
  const problem = repoPathProblem(path);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/*
 * Image references, after the distribution/reference grammar: `[domain[:port]/]path[:tag][@digest]`, with
 * lower-case domains as the manifest writer accepts them.
 */
const DOMAIN =
  '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::[0-9]{1,5})?';
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const IMAGE_NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const IMAGE_TAG = '[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}';
const IMAGE_DIGEST = 'sha256:[a-f0-9]{64}';

/**
 * An image repository without tag or digest, e.g. `ghcr.io/acme/web` (at most 255 characters).
 *
 * @public
 */
export const imageNameSchema = patternString(
  255,
  new RegExp(`^${IMAGE_NAME}$`),
  'must be an image repository such as `ghcr.io/acme/web` (lower-case, no tag or digest, at most 255 characters)',
);

/**
 * An image tag: letters, digits, `_`, `.` and `-`, not starting with `.` or `-`, at most 128 characters.
 *
 * @public
 */
export const imageTagSchema = patternString(
  128,
  new RegExp(`^${IMAGE_TAG}$`),
  "must be an image tag (letters, digits, '_', '.' and '-', at most 128 characters)",
);

/**
 * An image digest: `sha256:` and 64 lower-case hex digits.
 *
 * @public
 */
export const imageDigestSchema = patternString(
  71,
  new RegExp(`^${IMAGE_DIGEST}$`),
  'must be an image digest: `sha256:` and 64 lower-case hex digits',
);

/**
 * A full image reference, `registry/repository[:tag][@sha256:digest]`.
 *
 * @public
 */
export const imageReferenceSchema = patternString(
  255 + 1 + 128 + 1 + 71,
  new RegExp(`^${IMAGE_NAME}(?::${IMAGE_TAG})?(?:@${IMAGE_DIGEST})?$`),
  'must be an image reference such as `ghcr.io/acme/web:1.4.0` or `ghcr.io/acme/web@sha256:<64 hex digits>`',
);

/** The semver.org grammar (SemVer 2.0.0), which Helm requires of chart versions. */
const SEMVER =
  /^(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?$/;

/**
 * An exact chart version, e.g. `1.2.0` (SemVer 2, at most 128 characters).
 *
 * @public
 */
export const chartVersionSchema = patternString(
  128,
  SEMVER,
  'must be an exact semantic version such as `1.2.0`',
);

/**
 * A commit SHA of the config repo, abbreviated (7 hex digits) or full.
 *
 * @public
 */
export const commitShaSchema = patternString(
  40,
  /^[0-9a-f]{7,40}$/i,
  'must be a commit SHA (7 to 40 hex characters)',
);
