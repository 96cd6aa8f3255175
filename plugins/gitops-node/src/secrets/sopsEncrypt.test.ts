import { createDecipheriv, createHash } from 'node:crypto';
import {
  armor,
  Decrypter,
  generateIdentity,
  identityToRecipient,
} from 'age-encryption';
import { decryptSops } from 'sops-age';
import yaml from 'yaml';
import { sopsEncryptYaml } from './sopsEncrypt';
import { SopsRule } from './sopsRules';

const SECRET = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: {
    name: 'db-credentials',
    namespace: 'web',
    labels: { env: 'dev' },
  },
  type: 'Opaque',
  stringData: { password: 'hunter2-0b5e', port: '5432' },
};

async function ageIdentity() {
  const identity = await generateIdentity();
  return { identity, recipient: await identityToRecipient(identity) };
}

const ENC =
  /^ENC\[AES256_GCM,data:[A-Za-z0-9+/=]+,iv:[A-Za-z0-9+/=]{44},tag:[A-Za-z0-9+/=]{24},type:str\]$/;

/** Opens one `ENC[AES256_GCM,...]` value as the SOPS spec says (aes/cipher.go). */
function openValue(value: string, key: Buffer, additionalData: string) {
  const [, data, iv, tag] =
    /^ENC\[AES256_GCM,data:(.*),iv:(.*),tag:(.*),type:str\]$/.exec(value)!;
  const decipher = createDecipheriv(
    'aes-256-gcm',
    key,
    Buffer.from(iv, 'base64'),
  );
  decipher.setAAD(Buffer.from(additionalData));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([
    decipher.update(Buffer.from(data, 'base64')),
    decipher.final(),
  ]).toString();
}

/** SHA-512 over the plaintext leaf values in document order (sops.go Tree.Encrypt), upper-case hex. */
function macOf(node: unknown, hash = createHash('sha512')): string {
  const walk = (value: unknown) => {
    if (value === null) return;
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object') Object.values(value!).forEach(walk);
    else hash.update(String(value));
  };
  walk(node);
  return hash.digest('hex').toUpperCase();
}

describe('sopsEncryptYaml', () => {
  const rules: Array<[string, Omit<SopsRule, 'ageRecipients'>, string[]]> = [
    [
      'encrypted_regex ^(data|stringData)$ (Flux docs)',
      { encryptedRegex: '^(data|stringData)$' },
      ['stringData.password', 'stringData.port'],
    ],
    [
      "sops' default: everything but _unencrypted keys",
      {},
      ['apiVersion', 'kind', 'metadata.name', 'stringData.password'],
    ],
  ];

  it.each(rules)(
    '%s: sops-age decrypts it to the document',
    async (_name, selector, encryptedPaths) => {
      const { identity, recipient } = await ageIdentity();
      const text = await sopsEncryptYaml({
        document: SECRET,
        rule: { ageRecipients: [recipient], ...selector },
      });

      const file = yaml.parse(text);
      for (const path of encryptedPaths) {
        expect(path.split('.').reduce((o, k) => o[k], file)).toMatch(ENC);
      }
      expect(text).not.toContain('hunter2-0b5e');
      await expect(
        decryptSops(text, { secretKey: identity, fileType: 'yaml' }),
      ).resolves.toEqual(SECRET);
    },
  );

  it('writes the metadata block of the SOPS file format', async () => {
    const { recipient } = await ageIdentity();
    const text = await sopsEncryptYaml({
      document: SECRET,
      rule: { ageRecipients: [recipient], encryptedRegex: '^stringData$' },
      now: new Date('2026-12-07T01:02:03.456Z'),
    });

    const { sops } = yaml.parse(text);
    expect(Object.keys(sops)).toEqual([
      'age',
      'lastmodified',
      'mac',
      'encrypted_regex',
      'version',
    ]);
    expect(sops.age).toEqual([
      {
        recipient,
        enc: expect.stringMatching(
          /^-----BEGIN AGE ENCRYPTED FILE-----\n[\s\S]+\n-----END AGE ENCRYPTED FILE-----\n$/,
        ),
      },
    ]);
    expect(sops.lastmodified).toBe('2026-12-07T01:02:03Z');
    expect(sops.mac).toMatch(ENC);
    expect(sops.encrypted_regex).toBe('^stringData$');
    expect(sops.version).toMatch(/^3\.\d+\.\d+$/);
  });

  it('the MAC verifies: SHA-512 of the values, encrypted with lastmodified as additional data', async () => {
    const { identity, recipient } = await ageIdentity();
    const text = await sopsEncryptYaml({
      document: SECRET,
      rule: { ageRecipients: [recipient], encryptedRegex: '^stringData$' },
    });
    const { sops, ...encrypted } = yaml.parse(text);

    const decrypter = new Decrypter();
    decrypter.addIdentity(identity);
    const dataKey = Buffer.from(
      await decrypter.decrypt(armor.decode(sops.age[0].enc)),
    );
    expect(dataKey).toHaveLength(32);
    const values = await decryptSops(text, {
      secretKey: identity,
      fileType: 'yaml',
    });
    expect(openValue(sops.mac, dataKey, sops.lastmodified)).toBe(macOf(values));
    // The value's additional data is its path: the ciphertext does not open at another key.
    expect(() =>
      openValue(encrypted.stringData.password, dataKey, 'stringData:port:'),
    ).toThrow();
    expect(
      openValue(encrypted.stringData.password, dataKey, 'stringData:password:'),
    ).toBe('hunter2-0b5e');
  });

  it('encrypts the data key to every recipient', async () => {
    const first = await ageIdentity();
    const second = await ageIdentity();
    const text = await sopsEncryptYaml({
      document: SECRET,
      rule: { ageRecipients: [first.recipient, second.recipient] },
    });

    for (const { identity } of [first, second]) {
      await expect(
        decryptSops(text, { secretKey: identity, fileType: 'yaml' }),
      ).resolves.toEqual(SECRET);
    }
  });
});
