import type { ObjectStatus } from '@gitops-portal/plugin-gitops-common';

/** Machines of one role: how many are wanted and how many are ready. */
export interface MachineCount {
  ready: number;
  desired: number;
}

/**
 * How far a requested cluster has got, from its objects on the management cluster: the Cluster API Cluster, its
 * control plane and MachineDeployments, or the Crossplane claim.
 */
export interface ProvisioningSummary {
  /** Cluster API's phase of the Cluster (Pending, Provisioning, Provisioned…), or the claim's Ready reason (Waiting…). */
  phase: string;
  steps: Array<{ label: string; done: boolean }>;
  ready: boolean;
  /** The new cluster's API server, when the Cluster reports it. */
  apiServerUrl?: string;
  /** What the objects say is wrong or under way, when one is not healthy. */
  message?: string;
}

const sumOf = (objects: ObjectStatus[]): MachineCount | undefined =>
  objects.reduce<MachineCount | undefined>((sum, o) => {
    const replicas = o.provisioning?.replicas;
    if (!replicas) return sum;
    return {
      ready: (sum?.ready ?? 0) + replicas.ready,
      desired: (sum?.desired ?? 0) + replicas.desired,
    };
  }, undefined);

const allReady = (count: MachineCount | undefined) =>
  count !== undefined && count.ready >= count.desired;

const countLabel = (what: string, count: MachineCount | undefined) =>
  count ? `${what}: ${count.ready}/${count.desired} ready` : what;

/** The first message of an object that is not healthy (the one to act on). */
const messageOf = (objects: ObjectStatus[]) =>
  objects.find(o => o.health.status !== 'Healthy' && o.health.message)?.health
    .message;

/** A condition's message while the object does not report it True (what Crossplane says is under way or wrong). */
const pendingMessage = (object: ObjectStatus | undefined, type: string) => {
  const found = object?.conditions.find(c => c.type === type);
  return found && found.status !== 'True'
    ? found.message || undefined
    : undefined;
};

/**
 * A Crossplane cluster claim's progress: bound to its composite (Synced), its managed resources ready, the claim
 * Ready. The message is what Crossplane says: a failed sync first, else the composite's ("Unready resources: …"),
 * else the claim's ("Claim is waiting for composite resource to become Ready").
 */
function claimSummary(
  objects: ObjectStatus[],
): ProvisioningSummary | undefined {
  const roleOf = (role: string) =>
    objects.filter(
      o => o.engine === 'crossplane' && o.crossplane?.role === role,
    );
  const [claim] = roleOf('claim');
  if (!claim) return undefined;
  const [composite] = roleOf('composite');
  const managed = roleOf('managed');
  const managedCount = managed.length
    ? {
        ready: managed.filter(o => o.health.status === 'Healthy').length,
        desired: managed.length,
      }
    : undefined;
  const ready = claim.health.status === 'Healthy';
  const message =
    objects.map(o => pendingMessage(o, 'Synced')).find(Boolean) ??
    pendingMessage(composite, 'Ready') ??
    pendingMessage(claim, 'Ready');
  return {
    phase:
      claim.conditions.find(c => c.type === 'Ready')?.reason ??
      claim.health.status,
    steps: [
      {
        label: 'Composite resource',
        done: claim.sync === 'Synced' && !!claim.crossplane?.compositeRef,
      },
      {
        label: countLabel('Managed resources', managedCount),
        done: allReady(managedCount),
      },
      { label: `${claim.kind} ready`, done: ready },
    ],
    ready,
    ...(message ? { message } : {}),
  };
}

/** The summary of a requested cluster's objects, or undefined when none is there yet (the request is not merged). */
export function provisioningSummary(
  objects: ObjectStatus[],
): ProvisioningSummary | undefined {
  const cluster = objects.find(
    o => o.engine === 'cluster-api' && o.kind === 'Cluster',
  );
  if (cluster) {
    const progress = cluster.provisioning ?? {};
    const controlPlane = sumOf(
      objects.filter(o => o.apiVersion.startsWith('controlplane.')),
    );
    const workers = sumOf(objects.filter(o => o.kind === 'MachineDeployment'));
    // The control plane's own count, when its object is read, must agree with the Cluster's flag.
    const controlPlaneReady =
      progress.controlPlaneReady === true &&
      (controlPlane === undefined || allReady(controlPlane));
    const steps = [
      { label: 'Infrastructure', done: progress.infrastructureReady === true },
      {
        label: countLabel('Control plane', controlPlane),
        done: controlPlaneReady,
      },
      // Workers are done once their MachineDeployment is read and has them all (zero workers included).
      { label: countLabel('Workers', workers), done: allReady(workers) },
    ];
    const phase = progress.phase ?? 'Pending';
    return {
      phase,
      steps,
      ready: phase === 'Provisioned' && steps.every(step => step.done),
      ...(progress.apiServerUrl ? { apiServerUrl: progress.apiServerUrl } : {}),
      ...(messageOf(objects) ? { message: messageOf(objects) } : {}),
    };
  }
  return claimSummary(objects);
}

/** The environment variable the suggested `gitops.clusters` entry reads the token from: `EDGE_1_TOKEN`. */
const tokenVariable = (name: string) =>
  `${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_TOKEN`;

/**
 * The `gitops.clusters` entry that adds a ready cluster to the portal: its token comes from an environment
 * variable (a ServiceAccount token the platform team creates), never from the page.
 */
export function clusterConfigSnippet(options: {
  name: string;
  environment?: string;
  apiServerUrl?: string;
}): string {
  return [
    'gitops:',
    '  clusters:',
    `    - name: ${options.name}`,
    ...(options.environment
      ? [`      environment: ${options.environment}`]
      : []),
    `      url: ${
      options.apiServerUrl ?? '<the API server in the kubeconfig Secret>'
    }`,
    `      serviceAccountToken: \${${tokenVariable(options.name)}}`,
  ].join('\n');
}
