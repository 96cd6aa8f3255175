import {
  constants,
  createCipheriv,
  createPublicKey,
  KeyObject,
  publicEncrypt,
  randomBytes,
  X509Certificate,
} from 'node:crypto';
import { InputError } from '@backstage/errors';

/**
 * Sealing for Bitnami sealed-secrets, the scheme of the controller's `pkg/crypto` `HybridEncrypt` (bitnami-labs/
 * sealed-secrets), built on node:crypto's primitives so the real controller opens what we seal:
 *
 * - a random single-use 32-byte session key;
 * - the session key encrypted with RSA-OAEP, SHA-256, the OAEP label being the scope's label
 *   ({@link sealingLabel});
 * - the value encrypted with AES-256-GCM under the session key and an all-zero 12-byte nonce (safe: the key is
 *   used once);
 * - output `uint16 big-endian length of the RSA ciphertext ‖ RSA ciphertext ‖ AES-GCM ciphertext ‖ 16-byte tag`,
 *   base64 (standard alphabet) in `spec.encryptedData`.
 *
 * @public
 */
export const SEALING_SCOPES = [
  'strict',
  'namespace-wide',
  'cluster-wide',
] as const;
/**
 * A sealed-secrets scope: which Secret name and namespace a sealed value may be decrypted for.
 *
 * @public
 */
export type SealingScope = (typeof SEALING_SCOPES)[number];

/**
 * The annotations that tell the controller a SealedSecret's scope; strict has none.
 *
 * @public
 */
export const SEALED_SECRETS_SCOPE_ANNOTATIONS: Record<
  SealingScope,
  Record<string, string>
> = {
  strict: {},
  'namespace-wide': { 'sealedsecrets.bitnami.com/namespace-wide': 'true' },
  'cluster-wide': { 'sealedsecrets.bitnami.com/cluster-wide': 'true' },
};

const SESSION_KEY_BYTES = 32;
const GCM_NONCE_BYTES = 12;

/**
 * The OAEP label of a scope: `<namespace>/<name>` (strict), `<namespace>` (namespace-wide), empty (cluster-wide).
 *
 * @public
 */
export function sealingLabel(
  scope: SealingScope,
  namespace: string,
  name: string,
): Buffer {
  if (scope === 'cluster-wide') return Buffer.alloc(0);
  if (scope === 'namespace-wide') return Buffer.from(namespace);
  return Buffer.from(`${namespace}/${name}`);
}

/**
 * The controller's public key from its certificate (what `kubeseal --fetch-cert` prints) or from a PEM public key.
 * Refuses anything but RSA: the controller only has RSA keys.
 *
 * @public
 */
export function sealingKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = pem.includes('BEGIN CERTIFICATE')
      ? new X509Certificate(pem).publicKey
      : createPublicKey(pem);
  } catch (error) {
    throw new InputError(
      `The sealed-secrets certificate is not a PEM certificate or public key: ${
        (error as Error).message
      }`,
    );
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new InputError(
      `The sealed-secrets certificate holds a ${key.asymmetricKeyType} key; the controller uses RSA`,
    );
  }
  return key;
}

/**
 * Options of `sealValue`: the controller's key, the sealing scope, the Secret's namespace and name, and the value.
 *
 * @public
 */
export interface SealOptions {
  key: KeyObject;
  scope: SealingScope;
  namespace: string;
  name: string;
  value: string | Buffer;
}

/**
 * One value sealed for the controller, as it goes into `spec.encryptedData`.
 *
 * @public
 */
export function sealValue(options: SealOptions): string {
  const sessionKey = randomBytes(SESSION_KEY_BYTES);
  const rsaCiphertext = publicEncrypt(
    {
      key: options.key,
      padding: constants.RSA_PKCS1_OAEP_PADDING,
      oaepHash: 'sha256',
      oaepLabel: sealingLabel(options.scope, options.namespace, options.name),
    },
    sessionKey,
  );
  const length = Buffer.alloc(2);
  length.writeUInt16BE(rsaCiphertext.length);
  const cipher = createCipheriv(
    'aes-256-gcm',
    sessionKey,
    Buffer.alloc(GCM_NONCE_BYTES),
  );
  const sealed = Buffer.concat([
    length,
    rsaCiphertext,
    cipher.update(options.value),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return sealed.toString('base64');
}

/**
 * Options of `sealedSecretManifest`: the controller's key, the sealing scope, the Secret's name, namespace, labels and data.
 *
 * @public
 */
export interface SealedSecretOptions {
  key: KeyObject;
  scope: SealingScope;
  name: string;
  namespace: string;
  labels: Record<string, string>;
  data: Record<string, string>;
}

/**
 * A `bitnami.com/v1alpha1` SealedSecret whose controller-made Secret has `data`, as kubeseal writes it.
 *
 * @public
 */
export function sealedSecretManifest(options: SealedSecretOptions): object {
  const annotations = SEALED_SECRETS_SCOPE_ANNOTATIONS[options.scope];
  const metadata = {
    name: options.name,
    namespace: options.namespace,
    ...(Object.keys(options.labels).length > 0
      ? { labels: options.labels }
      : {}),
    ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
  };
  return {
    apiVersion: 'bitnami.com/v1alpha1',
    kind: 'SealedSecret',
    metadata,
    spec: {
      encryptedData: Object.fromEntries(
        Object.entries(options.data).map(([key, value]) => [
          key,
          sealValue({ ...options, value }),
        ]),
      ),
      template: { metadata, type: 'Opaque' },
    },
  };
}
