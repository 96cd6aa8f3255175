import { execFileSync } from 'node:child_process';
import {
  constants,
  createDecipheriv,
  createPrivateKey,
  generateKeyPairSync,
  KeyObject,
  privateDecrypt,
} from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  sealedSecretManifest,
  sealingKey,
  SealingScope,
  sealValue,
} from './sealedSecrets';

/**
 * Opens a sealed value the way the controller does (`pkg/crypto` `HybridDecrypt`): uint16 length, RSA-OAEP
 * SHA-256 with the scope's label, then AES-256-GCM with a zero nonce.
 */
function unseal(sealed: string, privateKey: KeyObject, label: string) {
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

// The controller's default key size.
const { publicKey, privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 4096,
});
const PUBLIC_PEM = publicKey.export({ type: 'spki', format: 'pem' }).toString();

describe('sealValue', () => {
  it.each<[SealingScope, string]>([
    ['strict', 'web/db-credentials'],
    ['namespace-wide', 'web'],
    ['cluster-wide', ''],
  ])('%s: the private key opens it with the label %p', (scope, label) => {
    const sealed = sealValue({
      key: sealingKey(PUBLIC_PEM),
      scope,
      namespace: 'web',
      name: 'db-credentials',
      value: 'hunter2-0b5e',
    });

    expect(unseal(sealed, privateKey, label)).toBe('hunter2-0b5e');
  });

  it.each<[SealingScope, string]>([
    ['strict', 'web/other-secret'],
    ['strict', 'other-namespace/db-credentials'],
    ['namespace-wide', 'other-namespace'],
  ])(
    '%s: the controller refuses it under another name or namespace (%p)',
    (scope, label) => {
      const sealed = sealValue({
        key: sealingKey(PUBLIC_PEM),
        scope,
        namespace: 'web',
        name: 'db-credentials',
        value: 'hunter2-0b5e',
      });

      expect(() => unseal(sealed, privateKey, label)).toThrow();
    },
  );

  it('reads the key from the certificate kubeseal --fetch-cert prints', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sealed-secrets-cert-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          join(dir, 'tls.key'),
          '-out',
          join(dir, 'tls.crt'),
          '-subj',
          '/O=sealed-secret',
          '-days',
          '1',
        ],
        { stdio: 'ignore' },
      );
      const sealed = sealValue({
        key: sealingKey(readFileSync(join(dir, 'tls.crt'), 'utf8')),
        scope: 'strict',
        namespace: 'web',
        name: 'db-credentials',
        value: 'from-a-certificate',
      });
      const key = readFileSync(join(dir, 'tls.key'), 'utf8');

      expect(unseal(sealed, createPrivateKey(key), 'web/db-credentials')).toBe(
        'from-a-certificate',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['not PEM', 'hello', /not a PEM certificate or public key/],
    [
      'an EC key',
      generateKeyPairSync('ec', { namedCurve: 'P-256' })
        .publicKey.export({ type: 'spki', format: 'pem' })
        .toString(),
      /holds a ec key; the controller uses RSA/,
    ],
  ])('refuses a certificate that is %s', (_name, pem, message) => {
    expect(() => sealingKey(pem)).toThrow(message);
  });
});

describe('sealedSecretManifest', () => {
  it.each<[SealingScope, Record<string, string>]>([
    ['strict', {}],
    ['namespace-wide', { 'sealedsecrets.bitnami.com/namespace-wide': 'true' }],
    ['cluster-wide', { 'sealedsecrets.bitnami.com/cluster-wide': 'true' }],
  ])(
    '%s: annotates the SealedSecret and its template',
    (scope, annotations) => {
      const manifest = sealedSecretManifest({
        key: sealingKey(PUBLIC_PEM),
        scope,
        name: 'db-credentials',
        namespace: 'web',
        labels: { env: 'dev' },
        data: { password: 'hunter2-0b5e' },
      }) as any;

      expect(manifest).toMatchObject({
        apiVersion: 'bitnami.com/v1alpha1',
        kind: 'SealedSecret',
        metadata: {
          name: 'db-credentials',
          namespace: 'web',
          labels: { env: 'dev' },
        },
        spec: {
          template: { type: 'Opaque', metadata: { name: 'db-credentials' } },
        },
      });
      expect(manifest.metadata.annotations ?? {}).toEqual(annotations);
      expect(manifest.spec.template.metadata.annotations ?? {}).toEqual(
        annotations,
      );
      expect(JSON.stringify(manifest)).not.toContain('hunter2-0b5e');
    },
  );
});
