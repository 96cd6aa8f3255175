export interface Config {
  gitops?: {
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
    };
  };
}
