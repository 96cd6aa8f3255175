import type {
  DriftPolicy,
  MigrationOrder,
} from '@gitops-portal/plugin-gitops-common';

/**
 * One environment a new service is deployed to. Give exactly one of `imageTag` and `imageDigest`.
 *
 * @public
 */
export interface ServiceEnvironment {
  /** DNS-1123 label, e.g. `dev`. */
  name: string;
  replicas: number;
  /** An immutable tag such as `1.4.0` (not `latest`). */
  imageTag?: string;
  /** `sha256:<64 hex>`. */
  imageDigest?: string;
  /** Argo CD destination server for this environment (default `https://kubernetes.default.svc`). */
  server?: string;
  /** Helm packaging only: values for this environment, merged over the generated ones. */
  values?: Record<string, unknown>;
  /** What the engine does about drift here (gitops-common `driftPolicySchema`); absent keeps the defaults. */
  driftPolicy?: DriftPolicy;
}

/**
 * CPU and memory requests and limits of a generated service's container.
 *
 * @public
 */
export interface ContainerResources {
  requests?: { cpu: string; memory: string };
  limits: { cpu: string; memory: string };
}

/**
 * The GitOps engine that deploys a generated service: Argo CD (`Application` or `ApplicationSet`) or Flux.
 *
 * @public
 */
export type DeliveryOptions =
  | {
      engine: 'argocd';
      /** One `Application` per environment (default) or one `ApplicationSet` for all of them. */
      mode?: 'application' | 'applicationset';
      repoUrl: string;
      /** Default `main`. */
      targetRevision?: string;
      /** Where the ApplicationSet lives: `clusters/<this env>/argocd/` (default the first environment). */
      applicationSetEnvironment?: string;
    }
  | {
      engine: 'flux';
      /** The Flux `GitRepository` of the config repo (default `gitops-config` in `flux-system`). */
      sourceName?: string;
    };

/**
 * Options of `generateServiceManifests`: everything a new service's files in the config repo are generated from.
 *
 * @public
 */
export interface NewServiceManifestOptions {
  /** Service name, a DNS-1123 label; also its namespace. */
  name: string;
  /** Owning team, a DNS-1123 label; also the Argo CD project and the RoleBinding group. */
  team: string;
  /** Image repository without tag, e.g. `ghcr.io/acme/web`. */
  image: string;
  /** Container port (default 8080). */
  port?: number;
  environments: ServiceEnvironment[];
  resources?: ContainerResources;
  /** HTTP probe paths (defaults `/healthz/ready` and `/healthz/live`). */
  probes?: { readinessPath?: string; livenessPath?: string };
  /** Adds a HorizontalPodAutoscaler on CPU. */
  hpa?: {
    minReplicas: number;
    maxReplicas: number;
    targetCpuUtilization?: number;
  };
  /**
   * A migration Job that runs before the workload: Argo CD, a sync wave -1 resource (default) or a PreSync hook
   * (`order`); Flux, a Kustomization the app's `dependsOn`.
   */
  migration?: { command: string[]; image?: string; order?: MigrationOrder };
  delivery: DeliveryOptions;
  /** `kustomize` (default): base + overlays. `helm`: a chart and a values file per environment. */
  packaging?: 'kustomize' | 'helm';
  /** Helm packaging: the chart. Default a chart generated into `apps/<service>/chart/` (rendered by validation). */
  chart?: HelmChartOptions;
  /** Canary releases: an Argo Rollouts `Rollout` or a Flagger `Canary`. */
  progressiveDelivery?: ProgressiveDeliveryOptions;
  /** `ci` (default): CI opens a PR bumping the dev overlay. `flux`: Flux image automation updates it. */
  imageAutomation?: ImageAutomationOptions;
}

/**
 * A Helm chart. Without `repoUrl` the chart is generated into the config repo
 * (`apps/<service>/chart/`, `version` pinned in its Chart.yaml); with an
 * `https://` or `oci://` chart repository it is referenced at the exact
 * `version` (validation cannot fetch it and says so).
 *
 * @public
 */
export interface HelmChartOptions {
  repoUrl?: string;
  /** Chart name (default the service name). */
  name?: string;
  /** An exact semver, e.g. `1.2.0` (default `0.1.0` for the generated chart). */
  version?: string;
}

/**
 * One step of a canary: the traffic weight on the new version and the pause after it.
 *
 * @public
 */
export interface CanaryStep {
  /** Percentage of traffic (or pods) on the new version, 1-100. */
  setWeight: number;
  /** Pause after this step; omitted = the Rollout waits for a manual promotion, Flagger uses 60s. */
  pauseSeconds?: number;
}

/**
 * Progressive delivery of a generated service with Argo Rollouts or Flagger: the canary steps and the analysis that aborts it.
 *
 * @public
 */
export interface ProgressiveDeliveryOptions {
  /** `rollout`: Argo Rollouts replaces the Deployment. `flagger`: a Flagger Canary targets the Deployment. */
  type: 'rollout' | 'flagger';
  /** Default 20% → 50% → 100% with 60-second pauses. */
  steps?: CanaryStep[];
  /** An analysis of the HTTP success rate in Prometheus that aborts a bad canary. */
  analysis?: { prometheusAddress: string; successRateThreshold?: number };
}

/**
 * How new image versions reach a generated service: by CI pull requests, or by Flux image automation.
 *
 * @public
 */
export interface ImageAutomationOptions {
  mode: 'ci' | 'flux';
  /** Flux: which tags to follow (default semver `>=0.0.0`). A timestamp pattern needs a named group `ts`. */
  policy?: { semver: string } | { timestampPattern: string };
}
