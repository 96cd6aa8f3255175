import { renderValidationMarkdown } from './markdown';
import { ValidationResult } from './types';

const result = (over: Partial<ValidationResult>): ValidationResult => ({
  ok: true,
  overlays: [
    {
      path: 'apps/web/overlays/dev',
      kind: 'overlay',
      objects: 2,
      violations: [],
    },
  ],
  manifests: [],
  violations: [],
  ...over,
});

const warning = {
  file: 'apps/web/base/workload.yaml',
  object: 'Deployment/web',
  rule: 'kyverno' as const,
  policy: 'ClusterPolicy/require-team/check-team',
  severity: 'warning' as const,
  message: 'Deployment/web needs a team label',
};
const error = {
  file: 'apps/web/overlays/dev/kustomization.yaml',
  object: 'Deployment/web',
  rule: 'immutable-image-tag' as const,
  message: 'Deployment/web image web:latest uses the mutable tag :latest',
};

describe('renderValidationMarkdown', () => {
  it.each<[string, Partial<ValidationResult>, string[]]>([
    [
      'a warning is listed with its policy and the summary says it does not block',
      { violations: [warning] },
      [
        'no blocking problem, 1 warning(s)',
        '| ⚠️ warning | `apps/web/base/workload.yaml` | Deployment/web | `kyverno` | `ClusterPolicy/require-team/check-team` | Deployment/web needs a team label |',
      ],
    ],
    [
      'an error of a built-in rule is listed as such',
      { ok: false, violations: [error, warning] },
      [
        '❌ 1 problem(s) found.',
        '| ❌ error | `apps/web/overlays/dev/kustomization.yaml` | Deployment/web | `immutable-image-tag` | (built-in) |',
      ],
    ],
    [
      'skipped policies are listed by name with the reason',
      {
        skipped: [
          {
            policy: 'ClusterPolicy/disallow-host/deny-host',
            file: 'policies/host.yaml',
            reason: 'validate.deny is not evaluated here',
          },
        ],
      },
      [
        '**Not evaluated** (neither passed nor failed):',
        '| `ClusterPolicy/disallow-host/deny-host` | `policies/host.yaml` | validate.deny is not evaluated here |',
      ],
    ],
    [
      'evaluated policies are named',
      { policies: ['ValidatingAdmissionPolicy/replica-cap (binding b)'] },
      [
        'Estate policies evaluated: `ValidatingAdmissionPolicy/replica-cap (binding b)`.',
      ],
    ],
  ])('%s', (_, over, expected) => {
    const markdown = renderValidationMarkdown(result(over));
    for (const line of expected) expect(markdown).toContain(line);
  });
});
