/**
 * Benchmark: validation of a 50-manifest change (one overlay of 20 Deployments, 20 Services and 10 ConfigMaps)
 * and the share each step takes: writing the checkout, `kubectl kustomize`, parsing, schema, built-in rules and
 * the estate's policies (3 ValidatingAdmissionPolicies with bindings, one Kyverno ClusterPolicy of 3 rules).
 * Each step is timed on its own, `RUNS` times; the median is printed. Prints one JSON line.
 *
 *   node --require ./node_modules/@backstage/cli/config/nodeTransform.cjs bench/pull-requests/validation.ts [runs]
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';
import { validateConfigRepoChange } from '@gitops-portal/plugin-gitops-node';
// Step-level timing needs the validation's parts, which the package does not export.
import { renderKustomization } from '../../plugins/gitops-node/src/validation/kustomize';
import { parseManifests } from '../../plugins/gitops-node/src/validation/objects';
import { createSchemaValidator } from '../../plugins/gitops-node/src/validation/schema';
import { POLICY_RULES } from '../../plugins/gitops-node/src/validation/policy';
import { loadEstatePolicies } from '../../plugins/gitops-node/src/validation/policies/loadEstatePolicies';

const KUBECTL = join(__dirname, '../../.tools/kubectl/kubectl/kubectl');
const RUNS = Number(process.argv[2] ?? 5);
const OVERLAY = 'apps/bench/overlays/dev';

function workload(i: number) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `svc-${i}` },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: `svc-${i}` } },
      template: {
        metadata: { labels: { app: `svc-${i}` } },
        spec: {
          containers: [
            {
              name: 'app',
              image: `ghcr.io/acme/svc-${i}:1.0.${i}`,
              resources: { limits: { cpu: '500m', memory: '256Mi' } },
            },
          ],
        },
      },
    },
  };
}

/** The config repo files of the change: a base of 50 manifests and one overlay. */
function checkoutFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const resources: string[] = [];
  for (let i = 0; i < 20; i++) {
    files[`apps/bench/base/deploy-${i}.yaml`] = stringify(workload(i));
    files[`apps/bench/base/service-${i}.yaml`] = stringify({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: `svc-${i}` },
      spec: {
        selector: { app: `svc-${i}` },
        ports: [{ port: 80, targetPort: 8080 }],
      },
    });
    resources.push(`deploy-${i}.yaml`, `service-${i}.yaml`);
  }
  for (let i = 0; i < 10; i++) {
    files[`apps/bench/base/config-${i}.yaml`] = stringify({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: `config-${i}` },
      data: { LOG_LEVEL: 'info' },
    });
    resources.push(`config-${i}.yaml`);
  }
  files['apps/bench/base/kustomization.yaml'] = stringify({
    resources,
    labels: [{ pairs: { team: 'bench' } }],
  });
  files[`${OVERLAY}/kustomization.yaml`] = stringify({
    resources: ['../../base'],
    namespace: 'bench',
    labels: [{ pairs: { env: 'dev' } }],
  });
  return files;
}

const deploymentsRule = {
  apiGroups: ['apps'],
  apiVersions: ['v1'],
  operations: ['CREATE', 'UPDATE'],
  resources: ['deployments'],
};
const vap = (name: string, rule: object, validations: object[]) => [
  {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicy',
    metadata: { name },
    spec: {
      failurePolicy: 'Fail',
      matchConstraints: { resourceRules: [rule] },
      validations,
    },
  },
  {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicyBinding',
    metadata: { name: `${name}-binding` },
    spec: { policyName: name, validationActions: ['Deny'] },
  },
];

