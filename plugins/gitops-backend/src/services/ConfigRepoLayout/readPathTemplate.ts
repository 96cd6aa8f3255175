import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  parsePathTemplate,
  PromotionLayout,
} from '@gitops-portal/plugin-gitops-node';

const KEY = 'gitops.configRepo.pathTemplate';

/**
 * Reads `gitops.configRepo.pathTemplate`, the config repo's own layout for where no live object says which files
 * an environment's change edits. Called at start-up, so a template that could point pull requests outside the
 * layout (`..`, an absolute path, an unknown placeholder) stops the backend with the key named.
 */
export function readPathTemplates(config: Config): PromotionLayout[] {
  const template = config.getOptionalString(KEY);
  if (template === undefined) return [];
  const parsed = parsePathTemplate(template);
  if ('problem' in parsed) {
    throw new InputError(
      `Invalid config ${KEY} ${JSON.stringify(template)}: ${parsed.problem}`,
    );
  }
  return [parsed.layout];
}
