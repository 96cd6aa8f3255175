import { parsePathTemplate } from './layoutTemplate';

describe('parsePathTemplate', () => {
  it.each([
    [
      "a service's own folder",
      'deploy/{service}/{env}/',
      { folder: 'deploy/{service}/{env}/', recursive: true },
    ],
    [
      'a folder shared by services (only files named after the service)',
      'releases/{env}/',
      { folder: 'releases/{env}/', named: true },
    ],
    [
      'one file',
      'values/{service}-{env}.yaml',
      { file: 'values/{service}-{env}.yaml' },
    ],
  ])('takes %s', (_name, template, layout) => {
    expect(parsePathTemplate(template)).toEqual({ layout });
  });

  it.each([
    ['a `..` segment', '../other-repo/{service}/{env}/', /'\.\.' segment/],
    [
      'a `..` after a placeholder',
      'apps/{service}/../{env}/',
      /'\.\.' segment/,
    ],
    ['an absolute path', '/srv/{service}/{env}/', /not absolute/],
    [
      'an unknown placeholder',
      'apps/{team}/{env}/',
      /unknown placeholder \{team\}/,
    ],
    ['no {env}', 'apps/{service}/', /must contain \{env\}/],
    ['a path into .git', '.git/{service}/{env}/', /\.git/],
  ])('refuses %s', (_name, template, problem) => {
    const parsed = parsePathTemplate(template);
    expect('problem' in parsed && parsed.problem).toMatch(problem);
  });
});
