import { InputError } from '@backstage/errors';
import { parseAllDocuments, parseDocument } from 'yaml';
import { webService } from '../__testUtils__/fixtures';
import { generateServiceManifests } from '../manifests/generateServiceManifests';
import type { ServiceEnvironment } from '../manifests/types';
import {
  asRepoFiles,
  PER_ENVIRONMENT_HINTS,
  perEnvironmentRepoFiles,
  REGISTRATION_REPO,
} from './__testUtils__/registrationRepo';
import { discoverRegistrationPointsInFiles } from './discoverRegistrationPoints';
import { registerService } from './registerService';

const DEV_AND_PROD: ServiceEnvironment[] = [
  { name: 'dev', replicas: 1, imageTag: '1.0.0' },
  { name: 'prod', replicas: 2, imageTag: '1.0.0' },
];

const docsOf = (text: string | null | undefined) =>
  parseAllDocuments(text ?? '').map(doc => doc.toJSON());

async function register(
  via: 'appOfApps' | 'applicationSet',
  repo: Record<string, string> = perEnvironmentRepoFiles(),
  environments = DEV_AND_PROD,
) {
  const options = webService({ environments });
  return registerService({
    options,
    files: generateServiceManifests(options),
    registration: { mode: 'perEnvironment', via },
    points: await discoverRegistrationPointsInFiles(
      asRepoFiles(repo),
      REGISTRATION_REPO,
      PER_ENVIRONMENT_HINTS,
    ),
    readFile: async path => repo[path],
  });
}

describe('registerService per environment', () => {
  it("appOfApps: each environment's Application in its folder, deploying to the folder's cluster, none standalone", async () => {
    const { files } = await register('appOfApps');
    const applications = (path: string) =>
      docsOf(files![path]).map(d => ({
        name: d.metadata.name,
        server: d.spec.destination.server,
      }));
    expect({
      standalone: Object.keys(files!).filter(p =>
        /\/argocd\/web\.yaml$/.test(p),
      ),
      dev: applications('clusters/dev/apps/web.yaml'),
      prod: applications('argocd/prod-eu/applications/web.yaml'),
    }).toEqual({
      standalone: [],
      dev: [{ name: 'web-dev', server: 'https://kubernetes.default.svc' }],
      prod: [{ name: 'web-prod', server: 'https://prod-eu.example:6443' }],
    });
  });

  it("appOfApps: an environment's own server wins over the folder's", async () => {
    const { files } = await register('appOfApps', undefined, [
      DEV_AND_PROD[0],
      { ...DEV_AND_PROD[1], server: 'https://prod-eu.internal:6443' },
    ]);
    const [prod] = docsOf(files!['argocd/prod-eu/applications/web.yaml']);
    expect(prod.spec.destination.server).toBe('https://prod-eu.internal:6443');
  });

  it('appOfApps: lists the file in the kustomization.yaml of the folders that have one', async () => {
    const repo = perEnvironmentRepoFiles();
    const { yamlEdits } = await register('appOfApps', repo);
    const path = 'argocd/prod-eu/applications/kustomization.yaml';
    const doc = parseDocument(repo[path]);
    for (const edit of yamlEdits ?? []) edit.edit(doc, { documents: {} });
    expect({
      paths: yamlEdits?.map(edit => edit.path),
      resources: doc.toJSON().resources,
    }).toEqual({ paths: [path], resources: ['billing.yaml', 'web.yaml'] });
  });

  it("applicationSet: each environment's ApplicationSet picks up that environment's overlay only", async () => {
    const repo = perEnvironmentRepoFiles();
    // The prod set lists folders; the dev set's glob already matches apps/web/overlays/dev.
    repo['appsets/services-prod.yaml'] = repo[
      'appsets/services-prod.yaml'
    ].replace('apps/*/overlays/prod', 'apps/billing/overlays/prod');
    const { files } = await register('applicationSet', repo);
    const [prod] = docsOf(files!['appsets/services-prod.yaml']);
    expect({
      dev: files!['clusters/dev/appsets/services.yaml'],
      prod: prod.spec.generators[0].git.directories,
    }).toEqual({
      dev: undefined,
      prod: [
        { path: 'apps/billing/overlays/prod' },
        { path: 'apps/web/overlays/prod' },
      ],
    });
  });

  it.each<[string, Record<string, string>, RegExp]>([
    [
      'an environment no folder serves',
      Object.fromEntries(
        Object.entries(perEnvironmentRepoFiles()).filter(
          ([path]) => !path.includes('prod-eu'),
        ),
      ),
      /no app-of-apps folder serves web's environment prod \(looked at: clusters\/dev\/apps \(dev\)\)/,
    ],
    [
      'an environment two folders serve',
      {
        ...perEnvironmentRepoFiles(),
        'bootstrap/prod.yaml': perEnvironmentRepoFiles()[
          'bootstrap/argocd-prod-eu-applications.yaml'
        ].replace('argocd/prod-eu/applications', 'envs/prod/apps'),
        'envs/prod/apps/billing.yaml':
          perEnvironmentRepoFiles()['clusters/dev/apps/billing.yaml'],
      },
      /2 app-of-apps folders serve web's environment prod: argocd\/prod-eu\/applications, envs\/prod\/apps \(looked at: .*clusters\/dev\/apps \(dev\)/,
    ],
  ])(
    'refuses %s, naming the service, the environment and the folders',
    async (_case, repo, message) => {
      const attempt = register('appOfApps', repo);
      await expect(attempt).rejects.toThrow(InputError);
      await expect(attempt).rejects.toThrow(message);
    },
  );
});
