import { InputError } from '@backstage/errors';
import { YamlEdit } from '@gitops-portal/plugin-gitops-node';

/** A structured patch of one YAML file: dotted paths to set and to delete. */
export interface YamlPatch {
  path: string;
  set?: Record<string, unknown>;
  delete?: string[];
}

/** `a.b.0.c` → `['a', 'b', 0, 'c']`; numeric segments index sequences. */
function keyPath(dotted: string): Array<string | number> {
  const segments = dotted.split('.');
  if (segments.some(s => s === '')) {
    throw new InputError(`Invalid YAML key path: ${dotted}`);
  }
  return segments.map(s => (/^\d+$/.test(s) ? Number(s) : s));
}

/** The patches as the writer's comment-preserving edits. */
export function yamlPatchEdits(patches: YamlPatch[]): YamlEdit[] {
  return patches.map(patch => {
    const sets = Object.entries(patch.set ?? {}).map(
      ([key, value]) => [keyPath(key), value] as const,
    );
    const deletes = (patch.delete ?? []).map(keyPath);
    return {
      path: patch.path,
      edit: doc => {
        for (const [path, value] of sets) doc.setIn(path, value);
        for (const path of deletes) doc.deleteIn(path);
      },
    };
  });
}
