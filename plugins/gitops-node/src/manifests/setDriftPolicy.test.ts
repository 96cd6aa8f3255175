import { DriftPolicy } from '@gitops-portal/plugin-gitops-common';
import { parseAllDocuments } from 'yaml';
import { webService } from '../__testUtils__/fixtures';
import { generateServiceManifests } from './generateServiceManifests';
import { setDriftPolicy } from './setDriftPolicy';

const FLUX = { engine: 'flux' as const };
const REPLICAS_RULE = {
  group: 'apps',
  kind: 'Deployment',
  jsonPointers: ['/spec/replicas'],
};

const argoFile = () =>
  generateServiceManifests(webService())['clusters/prod/argocd/web.yaml'];
const fluxFile = () =>
  generateServiceManifests(
    webService({ delivery: FLUX, migration: { command: ['m'] } }),
  )['clusters/prod/flux/web.yaml'];

const specsOf = (text: string) =>
  parseAllDocuments(text).map(doc => doc.toJSON().spec);

describe('setDriftPolicy', () => {
  it.each<[string, DriftPolicy, object]>([
    [
      'selfHeal off, prune kept',
      { selfHeal: false },
      { automated: { prune: true, selfHeal: false } },
    ],
    [
      'prune off, selfHeal kept',
      { prune: false },
      { automated: { prune: false, selfHeal: true } },
    ],
    [
      'ignoreDifferences respected on sync',
      { ignoreDifferences: [REPLICAS_RULE] },
      {
        automated: { prune: true, selfHeal: true },
        syncOptions: ['CreateNamespace=true', 'RespectIgnoreDifferences=true'],
      },
    ],
  ])('Argo CD Application: %s', (_name, policy, syncPolicy) => {
    const edit = setDriftPolicy('a.yaml', argoFile(), policy);

    const [spec] = specsOf(edit.text);
    expect(spec.syncPolicy).toMatchObject(syncPolicy);
    expect(edit.objects).toEqual(['Application web-prod']);
  });

  it('Argo CD: an empty ignoreDifferences list removes the entries and the sync option', () => {
    const withRules = setDriftPolicy('a.yaml', argoFile(), {
      ignoreDifferences: [REPLICAS_RULE],
    }).text;

    const [spec] = specsOf(
      setDriftPolicy('a.yaml', withRules, { ignoreDifferences: [] }).text,
    );

    expect(spec.ignoreDifferences).toBeUndefined();
    expect(spec.syncPolicy.syncOptions).toEqual(['CreateNamespace=true']);
  });

  it('keeps comments and the rest of the file', () => {
    const text = `# prod delivery of web\n${argoFile()}`;

    const edited = setDriftPolicy('a.yaml', text, { selfHeal: false }).text;

    expect(edited.startsWith('# prod delivery of web\n')).toBe(true);
    expect(specsOf(edited)[0].destination).toEqual(
      specsOf(text)[0].destination,
    );
  });

  it('Flux: every Kustomization of the file, migrations included', () => {
    const edit = setDriftPolicy('f.yaml', fluxFile(), {
      prune: false,
      interval: '1h',
    });

    expect(specsOf(edit.text).map(spec => [spec.prune, spec.interval])).toEqual(
      [
        [false, '1h'],
        [false, '1h'],
      ],
    );
    expect(edit.objects).toEqual([
      'Kustomization web-migrations',
      'Kustomization web',
    ]);
  });

  it('Flux HelmRelease: the interval only', () => {
    const release = generateServiceManifests(
      webService({ delivery: FLUX, packaging: 'helm' }),
    )['apps/web/overlays/prod/release.yaml'];

    const [spec] = specsOf(
      setDriftPolicy('r.yaml', release, { prune: false, interval: '2m' }).text,
    );

    expect(spec.interval).toBe('2m');
    expect(spec.prune).toBeUndefined();
  });

  it.each<[string, () => string, DriftPolicy, string]>([
    [
      'a Flux setting on an Application',
      argoFile,
      { interval: '5m' },
      'interval is not a setting of Argo CD',
    ],
    [
      'an Argo CD setting on a Kustomization',
      fluxFile,
      { selfHeal: true },
      'selfHeal is not a setting of Flux',
    ],
    [
      'a file without engine objects',
      () => 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: web\n',
      { prune: false },
      'holds no Argo CD Application',
    ],
    [
      'an ApplicationSet',
      () =>
        generateServiceManifests(
          webService({
            delivery: {
              engine: 'argocd',
              mode: 'applicationset',
              repoUrl: 'https://github.com/acme/gitops-config',
            },
          }),
        )['clusters/dev/argocd/web-appset.yaml'],
      { prune: false },
      'change its template instead',
    ],
    ['invalid YAML', () => 'a: [', { prune: false }, 'is not valid YAML'],
  ])('refuses %s', (_name, file, policy, message) => {
    expect(() => setDriftPolicy('x.yaml', file(), policy)).toThrow(message);
  });
});
