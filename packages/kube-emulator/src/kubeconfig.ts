import { stringify } from 'yaml';

/** A kubeconfig with one cluster/user/context named after the cluster, current-context set. */
export function kubeconfigYaml(
  name: string,
  url: string,
  token: string,
): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      // client-node refuses plain http unless TLS verification is (nominally) skipped.
      { name, cluster: { server: url, 'insecure-skip-tls-verify': true } },
    ],
    users: [{ name, user: { token } }],
    contexts: [
      { name, context: { cluster: name, user: name, namespace: 'default' } },
    ],
    'current-context': name,
    preferences: {},
  });
}
