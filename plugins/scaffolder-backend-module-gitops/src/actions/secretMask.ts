import { LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { JsonObject, JsonValue } from '@backstage/types';
import { SECRET_MASK } from '@gitops-portal/plugin-gitops-node';

/** What a secret value is replaced with wherever the action would show it (the writer's diffs use the same). */
export const MASK = SECRET_MASK;

/** Replaces every secret value in a text. */
export type SecretMask = (text: string) => string;

/**
 * A mask of the task's secrets (`ctx.secrets`: secret form fields, `ui:field: Secret`, and the initiator's
 * Backstage token), as typed and base64-encoded (the form a Secret's `data` takes). Every non-empty value is
 * masked, however short: a log made harder to read beats a leaked secret.
 */
export function createSecretMask(
  secrets: Record<string, string | undefined> | undefined,
): SecretMask {
  const values = [
    ...new Set(
      Object.values(secrets ?? {})
        .filter((value): value is string => typeof value === 'string')
        .filter(value => value.length > 0)
        .flatMap(value => [value, Buffer.from(value).toString('base64')]),
    ),
  ].sort((a, b) => b.length - a.length); // the longest first, so a secret containing another is masked whole
  if (values.length === 0) return text => text;
  return text =>
    values.reduce((masked, value) => masked.split(value).join(MASK), text);
}

/** A JSON value with every string masked (keys included). */
function maskJson<T extends JsonValue>(value: T, mask: SecretMask): T {
  if (typeof value === 'string') return mask(value) as T;
  if (Array.isArray(value)) {
    return value.map(item => maskJson(item, mask)) as T;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        mask(key),
        item === undefined ? item : maskJson(item, mask),
      ]),
    ) as T;
  }
  return value;
}

/** The same error (its class kept, so an InputError stays a 400) with secrets masked in its message and stack. */
export function maskError<T>(error: T, mask: SecretMask): T {
  if (isError(error)) {
    error.message = mask(error.message);
    if (error.stack) error.stack = mask(error.stack);
  }
  return error;
}

/** A logger that masks secrets in every message and field before they reach the task log. */
export function maskingLogger(
  logger: LoggerService,
  mask: SecretMask,
): LoggerService {
  const meta = (value?: Error | JsonObject): Error | JsonObject | undefined => {
    if (value === undefined) return undefined;
    if (value instanceof Error) return maskError(value, mask);
    return maskJson(value, mask);
  };
  return {
    error: (message, fields) => logger.error(mask(message), meta(fields)),
    warn: (message, fields) => logger.warn(mask(message), meta(fields)),
    info: (message, fields) => logger.info(mask(message), meta(fields)),
    debug: (message, fields) => logger.debug(mask(message), meta(fields)),
    child: fields => maskingLogger(logger.child(maskJson(fields, mask)), mask),
  };
}

/** An output value with every string masked. */
export function maskOutput<T extends JsonValue>(value: T, mask: SecretMask): T {
  return maskJson(value, mask);
}
