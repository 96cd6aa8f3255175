export interface Config {
  gitops?: {
    /**
     * The promotion order of environments, first to last (e.g. `[dev, staging, prod]`): a promotion goes from one
     * environment to any later one, and `gitops:promote` without `to` goes to the next. DNS-1123 labels, each
     * once; validated at start-up (read by gitops-node's `readEnvironmentOrder`). When absent, promotions go
     * between any two environments the caller names.
     * @visibility frontend
     */
    environments?: string[];
    /**
     * The GitOps config repo that promotions, rollbacks and golden paths read and open pull requests against
     * (read by gitops-node's `readConfigRepoLocation`). Credentials come from `integrations.github` for `host`.
     */
    configRepo?: {
      /** GitHub host as in `integrations.github[].host`, e.g. `github.com`. */
      host: string;
      owner: string;
      repo: string;
      /** Base branch of pull requests. Default `main`. */
      branch?: string;
      /**
       * Where an environment's files of a service are when its live objects' sources do not say: a folder (ending
       * in `/`) or a file, with `{env}` and optionally `{service}`, e.g. `deploy/{env}/{service}/`. Tried before the
       * built-in layouts. `..`, an absolute path or another placeholder stops the backend at start-up.
       */
      pathTemplate?: string;
    };
    /** The pull requests the portal opens on the config repo. */
    pullRequests?: {
      /**
       * The folder of the portal's branches (must end with '/'); every branch the portal writes, and every branch a
       * user names, sits under it. Default `gitops/`.
       */
      branchPrefix?: string;
    };
    /**
     * How secrets are added (action `gitops:secret:add`, template `add-secret`), per environment: never as a
     * plaintext Secret. Read when an action runs; a missing or invalid entry refuses the request, naming the key.
     * @visibility backend
     */
    secrets?: {
      environments?: {
        [environment: string]: {
          /**
           * `external-secrets`: an ExternalSecret referencing `externalSecrets.storeRef` and a key path (the value
           * stays in the store); `sealed-secrets`: a SealedSecret sealed in the backend with
           * `sealedSecrets.certificate`; `sops`: a Secret encrypted for the age recipients of the config repo's
           * `.sops.yaml` (first `creation_rules` entry whose `path_regex` matches the file).
           */
          method: 'external-secrets' | 'sealed-secrets' | 'sops';
          externalSecrets?: {
            /** The SecretStore or ClusterSecretStore (default kind `ClusterSecretStore`). */
            storeRef: {
              name: string;
              kind?: 'SecretStore' | 'ClusterSecretStore';
            };
            /** Default `1h`. */
            refreshInterval?: string;
            /** Default `external-secrets.io/v1` (`external-secrets.io/v1beta1` for operators before v0.16). */
            apiVersion?: string;
          };
          sealedSecrets?: {
            /** The controller's certificate as `kubeseal --fetch-cert` prints it, or its RSA public key (PEM). */
            certificate: string;
            /** `strict` (default: name and namespace bound), `namespace-wide` or `cluster-wide`. */
            scope?: 'strict' | 'namespace-wide' | 'cluster-wide';
          };
        };
      };
    };
    /** How changes to the GitOps config repo are validated before a pull request opens. */
    validation?: {
      /**
       * The kubectl binary used for `kubectl kustomize` (kubectl bundles kustomize). Defaults to `kubectl` on PATH.
       * @visibility backend
       */
      kubectlPath?: string;
      /**
       * The helm binary used for `helm template` of Helm releases whose chart is in the config repo. Defaults to `helm` on PATH.
       * @visibility backend
       */
      helmPath?: string;
      /**
       * How long one `kubectl kustomize` or `helm template` render may take, in milliseconds.
       * @visibility backend
       */
      timeoutMs?: number;
      /**
       * The Kubernetes version whose API schema built-in kinds are validated against, strictly (unknown fields are
       * errors, like `kubectl --validate=strict`). One of the versions this package ships (`1.34`); default the newest.
       * Another value stops the backend with the key named.
       * @visibility backend
       */
      kubernetesVersion?: '1.34';
      /**
       * Where the config repo keeps CustomResourceDefinitions: their `openAPIV3Schema`s validate custom kinds
       * (with the CRDs of the change itself and of the target clusters). A kind that neither Kubernetes nor any CRD
       * defines is listed as "not schema-checked", never passed.
       * @visibility backend
       */
      crds?: {
        /** Directories (ending in `/`) or files of the config repo, read at the base branch. Default `['crds/']`. */
        paths?: string[];
      };
      /**
       * The built-in policy rules, by id. A rule left out is enabled, an `error`, without exceptions. Validated
       * at start-up; an unknown rule id or a bad value stops the backend with the key named.
       * @visibility backend
       */
      rules?: {
        /** Every container sets CPU and memory limits. */
        'resources-limits'?: ValidationRuleSetting;
        /** Images use an immutable tag or digest: not `:latest`, not untagged. */
        'immutable-image-tag'?: ValidationRuleSetting;
        /** No plaintext `Secret` (ExternalSecret, SealedSecret or SOPS instead). */
        'no-plaintext-secret'?: ValidationRuleSetting;
        /** Every rendered object carries `team` and `env` labels (rendered overlays only). */
        'team-env-labels'?: ValidationRuleSetting;
        /** Object names are DNS-1123 subdomains; namespaces and container names are DNS-1123 labels. */
        'dns1123-names'?: ValidationRuleSetting;
      };
      /**
       * The estate's own policies: ValidatingAdmissionPolicy (+ bindings and params) and Kyverno ClusterPolicy /
       * Policy `validate` rules, read from the config repo at the base branch (and, through the gitops backend,
       * from the change's target clusters) and evaluated on the rendered objects of every change.
       * @visibility backend
       */
      policies?: {
        /** Default `true`. */
        enabled?: boolean;
        /** Directories (ending in `/`) or files of the config repo that hold the policies. Default `['policies/']`. */
        paths?: string[];
      };
    };
    /**
     * What `gitops:cluster:request` (template `request-cluster`) may ask for. Read when a request runs: missing
     * or invalid, the action fails naming the key; the template's form offers the providers, versions and bounds.
     * @visibility backend
     */
    clusterRequest?: {
      /** Config-repo folder of the requests, `<path><name>/`, applied by the management cluster's GitOps. Default `clusters/requests/`. */
      path?: string;
      /** Config-repo folder of the clusters' catalog entities, `<catalogPath><name>.yaml`, outside `path`. Default `catalog/clusters/`. */
      catalogPath?: string;
      /** The management cluster's namespace for the Cluster API objects (and CAPI's `<name>-kubeconfig` Secret). Default `default`. */
      namespace?: string;
      /** The `gitops.clusters` environment of the management cluster: its CRDs and policies validate every request. */
      managementEnvironment?: string;
      /** The Kubernetes releases offered (`v1.31.2`…). */
      kubernetesVersions: string[];
      /** Bounds of the control plane machines (Cluster API providers; always odd). Default 1 to 5. */
      controlPlaneReplicas?: { min?: number; max?: number };
      /** Bounds of the worker machines. Default 0 to 10. */
      workerReplicas?: { min?: number; max?: number };
      /**
       * The providers, by the name the form offers: a Cluster API infrastructure provider (the control plane and
       * bootstrap default to kubeadm's, v1beta1) or a Crossplane claim of a cluster XRD.
       */
      providers: {
        [name: string]:
          | {
              type: 'cluster-api';
              infrastructure: {
                /** e.g. `infrastructure.cluster.x-k8s.io/v1beta1`. */
                apiVersion: string;
                /** e.g. `DockerCluster`, `AWSCluster`. */
                clusterKind: string;
                /** e.g. `DockerMachineTemplate`, `AWSMachineTemplate`. */
                machineTemplateKind: string;
                /** The infrastructure cluster's `spec`, written as is (region, network…). */
                clusterSpec?: { [key: string]: unknown };
                /** The machine templates' `spec.template.spec`, written as is (instance type, image…). */
                machineSpec?: { [key: string]: unknown };
              };
              controlPlane?: { apiVersion?: string; kind?: string };
              bootstrap?: { apiVersion?: string; configTemplateKind?: string };
              /** The Cluster's `spec.clusterNetwork.pods.cidrBlocks`. */
              podCidrBlocks?: string[];
            }
          | {
              type: 'crossplane';
              claim: {
                apiVersion: string;
                kind: string;
                /** Static `spec.parameters` of every claim. */
                parameters?: { [key: string]: unknown };
                /** The XRD's parameter names for the version and worker count. Default `version`, `nodeCount`. */
                parameterNames?: {
                  kubernetesVersion?: string;
                  workerReplicas?: string;
                };
                /** The kubeconfig's key in the claim's connection secret `<name>-kubeconfig`. Default `kubeconfig`. */
                kubeconfigKey?: string;
              };
            };
      };
      /**
       * How the new cluster gets its environment's applications, with no credential in Git: Flux, a Kustomization
       * with `spec.kubeConfig.secretRef` to `<name>-kubeconfig`; Argo CD, an ExternalSecret that turns that Secret
       * into an Argo CD cluster Secret (labelled with the environment, for an ApplicationSet cluster generator).
       */
      registration:
        | {
            engine: 'flux';
            sourceRef: { kind?: string; name: string; namespace?: string };
            /** The folder the new cluster syncs; `{name}` and `{environment}` are replaced. Default `./clusters/{environment}`. */
            path?: string;
            /** Default `10m`. */
            interval?: string;
          }
        | {
            engine: 'argocd';
            /** Argo CD's namespace. Default `argocd`. */
            namespace?: string;
            /** The External Secrets store (Kubernetes provider) that reads `<name>-kubeconfig` on the management cluster. */
            storeRef: {
              name: string;
              kind?: 'SecretStore' | 'ClusterSecretStore';
            };
            /** Default `external-secrets.io/v1`. */
            apiVersion?: string;
          };
    };
  };
}

/** How one built-in validation rule applies. */
interface ValidationRuleSetting {
  /** Default `true`. */
  enabled?: boolean;
  /** `error` (default) stops the pull request; `warning` is only listed in its body. */
  severity?: 'error' | 'warning';
  /**
   * Objects the rule never applies to: every object of `namespace` (a Namespace object counts as its own), or
   * only the one called `name` there.
   */
  exceptions?: Array<{ namespace: string; name?: string }>;
}
