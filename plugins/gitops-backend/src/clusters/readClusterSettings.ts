import { LoggerService } from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import fs from 'node:fs';
import { isKnownAuthProvider } from './authProviders';
import { ClusterEntry, ClusterSettings } from './types';

/** Where Kubernetes mounts a pod's service account token (the Kubernetes plugin's `serviceAccount` fallback). */
const IN_CLUSTER_TOKEN_FILE =
  '/var/run/secrets/kubernetes.io/serviceaccount/token';

const LOCATORS = 'kubernetes.clusterLocatorMethods';

function validUrl(key: string, url: string) {
  if (!URL.canParse(url)) throw new Error(`${key}: url is not a valid URL`);
}

/** `kubernetes.clusterLocatorMethods[i].clusters[]` read as the Kubernetes plugin reads them (type `config`). */
function kubernetesEntries(method: Config, at: string): ClusterEntry[] {
  return (method.getOptionalConfigArray('clusters') ?? []).map((c, j) => {
    const key = `${at}.clusters[${j}]`;
    const name = c.getString('name');
    const origin = `${key} ('${name}')`;
    const url = c.getOptionalString('url');
    if (!url) throw new Error(`${origin}: missing url`);
    validUrl(origin, url);
    const authProvider = c.getOptionalString('authProvider');
    if (!authProvider) throw new Error(`${origin}: missing authProvider`);
    if (!isKnownAuthProvider(authProvider)) {
      throw new Error(`${origin}: unknown authProvider '${authProvider}'`);
    }
    return {
      name,
      source: 'kubernetes' as const,
      origin,
      url,
      authProvider,
      caData: c.getOptionalString('caData'),
      skipTLSVerify: c.getOptionalBoolean('skipTLSVerify') ?? false,
      serviceAccountToken: c.getOptionalString('serviceAccountToken'),
    };
  });
}

function gitopsEntries(config: Config | undefined): ClusterEntry[] {
  return (config?.getOptionalConfigArray('clusters') ?? []).map((c, i) => {
    const name = c.getString('name');
    const origin = `gitops.clusters[${i}] ('${name}')`;
    const url = c.getOptionalString('url');
    if (url) validUrl(origin, url);
    return {
      name,
      source: 'gitops' as const,
      origin,
      url,
      caData: c.getOptionalString('caData'),
      skipTLSVerify: c.getOptionalBoolean('skipTLSVerify'),
      serviceAccountToken: c.getOptionalString('serviceAccountToken'),
      kubeconfigPath: c.getOptionalString('kubeconfigPath'),
      context: c.getOptionalString('context'),
      environment: c.getOptionalString('environment'),
    };
  });
}

function refuseDuplicates(key: string, entries: ClusterEntry[]) {
  const names = new Set<string>();
  for (const { name } of entries) {
    if (names.has(name)) {
      throw new Error(`${key}: duplicate cluster name '${name}'`);
    }
    names.add(name);
  }
}

/**
 * Reads every static input of the cluster set: the Kubernetes plugin's `kubernetes.clusterLocatorMethods` (types
 * `config` and `catalog`; other types are warned about and ignored) and `gitops.clusters`,
 * `gitops.clusterEnvironments`, `gitops.catalogClusters`. Throws, naming the key, on an entry without a name or
 * url, an unknown authProvider, or a duplicate name in one source: nothing starts on a bad config.
 */
export function readClusterSettings(
  root: Config,
  options: {
    logger?: Pick<LoggerService, 'warn'>;
    /** The service account token file to fall back on; default: Kubernetes' in-pod path, when it exists. */
    inClusterTokenFile?: string;
  } = {},
): ClusterSettings {
  const kubernetes: ClusterEntry[] = [];
  let catalog: ClusterSettings['catalog'];
  const gitops = root.getOptionalConfig('gitops');
  (root.getOptionalConfigArray(LOCATORS) ?? []).forEach((method, i) => {
    const at = `${LOCATORS}[${i}]`;
    const type = method.getString('type');
    if (type === 'config') {
      kubernetes.push(...kubernetesEntries(method, at));
    } else if (type === 'catalog') {
      catalog = {
        allowedHosts:
          method.getOptionalStringArray('dangerouslyAllowClusterUrls') ?? [],
        allowSkipTLSVerify:
          method.getOptionalBoolean('dangerouslyAllowSkipTLSVerify') ?? false,
        refreshIntervalMs: durationToMilliseconds(
          gitops?.has('catalogClusters.refreshInterval')
            ? readDurationFromConfig(gitops, {
                key: 'catalogClusters.refreshInterval',
              })
            : { seconds: 60 },
        ),
      };
    } else {
      options.logger?.warn(
        `gitops: ${at}: cluster locator type '${type}' is not read by the GitOps portal; name its clusters in gitops.clusters to watch them`,
      );
    }
  });
  refuseDuplicates(`${LOCATORS}[type=config]`, kubernetes);
  const entries = gitopsEntries(gitops);
  refuseDuplicates('gitops.clusters', entries);
  const known = new Set(kubernetes.map(entry => entry.name));
  for (const entry of entries) {
    // Without a catalog, an entry with neither url nor kubeconfigPath can only override a configured cluster.
    if (
      !entry.url &&
      !entry.kubeconfigPath &&
      !catalog &&
      !known.has(entry.name)
    ) {
      throw new Error(
        `${entry.origin}: needs a url or a kubeconfigPath (it names no cluster of ${LOCATORS} to override)`,
      );
    }
  }
  const environments: Record<string, string> = {};
  const byCluster = gitops?.getOptionalConfig('clusterEnvironments');
  for (const name of byCluster?.keys() ?? []) {
    environments[name] = byCluster!.getString(name);
  }
  const tokenFile = options.inClusterTokenFile ?? IN_CLUSTER_TOKEN_FILE;
  return {
    kubernetes,
    gitops: entries,
    environments,
    ...(catalog ? { catalog } : {}),
    ...(fs.existsSync(tokenFile) ? { inClusterTokenFile: tokenFile } : {}),
  };
}
