import { InputError } from '@backstage/errors';
import type { ServiceRegistration } from '@gitops-portal/plugin-gitops-common';
import { parseAllDocuments, parseDocument } from 'yaml';
import { webService } from '../__testUtils__/fixtures';
import { generateServiceManifests } from '../manifests/generateServiceManifests';
import { NewServiceManifestOptions } from '../manifests/types';
import {
  asRepoFiles,
  REGISTRATION_REPO,
  registrationRepoFiles,
} from './__testUtils__/registrationRepo';
import { discoverRegistrationPointsInFiles } from './discoverRegistrationPoints';
import { registerService } from './registerService';

const repo = registrationRepoFiles();
const docsOf = (text: string) =>
  parseAllDocuments(text).map(doc => doc.toJSON());

async function register(
  registration: ServiceRegistration,
  overrides: Partial<NewServiceManifestOptions> = {},
) {
  const options = webService(overrides);
  return registerService({
    options,
    files: generateServiceManifests(options),
    registration,
    points: await discoverRegistrationPointsInFiles(
      asRepoFiles(repo),
      REGISTRATION_REPO,
    ),
    readFile: async path => repo[path],
  });
}

const standaloneFiles = (files: Record<string, string | null> = {}) =>
  Object.keys(files).filter(path =>
    /^clusters\/[^/]+\/argocd\/web\.yaml$/.test(path),
  );

describe('registerService', () => {
  it('standalone: keeps one Application per environment', async () => {
    const change = await register({ mode: 'standalone' });
    expect(standaloneFiles(change.files)).toHaveLength(3);
  });

  it("appOfApps: every environment's Application in the folder, none standalone", async () => {
    const { files } = await register({
      mode: 'appOfApps',
      target: 'clusters/shared/apps',
    });
    expect({
      standalone: standaloneFiles(files),
      names: docsOf(files!['clusters/shared/apps/web.yaml']!).map(
        d => d.metadata.name,
      ),
    }).toEqual({
      standalone: [],
      names: ['web-dev', 'web-staging', 'web-prod'],
    });
  });

  it("appOfApps: lists the new file in the folder's kustomization.yaml", async () => {
    const { yamlEdits } = await register({
      mode: 'appOfApps',
      target: 'clusters/shared/apps',
    });
    const doc = parseDocument(repo['clusters/shared/apps/kustomization.yaml']);
    for (const edit of yamlEdits ?? []) edit.edit(doc, { documents: {} });
    expect({
      paths: yamlEdits?.map(edit => edit.path),
      resources: doc.toJSON().resources,
    }).toEqual({
      paths: ['clusters/shared/apps/kustomization.yaml'],
      resources: ['billing.yaml', 'web.yaml'],
    });
  });

  it.each<[string, string, string[] | undefined]>([
    [
      'lists the overlays its glob does not match (dev is matched by apps/*/overlays/dev)',
      'services',
      [
        'apps/*/overlays/dev',
        'apps/web/overlays/staging',
        'apps/web/overlays/prod',
      ],
    ],
    [
      'lists every overlay for a generator of literal folders',
      'explicit',
      [
        'apps/billing/overlays/prod',
        'apps/web/overlays/dev',
        'apps/web/overlays/staging',
        'apps/web/overlays/prod',
      ],
    ],
  ])('applicationSet directories: %s', async (_case, target, directories) => {
    const { files } = await register({ mode: 'applicationSet', target });
    const [set] = docsOf(files![`clusters/shared/appsets/${target}.yaml`]!);
    expect({
      standalone: standaloneFiles(files),
      directories: set.spec.generators[0].git.directories
        .filter((d: { exclude?: boolean }) => !d.exclude)
        .map((d: { path: string }) => d.path),
    }).toEqual({ standalone: [], directories });
  });

  it('applicationSet directories: leaves the ApplicationSet alone when its glob matches every overlay', async () => {
    const { files } = await register(
      { mode: 'applicationSet', target: 'services' },
      { environments: [{ name: 'dev', replicas: 1, imageTag: '1.0.0' }] },
    );
    expect(files).not.toHaveProperty(['clusters/shared/appsets/services.yaml']);
  });

  it('applicationSet files: one config file per environment with the parameters the template reads', async () => {
    const { files } = await register({
      mode: 'applicationSet',
      target: 'configs',
    });
    expect({
      paths: Object.keys(files!).filter(p => p.startsWith('config/')),
      dev: JSON.parse(files!['config/services/web-dev.json']!),
    }).toEqual({
      paths: [
        'config/services/web-dev.json',
        'config/services/web-staging.json',
        'config/services/web-prod.json',
      ],
      dev: {
        service: 'web',
        environment: 'dev',
        team: 'payments',
        namespace: 'web',
        overlay: 'apps/web/overlays/dev',
        server: 'https://kubernetes.default.svc',
      },
    });
  });

  it.each<
    [string, ServiceRegistration, Partial<NewServiceManifestOptions>, RegExp]
  >([
    [
      'a folder discovery did not find',
      { mode: 'appOfApps', target: 'addons' },
      {},
      /registration\.target "addons" is not an app-of-apps folder .*found: clusters\/shared\/apps/,
    ],
    [
      'an ApplicationSet discovery did not find',
      { mode: 'applicationSet', target: 'nope' },
      {},
      /registration\.target "nope" is not an ApplicationSet/,
    ],
    [
      'a Flux service',
      { mode: 'appOfApps', target: 'clusters/shared/apps' },
      { delivery: { engine: 'flux' } },
      /needs engine argocd/,
    ],
    [
      'an Application name the folder already holds',
      { mode: 'appOfApps', target: 'clusters/shared/apps' },
      { name: 'billing' },
      /already holds the Application\(s\) billing-dev/,
    ],
    [
      'an overlay the ApplicationSet excludes',
      { mode: 'applicationSet', target: 'services' },
      { name: 'legacy' },
      /excludes apps\/legacy\/overlays\/dev/,
    ],
  ])('refuses %s', async (_case, registration, overrides, message) => {
    const attempt = register(registration, overrides);
    await expect(attempt).rejects.toThrow(InputError);
    await expect(attempt).rejects.toThrow(message);
  });
});
