import { createTwoFilesPatch } from 'diff';
import { isMap, isNode, parseAllDocuments } from 'yaml';

/**
 * What stands in for a secret value in a diff, a log or a task output.
 *
 * @public
 */
export const SECRET_MASK = '<masked>';
const MASK = SECRET_MASK;

/** Shown instead of a file with a Secret that cannot be parsed, so its values cannot be found. */
const UNPARSABLE_SECRET = `${MASK} (a file with a Secret that is no valid YAML)\n`;

/** `kind: Secret` in YAML or JSON: only such files are parsed. */
const SECRET_KIND =
  /^\s*kind:\s*["']?Secret["']?\s*(#.*)?$|"kind"\s*:\s*"Secret"/m;

/**
 * The text with every value of a `Secret`'s `data` and `stringData` replaced by the mask; everything else,
 * formatting and comments included, is unchanged so the diff shows the real edit. Other kinds (SealedSecret,
 * ExternalSecret) carry no plain values and are left alone.
 *
 * @public
 */
export function maskSecretManifests(text: string): string {
  if (!SECRET_KIND.test(text)) return text;
  const documents = parseAllDocuments(text);
  if (!Array.isArray(documents)) return text;
  if (documents.some(doc => doc.errors.length > 0)) return UNPARSABLE_SECRET;
  const ranges: Array<[number, number]> = [];
  for (const doc of documents) {
    if (doc.get('kind') !== 'Secret') continue;
    for (const key of ['data', 'stringData']) {
      const values = doc.get(key, true);
      if (!isMap(values)) continue;
      for (const { value } of values.items) {
        if (isNode(value) && value.range) {
          ranges.push([value.range[0], value.range[1]]);
        }
      }
    }
  }
  // From the end, so earlier offsets stay valid.
  return ranges
    .sort((a, b) => b[0] - a[0])
    .reduce(
      (masked, [start, end]) =>
        masked.slice(0, start) + MASK + masked.slice(end),
      text,
    );
}

/**
 * A unified diff of one file a change would write (`after`) or delete (`after` undefined), against the base
 * branch (`before` undefined: a new file), with Secret values masked on both sides, and whatever else `mask`
 * hides (a scaffolder task's secrets).
 *
 * @public
 */
export function changeDiff(
  path: string,
  before: string | undefined,
  after: string | undefined,
  mask: (text: string) => string = text => text,
): string {
  const shown = (text: string | undefined) =>
    text === undefined ? '' : mask(maskSecretManifests(text));
  return createTwoFilesPatch(
    before === undefined ? '/dev/null' : `a/${path}`,
    after === undefined ? '/dev/null' : `b/${path}`,
    shown(before),
    shown(after),
    undefined,
    undefined,
    { context: 3 },
  );
}
