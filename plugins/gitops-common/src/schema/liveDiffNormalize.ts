import { applyOperation } from 'fast-json-patch';
import { IgnoreDifference } from './liveDiff';
import { fieldSetsOf, removeOwnedFields } from './liveDiffManagedFields';
import { maskSecretPair, storeSecretData } from './liveDiffSecrets';

/*
 * Normalises a desired manifest and its live object the way Argo CD compares them, so the diff shows what Argo CD
 * calls OutOfSync and not what the API server adds: server-written metadata and `status` are dropped, fields the
 * server defaulted are left out (the three-way rule: a live field counts when the desired manifest or the
 * last-applied configuration declares it), the engines' tracking metadata is ignored, the Application's
 * `ignoreDifferences` applied, and Secret values masked on both sides.
 */

type Manifest = Record<string, unknown>;

/**
 * The resource a pair belongs to, as `ignoreDifferences` filters match it.
 *
 * @public
 */
export interface LiveDiffTarget {
  /** '' for the core group. */
  group: string;
  kind: string;
  namespace?: string;
  name: string;
}

/**
 * One resource's desired and live manifests after the live diff's normalisation, with the ignore rules it could not apply.
 *
 * @public
 */
export interface NormalizedLiveDiffPair {
  desired?: Manifest;
  live?: Manifest;
  /** `ignoreDifferences` forms that matched but could not be applied, each naming the rule and the resource. */
  unsupported: string[];
}

/**
 * The annotation `kubectl apply` (and Argo CD's client-side apply) stores the applied manifest in.
 *
 * @public
 */
export const LAST_APPLIED_ANNOTATION =
  'kubectl.kubernetes.io/last-applied-configuration';

/** Metadata only the API server writes. */
const SERVER_METADATA = [
  'managedFields',
  'resourceVersion',
  'uid',
  'generation',
  'creationTimestamp',
  'selfLink',
];

/**
 * Tracking metadata the engines write on what they apply (Argo CD sets its tracking label or annotation on the
 * manifests it applies, Flux its owner labels): ignored on both sides, since a rendered manifest never has it.
 */
const ENGINE_METADATA: Record<'labels' | 'annotations', string[]> = {
  annotations: ['argocd.argoproj.io/tracking-id'],
  labels: [
    'app.kubernetes.io/instance',
    'kustomize.toolkit.fluxcd.io/name',
    'kustomize.toolkit.fluxcd.io/namespace',
  ],
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

const clone = <T>(value: T): T =>
  value === undefined ? value : JSON.parse(JSON.stringify(value));

/** Argo CD matches `group` and `kind` as globs (`*` any run of characters), `name` and `namespace` exactly. */
function globMatches(pattern: string | undefined, value: string): boolean {
  const escaped = (pattern ?? '').replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\*/g, '.*')}$`).test(value);
}

/**
 * The `ignoreDifferences` entries that apply to a resource.
 *
 * @public
 */
export function ignoreDifferencesFor(
  rules: IgnoreDifference[],
  target: LiveDiffTarget,
): IgnoreDifference[] {
  return rules.filter(
    rule =>
      globMatches(rule.group, target.group) &&
      globMatches(rule.kind, target.kind) &&
      (!rule.name || rule.name === target.name) &&
      (!rule.namespace || rule.namespace === (target.namespace ?? '')),
  );
}

function lastAppliedOf(live: Manifest | undefined): Manifest | undefined {
  const metadata = isRecord(live?.metadata) ? live!.metadata : undefined;
  const annotations = isRecord(metadata?.annotations)
    ? metadata!.annotations
    : undefined;
  const text = annotations?.[LAST_APPLIED_ANNOTATION];
  if (typeof text !== 'string') return undefined;
  try {
    const parsed = JSON.parse(text);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Drops (in place) what the server writes and the engines' tracking metadata (adoption's cleaning too). */
export function stripServerFields(object: Manifest | undefined): void {
  if (!object) return;
  delete object.status;
  if (!isRecord(object.metadata)) return;
  const metadata = object.metadata;
  for (const field of SERVER_METADATA) delete metadata[field];
  for (const map of ['labels', 'annotations'] as const) {
    const entries = metadata[map];
    if (!isRecord(entries)) continue;
    delete entries[LAST_APPLIED_ANNOTATION];
    for (const key of ENGINE_METADATA[map]) delete entries[key];
    if (Object.keys(entries).length === 0) delete metadata[map];
  }
}

/**
 * The live value without the fields neither the desired manifest nor the last-applied configuration declares:
 * those were defaulted by the API server or set by a controller, and Argo CD's three-way diff leaves them out too.
 * Lists are compared item by item; a live item beyond the declared ones stays whole.
 */
function keepDeclared(
  live: unknown,
  desired: unknown,
  applied: unknown,
): unknown {
  if (Array.isArray(live)) {
    const [d, a] = [desired, applied].map(v => (Array.isArray(v) ? v : []));
    if (!Array.isArray(desired) && !Array.isArray(applied)) return live;
    return live.map((item, i) => keepDeclared(item, d[i], a[i]));
  }
  if (!isRecord(live) || (!isRecord(desired) && !isRecord(applied))) {
    return live;
  }
  const [d, a] = [desired, applied].map(v => (isRecord(v) ? v : {}));
  return Object.fromEntries(
    Object.entries(live)
      .filter(([key]) => key in d || key in a)
      .map(([key, value]) => [key, keepDeclared(value, d[key], a[key])]),
  );
}

/** Removes a JSON pointer (RFC 6901) from an object; a path that is not there is no error, as in Argo CD. */
function removePointer(object: Manifest | undefined, pointer: string): void {
  if (!object) return;
  try {
    applyOperation(object, { op: 'remove', path: pointer }, false, true);
  } catch {
    // the field is absent on this side
  }
}

const describe = (target: LiveDiffTarget) =>
  `${target.kind}/${target.namespace ? `${target.namespace}/` : ''}${
    target.name
  }`;

/**
 * Normalises both sides of one resource (either may be absent: not rendered, or not in the cluster). The inputs
 * are not changed.
 *
 * @public
 */
export function normalizeLiveDiffPair(options: {
  target: LiveDiffTarget;
  desired?: Manifest;
  live?: Manifest;
  ignoreDifferences?: IgnoreDifference[];
}): NormalizedLiveDiffPair {
  const { target } = options;
  const desired = clone(options.desired);
  let live = clone(options.live);
  const unsupported: string[] = [];
  const rules = ignoreDifferencesFor(options.ignoreDifferences ?? [], target);
  const ownedFieldSets = fieldSetsOf(
    live,
    rules.flatMap(rule => rule.managedFieldsManagers ?? []),
  );
  const applied = lastAppliedOf(live);
  [desired, live, applied].forEach(stripServerFields);
  [desired, applied].forEach(storeSecretData);
  if (desired && live) {
    live = keepDeclared(live, desired, applied) as Manifest;
  }
  for (const rule of rules) {
    for (const pointer of rule.jsonPointers ?? []) {
      removePointer(desired, pointer);
      removePointer(live, pointer);
    }
    for (const expression of rule.jqPathExpressions ?? []) {
      unsupported.push(
        `ignoreDifferences jqPathExpressions "${expression}" (${describe(
          target,
        )}) not applied: the portal has no jq evaluator; the difference it hides is shown`,
      );
    }
  }
  for (const fields of ownedFieldSets) {
    removeOwnedFields(desired, fields);
    removeOwnedFields(live, fields);
  }
  maskSecretPair(desired, live);
  return {
    ...(desired ? { desired } : {}),
    ...(live ? { live } : {}),
    unsupported,
  };
}
