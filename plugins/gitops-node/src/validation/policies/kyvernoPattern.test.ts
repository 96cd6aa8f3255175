import { matchPattern, quantity } from './kyvernoPattern';

/** Cases written from kyverno.io "Validate Rules" (anchors, wildcards, operators), not copied from Kyverno's tests. */
const pod = (containers: object[], extra: object = {}) => ({
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: { containers, ...extra },
});

const CASES: Array<[string, unknown, unknown, string]> = [
  [
    'a literal value matches',
    { metadata: { labels: { app: 'web' } } },
    pod([]),
    'pass',
  ],
  [
    'a missing required key fails',
    { metadata: { labels: { team: '?*' } } },
    pod([]),
    'fail:/metadata/labels/team',
  ],
  [
    '?* needs a non-empty value',
    { metadata: { labels: { app: '?*' } } },
    pod([]),
    'pass',
  ],
  [
    '* wildcard in a value',
    { spec: { containers: [{ image: 'ghcr.io/*' }] } },
    pod([{ image: 'ghcr.io/acme/web:1' }]),
    'pass',
  ],
  [
    '* needs the field to exist',
    { metadata: { annotations: '*' } },
    pod([]),
    'fail:/metadata/annotations',
  ],
  [
    '* matches an empty value',
    { metadata: { name: '*' } },
    { metadata: { name: '' } },
    'pass',
  ],
  [
    'null needs the field absent',
    { spec: { hostNetwork: null } },
    pod([], { hostNetwork: true }),
    'fail:/spec/hostNetwork',
  ],
  ['"" passes an absent field', { spec: { hostNetwork: '' } }, pod([]), 'pass'],
  [
    'a negated range fails inside the range',
    { spec: { replicas: '1!-3' } },
    { spec: { replicas: 2 } },
    'fail:/spec/replicas',
  ],
  [
    '? wildcard is one character',
    { metadata: { name: 'we?' } },
    pod([]),
    'pass',
  ],
  [
    '! negation',
    { spec: { containers: [{ image: '!*:latest' }] } },
    pod([{ image: 'web:latest' }]),
    'fail:/spec/containers/0/image',
  ],
  [
    '| alternatives',
    { spec: { containers: [{ imagePullPolicy: 'Always|IfNotPresent' }] } },
    pod([{ imagePullPolicy: 'IfNotPresent' }]),
    'pass',
  ],
  [
    '> on numbers',
    { spec: { replicas: '>1' } },
    { spec: { replicas: 1 } },
    'fail:/spec/replicas',
  ],
  [
    '<= on quantities',
    { spec: { containers: [{ resources: { limits: { memory: '<=1Gi' } } }] } },
    pod([{ resources: { limits: { memory: '512Mi' } } }]),
    'pass',
  ],
  [
    'a range',
    { spec: { replicas: '1-3' } },
    { spec: { replicas: 4 } },
    'fail:/spec/replicas',
  ],
  [
    'a negated range (a!-b)',
    { spec: { replicas: '1!-3' } },
    { spec: { replicas: 4 } },
    'pass',
  ],
  [
    '& needs both',
    { spec: { replicas: '>1&<5' } },
    { spec: { replicas: 5 } },
    'fail:/spec/replicas',
  ],
  [
    'every list element must match',
    { spec: { containers: [{ securityContext: { runAsNonRoot: true } }] } },
    pod([
      { securityContext: { runAsNonRoot: true } },
      { securityContext: { runAsNonRoot: false } },
    ]),
    'fail:/spec/containers/1/securityContext/runAsNonRoot',
  ],
  [
    'conditional anchor: a met condition checks the siblings',
    {
      spec: {
        containers: [{ '(image)': '*:latest', imagePullPolicy: 'Always' }],
      },
    },
    pod([{ image: 'web:latest', imagePullPolicy: 'IfNotPresent' }]),
    'fail:/spec/containers/0/imagePullPolicy',
  ],
  [
    'conditional anchor: an unmet condition passes the element',
    {
      spec: {
        containers: [{ '(image)': '*:latest', imagePullPolicy: 'Always' }],
      },
    },
    pod([{ image: 'web:1.0', imagePullPolicy: 'IfNotPresent' }]),
    'pass',
  ],
  [
    'equality anchor: absent is fine',
    { spec: { '=(hostNetwork)': false } },
    pod([]),
    'pass',
  ],
  [
    'equality anchor: present must match',
    { spec: { '=(hostNetwork)': false } },
    pod([], { hostNetwork: true }),
    'fail:/spec/hostNetwork',
  ],
  [
    'negation anchor: the key must be absent',
    { spec: { 'X(hostPath)': 'null' } },
    pod([], { hostPath: {} }),
    'fail:/spec/hostPath',
  ],
  [
    'negation anchor: absent passes',
    { spec: { 'X(hostPath)': 'null' } },
    pod([]),
    'pass',
  ],
  [
    'existence anchor: one element matching is enough',
    { spec: { '^(containers)': [{ name: 'sidecar' }] } },
    pod([{ name: 'web' }, { name: 'sidecar' }]),
    'pass',
  ],
  [
    'existence anchor: no element matching fails',
    { spec: { '^(containers)': [{ name: 'sidecar' }] } },
    pod([{ name: 'web' }]),
    'fail:/spec/containers',
  ],
  [
    'global anchor: an unmet condition skips the rule',
    {
      spec: {
        containers: [
          { '<(image)': 'internal.io/*', imagePullPolicy: 'Always' },
        ],
      },
    },
    pod([{ image: 'ghcr.io/web:1', imagePullPolicy: 'Never' }]),
    'skip',
  ],
  [
    'a mutate anchor is not implemented',
    { spec: { '+(dnsPolicy)': 'None' } },
    pod([]),
    'unsupported',
  ],
  [
    'variables are not implemented',
    { metadata: { name: '{{ request.object.kind }}' } },
    pod([]),
    'unsupported',
  ],
];

describe('Kyverno pattern matching', () => {
  it.each(CASES)('%s', (_, pattern, resource, expected) => {
    const result = matchPattern(resource, pattern);
    const label = result.kind === 'fail' ? `fail:${result.path}` : result.kind;
    expect(label).toBe(expected);
  });

  it.each([
    ['500m', 0.5],
    ['1Gi', 2 ** 30],
    ['2k', 2000],
    ['3', 3],
    ['abc', undefined],
  ])('quantity %s = %s', (text, value) => {
    expect(quantity(text)).toBe(value);
  });
});
