/*
 * Argo CD's ordered sync, played by the sandbox operator (issue 17): when an Application renders hooks
 * (`argocd.argoproj.io/hook`) or resources outside wave 0 (`argocd.argoproj.io/sync-wave`), its operation runs
 * PreSync hooks, then the main phase wave by wave, then PostSync hooks, each stage a step of the sync, as the
 * Running `status.operationState.syncResult.resources[]` Argo CD reports while it goes.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { EmulatedCluster, KubeObject } from '@internal/kube-emulator';

type Obj = Record<string, any>;
type StagePhase = 'PreSync' | 'Sync' | 'PostSync';

const HOOK = 'argocd.argoproj.io/hook';
const WAVE = 'argocd.argoproj.io/sync-wave';
const PHASES: StagePhase[] = ['PreSync', 'Sync', 'PostSync'];

interface StageResource {
  group: string;
  version: string;
  kind: string;
  namespace?: string;
  name: string;
  /** Set for a hook: Argo CD runs it and reports its hookPhase; it is not in status.resources. */
  hookType?: StagePhase;
}

export interface SyncStage {
  phase: StagePhase;
  wave: number;
  resources: StageResource[];
}

function resourceOf(object: KubeObject, hookType?: StagePhase): StageResource {
  const apiVersion = String(object.apiVersion);
  const slash = apiVersion.indexOf('/');
  return {
    group: slash < 0 ? '' : apiVersion.slice(0, slash),
    version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1),
    kind: String(object.kind),
    ...(object.metadata?.namespace
      ? { namespace: object.metadata.namespace }
      : {}),
    name: String(object.metadata?.name),
    ...(hookType ? { hookType } : {}),
  };
}

/** The hook phase an object runs in (the first of its comma-separated hook types the sandbox plays), if a hook. */
function hookOf(object: KubeObject): StagePhase | 'other' | undefined {
  const value = object.metadata?.annotations?.[HOOK];
  if (typeof value !== 'string') return undefined;
  const types = value.split(',').map(type => type.trim());
  return PHASES.find(phase => types.includes(phase)) ?? 'other';
}

const waveOf = (object: KubeObject) => {
  const wave = Number.parseInt(object.metadata?.annotations?.[WAVE] ?? '0', 10);
  return Number.isInteger(wave) ? wave : 0;
};

/**
 * The stages of the sync of `rendered`, in the order Argo CD runs them: per phase, waves lowest first. None when
 * there is nothing to order (no hook, every resource in wave 0): the plain sync's steps say all there is.
 */
export function syncStages(rendered: KubeObject[]): SyncStage[] {
  const staged = rendered.flatMap(object => {
    const hook = hookOf(object);
    // Skip, SyncFail and other hooks do not run in a successful sync.
    if (hook === 'other') return [];
    return [
      {
        phase: hook ?? 'Sync',
        wave: waveOf(object),
        resource: resourceOf(object, hook),
      },
    ];
  });
  if (staged.every(s => s.phase === 'Sync' && s.wave === 0)) return [];
  const stages: SyncStage[] = [];
  for (const phase of PHASES) {
    const inPhase = staged.filter(s => s.phase === phase);
    const waves = [...new Set(inPhase.map(s => s.wave))].sort((a, b) => a - b);
    for (const wave of waves) {
      stages.push({
        phase,
        wave,
        resources: inPhase.filter(s => s.wave === wave).map(s => s.resource),
      });
    }
  }
  return stages;
}

/** `syncResult.resources[]` while stage `current` runs: earlier stages done, the current one running. */
function syncResultResources(stages: SyncStage[], current: number): Obj[] {
  return stages.slice(0, current + 1).flatMap((stage, index) =>
    stage.resources.map(({ hookType, ...resource }) => {
      const done = index < current;
      const message = hookType
        ? `job ${done ? 'completed' : 'is running'}`
        : `${resource.kind.toLowerCase()}/${resource.name} ${
            done ? 'configured' : 'created'
          }`;
      return {
        ...resource,
        syncPhase: stage.phase,
        message,
        ...(hookType
          ? { hookType, hookPhase: done ? 'Succeeded' : 'Running' }
          : { status: 'Synced' }),
      };
    }),
  );
}

/** status.resources[] with the waves Argo CD records (`syncWave`, omitted for 0) and without the hooks it does not list. */
function resourcesWithWaves(previous: unknown, stages: SyncStage[]): unknown {
  if (!Array.isArray(previous)) return previous;
  const key = (r: Obj) =>
    [r.group ?? '', r.kind, r.namespace ?? '', r.name].join('/');
  const hooks = new Set<string>();
  const waves = new Map<string, number>();
  for (const stage of stages) {
    for (const resource of stage.resources) {
      if (resource.hookType) hooks.add(key(resource));
      else waves.set(key(resource), stage.wave);
    }
  }
  return previous
    .filter((r: Obj) => !hooks.has(key(r)))
    .map((r: Obj) => {
      const wave = waves.get(key(r));
      return wave ? { ...r, syncWave: wave } : r;
    });
}

/** The Application's status while stage `current` of its sync runs. */
export function statusDuringStage(
  status: Obj,
  stages: SyncStage[],
  current: number,
): Obj {
  const stage = stages[current];
  return {
    ...status,
    resources: resourcesWithWaves(status.resources, stages),
    operationState: {
      ...status.operationState,
      phase: 'Running',
      message:
        stage.phase === 'Sync'
          ? `waiting for healthy state of wave ${stage.wave}`
          : `waiting for completion of hook ${stage.resources
              .map(r => `${r.group}/${r.kind}/${r.name}`)
              .join(', ')}`,
      syncResult: {
        ...status.operationState?.syncResult,
        resources: syncResultResources(stages, current),
      },
    },
  };
}

/** What the operator knows of an Argo CD Application it syncs. */
export interface StagedApplication {
  cluster: EmulatedCluster;
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  rendered?: KubeObject[];
}

/**
 * Plays the ordered stages of every Application that has some, all Applications together, each stage held two
 * `stepDelayMs` (a migration takes longer than an apply, and the portal's live view gets time to show it), before
 * the operator reports the sync's outcome (its Running operationState stays until then).
 */
export async function playSyncStages(
  applications: StagedApplication[],
  stepDelayMs: number,
): Promise<void> {
  const staged = applications
    .map(app => ({ app, stages: syncStages(app.rendered ?? []) }))
    .filter(({ stages }) => stages.length > 0);
  const steps = Math.max(0, ...staged.map(({ stages }) => stages.length));
  for (let current = 0; current < steps; current++) {
    for (const { app, stages } of staged) {
      if (current >= stages.length) continue;
      const live = app.cluster.get(
        app.apiVersion,
        app.kind,
        app.name,
        app.namespace,
      );
      if (!live) continue; // removed since
      app.cluster.apply({
        ...live,
        status: statusDuringStage(live.status ?? {}, stages, current),
      });
    }
    await sleep(2 * stepDelayMs);
  }
}
