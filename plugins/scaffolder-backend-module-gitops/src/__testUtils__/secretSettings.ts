import { createDecipheriv, createHash } from 'node:crypto';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { sealingPublicKeyPem } from '@internal/estate-fixtures';
import {
  armor,
  Decrypter,
  generateIdentity,
  identityToRecipient,
} from 'age-encryption';
import { GitopsActionDeps } from '../actions/types';

/** The certificate of the sealed-secrets controller the tests seal for (`unsealValue` opens what is sealed with it). */
export const SEALING_CERTIFICATE = sealingPublicKeyPem();

/** An age identity and the `.sops.yaml` that encrypts the overlays' secrets for it, as Flux's docs suggest. */
export async function sopsRecipient() {
  const identity = await generateIdentity();
  const recipient = await identityToRecipient(identity);
  const sopsYaml = `creation_rules:
  - path_regex: apps/.*/secrets/.*\\.yaml$
    encrypted_regex: ^(data|stringData)$
    age: ${recipient}
`;
  return { identity, recipient, sopsYaml };
}

/** The seeded repo's environments, one method each. */
export const SECRET_METHODS: JsonObject = {
  dev: { method: 'sops' },
  staging: {
    method: 'sealed-secrets',
    sealedSecrets: { certificate: SEALING_CERTIFICATE },
  },
  prod: {
    method: 'external-secrets',
    externalSecrets: {
      storeRef: { name: 'vault', kind: 'ClusterSecretStore' },
    },
  },
};

/** `deps` with `gitops.secrets.environments` set. */
export function withSecretMethods(
  deps: GitopsActionDeps,
  environments: JsonObject = SECRET_METHODS,
): GitopsActionDeps {
  const data = deps.config.get() as JsonObject;
  return {
    ...deps,
    config: new ConfigReader({
      ...data,
      gitops: {
        ...(data.gitops as JsonObject),
        secrets: { environments },
      },
    }),
  };
}

/**
 * Checks a SOPS file's MAC the way `sops -d` does (sops.go: SHA-512 over the decrypted leaf values in document
 * order, upper-case hex, stored encrypted with `lastmodified` as additional data); returns whether it matches.
 */
export async function sopsMacMatches(
  sopsFile: {
    sops: { age: Array<{ enc: string }>; mac: string; lastmodified: string };
  },
  decrypted: unknown,
  identity: string,
): Promise<boolean> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  const dataKey = Buffer.from(
    await decrypter.decrypt(armor.decode(sopsFile.sops.age[0].enc)),
  );
  const [, data, iv, tag] =
    /^ENC\[AES256_GCM,data:(.*),iv:(.*),tag:(.*),type:str\]$/.exec(
      sopsFile.sops.mac,
    )!;
  const decipher = createDecipheriv(
    'aes-256-gcm',
    dataKey,
    Buffer.from(iv, 'base64'),
  );
  decipher.setAAD(Buffer.from(sopsFile.sops.lastmodified));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  const stored = Buffer.concat([
    decipher.update(Buffer.from(data, 'base64')),
    decipher.final(),
  ]).toString();
  const hash = createHash('sha512');
  const walk = (value: unknown) => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object') Object.values(value).forEach(walk);
    else hash.update(String(value));
  };
  walk(decrypted);
  return stored === hash.digest('hex').toUpperCase();
}
