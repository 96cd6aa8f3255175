import { repoOf } from './createLiveDiffService';
import { fluxCommit, repoPathOf } from './readManager';

describe('repoPathOf: Argo CD source.path and Flux spec.path as repo paths', () => {
  it.each([
    ['apps/web/overlays/dev', 'apps/web/overlays/dev'],
    ['./apps/web/overlays/dev', 'apps/web/overlays/dev'],
    ['/apps/web/', 'apps/web'],
    ['./', '.'],
    ['.', '.'],
    ['', '.'],
    [undefined, '.'],
  ])('%p is %p', (path, expected) => {
    expect(repoPathOf(path)).toBe(expected);
  });
});

describe('fluxCommit: the commit of a Flux revision', () => {
  const sha = 'a'.repeat(40);
  it.each([
    [`main@sha1:${sha}`, sha],
    [`refs/heads/main@sha1:${sha}`, sha],
    [`main/${sha}`, sha],
    [sha, sha],
    ['', undefined],
    [undefined, undefined],
  ])('%p is %p', (revision, expected) => {
    expect(fluxCommit(revision)).toBe(expected);
  });
});

describe('repoOf: owner/repo of a Git URL', () => {
  it.each([
    ['https://github.com/acme/gitops-config.git', 'acme/gitops-config'],
    ['https://github.com/Acme/GitOps-Config', 'acme/gitops-config'],
    ['git@github.com:acme/gitops-config.git', 'acme/gitops-config'],
    ['ssh://git@github.com/acme/gitops-config', 'acme/gitops-config'],
    ['http://127.0.0.1:4000/acme/gitops-config.git/', 'acme/gitops-config'],
  ])('%p is %p', (url, expected) => {
    expect(repoOf(url)).toBe(expected);
  });
});
