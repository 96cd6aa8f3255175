import { InputError } from '@backstage/errors';
import { parseAllDocuments } from 'yaml';
import { webService } from '../__testUtils__/fixtures';
import { generateServiceManifests } from './generateServiceManifests';
import { NewServiceManifestOptions } from './types';

const docsOf = (text: string) =>
  parseAllDocuments(text).map(doc => doc.toJSON());

describe('generateServiceManifests: the migration Job before the workload', () => {
  it.each<
    [string, NewServiceManifestOptions['migration'], Record<string, string>]
  >([
    [
      'a sync wave -1 resource by default',
      { command: ['./migrate'] },
      {
        'argocd.argoproj.io/sync-wave': '-1',
        'argocd.argoproj.io/sync-options': 'Replace=true',
      },
    ],
    [
      'a sync wave -1 resource when asked',
      { command: ['./migrate'], order: 'syncWave' },
      {
        'argocd.argoproj.io/sync-wave': '-1',
        'argocd.argoproj.io/sync-options': 'Replace=true',
      },
    ],
    [
      'a PreSync hook, deleted before the next sync creates it again',
      { command: ['./migrate'], order: 'preSyncHook' },
      {
        'argocd.argoproj.io/hook': 'PreSync',
        'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation',
      },
    ],
  ])('Argo CD: %s', (_case, migration, annotations) => {
    const files = generateServiceManifests(webService({ migration }));
    const [job] = docsOf(files['apps/web/base/migration-job.yaml']);
    expect(job.metadata.annotations).toEqual(annotations);
  });

  it('Flux: the app Kustomization dependsOn the migrations one, which waits for the Job', () => {
    const files = generateServiceManifests(
      webService({
        migration: { command: ['./migrate'] },
        delivery: { engine: 'flux' },
      }),
    );
    const [migrations, app] = docsOf(files['clusters/dev/flux/web.yaml']);
    expect({
      wait: migrations.spec.wait,
      dependsOn: app.spec.dependsOn,
    }).toEqual({
      wait: true,
      dependsOn: [{ name: migrations.metadata.name }],
    });
  });

  it('refuses an Argo CD migration order with Flux', () => {
    expect(() =>
      generateServiceManifests(
        webService({
          migration: { command: ['./migrate'], order: 'preSyncHook' },
          delivery: { engine: 'flux' },
        }),
      ),
    ).toThrow(InputError);
  });
});
