import {
  claimableXrds,
  claimProblems,
  defaultsOf,
  parameterProblems,
  parametersSchemaOf,
  servedVersions,
} from './claimSchema';
import { TEST_XRDS } from './testXrds';

const postgres = TEST_XRDS[0];
const schema = parametersSchemaOf(servedVersions(postgres)[0]);

describe('claimableXrds', () => {
  it.each([
    [undefined, ['Bucket', 'PostgreSQLInstance']],
    [['PostgreSQLInstance'], ['PostgreSQLInstance']],
    [['Queue'], []],
  ])('with kinds %j offers %j once each', (kinds, expected) => {
    expect(claimableXrds(TEST_XRDS, kinds).map(x => x.claimKind)).toEqual(
      expected,
    );
  });
});

describe('servedVersions', () => {
  it('puts the referenceable version first', () => {
    expect(servedVersions(postgres).map(v => v.name)).toEqual([
      'v1beta1',
      'v1alpha1',
    ]);
  });
});

describe('defaultsOf', () => {
  it('collects defaults, nested objects included', () => {
    expect(defaultsOf(schema)).toEqual({
      version: '16',
      highAvailability: false,
      backup: { retentionDays: 7 },
    });
  });
});

describe('parameterProblems', () => {
  it.each([
    [{ storageGB: 20 }, []],
    [{}, ['parameters.storageGB is required']],
    [{ storageGB: 5 }, ['parameters.storageGB must be at least 10']],
    [{ storageGB: 5000 }, ['parameters.storageGB must be at most 1000']],
    [{ storageGB: 20.5 }, ['parameters.storageGB must be an integer']],
    [
      { storageGB: 20, version: '9' },
      ['parameters.version must be one of 14, 15, 16'],
    ],
    [
      { storageGB: 20, highAvailability: 'yes' },
      ['parameters.highAvailability must be a boolean'],
    ],
    [
      { storageGB: 20, backup: { retentionDays: 0 } },
      ['parameters.backup.retentionDays must be at least 1'],
    ],
  ])('%j → %j', (value, expected) => {
    expect(parameterProblems(value, schema)).toEqual(expected);
  });
});

describe('claimProblems', () => {
  it.each([
    ['no XRD', undefined, ['Choose a claim kind']],
    [
      'the empty object a form starts with',
      { xrd: {} as never, parameters: {} },
      ['Choose a claim kind'],
    ],
    [
      'an unknown version',
      { xrd: postgres, version: 'v9', parameters: {} },
      ['Choose a version'],
    ],
    [
      'a complete value',
      { xrd: postgres, version: 'v1beta1', parameters: { storageGB: 20 } },
      [],
    ],
  ])('reports %s', (_case, value, expected) => {
    expect(claimProblems(value)).toEqual(expected);
  });
});
