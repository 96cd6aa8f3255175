import { InputError } from '@backstage/errors';
import yaml from 'yaml';
import { kustomizationResourceEdit } from '../changes/editYaml';
import { ConfigRepoChange } from '../changes/types';
import { ConfigRepoReader } from '../configRepo/types';
import { externalSecretManifest } from './externalSecret';
import { sealedSecretManifest, sealingKey } from './sealedSecrets';
import { SecretMethod } from './secretsConfig';
import { sopsEncryptYaml } from './sopsEncrypt';
import { sopsRuleFor } from './sopsRules';

/**
 * One secret for one service in one environment.
 *
 * @public
 */
export interface AddSecretRequest {
  service: string;
  environment: string;
  /** The Secret's name (the ExternalSecret's or SealedSecret's too). */
  name: string;
  /** The key in the Secret's `data`. */
  key: string;
  /** The value (sealed-secrets, sops). Never logged, never in an error; only its ciphertext is written. */
  value?: string;
  /** Where the value is in the store (external-secrets). */
  remoteKey?: string;
  remoteProperty?: string;
  method: SecretMethod;
}

/**
 * `apps/<service>/overlays/<env>/secrets/<name>.yaml`: the file a request writes.
 *
 * @public
 */
export function secretFilePath(request: {
  service: string;
  environment: string;
  name: string;
}): string {
  return `apps/${request.service}/overlays/${request.environment}/secrets/${request.name}.yaml`;
}

/** The label pairs kustomize gives an overlay's objects, plus the base's (the team label): written on the object. */
function labelPairs(kustomization: unknown): Record<string, string> {
  const doc = (kustomization ?? {}) as {
    labels?: Array<{ pairs?: Record<string, string> }>;
    commonLabels?: Record<string, string>;
  };
  return Object.assign(
    {},
    doc.commonLabels ?? {},
    ...(doc.labels ?? []).map(entry => entry.pairs ?? {}),
  );
}

/** Keys in byte order, as kustomize prints a map (label keys are ASCII, and unique). */
function sortedKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

function checkInputsFor(request: AddSecretRequest) {
  const { method } = request.method;
  if (method === 'external-secrets') {
    if (request.value !== undefined) {
      throw new InputError(
        `${request.environment} takes secrets from its store (external-secrets): a typed secret is not taken, give remoteKey`,
      );
    }
    if (!request.remoteKey) {
      throw new InputError(
        `${request.environment} takes secrets from its store (external-secrets): remoteKey is required`,
      );
    }
    return;
  }
  if (request.remoteKey !== undefined) {
    throw new InputError(
      `${request.environment} encrypts secrets in the config repo (${method}): remoteKey is not taken, type the secret`,
    );
  }
  if (!request.value) {
    throw new InputError(
      `${
        request.environment
      } encrypts secrets in the config repo (${method}): the secret to ${
        method === 'sops' ? 'encrypt' : 'seal'
      } is required`,
    );
  }
}

/**
 * The change that adds (or replaces) one secret of a service in one environment, the way the environment's
 * config says: an ExternalSecret, a SealedSecret or a SOPS-encrypted Secret in the overlay's `secrets/`, listed in
 * its kustomization. It reads the overlay (namespace and labels) and, for SOPS, `.sops.yaml` at the base branch.
 *
 * @public
 */
export async function addSecretChange(
  reader: ConfigRepoReader,
  baseBranch: string,
  request: AddSecretRequest,
): Promise<ConfigRepoChange> {
  checkInputsFor(request);
  const overlay = `apps/${request.service}/overlays/${request.environment}`;
  const kustomizationPath = `${overlay}/kustomization.yaml`;
  const kustomizationText = await reader.readFile(
    kustomizationPath,
    baseBranch,
  );
  if (kustomizationText === undefined) {
    throw new InputError(
      `${request.service} has no ${request.environment} overlay (${kustomizationPath})`,
    );
  }
  const kustomization = yaml.parse(kustomizationText) ?? {};
  const namespace = kustomization.namespace;
  if (typeof namespace !== 'string' || namespace.length === 0) {
    // Sealing (strict scope) and SOPS' MAC cover the namespace: it must be known, not left to kustomize.
    throw new InputError(`${kustomizationPath} sets no namespace`);
  }
  const baseText = await reader.readFile(
    `apps/${request.service}/base/kustomization.yaml`,
    baseBranch,
  );
  const labels = {
    ...labelPairs(baseText ? yaml.parse(baseText) : undefined),
    ...labelPairs(kustomization),
  };
  const path = secretFilePath(request);
  const common = { name: request.name, namespace, labels };

  let content: string;
  const { method } = request;
  if (method.method === 'external-secrets') {
    content = yaml.stringify(
      externalSecretManifest({
        ...common,
        settings: method.externalSecrets,
        key: request.key,
        remoteKey: request.remoteKey!,
        remoteProperty: request.remoteProperty,
      }),
    );
  } else if (method.method === 'sealed-secrets') {
    content = yaml.stringify(
      sealedSecretManifest({
        ...common,
        key: sealingKey(method.sealedSecrets.certificate),
        scope: method.sealedSecrets.scope,
        data: { [request.key]: request.value! },
      }),
    );
  } else {
    const sopsYaml = await reader.readFile('.sops.yaml', baseBranch);
    if (sopsYaml === undefined) {
      throw new InputError(
        `${request.environment} encrypts secrets with SOPS, but the config repo has no .sops.yaml`,
      );
    }
    content = await sopsEncryptYaml({
      // SOPS' MAC covers the order of keys, and Flux decrypts the object kustomize built, whose keys kustomize
      // sorts: the document is written in that order (apiVersion, kind, metadata, then alphabetical) so the
      // MAC verifies before and after the build.
      document: {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
          ...(Object.keys(labels).length > 0
            ? { labels: sortedKeys(labels) }
            : {}),
          name: request.name,
          namespace,
        },
        stringData: { [request.key]: request.value! },
        type: 'Opaque',
      },
      rule: sopsRuleFor(sopsYaml, path),
    });
  }
  return {
    files: { [path]: content },
    yamlEdits: [
      kustomizationResourceEdit(
        kustomizationPath,
        `secrets/${request.name}.yaml`,
      ),
    ],
  };
}
