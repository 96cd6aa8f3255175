import { crdsOf } from './clusters';

/** Kyverno's ClusterPolicy CRD, cluster-scoped (schema left open: the emulator only stores policies). */
export function clusterPolicyCrd() {
  const [crd] = crdsOf([
    { group: 'kyverno.io', kind: 'ClusterPolicy', plural: 'clusterpolicies' },
  ]);
  return { ...crd, spec: { ...crd.spec, scope: 'Cluster' } };
}

/** An enforced Kyverno ClusterPolicy `require-<label>`: every Deployment carries the label, or `message`. */
export function requireLabelPolicy(label: string, message: string) {
  return {
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: { name: `require-${label}` },
    spec: {
      validationFailureAction: 'Enforce',
      rules: [
        {
          name: `${label}-label`,
          match: { any: [{ resources: { kinds: ['Deployment'] } }] },
          validate: {
            message,
            pattern: { metadata: { labels: { [label]: '?*' } } },
          },
        },
      ],
    },
  };
}
