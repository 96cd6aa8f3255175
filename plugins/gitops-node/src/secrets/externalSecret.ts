import { SecretMethod } from './secretsConfig';

type ExternalSecretsSettings = Extract<
  SecretMethod,
  { method: 'external-secrets' }
>['externalSecrets'];

/**
 * Options of `externalSecretManifest`: the store settings, the Secret's name, namespace and labels, and where its value is in the store.
 *
 * @public
 */
export interface ExternalSecretOptions {
  settings: ExternalSecretsSettings;
  name: string;
  namespace: string;
  labels: Record<string, string>;
  /** The Secret's key and where its value is in the store: a key path and, for a structured entry, a property. */
  key: string;
  remoteKey: string;
  remoteProperty?: string;
}

/**
 * An ExternalSecret that makes the operator write Secret `<name>` from the configured store; it holds no value.
 *
 * @public
 */
export function externalSecretManifest(options: ExternalSecretOptions): object {
  const { settings } = options;
  return {
    apiVersion: settings.apiVersion,
    kind: 'ExternalSecret',
    metadata: {
      name: options.name,
      namespace: options.namespace,
      ...(Object.keys(options.labels).length > 0
        ? { labels: options.labels }
        : {}),
    },
    spec: {
      refreshInterval: settings.refreshInterval,
      secretStoreRef: settings.storeRef,
      target: { name: options.name, creationPolicy: 'Owner' },
      data: [
        {
          secretKey: options.key,
          remoteRef: {
            key: options.remoteKey,
            ...(options.remoteProperty
              ? { property: options.remoteProperty }
              : {}),
          },
        },
      ],
    },
  };
}
