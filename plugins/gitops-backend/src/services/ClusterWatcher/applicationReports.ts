import {
  ArgoCdDestination,
  argoCdDestination,
  Health,
  health,
  HealthStatus,
  normalizeObject,
  objectKey,
} from '@gitops-portal/plugin-gitops-common';
import {
  forEachReportedResource,
  ObjectCache,
  packedResourcesOf,
  packResources,
} from '../ObjectCache';
import { KeyFilter } from './keyFilter';
import { groupKind } from './kinds';
import { RawObserver } from './rawObserver';

/**
 * What one Application reports about the objects of one cluster changed: its `status.resources`, or the cluster its
 * destination maps to (then one change takes the report from the old cluster, another gives it to the new one). A
 * destination that maps to no portal cluster reports nothing.
 */
export interface ReportChange {
  /** The Application's object key. */
  application: string;
  /** The portal cluster the objects are in (the Application's destination). */
  cluster: string;
  /** The kinds (`group/Kind`) the report named, once each, before and after. */
  kindsBefore: string[];
  kindsAfter: string[];
  /** Object key → reported health (the resources that have one), before and after. */
  healthsBefore: Map<string, Health>;
  healthsAfter: Map<string, Health>;
}

export interface ApplicationReportsOptions {
  cluster: string;
  cache: ObjectCache;
  /** Argo CD's namespace: a tracking id without `<namespace>_` names an Application there. */
  argoCdNamespace: string;
  /**
   * The portal cluster an Application's destination is (undefined: none). Default: the in-cluster destination is
   * this cluster, others are none.
   */
  clusterOf?: (destination: ArgoCdDestination) => string | undefined;
  onChange(changes: ReportChange[]): void;
}

/** What an Application reported about an object, and whether the object's Argo CD tracking names it. */
export interface FoundReport {
  application: string;
  health: Health;
  tracked: boolean;
}

/** One Application's report: its packed `status.resources`, its destination and the portal cluster that is. */
interface Report {
  packed: string;
  destination: ArgoCdDestination;
  target?: string;
}

/**
 * A report as kept: the packed list alone when the Application deploys to its own cluster (most do), else the whole
 * report. A report object per Application was ~24 bytes of the reconciler benchmark's memory per Application.
 */
type KeptReport = string | Report;

/** The destination of every report kept as its packed list alone. */
const IN_CLUSTER: ArgoCdDestination = Object.freeze({ inCluster: true });

const packedOf = (kept: KeptReport) =>
  typeof kept === 'string' ? kept : kept.packed;

/** Unpacked reports kept for the lookups that follow one another (a list page of one Application's objects). */
const MEMO_SIZE = 16;

const text = (value: unknown) =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * What the Argo CD Applications of one cluster report about the objects they manage (`status.resources`), read once
 * per Application event for both HealthSources (reported health) and ManagedKindDemand (kinds in use). The objects
 * are in the cluster the Application's destination maps to (`clusterOf`): this one, or another the portal watches.
 *
 * Per Application it keeps one string, the packed resource list the ObjectCache already holds for the Application's
 * record (the same string, not a copy), with its destination when that is not its own cluster: the string is
 * compared with the previous one before any per-resource work, so an update that does not change
 * `status.resources` (most do not) costs one string comparison. No map of every reported object is kept: an object of a kind no Application reports about its cluster
 * is answered by a count per cluster and kind, one whose key a Bloom filter of the reported keys does not hold
 * likewise; the others find their Application through Argo CD's tracking (annotation or instance label), and only an
 * object reported by an Application its tracking does not name (or a false "maybe" of the filter, ~1 %) costs a read
 * of every report about its cluster.
 */
