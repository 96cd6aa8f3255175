/** One environment a new service is deployed to. Give exactly one of `imageTag` and `imageDigest`. */
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
}

export interface ContainerResources {
  requests?: { cpu: string; memory: string };
  limits: { cpu: string; memory: string };
}

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
  /** A migration Job that runs before the workload (Argo sync wave -1, or a Flux Kustomization the app `dependsOn`). */
  migration?: { command: string[]; image?: string };
  delivery: DeliveryOptions;
}
