import { loadOnFirstUse } from '@gitops-portal/plugin-gitops-node';
import type * as ClientNode from '@kubernetes/client-node';
import { ClusterConfig, ClusterEntry } from './types';

/**
 * client-node is required when the first cluster is configured, not at module top: its import takes over a second,
 * which every importer of the plugin (each test file, the backend at start) would otherwise pay.
 */
const clientNode = loadOnFirstUse((): typeof ClientNode =>
  require('@kubernetes/client-node'),
);

function newKubeConfig() {
  return new (clientNode().KubeConfig)();
}

function userOf(entry: ClusterEntry): ClientNode.User {
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
  const kubeConfig = newKubeConfig();
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
