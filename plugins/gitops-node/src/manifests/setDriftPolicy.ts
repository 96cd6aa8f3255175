import { InputError } from '@backstage/errors';
import {
  DriftPolicy,
  driftPolicyEngineProblem,
} from '@gitops-portal/plugin-gitops-common';
import { Document } from 'yaml';
import { parseYamlDocuments } from '../changes/editYaml';

/*
 * Changes the drift policy of the engine objects in one config-repo file, keeping comments and the rest of each
 * document as they were. Only the settings the policy names change; the others keep what the file says.
 */

const RESPECT = 'RespectIgnoreDifferences=true';

/**
 * What an edited file holds, by engine.
 *
 * @public
 */
export interface DriftPolicyEdit {
  text: string;
  /** `Kind name` of every object whose policy was set. */
  objects: string[];
}

const apiGroup = (doc: Document) =>
  String(doc.get('apiVersion') ?? '').split('/')[0];

/** Argo CD: `automated.selfHeal`/`prune` (naming one turns automated sync on) and `ignoreDifferences`. */
function setArgo(doc: Document, policy: DriftPolicy): void {
  for (const key of ['selfHeal', 'prune'] as const) {
    if (policy[key] !== undefined) {
      doc.setIn(['spec', 'syncPolicy', 'automated', key], policy[key]);
    }
  }
  const rules = policy.ignoreDifferences;
  if (rules === undefined) return;
  const options = (
    (
      doc.getIn(['spec', 'syncPolicy', 'syncOptions']) as
        | { toJSON(): unknown }
        | undefined
    )?.toJSON() as string[] | undefined
  )?.filter(option => option !== RESPECT);
  if (rules.length > 0) {
    doc.setIn(['spec', 'ignoreDifferences'], doc.createNode(rules));
    // Without it a sync (self-heal included) would still apply the ignored fields.
    doc.setIn(
      ['spec', 'syncPolicy', 'syncOptions'],
      doc.createNode([...(options ?? []), RESPECT]),
    );
    return;
  }
  doc.deleteIn(['spec', 'ignoreDifferences']);
  if (options) {
    doc.setIn(['spec', 'syncPolicy', 'syncOptions'], doc.createNode(options));
  }
}

/** Flux: a Kustomization's `prune` and `interval`, a HelmRelease's `interval` (Helm has no prune switch). */
function setFlux(doc: Document, policy: DriftPolicy): void {
  if (policy.interval !== undefined) {
    doc.setIn(['spec', 'interval'], policy.interval);
  }
  if (policy.prune !== undefined && doc.get('kind') === 'Kustomization') {
    doc.setIn(['spec', 'prune'], policy.prune);
  }
}

function engineOf(doc: Document): 'argocd' | 'flux' | undefined {
  const kind = doc.get('kind');
  const group = apiGroup(doc);
  if (group === 'argoproj.io' && kind === 'ApplicationSet') {
    throw new InputError(
      `${doc.get('kind')} ${doc.getIn([
        'metadata',
        'name',
      ])} writes one drift policy for all its environments: change its template instead`,
    );
  }
  if (group === 'argoproj.io' && kind === 'Application') return 'argocd';
  if (
    (group === 'kustomize.toolkit.fluxcd.io' && kind === 'Kustomization') ||
    (group === 'helm.toolkit.fluxcd.io' && kind === 'HelmRelease')
  ) {
    return 'flux';
  }
  return undefined;
}

/**
 * Sets `policy` on every Argo CD Application, Flux Kustomization and HelmRelease in `text` (the file at `path`).
 * Throws InputError when the file holds none, holds an ApplicationSet, or the policy names a setting the engine
 * does not have.
 *
 * @public
 */
export function setDriftPolicy(
  path: string,
  text: string,
  policy: DriftPolicy,
): DriftPolicyEdit {
  const docs = parseYamlDocuments(path, text);
  const objects: string[] = [];
  for (const doc of docs) {
    const engine = engineOf(doc);
    if (!engine) continue;
    const problem = driftPolicyEngineProblem(policy, engine);
    if (problem) throw new InputError(`${path}: driftPolicy: ${problem}`);
    if (engine === 'argocd') setArgo(doc, policy);
    else setFlux(doc, policy);
    objects.push(`${doc.get('kind')} ${doc.getIn(['metadata', 'name'])}`);
  }
  if (objects.length === 0) {
    throw new InputError(
      `${path} holds no Argo CD Application, Flux Kustomization or HelmRelease`,
    );
  }
  const texts = docs.map(doc => doc.toString({ lineWidth: 0 }));
  return {
    text: texts
      .map((doc, i) => (i === 0 || doc.startsWith('---') ? doc : `---\n${doc}`))
      .join(''),
    objects,
  };
}
