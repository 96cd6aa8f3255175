import { isMap, YAMLMap } from 'yaml';
import { PinForm, VersionPin } from '../types';
import {
  identityOf,
  scalarText,
  splitImageRef,
  writeFields,
} from '../yamlNodes';
import { sourcesOf } from './argoApplication';

/** A Helm parameter that pins an image: `…tag`, `…digest`, or an `…image` holding `repo:tag`. */
function pinsImage(name: string, value: string): boolean {
  const leaf = name.split('.').pop() ?? '';
  if (/^(tag|digest)$/i.test(leaf)) return true;
  const ref = splitImageRef(value);
  return /image/i.test(leaf) && !!(ref.tag || ref.digest);
}

function parametersOf(source: YAMLMap): YAMLMap[] {
  const helm = source.get('helm', true);
  const parameters = isMap(helm) ? helm.get('parameters', true) : undefined;
  const items = (parameters as { items?: unknown[] } | undefined)?.items;
  return (items ?? []).filter(isMap) as YAMLMap[];
}

/**
 * Argo CD Application Helm parameters (`helm.parameters[]`: `{ name: image.tag, value: 1.4.0 }`), the
 * `--set` way of pinning an image, matched across environments by parameter name.
 */
export const argoHelmParameters: PinForm = {
  name: 'argocd-helm-parameter',
  find(doc, path) {
    const { name: app } = identityOf(doc);
    return sourcesOf(doc).flatMap(({ at, map }) =>
      parametersOf(map).flatMap((parameter, index): VersionPin[] => {
        const name = scalarText(parameter, 'name');
        const value = scalarText(parameter, 'value');
        if (!name || !value || !pinsImage(name, value)) return [];
        return [
          {
            form: 'argocd-helm-parameter',
            key: `argocd-helm-parameter:${name}`,
            path,
            label: `Application ${app} ${at.join(
              '.',
            )}.helm.parameters[${index}] (${name})`,
            fields: { value },
            version: value,
          },
        ];
      }),
    );
  },
  write(doc, pin) {
    const name = pin.key.slice('argocd-helm-parameter:'.length);
    let wrote = false;
    for (const { map } of sourcesOf(doc)) {
      for (const parameter of parametersOf(map)) {
        if (scalarText(parameter, 'name') !== name) continue;
        writeFields(parameter, pin.fields);
        wrote = true;
      }
    }
    return wrote;
  },
};
