import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { InputError } from '@backstage/errors';
import type * as AgeEncryption from 'age-encryption';
import yaml from 'yaml';
import { loadOnFirstUse } from '../lib/loadOnFirstUse';
import { SopsRule } from './sopsRules';

/**
 * A YAML document encrypted in the SOPS file format (getsops/sops `sops.go` `Tree.Encrypt`, `aes/cipher.go`,
 * `age/keysource.go`, `stores/yaml`), so `sops -d`, Flux's kustomize-controller and SOPS libraries open it:
 *
 * - a random 32-byte data key, encrypted to every age recipient (age, ASCII-armored) in `sops.age[].enc`;
 * - every leaf value the rule selects (sops' `shouldBeEncrypted`: a key of its path matching `encrypted_regex`,
 *   …; default every value but those under a key ending in `_unencrypted`) replaced by
 *   `ENC[AES256_GCM,data:…,iv:…,tag:…,type:str|int|bool]`: AES-256-GCM under the data key with a random 32-byte
 *   IV and the additional data `<key>:<key>:…:` (the keys of its path, list positions not counted);
 * - the MAC: SHA-512 over every leaf value in document order (sops' `ToBytes`: strings as is, integers in
 *   decimal, booleans `True`/`False`), upper-case hex, encrypted like a value with `lastmodified` (RFC 3339, UTC,
 *   seconds) as additional data.
 *
 * node:crypto provides the primitives (AES-256-GCM, SHA-512, random bytes); `age-encryption` the age layer.
 *
 * @public
 */
export const SOPS_VERSION = '3.9.4';

const DATA_KEY_BYTES = 32;
const IV_BYTES = 32;
const DEFAULT_UNENCRYPTED_SUFFIX = '_unencrypted';

type Leaf = string | number | boolean;

/** sops' `ToBytes` for the leaf types a Kubernetes manifest holds. */
function leafBytes(value: Leaf): Buffer {
  if (typeof value === 'string') return Buffer.from(value);
  if (typeof value === 'boolean') return Buffer.from(value ? 'True' : 'False');
  if (!Number.isInteger(value)) {
    // sops formats floats with Go's strconv; manifests the portal writes have none, so refuse rather than guess.
    throw new InputError(
      'SOPS encryption of non-integer numbers is not supported',
    );
  }
  return Buffer.from(String(value));
}

function leafType(value: Leaf): string {
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  return 'int';
}

/**
 * `ENC[AES256_GCM,…]` of one value (an empty string stays empty, as sops leaves it).
 *
 * @public
 */
export function sopsEncryptValue(
  value: Leaf,
  dataKey: Buffer,
  additionalData: string,
): string {
  const plaintext = leafBytes(value);
  if (typeof value === 'string' && value === '') return '';
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(Buffer.from(additionalData));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return `ENC[AES256_GCM,data:${data.toString('base64')},iv:${iv.toString(
    'base64',
  )},tag:${cipher.getAuthTag().toString('base64')},type:${leafType(value)}]`;
}

/** sops' `shouldBeEncrypted` for the selectors a creation rule can set. */
function shouldEncrypt(rule: SopsRule, path: string[]): boolean {
  if (rule.encryptedRegex !== undefined) {
    const pattern = new RegExp(rule.encryptedRegex);
    return path.some(key => pattern.test(key));
  }
  if (rule.unencryptedRegex !== undefined) {
    const pattern = new RegExp(rule.unencryptedRegex);
    return !path.some(key => pattern.test(key));
  }
  if (rule.encryptedSuffix !== undefined) {
    return path.some(key => key.endsWith(rule.encryptedSuffix!));
  }
  const suffix = rule.unencryptedSuffix ?? DEFAULT_UNENCRYPTED_SUFFIX;
  return !path.some(key => key.endsWith(suffix));
}

/** Walks the tree in document order: hashes every leaf into the MAC, encrypts the selected ones. */
function encryptTree(
  node: unknown,
  path: string[],
  rule: SopsRule,
  dataKey: Buffer,
  mac: ReturnType<typeof createHash>,
): unknown {
  if (node === null || node === undefined) return node;
  if (Array.isArray(node)) {
    return node.map(item => encryptTree(item, path, rule, dataKey, mac));
  }
  if (typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [
        key,
        encryptTree(value, [...path, key], rule, dataKey, mac),
      ]),
    );
  }
  const leaf = node as Leaf;
  mac.update(leafBytes(leaf));
  return shouldEncrypt(rule, path)
    ? sopsEncryptValue(leaf, dataKey, `${path.join(':')}:`)
    : leaf;
}

/** Loaded on the first encryption: only writes of SOPS-encrypted secrets need it, not every importer of this package. */
const ageEncryption = loadOnFirstUse((): typeof AgeEncryption =>
  require('age-encryption'),
);

/** The data key to every recipient, armored, as sops' age key source writes `enc`. */
async function encryptDataKey(dataKey: Buffer, recipient: string) {
  const { armor, Encrypter } = ageEncryption();
  const encrypter = new Encrypter();
  try {
    encrypter.addRecipient(recipient);
  } catch (error) {
    throw new InputError(
      `.sops.yaml: ${recipient} is not an age recipient: ${
        (error as Error).message
      }`,
    );
  }
  return armor.encode(await encrypter.encrypt(dataKey));
}

/** RFC 3339 in UTC to the second, Go's `time.RFC3339` of a UTC time. */
function rfc3339(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/**
 * Options of `sopsEncryptYaml`: the document, the `.sops.yaml` rule it is encrypted under and the time recorded in its metadata.
 *
 * @public
 */
export interface SopsEncryptOptions {
  /** The document, a plain object; key order is kept (the MAC covers it). */
  document: Record<string, unknown>;
  rule: SopsRule;
  now?: Date;
}

/**
 * The document encrypted with a fresh data key, with its `sops` metadata block, as YAML text.
 *
 * @public
 */
export async function sopsEncryptYaml(
  options: SopsEncryptOptions,
): Promise<string> {
  const { rule } = options;
  if ('sops' in options.document) {
    throw new InputError('The document already has a sops metadata block');
  }
  const dataKey = randomBytes(DATA_KEY_BYTES);
  const mac = createHash('sha512');
  const encrypted = encryptTree(
    options.document,
    [],
    rule,
    dataKey,
    mac,
  ) as Record<string, unknown>;
  const lastModified = rfc3339(options.now ?? new Date());
  const age = [];
  for (const recipient of rule.ageRecipients) {
    age.push({ recipient, enc: await encryptDataKey(dataKey, recipient) });
  }
  const sops = {
    age,
    lastmodified: lastModified,
    mac: sopsEncryptValue(
      mac.digest('hex').toUpperCase(),
      dataKey,
      lastModified,
    ),
    ...selectorMetadata(rule),
    version: SOPS_VERSION,
  };
  return yaml.stringify({ ...encrypted, sops }, { lineWidth: 0 });
}

/** The one selector sops records in the metadata (it decrypts by the ENC[] markers, whatever the selector). */
function selectorMetadata(rule: SopsRule): Record<string, string> {
  if (rule.encryptedRegex !== undefined) {
    return { encrypted_regex: rule.encryptedRegex };
  }
  if (rule.unencryptedRegex !== undefined) {
    return { unencrypted_regex: rule.unencryptedRegex };
  }
  if (rule.encryptedSuffix !== undefined) {
    return { encrypted_suffix: rule.encryptedSuffix };
  }
  return {
    unencrypted_suffix: rule.unencryptedSuffix ?? DEFAULT_UNENCRYPTED_SUFFIX,
  };
}
