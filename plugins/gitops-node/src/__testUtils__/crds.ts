/**
 * Test helper: a namespaced CustomResourceDefinition serving version `v1` of `kind` in `group`, shaped as the
 * Kubernetes docs' CronTab example; `spec` is the OpenAPI schema of the custom object's spec.
 */
export function namespacedCrd(options: {
  group: string;
  kind: string;
  plural: string;
  spec: Record<string, unknown>;
}) {
  const { group, kind, plural, spec } = options;
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${group}` },
    spec: {
      group,
      names: { kind, plural },
      scope: 'Namespaced',
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: { type: 'object', properties: { spec } },
          },
        },
      ],
    },
  };
}
