import { compare } from 'fast-json-patch';
import { stripServerFields } from './liveDiffNormalize';

/*
 * Adoption writes a live object to the config repo as the manifest someone would have written: what the API
 * server wrote (status, server metadata: the live diff's stripServerFields), what a controller wrote (ownerReferences,
 * the Deployment revision) and the defaults the API server filled in (Kubernetes' documented defaults, per kind)
 * are dropped. A default is dropped only where the live value equals it: a value someone chose stays, even when
 * it happens to be close to the default.
 */

type Manifest = Record<string, unknown>;

/**
 * The golden path for secrets: adoption never writes a Secret's values to Git.
 *
 * @public
 */
export const ADD_SECRET_TEMPLATE = 'templates/add-secret';

/** Metadata a controller writes on the objects it manages or rolls out. */
const CONTROLLER_ANNOTATIONS = ['deployment.kubernetes.io/revision'];

/** One default: a dotted path (`[]` walks every item of a list) and when the value there is the default. */
interface DefaultRule {
  path: string;
  /** The default value, compared deeply… */
  value?: unknown;
  /** …or a rule over the value and the object holding it (a default that depends on a sibling). */
  is?: (value: unknown, holder: Record<string, unknown>) => boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** Deep equality without Node's util (this package runs in the browser too): no JSON patch between the two. */
const deepEqual = (a: unknown, b: unknown) =>
  compare({ value: a }, { value: b }).length === 0;

/** `Always` for an image without a tag or tagged `latest` (and no digest), else `IfNotPresent` (core/v1 defaults). */
function defaultPullPolicy(image: unknown): string {
  const text = String(image ?? '');
  if (text.includes('@')) return 'IfNotPresent';
  const lastSegment = text.slice(text.lastIndexOf('/') + 1);
  const tag = lastSegment.includes(':')
    ? lastSegment.slice(lastSegment.indexOf(':') + 1)
    : '';
  return !tag || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

const PROBE_DEFAULTS = (probe: string): DefaultRule[] => [
  { path: `${probe}.timeoutSeconds`, value: 1 },
  { path: `${probe}.periodSeconds`, value: 10 },
  { path: `${probe}.successThreshold`, value: 1 },
  { path: `${probe}.failureThreshold`, value: 3 },
  { path: `${probe}.httpGet.scheme`, value: 'HTTP' },
];

const CONTAINER_DEFAULTS: DefaultRule[] = [
  { path: 'terminationMessagePath', value: '/dev/termination-log' },
  { path: 'terminationMessagePolicy', value: 'File' },
  { path: 'imagePullPolicy', is: (v, c) => v === defaultPullPolicy(c.image) },
  { path: 'resources', value: {} },
  { path: 'ports[].protocol', value: 'TCP' },
  ...['livenessProbe', 'readinessProbe', 'startupProbe'].flatMap(
    PROBE_DEFAULTS,
  ),
];

/** core/v1 PodSpec defaults (and the `creationTimestamp: null` a template's metadata is serialised with). */
const podSpecDefaults = (spec: string, metadata?: string): DefaultRule[] => [
  ...(metadata ? [{ path: `${metadata}.creationTimestamp`, value: null }] : []),
  { path: `${spec}.dnsPolicy`, value: 'ClusterFirst' },
  { path: `${spec}.restartPolicy`, value: 'Always' },
  { path: `${spec}.schedulerName`, value: 'default-scheduler' },
  { path: `${spec}.securityContext`, value: {} },
  { path: `${spec}.terminationGracePeriodSeconds`, value: 30 },
  { path: `${spec}.enableServiceLinks`, value: true },
  ...['containers', 'initContainers'].flatMap(list =>
    CONTAINER_DEFAULTS.map(rule => ({
      ...rule,
      path: `${spec}.${list}[].${rule.path}`,
    })),
  ),
];

const TEMPLATE = podSpecDefaults(
  'spec.template.spec',
  'spec.template.metadata',
);

/** The defaults per `group/Kind` (core group: `/Kind`), from the API server's defaulting of each kind. */
const DEFAULTS: Record<string, DefaultRule[]> = {
  '/Pod': podSpecDefaults('spec'),
  'apps/Deployment': [
    {
      path: 'spec.strategy',
      value: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
      },
    },
    { path: 'spec.revisionHistoryLimit', value: 10 },
    { path: 'spec.progressDeadlineSeconds', value: 600 },
    ...TEMPLATE,
  ],
  'apps/StatefulSet': [
    { path: 'spec.podManagementPolicy', value: 'OrderedReady' },
    {
      path: 'spec.updateStrategy',
      value: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
    },
    { path: 'spec.revisionHistoryLimit', value: 10 },
    {
      path: 'spec.persistentVolumeClaimRetentionPolicy',
      value: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    },
    ...TEMPLATE,
  ],
  'apps/DaemonSet': [
    {
      path: 'spec.updateStrategy',
      value: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
      },
    },
    { path: 'spec.revisionHistoryLimit', value: 10 },
    ...TEMPLATE,
  ],
  'batch/CronJob': [
    { path: 'spec.concurrencyPolicy', value: 'Allow' },
    { path: 'spec.suspend', value: false },
    { path: 'spec.successfulJobsHistoryLimit', value: 3 },
    { path: 'spec.failedJobsHistoryLimit', value: 1 },
    ...podSpecDefaults(
      'spec.jobTemplate.spec.template.spec',
      'spec.jobTemplate.spec.template.metadata',
    ),
    { path: 'spec.jobTemplate.metadata.creationTimestamp', value: null },
  ],
  '/Service': [
    // Allocated by the API server; `None` (headless) is the user's choice and stays.
    { path: 'spec.clusterIP', is: v => v !== 'None' },
    {
      path: 'spec.clusterIPs',
      is: v => Array.isArray(v) && v.every(ip => ip !== 'None'),
    },
    {
      path: 'spec.ipFamilies',
      is: (v, spec) =>
        Array.isArray(v) &&
        v.length === 1 &&
        (spec.ipFamilyPolicy ?? 'SingleStack') === 'SingleStack',
    },
    { path: 'spec.ipFamilyPolicy', value: 'SingleStack' },
    { path: 'spec.type', value: 'ClusterIP' },
    { path: 'spec.sessionAffinity', value: 'None' },
    { path: 'spec.internalTrafficPolicy', value: 'Cluster' },
    { path: 'spec.externalTrafficPolicy', value: 'Cluster' },
    { path: 'spec.allocateLoadBalancerNodePorts', value: true },
    { path: 'spec.ports[].protocol', value: 'TCP' },
    { path: 'spec.ports[].targetPort', is: (v, port) => v === port.port },
  ],
  '/PersistentVolumeClaim': [{ path: 'spec.volumeMode', value: 'Filesystem' }],
};

