import { ARGOCD_IN_CLUSTER_SERVER } from '@gitops-portal/plugin-gitops-common';
import { stringify } from 'yaml';
import { RepoYamlFile } from '../discoverRegistrationPoints';

/*
 * A config repo written for these tests (no estate on this machine has an app-of-apps or an ApplicationSet): a
 * root Application per environment folder, ApplicationSets with git directory and file generators, and the things
 * discovery must pass over.
 */
export const REGISTRATION_REPO = { owner: 'acme', repo: 'platform-config' };
const URL = `https://github.com/${REGISTRATION_REPO.owner}/${REGISTRATION_REPO.repo}.git`;

const IN_CLUSTER = { server: ARGOCD_IN_CLUSTER_SERVER };

const application = (
  name: string,
  path: string,
  repoURL = URL,
  destination: Record<string, string> = IN_CLUSTER,
) =>
  stringify({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace: 'argocd' },
    spec: {
      project: 'platform',
      source: { repoURL, path, targetRevision: 'main' },
      destination: { ...destination, namespace: name },
    },
  });

const applicationSet = (
  name: string,
  generators: unknown[],
  template: unknown,
) =>
  stringify({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name, namespace: 'argocd' },
    spec: { goTemplate: true, generators, template },
  });

export function registrationRepoFiles(): Record<string, string> {
  return {
    'README.md': '# platform config\n',
    // Root app of the `apps` folder, which lists its Applications in a kustomization.yaml.
    'bootstrap/root.yaml': application('root', 'clusters/shared/apps/'),
    'clusters/shared/apps/kustomization.yaml': stringify({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['billing.yaml'],
    }),
    'clusters/shared/apps/billing.yaml': `${application(
      'billing-dev',
      'apps/billing/overlays/dev',
    )}---\n${application('billing-prod', 'apps/billing/overlays/prod')}`,
    // A root app pointing at a folder without Applications: not an app-of-apps folder.
    'bootstrap/addons.yaml': application('addons', './addons'),
    'addons/ingress.yaml':
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ingress\n',
    // An Application of another repository pointing at a path of the same name: not this repo's folder.
    'bootstrap/vendor.yaml': application(
      'vendor',
      'clusters/vendor',
      'https://github.com/vendor/charts.git',
    ),
    'clusters/vendor/thing.yaml': application('thing', 'apps/thing'),
    'clusters/shared/appsets/services.yaml': applicationSet(
      'services',
      [
        {
          git: {
            repoURL: URL,
            revision: 'main',
            directories: [
              { path: 'apps/*/overlays/dev' },
              { path: 'apps/legacy/overlays/dev', exclude: true },
            ],
          },
        },
      ],
      {
        metadata: { name: '{{index .path.segments 1}}-dev' },
        spec: {
          project: 'platform',
          source: {
            repoURL: URL,
            path: '{{.path.path}}',
            targetRevision: 'main',
          },
          destination: {
            server: 'https://kubernetes.default.svc',
            namespace: '{{index .path.segments 1}}',
          },
        },
      },
    ),
    'clusters/shared/appsets/explicit.yaml': applicationSet(
      'explicit',
      [
        {
          git: {
            repoURL: URL,
            revision: 'main',
            directories: [{ path: 'apps/billing/overlays/prod' }],
          },
        },
      ],
      {
        metadata: { name: '{{.path.basename}}' },
        spec: { project: 'platform' },
      },
    ),
    'clusters/shared/appsets/configs.yaml': applicationSet(
      'configs',
      [
        {
          matrix: {
            generators: [
              {
                git: {
                  repoURL: URL,
                  revision: 'main',
                  files: [{ path: 'config/services/*.json' }],
                },
              },
              { list: { elements: [{ region: 'eu' }] } },
            ],
          },
        },
      ],
      {
        metadata: { name: '{{.service}}-{{.environment}}' },
        spec: {
          project: '{{.team}}',
          source: {
            repoURL: URL,
            path: '{{.overlay}}',
            targetRevision: 'main',
          },
          destination: { server: '{{.server}}', namespace: '{{.namespace}}' },
        },
      },
    ),
    // A Helm template: not parseable YAML, passed over.
    'apps/billing/chart/templates/deployment.yaml':
      'apiVersion: argoproj.io/v1alpha1\nkind: {{ .Values.kind }}\n  bad: [\n',
  };
}

/** The fixture as discovery's input, read from memory. */
export const asRepoFiles = (files: Record<string, string>): RepoYamlFile[] =>
  Object.entries(files).map(([path, text]) => ({
    path,
    read: async () => text,
  }));

/** The clusters and environments the per-environment layout is read with. */
export const PER_ENVIRONMENT_HINTS = {
  environments: ['dev', 'prod'],
  clusters: [
    { name: 'dev-1', url: 'https://dev-1.example:6443', environment: 'dev' },
    {
      name: 'prod-eu',
      url: 'https://prod-eu.example:6443',
      environment: 'prod',
    },
  ],
};

/**
 * A root Application pointing at `folder`, with one Application in it: the smallest app-of-apps, for the ways
 * discovery tells the environment a folder serves.
 */
export function appOfAppsFiles(options: {
  folder: string;
  rootDestination?: Record<string, string>;
  childDestination?: Record<string, string>;
}): Record<string, string> {
  return {
    [`bootstrap/${options.folder.replace(/\//g, '-')}.yaml`]: application(
      'root',
      options.folder,
      URL,
      options.rootDestination,
    ),
    [`${options.folder}/billing.yaml`]: application(
      'billing',
      'apps/billing/overlays/any',
      URL,
      options.childDestination,
    ),
  };
}

/** An ApplicationSet with a git directories generator, in `file`, its template deploying to `destination`. */
export function applicationSetFiles(options: {
  file: string;
  name: string;
  glob: string;
  destination?: Record<string, string>;
}): Record<string, string> {
  return {
    [options.file]: applicationSet(
      options.name,
      [
        {
          git: {
            repoURL: URL,
            revision: 'main',
            directories: [{ path: options.glob }],
          },
        },
      ],
      {
        metadata: { name: '{{index .path.segments 1}}' },
        spec: {
          project: 'platform',
          source: {
            repoURL: URL,
            path: '{{.path.path}}',
            targetRevision: 'main',
          },
          destination: {
            ...(options.destination ?? IN_CLUSTER),
            namespace: '{{index .path.segments 1}}',
          },
        },
      },
    ),
  };
}

/**
 * One cluster's app-of-apps per environment, the two ways estates lay them out: `clusters/dev/apps` (the
 * environment in the path, root app and Applications in-cluster) and `argocd/prod-eu/applications` (a hub's root
 * app, the folder named after the cluster, its Applications deploying to it); and an ApplicationSet per environment.
 */
export function perEnvironmentRepoFiles(): Record<string, string> {
  return {
    ...appOfAppsFiles({ folder: 'clusters/dev/apps' }),
    ...appOfAppsFiles({
      folder: 'argocd/prod-eu/applications',
      childDestination: { server: 'https://prod-eu.example:6443' },
    }),
    'argocd/prod-eu/applications/kustomization.yaml': stringify({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['billing.yaml'],
    }),
    ...applicationSetFiles({
      file: 'clusters/dev/appsets/services.yaml',
      name: 'services-dev',
      glob: 'apps/*/overlays/dev',
    }),
    ...applicationSetFiles({
      file: 'appsets/services-prod.yaml',
      name: 'services-prod',
      glob: 'apps/*/overlays/prod',
      destination: { name: 'prod-eu' },
    }),
  };
}
