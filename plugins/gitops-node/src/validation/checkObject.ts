import { objectId } from './objects';
import { POLICY_RULES } from './policy';
import { schemaProblem } from './schema';
import { ManifestObject, Violation } from './types';

/** Schema first, then every policy rule (`overlay`: rendered objects, which also need `team`/`env` labels). */
export function checkObject(
  object: ManifestObject,
  file: string,
  overlay: boolean,
): Violation[] {
  const id = objectId(object);
  const problem = schemaProblem(object);
  if (problem) return [{ file, object: id, rule: 'schema', message: problem }];
  return POLICY_RULES.filter(rule => overlay || !rule.overlaysOnly).flatMap(
    rule =>
      rule.check(object).map(message => ({
        file,
        object: id,
        rule: rule.id,
        message: `${id} ${message}`,
      })),
  );
}