export class ApplicationReports {
  /** Application key → its report (Applications with resources only; those of unmapped destinations too). */
  private readonly reports = new Map<string, KeptReport>();
  private readonly memo = new Map<
    string,
    { packed: string; healths: Map<string, Health> }
  >();
  /** `cluster/group/Kind` → how many reports give a health to objects of that kind there (most kinds: none). */
  private readonly kinds = new Map<string, number>();
  private readonly filter = new KeyFilter();
  /**
   * Keys newly reported by the changes being recorded, added to the filter when the batch is done (`changed`)
   * unless it is rebuilt then: a relist's first batch outgrows the filter, and the rebuild hashes them anyway.
   */
  private added: string[] = [];
  private lastKind = { cluster: '', group: '', kind: '', key: '//' };

  constructor(private readonly options: ApplicationReportsOptions) {}

  readonly observer: RawObserver = {
    replaced: objects => {
      const listed = new Set<string>();
      const changes: ReportChange[] = [];
      for (const object of objects) {
        const { application, report } = this.read(object);
        listed.add(application);
        this.set(application, report, changes);
      }
      for (const application of [...this.reports.keys()]) {
        if (!listed.has(application)) this.set(application, undefined, changes);
      }
      this.changed(changes);
    },
    upserted: object => {
      const { application, report } = this.read(object);
      const changes: ReportChange[] = [];
      this.set(application, report, changes);
      this.changed(changes);
    },
    deleted: object => {
      const changes: ReportChange[] = [];
      this.set(this.read(object, false).application, undefined, changes);
      this.changed(changes);
    },
  };

  /** The health Applications report for an object of this cluster (see `find`). */
  reportedHealth(
    key: string,
    group: string,
    kind: string,
    tracked?: string,
  ): Health | undefined {
    return this.find(key, this.options.cluster, group, kind, tracked)?.health;
  }

  /**
   * What the Applications report for an object of a cluster (`key` is in that cluster). `tracked` is the
   * Application its Argo CD tracking names (`<name>` or `<namespace>_<name>`, an Application of this cluster):
   * when that one reports the object, its report counts. Otherwise every report about the cluster is read and, as
   * Argo CD warns when several Applications manage one object (SharedResourceWarning), the first Application in
   * `namespace/name` order wins.
   */
  find(
    key: string,
    cluster: string,
    group: string,
    kind: string,
    tracked?: string,
  ): FoundReport | undefined {
    if (
      !this.kinds.has(this.kindKey(cluster, group, kind)) ||
      !this.filter.mayHave(key)
    ) {
      return undefined;
    }
    const trackedApp = tracked && this.applicationKey(tracked);
    const own = trackedApp ? this.healthsOf(trackedApp)?.get(key) : undefined;
    if (trackedApp && own) {
      return { application: trackedApp, health: own, tracked: true };
    }
    let found: FoundReport | undefined;
    for (const [application, report] of this.reports) {
      if (this.targetOf(report) !== cluster) continue;
      const reported = this.healthsOf(application)?.get(key);
      if (reported && (!found || application < found.application)) {
        found = { application, health: reported, tracked: false };
      }
    }
    return found;
  }

  /**
   * The portal's clusters changed: the reports of Applications whose destination maps to another cluster now (or
   * to none) move there.
   */
  retarget() {
    const changes: ReportChange[] = [];
    for (const application of [...this.reports.keys()]) {
      const report = this.reportOf(application)!;
      const target = this.clusterOf(report.destination);
      if (target !== report.target) {
        this.set(application, { ...report, target }, changes);
      }
    }
    this.changed(changes);
  }

  /**
   * `cluster/group/Kind`, the last one kept: the objects of a list page are of one kind, and every other cluster's
   * reports are asked about each (one string built per page instead of one per object and cluster).
   */
  private kindKey(cluster: string, group: string, kind: string): string {
    const last = this.lastKind;
    if (
      last.cluster !== cluster ||
      last.group !== group ||
      last.kind !== kind
    ) {
      this.lastKind = {
        cluster,
        group,
        kind,
        key: `${cluster}/${group}/${kind}`,
      };
    }
    return this.lastKind.key;
  }

  /** The portal cluster a kept report is about (undefined: its destination maps to none). */
  private targetOf(kept: KeptReport): string | undefined {
    return typeof kept === 'string' ? this.options.cluster : kept.target;
  }

