import { z } from 'zod';

/**
 * Longest branch name we accept; GitHub refuses refs much past this, and longer names are never ours.
 *
 * @public
 */
export const MAX_BRANCH_NAME_LENGTH = 200;

/** Characters `git check-ref-format` forbids anywhere: space, `~ ^ : ? * [ \` (and control characters, checked apart). */
const FORBIDDEN_CHARACTERS = /[ ~^:?*[\\]/;

/**
 * Why `name` is not a plain branch name by git's check-ref-format rules
 * (`git check-ref-format --branch`), or undefined when it is. The rules are
 * git's, plus: no `refs/` prefix (a branch is named short, so `refs/heads/x`
 * can never slip through as the branch `refs/heads/x` or address another ref)
 * and a length limit.
 *
 * @public
 */
export function branchNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  if (name.length > MAX_BRANCH_NAME_LENGTH) {
    return `is longer than ${MAX_BRANCH_NAME_LENGTH} characters`;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'contains a control character';
  if (FORBIDDEN_CHARACTERS.test(name)) {
    return 'contains a space or one of ~ ^ : ? * [ \\';
  }
  if (name === '@') return "is '@'";
  if (name.includes('@{')) return "contains '@{'";
  if (name.includes('..')) return "contains '..'";
  if (name.startsWith('-')) return "starts with '-'";
  if (name.startsWith('/') || name.endsWith('/')) {
    return "starts or ends with '/'";
  }
  if (name.includes('//')) return "contains '//'";
  if (name.endsWith('.')) return "ends with '.'";
  if (name === 'HEAD') return "is 'HEAD'";
  if (name.startsWith('refs/')) {
    return "starts with 'refs/' (give the branch name, not the ref)";
  }
  for (const component of name.split('/')) {
    if (component.startsWith('.')) return "has a component starting with '.'";
    if (component.endsWith('.lock')) {
      return "has a component ending with '.lock'";
    }
  }
  return undefined;
}

/**
 * A plain branch name (`gitops-portal/promote/web-prod`), never a ref path.
 *
 * @public
 */
export const branchNameSchema = z.string().superRefine((name, ctx) => {
  const problem = branchNameProblem(name);
  if (problem) {
    ctx.addIssue({
      code: 'custom',
      message: `is not a valid branch name: it ${problem}`,
    });
  }
});
