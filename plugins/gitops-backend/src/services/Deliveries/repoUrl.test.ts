import { repoIdOf, sameRepo } from './repoUrl';

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
