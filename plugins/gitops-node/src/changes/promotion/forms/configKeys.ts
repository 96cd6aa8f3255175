import { Document } from 'yaml';
import { PinForm, VersionPin } from '../types';
import { ensureMapAt, mapAt, scalarText, writeFields } from '../yamlNodes';

/** `image.tag` as the path of its map (`['image']`) and its field (`tag`). */
function split(key: string) {
  const steps = key.split('.');
  return { relative: steps.slice(0, -1), field: steps[steps.length - 1] };
}

/**
 * The keys of a config file that hold the version, as a live object names them (an ApplicationSet files
 * generator's parameters its template's version fields read: `image.tag`, `chart.version`). Found only where the
 * live object names the keys (`keyPins`), never by shape: any scalar at those keys is the version.
 */
export function keyPins(
  doc: Document,
  path: string,
  keys: string[],
): VersionPin[] {
  return keys.flatMap(key => {
    const { relative, field } = split(key);
    const map = mapAt(doc, relative);
    const version = map && scalarText(map, field);
    if (version === undefined) return [];
    return [
      {
        form: 'config-key' as const,
        key: `config-key:${key}`,
        path,
        label: key,
        relative,
        fields: { [field]: version },
        version,
      },
    ];
  });
}

/** A config file's keys the live objects name (see {@link keyPins}); written in place, or added with `create`. */
export const configKeys: PinForm = {
  name: 'config-key',
  find: () => [],
  write(doc, pin, create) {
    const relative = pin.relative ?? [];
    const map = create ? ensureMapAt(doc, relative) : mapAt(doc, relative);
    if (!map) return false;
    const [field] = Object.keys(pin.fields);
    if (!create && scalarText(map, field) === undefined) return false;
    writeFields(map, pin.fields);
    return true;
  },
};
