import {
  formatLabelSelector,
  isValidLabelKey,
  isValidLabelValue,
  LabelSelector,
  LabelSelectorParseError,
  matchesLabelSelector,
  parseLabelSelector,
} from './labelSelector';

describe('parseLabelSelector', () => {
  it.each<[string, LabelSelector['requirements']]>([
    ['app=web', [{ key: 'app', operator: 'Equals', values: ['web'] }]],
    ['app==web', [{ key: 'app', operator: 'Equals', values: ['web'] }]],
    ['app != web', [{ key: 'app', operator: 'NotEquals', values: ['web'] }]],
    ['app=', [{ key: 'app', operator: 'Equals', values: [''] }]],
    [
      'tier in (frontend, backend)',
      [{ key: 'tier', operator: 'In', values: ['frontend', 'backend'] }],
    ],
    [
      'tier notin (cache)',
      [{ key: 'tier', operator: 'NotIn', values: ['cache'] }],
    ],
    ['tier in(a)', [{ key: 'tier', operator: 'In', values: ['a'] }]],
    ['legacy', [{ key: 'legacy', operator: 'Exists', values: [] }]],
    ['!legacy', [{ key: 'legacy', operator: 'DoesNotExist', values: [] }]],
    ['! legacy', [{ key: 'legacy', operator: 'DoesNotExist', values: [] }]],
    [
      'backstage.io/kubernetes-id=shop',
      [
        {
          key: 'backstage.io/kubernetes-id',
          operator: 'Equals',
          values: ['shop'],
        },
      ],
    ],
    [
      ' app=web , tier in (a,b),!canary ',
      [
        { key: 'app', operator: 'Equals', values: ['web'] },
        { key: 'tier', operator: 'In', values: ['a', 'b'] },
        { key: 'canary', operator: 'DoesNotExist', values: [] },
      ],
    ],
    ['', []],
    ['   ', []],
  ])('%p', (text, requirements) => {
    expect(parseLabelSelector(text)).toEqual({ requirements });
  });

  it.each([
    ['app=web,', 'empty requirement'],
    [',app=web', 'empty requirement'],
    ['tier in ()', 'needs at least one value'],
    ['tier in (a', 'unbalanced parentheses'],
    ['tier in a)', 'unbalanced parentheses'],
    ['tier in ((a))', 'unbalanced parentheses'],
    ['app=web=x', 'cannot parse'],
    ['app>1', 'cannot parse'],
    ['my app=web', 'cannot parse'],
    ['-app=web', 'invalid label key'],
    ['Example.COM/app=web', 'invalid label key'],
    ['app=has space', 'cannot parse'],
    ['app=-bad', 'invalid label value'],
    [`app=${'v'.repeat(64)}`, 'invalid label value'],
    ['tier in (ok, -bad)', 'invalid label value'],
  ])('refuses %p', (text, reason) => {
    expect(() => parseLabelSelector(text)).toThrow(LabelSelectorParseError);
    expect(() => parseLabelSelector(text)).toThrow(reason);
  });
});

describe('matchesLabelSelector', () => {
  const labels = {
    app: 'web',
    tier: 'frontend',
    'backstage.io/kubernetes-id': 'shop',
  };
  it.each([
    ['app=web', true],
    ['app=api', false],
    ['app!=api', true],
    ['app!=web', false],
    // An absent label satisfies != and notin, as in Kubernetes.
    ['missing!=x', true],
    ['tier in (frontend,backend)', true],
    ['tier in (backend)', false],
    ['tier notin (backend)', true],
    ['tier notin (frontend)', false],
    ['missing notin (x)', true],
    ['missing in (x)', false],
    ['app', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['app=web,tier=frontend', true],
    ['app=web,tier=backend', false],
    ['', true],
  ])('%p -> %s', (text, expected) => {
    expect(matchesLabelSelector(labels, parseLabelSelector(text))).toBe(
      expected,
    );
  });

  it('treats missing labels as none', () => {
    expect(matchesLabelSelector(undefined, parseLabelSelector('!app'))).toBe(
      true,
    );
    expect(matchesLabelSelector(undefined, parseLabelSelector('app'))).toBe(
      false,
    );
  });

  it('does not see inherited object properties as labels', () => {
    expect(matchesLabelSelector({}, parseLabelSelector('constructor'))).toBe(
      false,
    );
  });
});

describe('formatLabelSelector', () => {
  it.each([
    'app=web',
    'app!=web',
    'tier in (a,b)',
    'tier notin (c)',
    'legacy',
    '!legacy',
    'app=web,tier in (a,b),!legacy',
  ])('round-trips %p', text => {
    expect(formatLabelSelector(parseLabelSelector(text))).toBe(text);
  });
});

describe('label key and value validation', () => {
  it.each([
    ['app', true],
    ['app.kubernetes.io/name', true],
    ['a/b/c', false],
    ['/name', false],
    ['prefix/', false],
    ['x'.repeat(63), true],
    ['x'.repeat(64), false],
  ])('key %p -> %p', (key, expected) => {
    expect(isValidLabelKey(key)).toBe(expected);
  });

  it.each([
    ['', true],
    ['v1.2_3-a', true],
    ['_bad', false],
    ['bad.', false],
  ])('value %p -> %p', (value, expected) => {
    expect(isValidLabelValue(value)).toBe(expected);
  });
});
