import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the GitOps portal backend (reconciler and REST API). */
  gitops?: {
    /** The Kubernetes clusters to watch. Only list, watch and get are ever sent. */
    clusters?: Array<{
      /** A unique name, used in object keys and the API. */
      name: string;
      /** The API server URL, e.g. https://k8s.example.com:6443. Not needed with kubeconfigPath. */
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
    }>;
    /** Serve a cluster's objects as stale after no good contact for this long. Default 30 seconds. */
    staleAfter?: HumanDuration | string;
    watch?: {
      /** Restart a watch that saw no event nor BOOKMARK for this long. Default 90 seconds. */
      idleTimeout?: HumanDuration | string;
    };
    history?: {
      /** How long status transitions are kept. Default 30 days. */
      retention?: HumanDuration | string;
    };
    /** How often each cluster's API discovery is re-read (new CRDs). Default 60 seconds. */
    discoveryInterval?: HumanDuration | string;
    /**
     * The GitOps config repo promotions open pull requests against. Credentials come from `integrations.github`
     * for `host`.
     */
    configRepo?: {
      /** GitHub host as in `integrations.github[].host`, e.g. `github.com`. */
      host: string;
      owner: string;
      repo: string;
      /** Base branch of pull requests. Default `main`. */
      branch?: string;
    };
  };
}
