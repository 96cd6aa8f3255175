import { InputError } from '@backstage/errors';
import { parseAllDocuments } from 'yaml';

/** Largest file the writer accepts (GitHub's inline-content trees are meant for small text files). */
export const MAX_FILE_BYTES = 1024 * 1024;

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** True for a DNS-1123 label: lower-case alphanumerics and '-', at most 63 characters. */
export function isDns1123Label(name: string): boolean {
  return name.length <= 63 && DNS1123_LABEL.test(name);
}

/** True for a DNS-1123 subdomain: dot-separated labels, at most 253 characters. */
export function isDns1123Subdomain(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 253 &&
    name.split('.').every(part => DNS1123_LABEL.test(part))
  );
}

/** Throws an InputError unless `name` is a DNS-1123 label; `what` names the field in the message. */
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
 * Throws an InputError for a path that could escape the repo or confuse Git:
 * empty, absolute, `..` or `.` segments, backslashes, NUL or control characters.
 */
export function assertSafeRepoPath(path: string): void {
  const problem = repoPathProblem(path);
  if (problem) {
    throw new InputError(
      `Unsafe path ${JSON.stringify(path.slice(0, 200))}: ${problem}`,
    );
  }
}

function repoPathProblem(path: string): string | undefined {
  if (typeof path !== 'string' || path.length === 0) return 'empty path';
  if (path.length > 1024) return 'longer than 1024 characters';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'contains control characters';
  if (path.includes('\\')) return 'contains a backslash';
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return 'is absolute';
  const segments = path.split('/');
  if (segments.some(s => s === '..')) return "contains '..'";
  if (segments.some(s => s === '.' || s === '')) {
    return "contains an empty or '.' segment";
  }
  if (segments[0] === '.git' || segments.includes('.git')) {
    return 'points into .git';
  }
  return undefined;
}

/** ApplicationSet templates are Go templates that Argo CD fills in; `{{ }}` there is intended. */
function withoutApplicationSetTemplates(text: string): string | undefined {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.some(doc => doc.errors.length > 0)) {
    return undefined;
  }
  let rest = text;
  for (const doc of docs) {
    if (doc.get('kind') !== 'ApplicationSet') continue;
    for (const key of ['template', 'templatePatch']) {
      const node = doc.getIn(['spec', key], true) as
        | { range?: number[] }
        | undefined;
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
 * `${{ … }}` (scaffolder) anywhere, or `{{ … }}` outside an Argo CD
 * ApplicationSet's `spec.template` and a Helm chart's `templates/`.
 */
export function assertNoTemplateExpressions(path: string, text: string): void {
  const match = /\$\{\{|\{\{/.exec(text);
  if (!match) return;
  if (match[0] === '{{' && !text.includes('${{')) {
    if (HELM_CHART_TEMPLATE.test(path)) return;
    const rest = withoutApplicationSetTemplates(text);
    if (rest !== undefined && !rest.includes('{{')) return;
  }
  const line = text.slice(0, match.index).split('\n').length;
  throw new InputError(
    `${path}:${line} contains an unrendered template expression ("${match[0]}")`,
  );
}

/** Throws when a file is larger than `MAX_FILE_BYTES`. */
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

/** A Git branch name the writer accepts: `a-z0-9._-` segments separated by '/'. */
export function assertSafeBranchName(branch: string): void {
  const ok =
    typeof branch === 'string' &&
    branch.length <= 200 &&
    /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(branch) &&
    !branch
      .split('/')
      .some(
        s => s.startsWith('.') || s.startsWith('-') || s.endsWith('.lock'),
      ) &&
    !branch.includes('..');
  if (!ok) {
    throw new InputError(
      `Invalid branch name ${JSON.stringify(String(branch).slice(0, 200))}`,
    );
  }
}