  private reportOf(application: string): Report | undefined {
    const kept = this.reports.get(application);
    return typeof kept === 'string'
      ? { packed: kept, destination: IN_CLUSTER, target: this.options.cluster }
      : kept;
  }

  private clusterOf(destination: ArgoCdDestination): string | undefined {
    if (this.options.clusterOf) return this.options.clusterOf(destination);
    return destination.inCluster ? this.options.cluster : undefined;
  }

  /** The key of the Application a tracking value names. */
  private applicationKey(tracked: string): string {
    const at = tracked.indexOf('_');
    return objectKey({
      cluster: this.options.cluster,
      apiGroup: 'argoproj.io',
      kind: 'Application',
      namespace: at < 0 ? this.options.argoCdNamespace : tracked.slice(0, at),
      name: at < 0 ? tracked : tracked.slice(at + 1),
    });
  }

  /**
   * The Application's key and report. The ObjectCache has the Application's record already (the watcher caches an
   * object before its observers see it): its packed list is reused, so `status.resources` is parsed once per event
   * and kept once.
   */
  private read(
    object: unknown,
    withResources = true,
  ): { application: string; report?: Report } {
    const obj = (object ?? {}) as Record<string, unknown>;
    const meta = (obj.metadata ?? {}) as Record<string, unknown>;
    const key = objectKey({
      cluster: this.options.cluster,
      apiGroup: 'argoproj.io',
      kind: 'Application',
      namespace: text(meta.namespace),
      name: text(meta.name) ?? '',
    });
    if (!withResources) return { application: key };
    const cached = this.options.cache.get(key);
    // The cached record's key string, not this equal copy: `reports` keeps the key it first got, and one ~70-byte
    // string per Application held twice was most of what reports cost in memory (bench/reconciler).
    const application = cached?.key ?? key;
    const packed = cached
      ? packedResourcesOf(cached)
      : packResources(
          normalizeObject(obj, { cluster: this.options.cluster }).resources,
        );
    if (packed === undefined) return { application };
    const destination = argoCdDestination(obj);
    return {
      application,
      report: { packed, destination, target: this.clusterOf(destination) },
    };
  }

  private set(
    application: string,
    report: Report | undefined,
    changes: ReportChange[],
  ) {
    const previous = this.reportOf(application);
    if (report === undefined) this.reports.delete(application);
    else if (
      report.destination.inCluster &&
      report.target === this.options.cluster
    ) {
      this.reports.set(application, report.packed);
    } else this.reports.set(application, report);
    const sameTarget = previous?.target === report?.target;
    if (sameTarget && previous?.packed === report?.packed) return;
    this.memo.delete(application);
    if (sameTarget) {
      this.record(
        application,
        report?.target,
        previous?.packed,
        report?.packed,
        changes,
      );
    } else {
      this.record(
        application,
        previous?.target,
        previous?.packed,
        undefined,
        changes,
      );
      this.record(
        application,
        report?.target,
        undefined,
        report?.packed,
        changes,
      );
    }
  }

  /** One Application's report about one cluster's objects went from one packed list to another. */
  private record(
    application: string,
    cluster: string | undefined,
    packedBefore: string | undefined,
    packedAfter: string | undefined,
    changes: ReportChange[],
  ) {
    if (cluster === undefined || packedBefore === packedAfter) return;
    const before = readReport(packedBefore, cluster);
    const after = readReport(packedAfter, cluster);
    const change: ReportChange = {
      application,
      cluster,
      kindsBefore: before.kinds,
      kindsAfter: after.kinds,
      healthsBefore: before.healths,
      healthsAfter: after.healths,
    };
    for (const key of change.healthsAfter.keys()) {
      if (!change.healthsBefore.has(key)) this.added.push(key);
    }
    for (const key of change.healthsBefore.keys()) {
      if (!change.healthsAfter.has(key)) this.filter.removedOne();
    }
    this.countKinds(cluster, before.reportedKinds, -1);
    this.countKinds(cluster, after.reportedKinds, 1);
    changes.push(change);
  }

