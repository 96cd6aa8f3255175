import { repoPathSchema } from '@gitops-portal/plugin-gitops-common';
import { PromotionLayout } from './promotionFiles';

const PLACEHOLDER = /\{([^}]*)\}/g;
const KNOWN = new Set(['service', 'env']);

/**
 * Checks a config repo's path template (`gitops.configRepo.pathTemplate`) and gives it as a layout: a folder
 * (ending in `/`) or one file of the repo, with `{service}` and `{env}` placeholders. `{env}` is required (each
 * environment has its own files); a folder without `{service}` is shared by several services, so only the files
 * named after the service count (as in Flux's `apps/<env>/`). Returns the problem as text, for the caller to name
 * its config key: a `..` segment, an absolute path or an unknown placeholder could point the portal's pull
 * requests anywhere.
 *
 * @alpha
 */
export function parsePathTemplate(
  template: string,
): { layout: PromotionLayout } | { problem: string } {
  const names = [...template.matchAll(PLACEHOLDER)].map(match => match[1]);
  const unknown = names.find(name => !KNOWN.has(name));
  if (unknown !== undefined) {
    return {
      problem: `unknown placeholder {${unknown}} (only {service} and {env})`,
    };
  }
  if (!names.includes('env')) {
    return {
      problem: 'must contain {env} (each environment has its own files)',
    };
  }
  const folder = template.endsWith('/');
  // Placeholders stand for DNS-1123 names, so a sample name checks the path the template can make.
  const sample = template.replace(PLACEHOLDER, 'x');
  const checked = repoPathSchema.safeParse(
    folder ? sample.slice(0, -1) : sample,
  );
  if (!checked.success) return { problem: checked.error.issues[0].message };
  if (!folder) return { layout: { file: template } };
  return names.includes('service')
    ? { layout: { folder: template, recursive: true } }
    : { layout: { folder: template, named: true } };
}
