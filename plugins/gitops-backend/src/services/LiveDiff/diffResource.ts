import {
  IgnoreDifference,
  LiveDiffResource,
  normalizeLiveDiffPair,
} from '@gitops-portal/plugin-gitops-common';
import { createTwoFilesPatch } from 'diff';
import { stringify } from 'yaml';
import { Manifest, ResourceId } from './types';

/** `Kind/namespace/name`: the diff's file name. */
export const resourceLabel = (id: ResourceId) =>
  `${id.kind}/${id.namespace ? `${id.namespace}/` : ''}${id.name}`;

/** Keys sorted, so the diff shows changed values and not the order a renderer or the API server wrote. */
const yamlOf = (object: Manifest | undefined) =>
  object === undefined ? '' : stringify(object, { sortMapEntries: true });

/**
 * Compares one resource: both sides normalised (Secret values masked), then a unified diff of the desired YAML
 * (`a/`) against the live YAML (`b/`).
 */
export function diffResource(options: {
  id: ResourceId;
  desired?: Manifest;
  live?: Manifest;
  ignoreDifferences: IgnoreDifference[];
}): { resource: LiveDiffResource; unsupported: string[] } {
  const { id } = options;
  const pair = normalizeLiveDiffPair({
    target: id,
    desired: options.desired,
    live: options.live,
    ignoreDifferences: options.ignoreDifferences,
  });
  const [before, after] = [yamlOf(pair.desired), yamlOf(pair.live)];
  const label = resourceLabel(id);
  let status: LiveDiffResource['status'] = 'differs';
  if (!pair.live) status = 'missing-live';
  else if (!pair.desired) status = 'missing-desired';
  else if (before === after) status = 'same';
  const diff =
    status === 'same'
      ? ''
      : createTwoFilesPatch(
          pair.desired ? `a/${label}` : '/dev/null',
          pair.live ? `b/${label}` : '/dev/null',
          before,
          after,
          'desired',
          'live',
          { context: 3 },
        );
  return {
    resource: {
      group: id.group,
      kind: id.kind,
      ...(id.namespace ? { namespace: id.namespace } : {}),
      name: id.name,
      status,
      diff,
    },
    unsupported: pair.unsupported,
  };
}
