import { branchNameProblem, branchNameSchema } from './branch';

describe('branchNameSchema', () => {
  it.each([
    'main',
    'gitops-portal/promote/web-prod',
    'feature/x.y',
    'release-1.2',
    'a@b',
    'under_score/with-dash',
    'a'.repeat(200),
  ])('accepts %j', name => {
    expect(branchNameSchema.safeParse(name).success).toBe(true);
  });

  // One case per check-ref-format rule (git-check-ref-format(1)), plus ours.
  it.each([
    ['empty', '', 'is empty'],
    ['too long', 'a'.repeat(201), 'longer than 200'],
    ['a ref path', 'refs/heads/x', "starts with 'refs/'"],
    ['a parent step', '../x', "contains '..'"],
    ['two dots inside', 'a..b', "contains '..'"],
    ['a NUL', 'a\u0000b', 'control character'],
    ['a newline', 'a\nb', 'control character'],
    ['DEL', 'a\u007fb', 'control character'],
    ['a space', 'a b', 'space'],
    ['a tilde', 'a~1', 'space or one of'],
    ['a caret', 'a^', 'space or one of'],
    ['a colon', 'a:b', 'space or one of'],
    ['a question mark', 'a?', 'space or one of'],
    ['an asterisk', 'a*', 'space or one of'],
    ['an open bracket', 'a[b', 'space or one of'],
    ['a backslash', 'a\\b', 'space or one of'],
    ['a leading dash', '-x', "starts with '-'"],
    ['a leading slash', '/x', "starts or ends with '/'"],
    ['a trailing slash', 'x/', "starts or ends with '/'"],
    ['a double slash', 'a//b', "contains '//'"],
    ['a trailing dot', 'x.', "ends with '.'"],
    ['a component starting with a dot', 'a/.b', "starting with '.'"],
    ['a leading dot', '.a', "starting with '.'"],
    ['a .lock component', 'a.lock/b', "ending with '.lock'"],
    ['a trailing .lock', 'a/b.lock', "ending with '.lock'"],
    ['@{', 'a@{1}', "contains '@{'"],
    ['the lone @', '@', "is '@'"],
    ['HEAD', 'HEAD', "is 'HEAD'"],
  ])('refuses %s', (_case, name, problem) => {
    expect(branchNameProblem(name)).toContain(problem);
    const result = branchNameSchema.safeParse(name);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toContain(problem);
  });
});