/** Removes (in place) the value at a dotted path where the rule says it is the default. */
function removeDefault(
  holder: unknown,
  segments: string[],
  rule: DefaultRule,
): void {
  if (!isRecord(holder) || segments.length === 0) return;
  const [segment, ...rest] = segments;
  const list = segment.endsWith('[]');
  const key = list ? segment.slice(0, -2) : segment;
  if (!(key in holder)) return;
  const value = holder[key];
  if (list) {
    if (Array.isArray(value)) {
      for (const item of value) removeDefault(item, rest, rule);
    }
    return;
  }
  if (rest.length > 0) {
    removeDefault(value, rest, rule);
    return;
  }
  const isDefault = rule.is
    ? rule.is(value, holder)
    : deepEqual(value, rule.value);
  if (isDefault) delete holder[key];
}

const groupOf = (apiVersion: unknown) => {
  const text = String(apiVersion ?? '');
  return text.includes('/') ? text.split('/')[0] : '';
};

/**
 * Why a live object cannot be adopted as a manifest, or undefined when it can: a Secret's values would land in Git
 * in plain text, so it is refused with a pointer to the secrets golden path.
 *
 * @public
 */
export function adoptionRefusal(live: Manifest): string | undefined {
  if (groupOf(live.apiVersion) !== '' || live.kind !== 'Secret') {
    return undefined;
  }
  const metadata = isRecord(live.metadata) ? live.metadata : {};
  const name = `${metadata.namespace ? `${metadata.namespace}/` : ''}${
    metadata.name
  }`;
  return `Secret ${name} is not adopted: its values would be written to Git in plain text. Add it with the add-secret template (${ADD_SECRET_TEMPLATE}: an ExternalSecret, a SealedSecret or a SOPS-encrypted Secret)`;
}

/**
 * A live object as a clean manifest for the config repo: no status, server or controller metadata, last-applied
 * annotation or API-server defaults. The input is not changed.
 *
 * @public
 */
export function cleanLiveManifest(live: Manifest): Manifest {
  const manifest = JSON.parse(JSON.stringify(live)) as Manifest;
  stripServerFields(manifest);
  if (isRecord(manifest.metadata)) {
    const metadata = manifest.metadata;
    delete metadata.ownerReferences;
    if (isRecord(metadata.annotations)) {
      for (const key of CONTROLLER_ANNOTATIONS) {
        delete metadata.annotations[key];
      }
      if (Object.keys(metadata.annotations).length === 0) {
        delete metadata.annotations;
      }
    }
  }
  const rules = DEFAULTS[`${groupOf(manifest.apiVersion)}/${manifest.kind}`];
  for (const rule of rules ?? []) {
    removeDefault(manifest, rule.path.split('.'), rule);
  }
  return manifest;
}
