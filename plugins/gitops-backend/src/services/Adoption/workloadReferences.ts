type Manifest = Record<string, any>;

/** The pod template of a workload (a CronJob's is one level deeper). */
const podTemplateOf = (workload: Manifest): Manifest | undefined =>
  workload.kind === 'CronJob'
    ? workload.spec?.jobTemplate?.spec?.template
    : workload.spec?.template;

/** `Kind/name` of every ConfigMap, Secret, PersistentVolumeClaim and ServiceAccount the pod spec names. */
function namedByPodSpec(spec: Manifest = {}): Set<string> {
  const names = new Set<string>();
  const add = (kind: string, name: unknown) => {
    if (typeof name === 'string' && name) names.add(`${kind}/${name}`);
  };
  add('ServiceAccount', spec.serviceAccountName);
  for (const secret of spec.imagePullSecrets ?? []) add('Secret', secret.name);
  for (const volume of spec.volumes ?? []) {
    add('ConfigMap', volume.configMap?.name);
    add('Secret', volume.secret?.secretName);
    add('PersistentVolumeClaim', volume.persistentVolumeClaim?.claimName);
    for (const source of volume.projected?.sources ?? []) {
      add('ConfigMap', source.configMap?.name);
      add('Secret', source.secret?.name);
    }
  }
  for (const container of [
    ...(spec.containers ?? []),
    ...(spec.initContainers ?? []),
  ]) {
    for (const from of container.envFrom ?? []) {
      add('ConfigMap', from.configMapRef?.name);
      add('Secret', from.secretRef?.name);
    }
    for (const env of container.env ?? []) {
      add('ConfigMap', env.valueFrom?.configMapKeyRef?.name);
      add('Secret', env.valueFrom?.secretKeyRef?.name);
    }
  }
  return names;
}

/** Whether a label selector's `matchLabels` (or a Service's plain map) all hold in the labels. */
const selects = (
  selector: Record<string, string> | undefined,
  labels: Record<string, string> = {},
) =>
  !!selector &&
  Object.keys(selector).length > 0 &&
  Object.entries(selector).every(([key, value]) => labels[key] === value);

/**
 * One workload and what it needs from its namespace: the ConfigMaps, Secrets, claims and ServiceAccount its pods
 * name, the Services and PodDisruptionBudgets that select its pods, the autoscalers that scale it. Adopting it
 * alone would leave those behind, unmanaged.
 */
export function workloadWithReferences(
  workload: Manifest,
  namespaceObjects: Manifest[],
): Manifest[] {
  const template = podTemplateOf(workload);
  const named = namedByPodSpec(template?.spec);
  const podLabels = template?.metadata?.labels;
  const related = namespaceObjects.filter(object => {
    if (object === workload) return false;
    if (named.has(`${object.kind}/${object.metadata?.name}`)) return true;
    switch (object.kind) {
      case 'Service':
        return selects(object.spec?.selector, podLabels);
      case 'PodDisruptionBudget':
        return (
          !object.spec?.selector?.matchExpressions &&
          selects(object.spec?.selector?.matchLabels, podLabels)
        );
      case 'HorizontalPodAutoscaler':
        return (
          object.spec?.scaleTargetRef?.kind === workload.kind &&
          object.spec?.scaleTargetRef?.name === workload.metadata?.name
        );
      default:
        return false;
    }
  });
  return [workload, ...related];
}
