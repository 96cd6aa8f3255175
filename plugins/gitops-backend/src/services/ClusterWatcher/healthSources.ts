import { LoggerService } from '@backstage/backend-plugin-api';
import {
  apiGroupOf,
  applicationHealthReport,
  Health,
  HealthScripts,
  healthScriptsFromArgoCdConfigMap,
  HealthSource,
  ObjectStatus,
  selectHealthScript,
} from '@gitops-portal/plugin-gitops-common';
import { LuaHealthRuntime } from './customHealth/luaHealthRuntime';
import { ObjectCache } from '../ObjectCache';
import { RawObserver } from './types';

/** Options of one cluster's health sources. */
export interface HealthSourcesOptions {
  cluster: string;
  cache: ObjectCache;
  logger: LoggerService;
  /** The portal's own scripts (`gitops.health.resourceCustomizations`); the cluster's `argocd-cm` ones come first. */
  configScripts?: HealthScripts;
  /** The shared Lua runtime, started on first use. */
  runtime: () => Promise<LuaHealthRuntime>;
  /** The scripts that apply to some kinds changed: those kinds must be read again (scripts need the raw object). */
  onScriptsChanged: (changed: (group: string, kind: string) => boolean) => void;
  /** An Application started (`true`) or stopped reporting an object: the watcher reads the objects only reports name. */
  onReportChanged?: (key: string, reported: boolean) => void;
}

interface OwnHealth {
  health: Health;
  source: HealthSource;
}

const NO_SCRIPTS: HealthScripts = new Map();

/**
 * Decides the health of one cluster's objects, in Argo CD's order: the health an Argo CD Application reports for an
 * object it manages (`status.resources[].health`) wins; else a custom health script (the cluster's `argocd-cm`, then
 * the portal's config); else the portal's built-in rule. Keeps, for objects an Application reports, their own
 * health, so the own rule comes back when no Application reports them any more.
 */
export class HealthSources {
  private clusterScripts: HealthScripts = NO_SCRIPTS;
  /** Application (`namespace/name`) → object key → reported health. */
  private readonly reports = new Map<string, Map<string, Health>>();
  /**
   * Object key → the Application reporting it, or the several that do (rare: Argo CD warns about it). A string,
   * not a one-element Set: an Application reports every object it manages, and a Set each cost ~4 KB per
   * Application in the reconciler benchmark.
   */
  private readonly reporters = new Map<string, string | string[]>();
  /** One Health object per status for the reports without a message (most: Healthy has none). */
  private readonly healths = new Map<string, Health>();
  /** Own health of the objects whose record shows a reported one. */
  private readonly own = new Map<string, OwnHealth>();
  private runtime?: LuaHealthRuntime;
  private runtimeStarting = false;

  constructor(private readonly options: HealthSourcesOptions) {}

  /** The record of a freshly read object with its health decided (`raw` is what the custom scripts read). */
  decorate(record: ObjectStatus, raw: unknown): ObjectStatus {
    const own = this.ownHealth(record, raw);
    const reported = this.reported(record.key);
    if (reported) {
      this.own.set(record.key, own);
      return {
        ...record,
        health: reported,
        healthSource: 'argocd-application',
      };
    }
    this.own.delete(record.key);
    return { ...record, health: own.health, healthSource: own.source };
  }

  /** Whether an Argo CD Application of the cluster reports the object (manages it). */
  isReported(key: string): boolean {
    return this.reporters.has(key);
  }

  /** The object is gone. */
  forget(key: string) {
    this.own.delete(key);
  }

  /** Reads the health scripts of the cluster's `argocd-cm` (undefined: the ConfigMap is gone). */
  setArgoCdConfigMap(configMap: Record<string, unknown> | undefined) {
    const { scripts, errors } = healthScriptsFromArgoCdConfigMap(
      configMap?.data,
    );
    for (const error of errors) {
      this.options.logger.warn(
        `gitops: argocd-cm of cluster ${this.options.cluster}: ${error}`,
      );
    }
    const before = this.clusterScripts;
    if (sameScripts(before, scripts)) return;
    this.clusterScripts = scripts;
    this.options.onScriptsChanged(
      (group, kind) =>
        selectHealthScript(before, group, kind)?.script !==
        selectHealthScript(scripts, group, kind)?.script,
    );
  }

  /** Watches the Applications of the cluster (their raw objects: destination and `status.resources`). */
  readonly applications: RawObserver = {
    replaced: objects => {
      const listed = new Set<string>();
      for (const object of objects) listed.add(this.report(object));
      for (const application of [...this.reports.keys()]) {
        if (!listed.has(application)) this.setReport(application, new Map());
      }
    },
    upserted: object => {
      this.report(object);
    },
    deleted: object => {
      const { application } = applicationHealthReport(
        object,
        this.options.cluster,
      );
      this.setReport(application, new Map());
    },
  };

  private report(object: unknown): string {
    const report = applicationHealthReport(object, this.options.cluster);
    // Objects in a remote destination are not in this cluster: not applied (see applicationHealthReport).
    this.setReport(
      report.application,
      report.inCluster ? report.resources : new Map(),
    );
    return report.application;
  }

