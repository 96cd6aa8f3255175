import {
  IgnoreDifference,
  ignoreDifferenceSchema,
} from '@gitops-portal/plugin-gitops-common';
import { parse } from 'yaml';
import { ARGOCD_CONFIG_MAP } from '../../lib/argoCdConfigMap';
import { ClusterReader } from './clusterReader';

/*
 * Argo CD's system-level diffing customisation (docs/user-guide/diffing.md, "System-Level Configuration"): the
 * cluster's `argocd-cm` holds `resource.customizations.ignoreDifferences.<group>_<kind>` (and `.all`) entries, each a
 * YAML document with jsonPointers / jqPathExpressions / managedFieldsManagers, and the older `resource.customizations`
 * map keyed by `<group>/<Kind>` with an `ignoreDifferences` string. They apply to every Application of that Argo CD.
 */

const PREFIX = 'resource.customizations.ignoreDifferences.';
const fieldsSchema = ignoreDifferenceSchema.pick({
  jsonPointers: true,
  jqPathExpressions: true,
  managedFieldsManagers: true,
});

/** `apps_Deployment` → apps/Deployment; `_Service` and `Service` → the core group; `all` → every kind. */
function groupKindOf(key: string): { group: string; kind: string } {
  if (key === 'all') return { group: '*', kind: '*' };
  const at = key.lastIndexOf('_');
  if (at < 0) return { group: '', kind: key };
  return { group: key.slice(0, at), kind: key.slice(at + 1) };
}

function entryOf(
  where: string,
  groupKind: { group: string; kind: string },
  text: unknown,
  unsupported: string[],
): IgnoreDifference[] {
  let fields;
  try {
    fields = fieldsSchema.safeParse(parse(String(text ?? '')) ?? {});
  } catch {
    fields = undefined;
  }
  if (!fields?.success) {
    unsupported.push(`argocd-cm ${where} is not valid and was not applied`);
    return [];
  }
  return [{ ...groupKind, ...fields.data }];
}

/** The ignoreDifferences of the cluster's `argocd-cm` (none when it cannot be read). */
export async function systemIgnoreDifferences(
  reader: ClusterReader,
  argoCdNamespace: string,
  unsupported: string[],
): Promise<IgnoreDifference[]> {
  const configMap = await reader
    .read({
      group: '',
      version: 'v1',
      kind: 'ConfigMap',
      namespace: argoCdNamespace,
      name: ARGOCD_CONFIG_MAP,
    })
    .catch(() => undefined);
  const data: Record<string, unknown> = configMap?.data ?? {};
  const entries: IgnoreDifference[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (!key.startsWith(PREFIX)) continue;
    const groupKind = groupKindOf(key.slice(PREFIX.length));
    entries.push(...entryOf(key, groupKind, value, unsupported));
  }
  let legacy: Record<string, { ignoreDifferences?: unknown }> = {};
  try {
    legacy = parse(String(data['resource.customizations'] ?? '')) ?? {};
  } catch {
    unsupported.push(
      'argocd-cm resource.customizations is no valid YAML and was not applied',
    );
  }
  for (const [groupKind, customization] of Object.entries(legacy)) {
    if (customization?.ignoreDifferences === undefined) continue;
    const at = groupKind.lastIndexOf('/');
    entries.push(
      ...entryOf(
        `resource.customizations ${groupKind}`,
        {
          group: at < 0 ? '' : groupKind.slice(0, at),
          kind: groupKind.slice(at + 1),
        },
        customization.ignoreDifferences,
        unsupported,
      ),
    );
  }
  return entries;
}
