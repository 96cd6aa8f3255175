import { InputError } from '@backstage/errors';
import {
  ARGOCD_IN_CLUSTER_SERVER,
  ENVIRONMENT_LABEL,
  KUBERNETES_ID_LABEL,
} from '@gitops-portal/plugin-gitops-common';
import { parsePathTemplate } from '../changes/promotion/layoutTemplate';
import { argoDriftSpec, fluxDriftSpec } from './driftPolicy';
import { yamlDocs } from './yamlText';

/**
 * The default layout of adopted manifests when neither the request nor `gitops.configRepo.pathTemplate` names one:
 * the overlay folder service creation writes.
 *
 * @public
 */
export const DEFAULT_ADOPTION_PATH_TEMPLATE = 'apps/{service}/overlays/{env}/';

/**
 * What adoption writes: the clean manifests and where, and the Argo CD Application or Flux Kustomization that
 * will manage them.
 *
 * @public
 */
export interface AdoptionFilesOptions {
  service: string;
  environment: string;
  /** The owning team: with the environment, labelled on every adopted object (not on selectors, which are immutable). */
  team: string;
  /** The namespace the objects live in (the manager's destination / target namespace). */
  namespace: string;
  /** Clean manifests (gitops-common `cleanLiveManifest`). */
  manifests: Array<Record<string, any>>;
  /** The folder the manifests go to, `adoptionFolder` of the layout's template. */
  folder: string;
  delivery:
    | {
        engine: 'argocd';
        repoUrl: string;
        targetRevision: string;
        project?: string;
        server?: string;
      }
    | { engine: 'flux'; sourceName: string };
}

/**
 * The folder a template gives for a service and environment; a template adoption cannot use is an InputError.
 *
 * @public
 */
export function adoptionFolder(
  template: string,
  service: string,
  environment: string,
): string {
  const parsed = parsePathTemplate(template);
  if ('problem' in parsed) {
    throw new InputError(`pathTemplate: ${parsed.problem}`);
  }
  if (!('folder' in parsed.layout) || !parsed.layout.recursive) {
    throw new InputError(
      'pathTemplate: adoption writes a folder of its own per service and environment: end it in / and include {service}',
    );
  }
  return template
    .replace(/\{service\}/g, service)
    .replace(/\{env\}/g, environment)
    .replace(/\/$/, '');
}

const fileNameOf = (manifest: Record<string, any>) =>
  `${String(manifest.kind).toLowerCase()}-${manifest.metadata?.name}.yaml`;

/**
 * The files of an adoption: one manifest per file in the layout's folder with a `kustomization.yaml` listing them
 * (and adding the `team` and `env` labels the portal's policy asks of every object), and the manager under `clusters/<env>/argocd/` or `clusters/<env>/flux/` (where service creation puts it), labelled
 * for the service's entity.
 *
 * @public
 */
export function adoptionFiles(
  options: AdoptionFilesOptions,
): Record<string, string> {
  const { service, environment, team, namespace, folder, delivery } = options;
  if (options.manifests.length === 0) {
    throw new InputError(`Nothing to adopt in namespace ${namespace}`);
  }
  const files: Record<string, string> = {};
  const names = options.manifests.map(fileNameOf).sort();
  for (const manifest of options.manifests) {
    files[`${folder}/${fileNameOf(manifest)}`] = yamlDocs(manifest);
  }
  files[`${folder}/kustomization.yaml`] = yamlDocs({
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: names,
    labels: [{ pairs: { team, env: environment }, includeSelectors: false }],
  });
  const labels = {
    [KUBERNETES_ID_LABEL]: service,
    [ENVIRONMENT_LABEL]: environment,
    team,
  };
  if (delivery.engine === 'argocd') {
    files[`clusters/${environment}/argocd/${service}.yaml`] = yamlDocs({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: {
        name: `${service}-${environment}`,
        namespace: 'argocd',
        labels,
      },
      spec: {
        project: delivery.project ?? 'default',
        source: {
          repoURL: delivery.repoUrl,
          path: folder,
          targetRevision: delivery.targetRevision,
        },
        destination: {
          server: delivery.server ?? ARGOCD_IN_CLUSTER_SERVER,
          namespace,
        },
        ...argoDriftSpec(),
      },
    });
  } else {
    files[`clusters/${environment}/flux/${service}.yaml`] = yamlDocs({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: service, namespace: 'flux-system', labels },
      spec: {
        ...fluxDriftSpec(),
        path: `./${folder}`,
        targetNamespace: namespace,
        sourceRef: { kind: 'GitRepository', name: delivery.sourceName },
      },
    });
  }
  return files;
}
