import { commitUrl, formatDuration, shortRevision } from './format';

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [59, '59s'],
    [300, '5m'],
    [7200, '2h'],
    [172800, '2d'],
  ])('%d seconds is %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('shortRevision', () => {
  it.each([
    ['4f1c2a9e0b7d6c5a4f3e2d1c0b9a8f7e6d5c4b3a', '4f1c2a9'],
    ['1.4.2', '1.4.2'],
  ])('%s is shown as %s', (revision, text) => {
    expect(shortRevision(revision)).toBe(text);
  });
});

describe('commitUrl', () => {
  const sha = '4f1c2a9e0b7d6c5a4f3e2d1c0b9a8f7e6d5c4b3a';
  it.each([
    [
      'https://github.com/acme/shop.git',
      `https://github.com/acme/shop/commit/${sha}`,
    ],
    [
      'https://github.example.org/acme/shop/',
      `https://github.example.org/acme/shop/commit/${sha}`,
    ],
    ['git@github.com:acme/shop.git', undefined],
    ['oci://ghcr.io/acme/charts', undefined],
    ['https://charts.example.org', undefined],
  ])('links %s to %s', (repo, url) => {
    expect(commitUrl(repo, sha)).toBe(url);
  });

  it('does not link a chart version', () => {
    expect(commitUrl('https://github.com/acme/shop', '1.4.2')).toBeUndefined();
  });
});
