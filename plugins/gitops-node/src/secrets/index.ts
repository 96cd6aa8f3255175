export { addSecretChange, secretFilePath } from './addSecretChange';
export type { AddSecretRequest } from './addSecretChange';
export { externalSecretManifest } from './externalSecret';
export type { ExternalSecretOptions } from './externalSecret';
export {
  SEALED_SECRETS_SCOPE_ANNOTATIONS,
  SEALING_SCOPES,
  sealedSecretManifest,
  sealingKey,
  sealingLabel,
  sealValue,
} from './sealedSecrets';
export type {
  SealedSecretOptions,
  SealingScope,
  SealOptions,
} from './sealedSecrets';
export { readSecretMethod, secretMethodSchema } from './secretsConfig';
export type { SecretMethod, SecretMethodName } from './secretsConfig';
export { SOPS_VERSION, sopsEncryptValue, sopsEncryptYaml } from './sopsEncrypt';
export type { SopsEncryptOptions } from './sopsEncrypt';
export { sopsRuleFor } from './sopsRules';
export type { SopsRule } from './sopsRules';
