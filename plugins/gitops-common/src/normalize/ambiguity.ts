import { ObjectStatus } from '../schema';

const refKey = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * One entity's objects, each claimed by other entities too flagged with `alsoClaimedBy` (their refs). An object
 * matched by two entities shows on both; the flag tells their owners the mapping is ambiguous.
 *
 * @public
 */
export function withAmbiguity(
  entityRef: string,
  objects: ObjectStatus[],
): ObjectStatus[] {
  const self = refKey(entityRef);
  return objects.map(object => {
    if (object.entityRefs.length < 2) return object;
    const others = object.entityRefs.filter(ref => refKey(ref) !== self);
    return others.length > 0 ? { ...object, alsoClaimedBy: others } : object;
  });
}
