import {
  ArgoCdDestination,
  MatchableObject,
  normalizeClusterServer,
} from '@gitops-portal/plugin-gitops-common';
import type { FoundReport, ReportChange } from './applicationReports';

/** An object of some cluster whose reported health is asked for. */
export interface ReportQuery {
  key: string;
  cluster: string;
  group: string;
  kind: string;
  /** Its labels and Argo CD tracking (each cluster reads its own instance label from them). */
  marks?: MatchableObject;
}

/** One watched cluster as the others see it: its Applications' reports, and its objects' health to refresh. */
export interface ReportMember {
  readonly cluster: string;
  /** The cluster's API server URL (an Application's `destination.server` names it so). */
  readonly server?: string;
  /** What this cluster's Applications report about an object (of any cluster). */
  reportFor(query: ReportQuery): FoundReport | undefined;
  /** What another cluster's Applications report about this cluster's objects changed. */
  applyReportChanges(changes: ReportChange[]): void;
  /** The set of clusters changed: this cluster's Applications' destinations map anew. */
  retarget(): void;
}

/**
 * The preferred of two reports about one object: the one its tracking names, else the first Application by key
 * (as within one cluster, see ApplicationReports.find).
 */
export function preferredReport(
  a: FoundReport | undefined,
  b: FoundReport | undefined,
): FoundReport | undefined {
  if (!a || !b) return a ?? b;
  if (a.tracked !== b.tracked) return a.tracked ? a : b;
  return a.application <= b.application ? a : b;
}

/**
 * The watchers of one reconciler, so that the reports of an Argo CD Application in one cluster (hub) reach the
 * objects it deploys to another (spoke): maps a destination to a watched cluster, answers "does an Application of
 * another cluster report this object?", and hands report changes to the cluster whose objects they are about.
 * Holds one entry per cluster, nothing per object. A watcher joins when it starts and leaves when it stops.
 */
export class SharedApplicationReports {
  private readonly members = new Map<string, ReportMember>();
  /** Normalised API server URL → cluster name. */
  private servers = new Map<string, string>();

  join(member: ReportMember) {
    this.members.set(member.cluster, member);
    this.membersChanged();
  }

  leave(member: ReportMember) {
    if (this.members.get(member.cluster) !== member) return;
    this.members.delete(member.cluster);
    this.membersChanged();
  }

  /**
   * The watched cluster an Application of `own` deploys to: its own for the in-cluster destination, the cluster
   * whose API URL is `destination.server`, or the cluster named `destination.name`.
   */
  clusterOf(own: string, destination: ArgoCdDestination): string | undefined {
    if (destination.inCluster) return own;
    if (destination.server !== undefined) {
      return this.servers.get(destination.server);
    }
    if (destination.name !== undefined && this.members.has(destination.name)) {
      return destination.name;
    }
    return undefined;
  }

  /** The report the Applications of clusters other than `asking` give for its object. */
  reportFor(query: ReportQuery, asking: ReportMember): FoundReport | undefined {
    let found: FoundReport | undefined;
    for (const member of this.members.values()) {
      if (member !== asking) {
        found = preferredReport(found, member.reportFor(query));
      }
    }
    return found;
  }

  /** Report changes about other clusters' objects, to those clusters. */
  deliver(changes: ReportChange[]) {
    const byCluster = new Map<string, ReportChange[]>();
    for (const change of changes) {
      const list = byCluster.get(change.cluster) ?? [];
      list.push(change);
      byCluster.set(change.cluster, list);
    }
    for (const [cluster, list] of byCluster) {
      this.members.get(cluster)?.applyReportChanges(list);
    }
  }

  private membersChanged() {
    const servers = new Map<string, string>();
    for (const member of this.members.values()) {
      if (member.server === undefined) continue;
      const server = normalizeClusterServer(member.server);
      if (!servers.has(server)) servers.set(server, member.cluster);
    }
    this.servers = servers;
    for (const member of this.members.values()) member.retarget();
  }
}
