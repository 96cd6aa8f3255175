import { editYaml } from '../../editYaml';
import { EnvironmentFiles, planPromotion } from '../planPromotion';

/** File texts by path. */
export type Files = Record<string, string>;

/** The files of `to` after the planned change (edits applied the way the writer applies them). */
export function promote(
  from: EnvironmentFiles,
  to: EnvironmentFiles,
  extra: { images?: string[]; version?: string } = {},
) {
  const { change } = planPromotion({ service: 'web', from, to, ...extra });
  const result = { ...to.files, ...change.files } as Record<string, string>;
  for (const { path, edit } of change.yamlEdits ?? []) {
    result[path] = editYaml(result[path], doc => edit(doc, { documents: {} }));
  }
  return result;
}

/** One environment's side of a promotion. */
export const side = (
  environment: string,
  root: string | undefined,
  files: Record<string, string>,
): EnvironmentFiles => ({ environment, root, files });
