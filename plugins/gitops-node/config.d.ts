export interface Config {
  gitops?: {
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
    };
  };
}