  /** Counts the reports about one cluster that give a health to objects of each kind. */
  private countKinds(cluster: string, kinds: string[], delta: number) {
    for (const named of kinds) {
      const kind = `${cluster}/${named}`;
      const next = (this.kinds.get(kind) ?? 0) + delta;
      if (next > 0) this.kinds.set(kind, next);
      else this.kinds.delete(kind);
    }
  }

  private changed(changes: ReportChange[]) {
    if (changes.length === 0) return;
    const added = this.added;
    this.added = [];
    if (!this.filter.needsRebuildAdding(added.length)) {
      for (const key of added) this.filter.add(key);
    } else if (this.filter.holdsNone) {
      // Every reported key is among the new ones (a cluster's first list): no report needs reading.
      this.filter.rebuild(added, added.length);
    } else this.rebuildFilter(changes);
    this.options.onChange(changes);
  }

  /**
   * Refills the filter with the keys of every report. The reports `changes` (the batch that made the filter too
   * small) gave their cluster are not unpacked again: a relist's first batch is every report of the cluster, so the
   * cold start would unpack each Application's list twice. The last change of an Application about the cluster its
   * report targets holds that report's healths (each change of report or target records one).
   */
  private rebuildFilter(changes: ReportChange[]) {
    const fresh = new Map<string, ReportChange>();
    for (const change of changes) fresh.set(change.application, change);
    const keys: string[] = [];
    for (const [application, report] of this.reports) {
      const target = this.targetOf(report);
      if (target === undefined) continue;
      const change = fresh.get(application);
      const healths =
        change?.cluster === target
          ? change.healthsAfter
          : readReport(packedOf(report), target).healths;
      for (const key of healths.keys()) keys.push(key);
    }
    this.filter.rebuild(keys, keys.length);
  }

  /**
   * Object key → health of one Application's report (unpacked on demand, the last few kept; `set` drops the memo
   * of an Application whose destination maps elsewhere).
   */
  private healthsOf(application: string): Map<string, Health> | undefined {
    const report = this.reports.get(application);
    const target = report === undefined ? undefined : this.targetOf(report);
    if (target === undefined) return undefined;
    const packed = packedOf(report!);
    const memo = this.memo.get(application);
    if (memo && memo.packed === packed) {
      this.memo.delete(application);
      this.memo.set(application, memo);
      return memo.healths;
    }
    const { healths } = readReport(packed, target);
    this.memo.set(application, { packed, healths });
    if (this.memo.size > MEMO_SIZE) {
      this.memo.delete(this.memo.keys().next().value as string);
    }
    return healths;
  }
}

/** One Application's report about the objects of one cluster, as read from its packed resource list. */
interface ReadReport {
  /** Object key → health of the resources with one (Argo CD has no check for some kinds: their own rule applies). */
  healths: Map<string, Health>;
  /** The kinds (`group/Kind`) of every listed resource, once each. */
  kinds: string[];
  /** The kinds of the resources with a health, once each. */
  reportedKinds: string[];
}

/** Reads a packed list without building its resource objects (every Application's, in a cold start). */
function readReport(packed: string | undefined, cluster: string): ReadReport {
  const healths = new Map<string, Health>();
  const kinds = new Set<string>();
  const reportedKinds = new Set<string>();
  if (packed !== undefined) {
    // Consecutive resources are often of one kind: the previous one's `group/Kind` string is reused.
    let last = { group: '', kind: '', id: '/' };
    forEachReportedResource(
      packed,
      (group, kind, namespace, name, status, message) => {
        if (last.group !== group || last.kind !== kind) {
          last = { group, kind, id: groupKind(group, kind) };
        }
        kinds.add(last.id);
        if (status === undefined) return;
        reportedKinds.add(last.id);
        const key = objectKey({
          cluster,
          apiGroup: group,
          kind,
          namespace,
          name,
        });
        healths.set(key, health(status as HealthStatus, message));
      },
    );
  }
  return { healths, kinds: [...kinds], reportedKinds: [...reportedKinds] };
}
