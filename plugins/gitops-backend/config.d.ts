import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the GitOps portal backend (reconciler and REST API). */
  gitops?: {
    /**
     * The Kubernetes clusters to watch, in addition to those of the Kubernetes plugin's
     * `kubernetes.clusterLocatorMethods` (types `config` and `catalog`). An entry named like one of those overrides
     * the fields it sets (e.g. only `serviceAccountToken` for a catalog cluster). Only list, watch and get are ever sent.
     */
    clusters?: Array<{
      /** A unique name, used in object keys and the API. */
      name: string;
      /**
       * The API server URL, e.g. https://k8s.example.com:6443. Not needed with kubeconfigPath, nor to override a
       * cluster of `kubernetes.clusterLocatorMethods`.
       */
      url?: string;
      /** Base64 PEM of the CA that signed the API server's certificate. */
      caData?: string;
      /** Skip TLS verification (tests and local sandboxes only). */
      skipTLSVerify?: boolean;
      /**
       * A bearer token of a read-only service account.
       * @visibility secret
       */
      serviceAccountToken?: string;
      /** A kubeconfig file to use instead of url and serviceAccountToken. */
      kubeconfigPath?: string;
      /** The kubeconfig context to use; default: the file's current context. */
      context?: string;
      /** The environment of the cluster's objects (dev, staging, prod) unless an object names its own. */
      environment?: string;
      /**
       * Deep-link templates for the cluster's objects, shown in the entity tab's promotion pipeline. Placeholders:
       * `{cluster}`, `{namespace}`, `{name}` (the Argo CD Application / Flux object), `{sha}` (a config-repo
       * commit), `{number}` (a pull request), `{owner}`, `{repo}` (the config repo). http(s) URLs only, validated at
       * start-up.
       */
      links?: {
        /** The Argo CD UI page of an Application, e.g. `https://argocd.example.com/applications/{namespace}/{name}`. */
        argocd?: string;
        /** The Flux UI page of a Kustomization or HelmRelease. */
        flux?: string;
        /** A config-repo commit; default: the URL GitHub returns. */
        commit?: string;
        /** A config-repo pull request; default: the URL GitHub returns. */
        pullRequest?: string;
      };
    }>;
    /**
     * The environment (dev, staging, prod) of each cluster's objects unless an object names its own, by cluster
     * name: for clusters of `kubernetes.clusterLocatorMethods`, whose entries have no such key.
     * `gitops.clusters[].environment` wins for a cluster it names.
     */
    clusterEnvironments?: {
      /** The environment of the cluster of this name. */
      [cluster: string]: string;
    };
    /** Clusters read from the catalog (a `kubernetes.clusterLocatorMethods` entry of type `catalog`). */
    catalogClusters?: {
      /**
       * How often the catalog's kubernetes-cluster Resources are re-read: clusters added there are watched,
       * removed ones dropped. Default 60 seconds.
       */
      refreshInterval?: HumanDuration | string;
    };
    /** The catalog entities objects are mapped to. */
    catalogEntities?: {
      /**
       * How often the catalog's entities and their annotations are re-read: an entity added or re-annotated there
       * gets its objects after at most this long. Default 60 seconds.
       */
      refreshInterval?: HumanDuration | string;
    };
    /**
     * Where object health comes from besides the portal's built-in rules. An object an Argo CD Application manages
     * (in the Application's own cluster) shows the health the Application reports for it; else a custom health
     * script applies (the cluster's `argocd-cm`, then `resourceCustomizations` below); else the built-in rule.
     */
    health?: {
      /**
       * The namespace of each cluster's `argocd-cm` ConfigMap, whose `resource.customizations.health.<group>_<kind>`
       * and `resource.customizations` scripts are read (only that ConfigMap is read, by name). Default `argocd`.
       */
      argoCdNamespace?: string;
      /**
       * Custom health scripts of the portal's own, written exactly as the value of argocd-cm's
       * `resource.customizations` key: a YAML map from `<group>/<Kind>` (`<Kind>` for the core group; `*` wildcards
       * allowed, e.g. `"*.crossplane.io/*"`) to `{ health.lua: <script> }`. They run in a sandboxed Lua VM (time and
       * memory bounded) with Argo CD's contract: `obj` in, a table with `status` and `message` out.
       */
      resourceCustomizations?: string;
      /**
       * Bounds of one custom health script run (per object). A script past a bound gives health Unknown with the
       * reason; one that ran out of time is skipped for its kind for five minutes.
       */
      limits?: {
        /** Wall-clock time of one run. Default 100 ms. */
        timeout?: HumanDuration | string;
        /** Memory one run may allocate in the Lua VM. Default 8 MiB (8388608). */
        memoryBytes?: number;
        /**
         * Lua instructions one run may execute (checked every 1000): a bound that does not depend on how busy the
         * machine is. Default 10 million.
         */
        instructions?: number;
      };
    };
    /** Serve a cluster's objects as stale after no good contact for this long. Default 30 seconds. */
    staleAfter?: HumanDuration | string;
    watch?: {
      /** Restart a watch that saw no event nor BOOKMARK for this long. Default 90 seconds. */
      idleTimeout?: HumanDuration | string;
      /**
       * Crossplane managed resource kinds. A provider family installs hundreds of managed resource CRDs; by default
       * only the kinds in use are watched: those a claim or composite names in `spec.resourceRefs`, an Argo CD
       * Application in `status.resources`, or a Composition a claim or composite uses composes. A kind is watched
       * when first referenced and stopped when nothing references it any more.
       */
      managedKinds?: {
        /** `referenced` (default) or `all` (every CRD in the `managed` category). */
        watch?: 'referenced' | 'all';
        /**
         * At most this many managed resource kinds are watched per cluster; kinds past it are reported on the
         * cluster's state as not watched, and counted in the `gitops.watch.managed_kinds_over_cap` metric.
         * Default 100.
         */
        max?: number;
      };
    };
    history?: {
      /** How long status transitions are kept. Default 30 days. */
      retention?: HumanDuration | string;
    };
    deliveryMetrics?: {
      /**
       * A deployment followed by Degraded health, a failed sync or a rollback within this long (and before the next
       * deployment) counts as a failed change. Default 1 day.
       */
      failureWindow?: HumanDuration | string;
    };
    /**
     * Safety re-read of each cluster's API discovery. CRDs are watched and any CRD change re-reads discovery at
     * once, so this only catches missed events. Default 15 minutes.
     */
    discoveryInterval?: HumanDuration | string;
    /**
     * How often discovery is re-read for a cluster whose CRDs cannot be listed or watched (RBAC forbids
     * `customresourcedefinitions`). Default 60 seconds.
     */
    discoveryFallbackInterval?: HumanDuration | string;
    /**
     * Scale-out: each backend replica watches only its share of the clusters (leases in PostgreSQL) and every
     * replica serves all of them from shared tables. PostgreSQL only.
     */
    sharding?: {
      /** Default false: one replica watches every cluster and serves from memory. */
      enabled?: boolean;
      /**
       * How long a cluster's lease lasts without renewal (renewed every third of it). A dead replica's clusters
       * are taken over within about 1.8 times this (its heartbeat lasts 1.5 leases). Default 12 seconds.
       */
      leaseDuration?: HumanDuration | string;
      /**
       * Poll the shared status table every second and signal other replicas' changes to this replica's browsers.
       * Default false: Backstage's events bus (events-backend on PostgreSQL) already carries every replica's
       * signals to all replicas; enable this for a backend without it.
       */
      pollSignals?: boolean;
      /**
       * Default true: each replica keeps each entity's TeamView row in memory (~2 KB per entity), recomputed from
       * PostgreSQL when the entity's objects change, so team status needs no query. False: every team request
       * reads its objects from PostgreSQL.
       */
      teamView?: boolean;
      /**
       * The former name of `teamView`, read for one more release (a warning at start-up names both keys).
       * @deprecated Use `gitops.sharding.teamView`.
       */
      teamReadModel?: boolean;
    };
    /** How the portal reads Argo CD's marks on the objects it deploys (they follow their Application's entity). */
    argoCd?: {
      /**
       * The label Argo CD tracks resources with when it uses label tracking: the `application.instanceLabelKey`
       * of `argocd-cm`. Default `app.kubernetes.io/instance`. The `argocd.argoproj.io/tracking-id` annotation is
       * read first whatever this says.
       * @visibility backend
       */
      instanceLabelKey?: string;
    };
    permissions?: {
      /**
       * When true, the shipped policy decision (`gitopsPolicyDecision`, `permissionModuleGitopsPolicy`; see
       * docs/permissions.md) makes `gitops.status.read` conditional on owning the entity: users see the status of their teams' entities only (team and overview
       * rows of other entities are left out). Default false: every signed-in user may read every status.
       */
      restrictStatusToOwners?: boolean;
    };
    /** Notifications to the owning team on Degraded, failed syncs, long OutOfSync and stale clusters. */
    alerts?: {
      /** Default false (needs @backstage/plugin-notifications-backend). */
      enabled?: boolean;
      /** Alert an object OutOfSync for longer than this. Default 15 minutes. */
      outOfSyncAfter?: HumanDuration | string;
      /** At most one alert per object in this interval; recoveries are not limited. Default 30 minutes. */
      minInterval?: HumanDuration | string;
      /** Alerts below this severity (low, normal, high, critical) are not sent. Default normal. */
      minSeverity?: 'low' | 'normal' | 'high' | 'critical';
      /** Per-team overrides, keyed by group name (`team-a` for `group:default/team-a`) or group ref. */
      teams?: {
        [team: string]: {
          /** Send the team nothing. */
          muted?: boolean;
          /** This team's minimum severity. */
          minSeverity?: 'low' | 'normal' | 'high' | 'critical';
        };
      };
    };
  };
}
