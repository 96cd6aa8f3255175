import {
  ENVIRONMENTS,
  NEW_SERVICE_TEMPLATE,
  NewServiceRun,
  runNewService,
} from './__testUtils__/newServiceRuns';
import { useTemplateHarness } from './__testUtils__/templateHarness';

/** The new-service template's Flux variants (the Argo CD ones, the dry run and the refusals: newService.test.ts). */
describe('templates/new-service with Flux', () => {
  const harness = useTemplateHarness({ templates: [NEW_SERVICE_TEMPLATE] });

  it.each<NewServiceRun>([
    [
      'Flux with Kustomize, a Flagger canary and Flux image automation',
      'svc-flux',
      { engine: 'flux', canary: true, imageAutomation: 'flux' },
      'Canary',
      '`apps/svc-flux/overlays/prod`',
    ],
    [
      'Flux with Helm and CI commits',
      'svc-flux-helm',
      { engine: 'flux', packaging: 'helm', ciHandoff: 'commit' },
      'Deployment',
      '`apps/svc-flux-helm/chart (apps/svc-flux-helm/overlays/staging/values.yaml)`',
    ],
  ])(
    'with %s: creates the repository and a PR whose every environment renders',
    async (_name, name, variant, workloadKind, validated) => {
      const created = await runNewService(harness, name, variant);

      expect(created.task.error).toBeUndefined();
      expect(created.task.status).toBe('completed');
      expect(created.defaultBranch).toBe('main');
      expect(created.catalogInfo).toContain(
        `backstage.io/kubernetes-id: ${name}`,
      );
      expect(created.pull).toBeDefined();
      expect(created.pull!.body).toContain(validated);
      for (const env of ENVIRONMENTS) {
        const objects = created.rendered[env];
        expect(objects.map(o => o.kind)).toContain(workloadKind);
        expect(objects.every(o => o.metadata.labels?.env === env)).toBe(true);
      }
    },
  );
});
