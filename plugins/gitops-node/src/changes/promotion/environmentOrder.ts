import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { environmentNameSchema } from '@gitops-portal/plugin-gitops-common';
import { z } from 'zod';

const environmentOrderSchema = z
  .array(environmentNameSchema)
  .min(1)
  .refine(list => new Set(list).size === list.length, {
    message: 'each environment may appear once',
  });

/**
 * Reads `gitops.environments`: the promotion order, first to last (`[dev, staging, prod]`). Undefined when it
 * is not configured (promotions then go between any two environments, as the caller names them). A bad list
 * throws an InputError naming the key.
 *
 * @public
 */
export function readEnvironmentOrder(config: Config): string[] | undefined {
  const value = config.getOptional('gitops.environments');
  if (value === undefined) return undefined;
  const parsed = environmentOrderSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = ['gitops', 'environments', ...issue.path.map(String)].join('.');
    throw new InputError(`Invalid config ${key}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * Checks a promotion against the configured order (no order: nothing to check): both environments are in it
 * and `to` comes after `from` (any later one, not only the next). Throws InputError naming the field.
 *
 * @public
 */
export function assertPromotionOrder(
  order: string[] | undefined,
  from: string,
  to: string,
): void {
  if (!order) return;
  for (const [field, environment] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!order.includes(environment)) {
      throw new InputError(
        `${field}: '${environment}' is not in gitops.environments (${order.join(
          ' → ',
        )})`,
      );
    }
  }
  if (order.indexOf(to) <= order.indexOf(from)) {
    throw new InputError(
      `to: '${to}' does not come after '${from}' in gitops.environments (${order.join(
        ' → ',
      )})`,
    );
  }
}

/**
 * The environment a promotion from `from` goes to by default: the next in the order. InputError when none.
 *
 * @public
 */
export function nextEnvironment(
  order: string[] | undefined,
  from: string,
): string {
  if (!order) {
    throw new InputError(
      'to: required when gitops.environments (the promotion order) is not configured',
    );
  }
  const index = order.indexOf(from);
  if (index < 0) {
    throw new InputError(
      `from: '${from}' is not in gitops.environments (${order.join(' → ')})`,
    );
  }
  if (index === order.length - 1) {
    throw new InputError(
      `to: '${from}' is the last environment of gitops.environments; there is nothing to promote it to`,
    );
  }
  return order[index + 1];
}
