import { ClusterEntry } from './types';

/**
 * What each `authProvider` of the Kubernetes plugin signs requests with (its default auth strategies,
 * `buildDefaultAuthStrategyMap` in @backstage/plugin-kubernetes-backend). The portal watches in the background
 * with one read-only identity, so only a bearer token (or none, through a local kubectl proxy) will do.
 */
const SIGNED_WITH: Record<string, string | undefined> = {
  serviceAccount: undefined,
  localKubectlProxy: undefined,
  aks: "the signed-in user's AKS token",
  google: "the signed-in user's Google token",
  oidc: "the signed-in user's OIDC token",
  microsoft: 'Microsoft Entra ID client credentials',
  aws: "the backend's AWS credentials",
  azure: "the backend's Azure identity",
  googleServiceAccount: 'Google service account credentials',
};

export const isKnownAuthProvider = (authProvider: string) =>
  Object.hasOwn(SIGNED_WITH, authProvider);

const WITH_A_TOKEN =
  'name the cluster in gitops.clusters with the serviceAccountToken of a read-only service account';

/**
 * The entry with the credentials the portal will use, or why it cannot read the cluster. A token or kubeconfig from
 * app-config always wins; otherwise the Kubernetes plugin's `authProvider` decides.
 */
export function withCredentials(
  entry: ClusterEntry,
  inClusterTokenFile: string | undefined,
): { entry: ClusterEntry } | { reason: string } {
  const { authProvider } = entry;
  // A misspelt provider is bad input even where a token would make it moot.
  if (authProvider !== undefined && !isKnownAuthProvider(authProvider)) {
    return { reason: `unknown authProvider '${authProvider}'` };
  }
  if (entry.kubeconfigPath || entry.serviceAccountToken) return { entry };
  // A gitops.clusters entry without a token reads anonymously, as it always did.
  if (authProvider === undefined || authProvider === 'localKubectlProxy') {
    return { entry };
  }
  if (authProvider === 'serviceAccount') {
    if (entry.source === 'catalog') {
      // A catalog author must not be able to send the backend's own token to a URL of their choosing.
      return {
        reason: `authProvider 'serviceAccount' is not accepted from the catalog (as in the Kubernetes plugin): ${WITH_A_TOKEN}`,
      };
    }
    if (inClusterTokenFile)
      return { entry: { ...entry, tokenFile: inClusterTokenFile } };
    return {
      reason: `authProvider 'serviceAccount' without a serviceAccountToken, and no in-cluster service account token to fall back on`,
    };
  }
  return {
    reason: `authProvider '${authProvider}' signs requests with ${SIGNED_WITH[authProvider]}, which the GitOps portal does not use: ${WITH_A_TOKEN}`,
  };
}
