import { Document } from 'yaml';
import { PinForm, VersionPin } from '../types';
import {
  identityOf,
  mapAt,
  NodePath,
  scalarText,
  writeFields,
} from '../yamlNodes';

/** A Flux object that pins a chart or artifact version, and where. */
interface FluxPinSpot {
  kind: string;
  group: string;
  at: NodePath;
  fields: readonly string[];
}

/**
 * HelmRelease `spec.chart.spec.version` (a version or semver range), HelmChart `spec.version`, and an
 * OCIRepository's `spec.ref` (`tag`, `semver`, `digest`: copied together, so a digest is promoted as a digest).
 */
const SPOTS: FluxPinSpot[] = [
  {
    kind: 'HelmRelease',
    group: 'helm.toolkit.fluxcd.io/',
    at: ['spec', 'chart', 'spec'],
    fields: ['version'],
  },
  {
    kind: 'HelmChart',
    group: 'source.toolkit.fluxcd.io/',
    at: ['spec'],
    fields: ['version'],
  },
  {
    kind: 'OCIRepository',
    group: 'source.toolkit.fluxcd.io/',
    at: ['spec', 'ref'],
    fields: ['digest', 'semver', 'tag'],
  },
];

function spotOf(doc: Document): FluxPinSpot | undefined {
  const { apiVersion, kind } = identityOf(doc);
  return SPOTS.find(
    spot => spot.kind === kind && apiVersion.startsWith(spot.group),
  );
}

const keyOf = (kind: string, name: string) =>
  `${
    kind === 'HelmRelease' ? 'helmrelease-chart' : 'flux-source-ref'
  }:${kind}/${name}`;

/** Flux chart and source versions, matched across environments by kind and name. */
export const fluxCharts: PinForm = {
  name: 'helmrelease-chart',
  find(doc, path) {
    const spot = spotOf(doc);
    const { kind, name } = identityOf(doc);
    const map = spot && mapAt(doc, spot.at);
    if (!spot || !map || !name) return [];
    const fields = Object.fromEntries(
      spot.fields.map(key => [key, scalarText(map, key)]),
    );
    const version = spot.fields
      .map(key => fields[key])
      .find(value => value !== undefined);
    if (!version) return [];
    const pin: VersionPin = {
      form: kind === 'HelmRelease' ? 'helmrelease-chart' : 'flux-source-ref',
      key: keyOf(kind, name),
      path,
      label: `${kind} ${name} ${spot.at.join('.')}`,
      fields,
      version,
    };
    return [pin];
  },
  write(doc, pin) {
    const spot = spotOf(doc);
    const { kind, name } = identityOf(doc);
    if (!spot || keyOf(kind, name) !== pin.key) return false;
    // The same object in the other environment: its version may come from a base, so the key is added here.
    // A HelmRelease that takes its chart from `chartRef` has no version of its own to set.
    if (kind === 'HelmRelease' && doc.hasIn(['spec', 'chartRef'])) return false;
    if (doc.getIn(spot.at) === undefined)
      doc.setIn(spot.at, doc.createNode({}));
    const map = mapAt(doc, spot.at);
    if (!map) return false;
    writeFields(map, pin.fields);
    return true;
  },
};
