import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { SEALING_SCOPES } from './sealedSecrets';

/**
 * How secrets are added in one environment (`gitops.secrets.environments.<env>`): never as a plaintext Secret,
 * but as an ExternalSecret that references a store, a SealedSecret sealed with the controller's certificate, or a
 * Secret encrypted with SOPS for the age recipients of the config repo's `.sops.yaml`.
 */
const externalSecretsSchema = z.object({
  method: z.literal('external-secrets'),
  externalSecrets: z.object({
    storeRef: z.object({
      name: z.string().min(1),
      kind: z
        .enum(['SecretStore', 'ClusterSecretStore'])
        .default('ClusterSecretStore'),
    }),
    refreshInterval: z.string().min(1).default('1h'),
    apiVersion: z.string().min(1).default('external-secrets.io/v1'),
  }),
});

const sealedSecretsSchema = z.object({
  method: z.literal('sealed-secrets'),
  sealedSecrets: z.object({
    /** The controller's certificate (`kubeseal --fetch-cert`) or its RSA public key, PEM. */
    certificate: z.string().min(1),
    scope: z.enum(SEALING_SCOPES).default('strict'),
  }),
});

const sopsSchema = z.object({ method: z.literal('sops') });

/**
 * The zod schema of one environment's secret method in `gitops.secrets.environments`: external-secrets, sealed-secrets or SOPS.
 *
 * @public
 */
export const secretMethodSchema = z.discriminatedUnion('method', [
  externalSecretsSchema,
  sealedSecretsSchema,
  sopsSchema,
]);

/**
 * One environment's secret method, as `secretMethodSchema` parses it.
 *
 * @public
 */
export type SecretMethod = z.infer<typeof secretMethodSchema>;
/**
 * The name of a secret method: `external-secrets`, `sealed-secrets` or `sops`.
 *
 * @public
 */
export type SecretMethodName = SecretMethod['method'];

/**
 * The method configured for `environment`; an InputError naming the key when there is none or it is invalid.
 *
 * @public
 */
export function readSecretMethod(
  config: Config,
  environment: string,
): SecretMethod {
  const key = `gitops.secrets.environments.${environment}`;
  const raw = config.getOptional(key);
  if (raw === undefined) {
    throw new InputError(
      `No way to add secrets is configured for ${environment}: set ${key}.method (external-secrets, sealed-secrets or sops)`,
    );
  }
  const parsed = secretMethodSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InputError(
      `Invalid ${key}: ${parsed.error.issues
        .map(issue => `${[key, ...issue.path].join('.')}: ${issue.message}`)
        .join('; ')}`,
    );
  }
  return parsed.data;
}
