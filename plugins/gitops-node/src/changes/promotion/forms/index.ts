import { Document } from 'yaml';
import { PinForm, PinFormName, VersionPin } from '../types';
import { argoApplication } from './argoApplication';
import { argoHelmParameters } from './argoHelmParameters';
import { configKeys, keyPins } from './configKeys';
import { fluxCharts } from './fluxCharts';
import { helmValues } from './helmValues';
import { kustomizeImages } from './kustomizeImages';
import { manifestImages } from './manifestImages';

/** Every form, by the pin forms it finds and writes. */
const FORM_OF: Record<PinFormName, PinForm> = {
  'kustomize-image': kustomizeImages,
  'manifest-image': manifestImages,
  'helm-values': helmValues,
  'helmrelease-chart': fluxCharts,
  'flux-source-ref': fluxCharts,
  'argocd-helm-revision': argoApplication,
  'argocd-helm-parameter': argoHelmParameters,
  'argocd-kustomize-image': argoApplication,
  'config-key': configKeys,
};

const FORMS = [...new Set(Object.values(FORM_OF))];

/** What a promotion knows how to read, for error messages. */
export const PIN_FORM_DESCRIPTION =
  'Kustomize images (newTag/digest), container images, Helm values image tag/digest, HelmRelease chart version, ' +
  'OCIRepository/HelmChart refs, Argo CD Helm targetRevision, Helm parameters and Kustomize images, ' +
  'the keys an ApplicationSet template reads from a config file';

/**
 * Every version pin of one YAML document: at `keys` when a live object names the keys that hold the version (only
 * there), else every form's by shape.
 */
export function findPins(
  doc: Document,
  path: string,
  keys?: string[],
): VersionPin[] {
  if (keys) return keyPins(doc, path, keys);
  return FORMS.flatMap(form => form.find(doc, path));
}

/** Writes a pin into a document with the form that found it. */
export function writePin(
  doc: Document,
  pin: VersionPin,
  create: boolean,
): boolean {
  return FORM_OF[pin.form].write(doc, pin, create);
}
