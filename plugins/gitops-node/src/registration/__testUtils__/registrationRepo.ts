import { stringify } from 'yaml';
import { RepoYamlFile } from '../discoverRegistrationPoints';

/*
 * A config repo written for these tests (no estate on this machine has an app-of-apps or an ApplicationSet): a
 * root Application per environment folder, ApplicationSets with git directory and file generators, and the things
 * discovery must pass over.
 */
export const REGISTRATION_REPO = { owner: 'acme', repo: 'platform-config' };
const URL = `https://github.com/${REGISTRATION_REPO.owner}/${REGISTRATION_REPO.repo}.git`;

const application = (name: string, path: string, repoURL = URL) =>
  stringify({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace: 'argocd' },
    spec: {
      project: 'platform',
      source: { repoURL, path, targetRevision: 'main' },
      destination: {
        server: 'https://kubernetes.default.svc',
        namespace: name,
      },
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
