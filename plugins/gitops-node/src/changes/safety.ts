import { InputError } from '@backstage/errors';
import {
  branchNameProblem,
  dns1123LabelSchema,
  dns1123SubdomainSchema,
  repoPathSchema,
} from '@gitops-portal/plugin-gitops-common';
import { parseAllDocuments } from 'yaml';

/**
 * Largest file the writer accepts (GitHub's inline-content trees are meant for small text files).
 *
 * @public
 */
export const MAX_FILE_BYTES = 1024 * 1024;

/*
 * Names and paths are checked by gitops-common's shared field schemas (the same rules the REST routes and the
 * actions apply at the edge); these wrappers give the writer's callers booleans and InputErrors.
 */

/**
 * True for a DNS-1123 label: lower-case alphanumerics and '-', at most 63 characters.
 *
 * @public
 */
export function isDns1123Label(name: string): boolean {
  return dns1123LabelSchema.safeParse(name).success;
}

/**
 * True for a DNS-1123 subdomain: dot-separated labels, at most 253 characters.
 *
 * @public
 */
export function isDns1123Subdomain(name: string): boolean {
  return dns1123SubdomainSchema.safeParse(name).success;
}

/**
 * Throws an InputError unless `name` is a DNS-1123 label; `what` names the field in the message.
 *
 * @public
 */
export function assertDns1123Label(name: string, what: string): void {
  if (typeof name !== 'string' || !isDns1123Label(name)) {
    throw new InputError(
      `${what} "${String(name).slice(
        0,
        80,
      )}" is not a DNS-1123 name (lower-case letters, digits and '-', at most 63 characters)`,
    );
  }
}

/**
 * Throws an InputError for a path that could escape the repo or confuse Git (`repoPathSchema`):
 * empty, absolute, `..` or `.` segments, backslashes, `.git`, NUL or control characters.
 *
 * @public
 */
export function assertSafeRepoPath(path: string): void {
  const checked = repoPathSchema.safeParse(path);
  if (!checked.success) {
    throw new InputError(
      `Unsafe path ${JSON.stringify(String(path).slice(0, 200))}: ${
        checked.error.issues[0].message
      }`,
    );
  }
}

/**
 * Where a kind holds Go templates its own controller fills in, so `{{ }}` there is intended: an Argo CD
 * ApplicationSet's `spec.template`/`spec.templatePatch`, an ExternalSecret's `spec.target.template` (External
 * Secrets renders it from the values it reads).
 */
const CONTROLLER_TEMPLATES: Record<string, string[][]> = {
  ApplicationSet: [
    ['spec', 'template'],
    ['spec', 'templatePatch'],
  ],
  ExternalSecret: [['spec', 'target', 'template']],
};

/** The text with its controllers' templates blanked out (undefined when it is not valid YAML). */
function withoutControllerTemplates(text: string): string | undefined {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.some(doc => doc.errors.length > 0)) {
    return undefined;
  }
  let rest = text;
  for (const doc of docs) {
    const paths = CONTROLLER_TEMPLATES[String(doc.get('kind'))] ?? [];
    for (const path of paths) {
      const node = doc.getIn(path, true) as { range?: number[] } | undefined;
      if (node?.range) {
        const [from, , to] = node.range;
        rest = rest.slice(0, from) + ' '.repeat(to - from) + rest.slice(to);
      }
    }
  }
  return rest;
}

/** A Helm chart's template in the config repo (`apps/<svc>/chart/templates/…`, as gitops-node generates): Go templates by design. */
const HELM_CHART_TEMPLATE = /^apps\/[^/]+\/chart\/templates\/[^/]+$/;

/**
 * Throws when text carries a template expression that was never rendered:
 * `${{ … }}` (scaffolder) anywhere, or `{{ … }}` outside the templates a
 * controller fills in (`CONTROLLER_TEMPLATES`) and a Helm chart's `templates/`.
 *
 * @public
 */
export function assertNoTemplateExpressions(path: string, text: string): void {
  const match = /\$\{\{|\{\{/.exec(text);
  if (!match) return;
  if (match[0] === '{{' && !text.includes('${{')) {
    if (HELM_CHART_TEMPLATE.test(path)) return;
    const rest = withoutControllerTemplates(text);
    if (rest !== undefined && !rest.includes('{{')) return;
  }
  const line = text.slice(0, match.index).split('\n').length;
  throw new InputError(
    `${path}:${line} contains an unrendered template expression ("${match[0]}")`,
  );
}

/** Alias expansions allowed per YAML document: far above what manifests use, far below a "billion laughs" file. */
const MAX_YAML_ALIASES = 100;

/**
 * Throws unless a `.yaml`/`.yml` file parses as YAML, with its aliases expanded under a bound, so a broken file or
 * an alias bomb is refused before it is pushed (Argo CD, Flux and kustomize would choke on it after the merge).
 * A Helm chart's `templates/` are Go templates, not YAML, and are skipped.
 */
export function assertParsableYaml(path: string, text: string): void {
  if (!/\.ya?ml$/i.test(path) || HELM_CHART_TEMPLATE.test(path)) return;
  for (const doc of parseAllDocuments(text)) {
    const [error] = doc.errors;
    let problem = error?.message.split('\n')[0];
    if (!problem) {
      try {
        doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
      } catch (e) {
        problem = (e as Error).message;
      }
    }
    if (problem) {
      throw new InputError(`${path} is not valid YAML: ${problem}`);
    }
  }
}

/**
 * Throws when a file is larger than `MAX_FILE_BYTES`.
 *
 * @public
 */
export function assertFileSize(
  path: string,
  text: string,
  maxBytes = MAX_FILE_BYTES,
): void {
  const size = Buffer.byteLength(text, 'utf8');
  if (size > maxBytes) {
    throw new InputError(
      `${path} is ${size} bytes, larger than the ${maxBytes}-byte limit`,
    );
  }
}

/**
 * A Git branch name the writer accepts (git's check-ref-format rules, `branchNameProblem`).
 *
 * @public
 */
export function assertSafeBranchName(branch: string): void {
  const problem =
    typeof branch === 'string' ? branchNameProblem(branch) : 'is not a string';
  if (problem) {
    throw new InputError(
      `Invalid branch name ${JSON.stringify(
        String(branch).slice(0, 200),
      )}: it ${problem}`,
    );
  }
}
