import { KubeConfig, User } from '@kubernetes/client-node';
import { ClusterConfig, ClusterEntry } from './types';

function userOf(entry: ClusterEntry): User {
  const user = { name: 'gitops-portal' };
  if (entry.serviceAccountToken) {
    return { ...user, token: entry.serviceAccountToken };
  }
  if (entry.tokenFile) {
    // The client re-reads the file as the kubelet rotates the token.
    return {
      ...user,
      authProvider: {
        name: 'tokenFile',
        config: { tokenFile: entry.tokenFile },
      },
    };
  }
  return user;
}

/** The KubeConfig a resolved entry's watcher connects with (its kubeconfig file, or its url and credentials). */
export function toClusterConfig(entry: ClusterEntry): ClusterConfig {
  const kubeConfig = new KubeConfig();
  if (entry.kubeconfigPath) {
    kubeConfig.loadFromFile(entry.kubeconfigPath);
    if (entry.context) kubeConfig.setCurrentContext(entry.context);
  } else {
    kubeConfig.loadFromOptions({
      clusters: [
        {
          name: entry.name,
          server: entry.url!,
          caData: entry.caData,
          skipTLSVerify: entry.skipTLSVerify ?? false,
        },
      ],
      users: [userOf(entry)],
      contexts: [
        { name: entry.name, cluster: entry.name, user: 'gitops-portal' },
      ],
      currentContext: entry.name,
    });
  }
  return {
    name: entry.name,
    ...(entry.environment ? { environment: entry.environment } : {}),
    kubeConfig,
  };
}
