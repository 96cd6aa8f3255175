import { LoggerService } from '@backstage/backend-plugin-api';
import {
  apiGroupOf,
  ArgoCdDestination,
  argoCdInstanceLabelKey,
  ARGOCD_DEFAULT_INSTANCE_LABEL,
  Health,
  HealthScripts,
  healthScriptsFromArgoCdConfigMap,
  HealthSource,
  MatchableObject,
  matchableObject,
  ObjectStatus,
  selectHealthScript,
} from '@gitops-portal/plugin-gitops-common';
import { LuaHealthRuntime } from './customHealth/luaHealthRuntime';
import { ObjectCache } from '../ObjectCache';
import {
  ApplicationReports,
  FoundReport,
  ReportChange,
} from './applicationReports';
import { DEFAULT_ARGOCD_NAMESPACE } from '../../lib/argoCdConfigMap';
import {
  preferredReport,
  ReportMember,
  ReportQuery,
  SharedApplicationReports,
} from './sharedApplicationReports';
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
  /**
   * An Application started reporting an object (`true`), or no Application reports a cached object any more
   * (`false`): the watcher reads the objects only reports name.
   */
  onReportChanged?: (key: string, reported: boolean) => void;
  /** Argo CD's namespace (where an Application named by a tracking id without a namespace lives); default argocd. */
  argoCdNamespace?: string;
  /**
   * What some Applications report about this cluster's objects changed (read once, for the other users of the
   * kinds they name).
   */
  onApplicationsChanged?: (changes: ReportChange[]) => void;
  /**
   * The reconciler's other clusters (after `join`): Applications here that deploy there report their objects'
   * health, and Applications there report this cluster's.
   */
  shared?: SharedApplicationReports;
  /** This cluster's API server URL: an Application elsewhere whose `destination.server` is it deploys here. */
  server?: string;
}

interface OwnHealth {
  health: Health;
  source: HealthSource;
}

const NO_SCRIPTS: HealthScripts = new Map();

/**
 * Decides the health of one cluster's objects, in Argo CD's order: the health an Argo CD Application reports for an
 * object it manages (`status.resources[].health`) wins, be the Application in this cluster or, once joined to the
 * reconciler's SharedApplicationReports, in another one that deploys here (hub and spoke); else a custom health
 * script (the cluster's `argocd-cm`, then the portal's config); else the portal's built-in rule. Keeps, for objects
 * an Application reports, their own health, so the own rule comes back when no Application reports them any more.
 */
export class HealthSources implements ReportMember {
  private clusterScripts: HealthScripts = NO_SCRIPTS;
  /** The label Argo CD's label tracking writes (`application.instanceLabelKey` of argocd-cm). */
  private instanceLabelKey = ARGOCD_DEFAULT_INSTANCE_LABEL;
  private readonly reports: ApplicationReports;
  /** Own health of the objects whose record shows a reported one. */
  private readonly own = new Map<string, OwnHealth>();
  private runtime?: LuaHealthRuntime;
  private runtimeStarting = false;
  private joined = false;

  constructor(private readonly options: HealthSourcesOptions) {
    this.reports = new ApplicationReports({
      cluster: options.cluster,
      cache: options.cache,
      argoCdNamespace: options.argoCdNamespace ?? DEFAULT_ARGOCD_NAMESPACE,
      clusterOf: destination => this.clusterOf(destination),
      onChange: changes => this.reportsChanged(changes),
    });
  }

  get cluster() {
    return this.options.cluster;
  }

  get server() {
    return this.options.server;
  }

  /** Shares reports with the reconciler's other clusters from now on (the watcher started). */
  join() {
    if (!this.options.shared || this.joined) return;
    this.joined = true;
    this.options.shared.join(this);
  }

  /** Stops sharing: the objects of other clusters lose what this cluster's Applications reported (it stopped). */
  leave() {
    if (!this.options.shared || !this.joined) return;
    this.joined = false;
    this.options.shared.leave(this);
    this.reports.retarget();
  }

  /** What this cluster's Applications report about an object of this or another cluster. */
  reportFor(query: ReportQuery): FoundReport | undefined {
    const tracked =
      query.marks?.argoTrackingApp ||
      query.marks?.labels?.[this.instanceLabelKey];
    return this.reports.find(
      query.key,
      query.cluster,
      query.group,
      query.kind,
      tracked,
    );
  }

  retarget() {
    this.reports.retarget();
  }

  /** The cluster an Application here deploys to: the in-cluster destination is this one; others, once joined. */
  private clusterOf(destination: ArgoCdDestination): string | undefined {
    if (destination.inCluster) return this.options.cluster;
    return this.joined
      ? this.options.shared?.clusterOf(this.options.cluster, destination)
      : undefined;
  }

  /**
   * The record of a freshly read object with its health decided (`raw` is what the custom scripts read, `match`
   * its labels and tracking when already read).
   */
  decorate(
    record: ObjectStatus,
    raw: unknown,
    match: MatchableObject = matchableObject(raw),
  ): ObjectStatus {
    const own = this.ownHealth(record, raw);
    const reported = this.reported(record, match);
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
    this.instanceLabelKey = argoCdInstanceLabelKey(configMap?.data);
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
  get applications(): RawObserver {
    return this.reports.observer;
  }

  /** This cluster's Applications' reports changed: those about other clusters' objects go to those clusters. */
  private reportsChanged(changes: ReportChange[]) {
    const here = changes.filter(c => c.cluster === this.options.cluster);
    if (here.length > 0) this.applyReportChanges(here);
    if (here.length < changes.length) {
      this.options.shared?.deliver(
        changes.filter(c => c.cluster !== this.options.cluster),
      );
    }
  }

  /**
   * Reports about this cluster's objects changed (by an Application here or elsewhere): objects newly reported, no
   * longer reported, or reported with another health.
   */
  applyReportChanges(changes: ReportChange[]) {
    for (const { healthsBefore: before, healthsAfter: after } of changes) {
      for (const [key, now] of after) {
        const was = before.get(key);
        if (!was) this.options.onReportChanged?.(key, true);
        if (was?.status !== now.status || was?.message !== now.message) {
          this.refresh(key);
        }
      }
      // Only cached objects can lose anything (the watcher drops core workloads no Application reports).
      for (const key of before.keys()) {
        const record = after.has(key) ? undefined : this.options.cache.get(key);
        if (!record) continue;
        if (!this.reported(record)) this.options.onReportChanged?.(key, false);
        this.refresh(key);
      }
    }
    this.options.onApplicationsChanged?.(changes);
  }

  /**
   * The health reported for an object by the Applications of this cluster and, once joined, of the others (found
   * through its Argo CD tracking, see ApplicationReports.find). Without `match`, the cached object's.
   */
  private reported(
    record: ObjectStatus,
    match?: MatchableObject,
  ): Health | undefined {
    const query: ReportQuery = {
      key: record.key,
      cluster: this.options.cluster,
      group: apiGroupOf(record.apiVersion),
      kind: record.kind,
      marks: match ?? this.options.cache.matchOf(record.key),
    };
    const elsewhere = this.joined
      ? this.options.shared?.reportFor(query, this)
      : undefined;
    return preferredReport(this.reportFor(query), elsewhere)?.health;
  }

  /** Puts the health an object should show now into the cache (it is cached already). */
  private refresh(key: string) {
    const record = this.options.cache.get(key);
    if (!record) return;
    const reported = this.reported(record);
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
    // Most clusters have no health scripts: every object of a relist comes here, so skip the lookups.
    if (this.clusterScripts.size === 0 && !this.options.configScripts?.size) {
      return { health: record.health, source: 'builtin' };
    }
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
