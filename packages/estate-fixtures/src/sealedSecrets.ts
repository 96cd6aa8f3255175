import {
  constants,
  createDecipheriv,
  generateKeyPairSync,
  KeyObject,
  privateDecrypt,
} from 'node:crypto';

let keys: { publicKey: KeyObject; privateKey: KeyObject } | undefined;

/**
 * The key pair of a sealed-secrets controller tests seal for, made on first use and shared by a test file: 2048
 * bits, as the sealing scheme is the same for the controller's default 4096 and that only slows the tests.
 */
function sealingKeyPair() {
  keys ??= generateKeyPairSync('rsa', { modulusLength: 2048 });
  return keys;
}

/** The pair's public half as PEM, what the portal is given as the controller's certificate. */
export function sealingPublicKeyPem(): string {
  return sealingKeyPair()
    .publicKey.export({ type: 'spki', format: 'pem' })
    .toString();
}

/**
 * Opens a sealed value the way the controller does (`pkg/crypto` `HybridDecrypt`): uint16 length, RSA-OAEP
 * SHA-256 with the scope's label, then AES-256-GCM with a zero nonce. Throws where the controller would refuse it.
 */
export function unsealValue(
  sealed: string,
  label: string,
  privateKey: KeyObject = sealingKeyPair().privateKey,
): string {
  const bytes = Buffer.from(sealed, 'base64');
  const rsaLength = bytes.readUInt16BE(0);
  const sessionKey = privateDecrypt(
    {
      key: privateKey,
      padding: constants.RSA_PKCS1_OAEP_PADDING,
      oaepHash: 'sha256',
      oaepLabel: Buffer.from(label),
    },
    bytes.subarray(2, 2 + rsaLength),
  );
  const aes = bytes.subarray(2 + rsaLength);
  const decipher = createDecipheriv(
    'aes-256-gcm',
    sessionKey,
    Buffer.alloc(12),
  );
  decipher.setAuthTag(aes.subarray(aes.length - 16));
  return Buffer.concat([
    decipher.update(aes.subarray(0, aes.length - 16)),
    decipher.final(),
  ]).toString();
}
