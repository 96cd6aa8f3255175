import { gapSummary, imageShortName, imageVersionLabel } from './pipelineModel';

describe('pipelineModel', () => {
  it.each([
    ['ghcr.io/acme/shop', 'shop'],
    ['registry:5000/shop', 'shop'],
    ['nginx', 'nginx'],
  ])('calls image %s "%s"', (name, expected) => {
    expect(imageShortName(name)).toBe(expected);
  });

  it.each([
    [{ name: 'shop', tag: '1.0.0' }, '1.0.0'],
    [
      { name: 'shop', digest: `sha256:${'0123456789ab'.repeat(5)}` },
      'sha256:0123456789ab',
    ],
    [
      { name: 'shop', tag: '1.0.0', digest: 'sha256:ffffffffffffffff' },
      '1.0.0 @ sha256:ffffffffffff',
    ],
    [{ name: 'shop' }, 'no tag'],
  ])('labels %j as %s', (image, expected) => {
    expect(imageVersionLabel(image)).toBe(expected);
  });

  it.each([
    [{ versionChanges: [], commitsNotPromoted: [] }, 'Same version'],
    [
      {
        versionChanges: [
          { kind: 'image' as const, name: 'shop', from: '2', to: '1' },
        ],
      },
      '1 version differs',
    ],
    [
      { versionChanges: [], commitsNotPromoted: [{ sha: 'a' }, { sha: 'b' }] },
      '2 commits not promoted',
    ],
  ])('summarises a gap %#', (gap, expected) => {
    expect(gapSummary({ from: 'dev', to: 'prod', ...gap })).toBe(expected);
  });
});