  private setReport(application: string, reported: Map<string, Health>) {
    const before = this.reports.get(application) ?? new Map<string, Health>();
    const resources = this.shared(reported, before);
    if (resources.size === 0) this.reports.delete(application);
    else this.reports.set(application, resources);
    const touched = new Set([...before.keys(), ...resources.keys()]);
    for (const key of touched) {
      const was = this.reporters.get(key);
      const now = changedReporters(was, application, resources.has(key));
      if (now === undefined) this.reporters.delete(key);
      else if (now !== was) this.reporters.set(key, now);
      if ((was === undefined) !== (now === undefined)) {
        this.options.onReportChanged?.(key, now !== undefined);
      }
      const wasHealth = before.get(key);
      const nowHealth = resources.get(key);
      if (
        wasHealth?.status !== nowHealth?.status ||
        wasHealth?.message !== nowHealth?.message
      ) {
        this.refresh(key);
      }
    }
  }

  /**
   * The report as kept: the key strings of the previous report of the Application (which `reporters` holds
   * too) instead of the equal new ones, and message-less healths shared (messages vary per object: those are
   * kept as they are). Every status change of an Application reports all its objects again.
   */
  private shared(
    reported: Map<string, Health>,
    before: Map<string, Health>,
  ): Map<string, Health> {
    const keys = new Map<string, string>();
    for (const key of before.keys()) keys.set(key, key);
    const kept = new Map<string, Health>();
    for (const [key, health] of reported) {
      let one = health;
      if (health.message === undefined) {
        one = this.healths.get(health.status) ?? health;
        this.healths.set(health.status, one);
      }
      kept.set(keys.get(key) ?? key, one);
    }
    return kept;
  }

  /**
   * The health reported for an object. Several Applications reporting one object is a conflict Argo CD warns about
   * (SharedResourceWarning); the portal takes the report of the first Application in `namespace/name` order.
   */
  private reported(key: string): Health | undefined {
    const reporters = this.reporters.get(key);
    if (reporters === undefined) return undefined;
    const first =
      typeof reporters === 'string' ? reporters : [...reporters].sort()[0];
    return this.reports.get(first)?.get(key);
  }

  /** Puts the health an object should show now into the cache (it is cached already). */
  private refresh(key: string) {
    const record = this.options.cache.get(key);
    if (!record) return;
    const reported = this.reported(key);
    if (reported) {
      if (!this.own.has(key) && record.healthSource !== 'argocd-application') {
        this.own.set(key, {
          health: record.health,
          source: record.healthSource ?? 'builtin',
        });
      }
      this.options.cache.setHealth(key, reported, 'argocd-application');
      return;
    }
    const own = this.own.get(key);
    if (!own) return;
    this.own.delete(key);
    this.options.cache.setHealth(key, own.health, own.source);
  }

  private ownHealth(record: ObjectStatus, raw: unknown): OwnHealth {
    const group = apiGroupOf(record.apiVersion);
    const picked =
      selectHealthScript(this.clusterScripts, group, record.kind) ??
      selectHealthScript(
        this.options.configScripts ?? NO_SCRIPTS,
        group,
        record.kind,
      );
    if (!picked) return { health: record.health, source: 'builtin' };
    const runtime = this.startedRuntime();
    if (!runtime) {
      return {
        health: {
          status: 'Unknown',
          message: 'Waiting for the Lua runtime to start',
        },
        source: 'custom-script',
      };
    }
    return {
      health: runtime.evaluate(picked.script, raw),
      source: 'custom-script',
    };
  }

  /** The runtime once started; the first call starts it, and the kinds with scripts are read again then. */
  private startedRuntime(): LuaHealthRuntime | undefined {
    if (this.runtime || this.runtimeStarting) return this.runtime;
    this.runtimeStarting = true;
    this.options
      .runtime()
      .then(runtime => {
        this.runtime = runtime;
        const scripts = [this.clusterScripts, this.options.configScripts];
        this.options.onScriptsChanged((group, kind) =>
          scripts.some(
            list => list && selectHealthScript(list, group, kind) !== undefined,
          ),
        );
      })
      .catch(error => {
        this.runtimeStarting = false;
        this.options.logger.error(
          `gitops: the Lua runtime for custom health scripts failed to start: ${error}`,
        );
      });
    return undefined;
  }
}

/** The reporters of an object once `application` reports it (`reports`) or not; undefined: nobody does. */
function changedReporters(
  was: string | string[] | undefined,
  application: string,
  reports: boolean,
): string | string[] | undefined {
  let list: string[] = [];
  if (typeof was === 'string') list = [was];
  else if (was) list = was;
  if (list.includes(application) === reports) return was;
  const next = reports
    ? [...list, application]
    : list.filter(other => other !== application);
  if (next.length === 0) return undefined;
  return next.length === 1 ? next[0] : next;
}

function sameScripts(a: HealthScripts, b: HealthScripts): boolean {
  if (a.size !== b.size) return false;
  for (const [key, script] of a) if (b.get(key) !== script) return false;
  return true;
}
