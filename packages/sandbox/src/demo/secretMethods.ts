import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';

/** The keys the sandbox's secret controllers would hold, made once and kept in the state folder. */
interface SecretKeys {
  /** The sealed-secrets controller's RSA key pair (PEM): the portal gets the public half only. */
  sealingPublicKey: string;
  sealingPrivateKey: string;
  /** The age identity Flux's kustomize-controller would decrypt SOPS files with; `.sops.yaml` names its recipient. */
  ageIdentity: string;
  ageRecipient: string;
}

async function loadSecretKeys(stateDir: string): Promise<SecretKeys> {
  const file = join(stateDir, 'secret-keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const pair = generateKeyPairSync('rsa', { modulusLength: 4096 });
  const ageIdentity = await generateIdentity();
  const keys: SecretKeys = {
    sealingPublicKey: pair.publicKey
      .export({ type: 'spki', format: 'pem' })
      .toString(),
    sealingPrivateKey: pair.privateKey
      .export({ type: 'pkcs8', format: 'pem' })
      .toString(),
    ageIdentity,
    ageRecipient: await identityToRecipient(ageIdentity),
  };
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}

/**
 * One way to add secrets per sandbox environment, so the add-secret template shows all three: dev encrypts with
 * SOPS (the config repo's `.sops.yaml`), staging seals for its sealed-secrets controller, prod references the
 * `vault` ClusterSecretStore of External Secrets.
 */
export async function sandboxSecretMethods(stateDir: string) {
  const keys = await loadSecretKeys(stateDir);
  return {
    environments: {
      dev: { method: 'sops' },
      staging: {
        method: 'sealed-secrets',
        sealedSecrets: { certificate: keys.sealingPublicKey },
      },
      prod: {
        method: 'external-secrets',
        externalSecrets: {
          storeRef: { name: 'vault', kind: 'ClusterSecretStore' },
        },
      },
    },
    sopsYaml: `# Secrets under an overlay's secrets/ are encrypted for the dev cluster's Flux (its age key).\ncreation_rules:\n  - path_regex: apps/.*/secrets/.*\\.yaml$\n    encrypted_regex: ^(data|stringData)$\n    age: ${keys.ageRecipient}\n`,
  };
}