/** The estate's policies: what a platform team typically enforces. */
function policyFiles(): Record<string, string> {
  const admission = [
    ...vap('replica-cap', deploymentsRule, [
      { expression: 'object.spec.replicas <= 10' },
    ]),
    ...vap('trusted-registry', deploymentsRule, [
      {
        expression:
          "object.spec.template.spec.containers.all(c, c.image.startsWith('ghcr.io/acme/') && c.image.split(':').size() == 2)",
      },
    ]),
    ...vap(
      'labels',
      {
        apiGroups: ['*'],
        apiVersions: ['*'],
        operations: ['CREATE'],
        resources: ['*'],
      },
      [
        {
          expression:
            "has(object.metadata.labels) && 'team' in object.metadata.labels",
        },
      ],
    ),
  ];
  const kyverno = {
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: { name: 'baseline' },
    spec: {
      validationFailureAction: 'Enforce',
      rules: [
        {
          name: 'limits',
          match: { any: [{ resources: { kinds: ['Pod'] } }] },
          validate: {
            message: 'limits required',
            pattern: {
              spec: {
                containers: [
                  { resources: { limits: { memory: '?*', cpu: '?*' } } },
                ],
              },
            },
          },
        },
        {
          name: 'no-host-network',
          match: { any: [{ resources: { kinds: ['Pod'] } }] },
          validate: {
            message: 'no hostNetwork',
            pattern: { spec: { '=(hostNetwork)': false } },
          },
        },
        {
          name: 'service-ports',
          match: { any: [{ resources: { kinds: ['Service'] } }] },
          validate: {
            cel: {
              expressions: [
                { expression: 'object.spec.ports.all(p, p.port > 0)' },
              ],
            },
          },
        },
      ],
    },
  };
  return {
    'policies/admission.yaml': admission.map(o => stringify(o)).join('---\n'),
    'policies/kyverno.yaml': stringify(kyverno),
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timeSteps(
  files: Record<string, string>,
  policies: Record<string, string>,
) {
  const t: Record<string, number> = {};
  const lap = async <T>(
    step: string,
    run: () => Promise<T> | T,
  ): Promise<T> => {
    const start = performance.now();
    const out = await run();
    t[step] = performance.now() - start;
    return out;
  };
  const root = await lap('checkout', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-validation-'));
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    return dir;
  });
  try {
    const rendered = await lap('kustomize', () =>
      renderKustomization({ kubectlPath: KUBECTL, root, overlay: OVERLAY }),
    );
    const objects = await lap('parse', () => parseManifests(rendered));
    // Strict schema of the configured Kubernetes version (ajv; compiled validators are reused across runs).
    await lap('schema', () => {
      const schema = createSchemaValidator();
      return objects.map(o => schema.check(o));
    });
    await lap('builtInRules', () =>
      objects.flatMap(o => POLICY_RULES.flatMap(rule => rule.check(o))),
    );
    const estate = await lap('estatePolicies', () => {
      const loaded = loadEstatePolicies(policies);
      const found = objects.flatMap(o => loaded.check(o, 'x.yaml'));
      return { loaded, found };
    });
    // Every policy is evaluated (none skipped) and the change is clean, so each run does the same work.
    if (
      objects.length !== 50 ||
      estate.found.length !== 0 ||
      estate.loaded.names.length !== 6 ||
      estate.loaded.skipped.length !== 0
    ) {
      throw new Error(
        `expected 50 clean objects under 6 policies, got ${objects.length} objects, ${estate.found.length} findings, ${estate.loaded.skipped.length} skipped`,
      );
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return t;
}

async function main() {
  const files = checkoutFiles();
  const policies = policyFiles();
  const runs: Array<Record<string, number>> = [];
  const endToEnd: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(await timeSteps(files, policies));
    const start = performance.now();
    const result = await validateConfigRepoChange({
      checkoutFiles: files,
      touchedOverlays: [OVERLAY],
      kubectlPath: KUBECTL,
      policyFiles: policies,
    });
    endToEnd.push(performance.now() - start);
    if (!result.ok || result.overlays[0].objects !== 50) {
      throw new Error(
        `validation did not pass: ${JSON.stringify(
          result.violations.slice(0, 3),
        )}`,
      );
    }
  }
  const steps = Object.keys(runs[0]);
  const ms = Object.fromEntries(
    steps.map(s => [s, median(runs.map(r => r[s]))]),
  );
  const total = Object.values(ms).reduce((a, b) => a + b, 0);
  const round = (n: number) => Math.round(n * 10) / 10;
  process.stdout.write(
    `${JSON.stringify({
      bench: 'pull-requests/validation',
      manifests: 50,
      runs: RUNS,
      steps: steps.map(s => ({
        step: s,
        ms: round(ms[s]),
        share: round((ms[s] / total) * 100),
      })),
      stepsTotalMs: round(total),
      validateConfigRepoChangeMs: round(median(endToEnd)),
    })}\n`,
  );
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
