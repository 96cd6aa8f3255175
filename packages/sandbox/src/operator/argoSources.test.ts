import { argoRevisionFields, argoSourceFields } from './argoSources';

const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const CONFIG = {
  repoURL: 'http://127.0.0.1:7100/acme/gitops-config.git',
  targetRevision: 'main',
};
const CHART = {
  repoURL: 'https://charts.acme.example/stable',
  chart: 'webhook-relay',
  targetRevision: '2.3.1',
};
const app = (spec: object) => ({ spec });

describe('argoRevisionFields', () => {
  it.each<[string, object, object]>([
    [
      'a single Git source: the commit',
      { source: { ...CONFIG, path: 'apps/x' } },
      { revision: COMMIT },
    ],
    [
      'a single Helm chart: still the one revision field',
      { source: CHART },
      { revision: COMMIT },
    ],
    [
      'a chart plus a values ref: the chart version, then the commit',
      { sources: [CHART, { ...CONFIG, ref: 'values' }] },
      { revisions: ['2.3.1', COMMIT] },
    ],
    [
      'two Git paths: the commit for each',
      {
        sources: [
          { ...CONFIG, path: 'a' },
          { ...CONFIG, path: 'b' },
        ],
      },
      { revisions: [COMMIT, COMMIT] },
    ],
    [
      'an empty sources list: a single-source Application',
      { source: CONFIG, sources: [] },
      { revision: COMMIT },
    ],
  ])('%s', (_what, spec, expected) => {
    expect(argoRevisionFields(app(spec), COMMIT)).toEqual(expected);
  });
});

describe('argoSourceFields', () => {
  it.each<[string, object, object]>([
    ['single source', { source: CONFIG }, { source: CONFIG }],
    [
      'multi-source',
      { sources: [CHART, CONFIG] },
      { sources: [CHART, CONFIG] },
    ],
  ])('%s', (_what, spec, expected) => {
    expect(argoSourceFields(app(spec))).toEqual(expected);
  });
});
