import { githubRepoOf, repoIdOf, sameRepo } from './repoUrl';

describe('repoIdOf', () => {
  it.each([
    ['https://github.com/acme/config', 'github.com/acme/config'],
    ['https://github.com/Acme/Config.git', 'github.com/acme/config'],
    ['https://github.com/acme/config/', 'github.com/acme/config'],
    ['git@github.com:acme/config.git', 'github.com/acme/config'],
    ['ssh://git@github.com/acme/config.git', 'github.com/acme/config'],
    ['ssh://git@github.com:22/acme/config.git', 'github.com/acme/config'],
    [
      'https://token@git.example.org/acme/config',
      'git.example.org/acme/config',
    ],
  ])('%s -> %s', (url, expected) => {
    expect(repoIdOf(url)).toBe(expected);
  });
});

describe('sameRepo', () => {
  it.each([
    ['git@github.com:acme/config.git', 'https://github.com/acme/config', true],
    ['https://github.com/acme/config', 'https://github.com/acme/charts', false],
    ['https://charts.example.org', 'https://github.com/acme/config', false],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(sameRepo(a, b)).toBe(expected);
  });
});

describe('githubRepoOf', () => {
  it.each([
    ['https://github.com/Acme/Config.git', 'https://github.com/Acme/Config'],
    ['http://127.0.0.1:8443/acme/config/', 'http://127.0.0.1:8443/acme/config'],
    [
      'git@ghe.example.org:acme/config.git',
      'https://ghe.example.org/acme/config',
    ],
    [
      'ssh://git@ghe.example.org:22/acme/config.git',
      'https://ghe.example.org/acme/config',
    ],
    [
      'https://token@ghe.example.org/acme/config',
      'https://ghe.example.org/acme/config',
    ],
  ])('%s -> %s', (url, expected) => {
    expect(githubRepoOf(url)?.url).toBe(expected);
  });

  it.each([
    ['https://charts.example.org'],
    ['https://github.com/acme'],
    ['not a url'],
  ])('%s names no owner/repo', url => {
    expect(githubRepoOf(url)).toBeUndefined();
  });
});
