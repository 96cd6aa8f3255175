import { execFileSync } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sealingPublicKeyPem, unsealValue } from '@internal/estate-fixtures';
import {
  sealedSecretManifest,
  sealingKey,
  SealingScope,
  sealValue,
} from './sealedSecrets';

const PUBLIC_PEM = sealingPublicKeyPem();

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

    expect(unsealValue(sealed, label)).toBe('hunter2-0b5e');
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

      expect(() => unsealValue(sealed, label)).toThrow();
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

      expect(
        unsealValue(sealed, 'web/db-credentials', createPrivateKey(key)),
      ).toBe('from-a-certificate');
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
