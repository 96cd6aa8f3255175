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
  /** Object key → the Applications reporting it. */
  private readonly reporters = new Map<string, Set<string>>();
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

  private setReport(application: string, resources: Map<string, Health>) {
    const before = this.reports.get(application) ?? new Map<string, Health>();
    if (resources.size === 0) this.reports.delete(application);
    else this.reports.set(application, resources);
    const touched = new Set([...before.keys(), ...resources.keys()]);
    for (const key of touched) {
      const reporters = this.reporters.get(key) ?? new Set<string>();
      if (resources.has(key)) reporters.add(application);
      else reporters.delete(application);
      if (reporters.size === 0) this.reporters.delete(key);
      else this.reporters.set(key, reporters);
      const was = before.get(key);
      const now = resources.get(key);
      if (was?.status !== now?.status || was?.message !== now?.message) {
        this.refresh(key);
      }
    }
  }

  /**
   * The health reported for an object. Several Applications reporting one object is a conflict Argo CD warns about
   * (SharedResourceWarning); the portal takes the report of the first Application in `namespace/name` order.
   */
  private reported(key: string): Health | undefined {
    const reporters = this.reporters.get(key);
    if (!reporters || reporters.size === 0) return undefined;
    const first = [...reporters].sort()[0];
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

function sameScripts(a: HealthScripts, b: HealthScripts): boolean {
  if (a.size !== b.size) return false;
  for (const [key, script] of a) if (b.get(key) !== script) return false;
  return true;
}
