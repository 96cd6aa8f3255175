import {
  NEW_SERVICE_TEMPLATE,
  newServiceValues,
  runNewService,
} from './__testUtils__/newServiceRuns';
import { useTemplateHarness } from './__testUtils__/templateHarness';

/** The new-service form's registration and migration fields, as the template hands them to gitops:service:create. */
describe('templates/new-service registration and migration', () => {
  const harness = useTemplateHarness({ templates: [NEW_SERVICE_TEMPLATE] });

  it('runs an Argo CD migration as a PreSync hook in every environment', async () => {
    const created = await runNewService(harness, 'svc-migrate', {
      registration: { mode: 'standalone' },
      migration: true,
      migrationCommand: ['node', 'migrate.js'],
      migrationOrder: 'preSyncHook',
    });

    expect(created.task.error).toBeUndefined();
    const jobs = Object.values(created.rendered).map(objects =>
      objects
        .filter(o => o.kind === 'Job')
        .map(o => (o.metadata as any).annotations?.['argocd.argoproj.io/hook']),
    );
    expect(jobs).toEqual([['PreSync'], ['PreSync'], ['PreSync']]);
  });

  it('hands the registration to the action, which refuses a target discovery did not find', async () => {
    const task = await harness.run(NEW_SERVICE_TEMPLATE, {
      ...newServiceValues(harness, 'svc-nowhere'),
      registration: { mode: 'appOfApps', target: 'clusters/shared/apps' },
    });

    expect(task.status).toBe('failed');
    expect(task.error).toMatch(/registration\.target "clusters\/shared\/apps"/);
  });

  it('gives a Flux service neither the registration nor the Argo CD migration order', async () => {
    const created = await runNewService(harness, 'svc-flux-migrate', {
      engine: 'flux',
      registration: { mode: 'appOfApps', target: 'clusters/shared/apps' },
      migration: true,
      migrationCommand: ['node', 'migrate.js'],
      migrationOrder: 'preSyncHook',
    });

    expect(created.task.error).toBeUndefined();
    expect(created.task.status).toBe('completed');
  });
});
