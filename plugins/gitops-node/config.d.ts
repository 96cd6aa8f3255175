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
       * How long one `kubectl kustomize` render may take, in milliseconds.
       * @visibility backend
       */
      timeoutMs?: number;
    };
  };
}
