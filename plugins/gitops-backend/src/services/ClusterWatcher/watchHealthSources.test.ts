import { healthScriptsFromArgoCdConfigMap } from '@gitops-portal/plugin-gitops-common';
import { application } from '../../__testUtils__/clusters';
import {
  readyKustomization,
  reportingApplication,
} from '../../__testUtils__/healthReports';
import { waitFor } from '../../__testUtils__/waitFor';
import { useWatchedClusters } from '../../__testUtils__/watchedClusters';
import { ObjectCache } from '../ObjectCache';
import { ClusterWatcherOptions } from './types';

const KUSTOMIZATION_KEY =
  'dev/kustomize.toolkit.fluxcd.io/Kustomization/flux-system/shop';

const kustomization = readyKustomization('shop', 'flux-system');

/** An Application that manages the Kustomization and reports a health for it (the shape of `status.resources[]`). */
function managingApplication(
  name: string,
  reported: { status: string; message?: string },
  destination: Record<string, string> = {
    server: 'https://kubernetes.default.svc',
    namespace: 'flux-system',
  },
) {
  return reportingApplication(
    application(name, { health: 'Degraded' }),
    destination,
    [
      {
        group: 'kustomize.toolkit.fluxcd.io',
        version: 'v1',
        kind: 'Kustomization',
        namespace: 'flux-system',
        name: 'shop',
        status: 'Synced',
        health: reported,
      },
      // A resource Argo CD has no health for: reported without one.
      {
        version: 'v1',
        kind: 'ConfigMap',
        namespace: 'flux-system',
        name: 'settings',
        status: 'Synced',
      },
    ],
  );
}

function argoCdConfigMap(
  data: Record<string, string>,
  namespace = 'argocd',
  name = 'argocd-cm',
) {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace },
    data,
  };
}

const script = (status: string, message: string) =>
  `hs = {}\nhs.status = "${status}"\nhs.message = "${message}"\nreturn hs\n`;

describe('ClusterWatcher health sources', () => {
  const clusters = useWatchedClusters(['dev']);
  let cache: ObjectCache;

  function start(overrides: Partial<ClusterWatcherOptions> = {}) {
    clusters.watch('dev', overrides);
    cache = clusters.cache;
  }

  const shows = (what: string, status: string, source: string) =>
    waitFor(
      `${what}: ${status} from ${source}`,
      () =>
        cache.get(KUSTOMIZATION_KEY)?.health.status === status &&
        cache.get(KUSTOMIZATION_KEY)?.healthSource === source,
    );

  it.each([
    ['the Application is read first', true],
    ['the object is read first', false],
  ])(
    'Application-reported health wins over the own rule (%s)',
    async (_order, appFirst) => {
      const dev = clusters.emulator.cluster('dev');
      const app = managingApplication('shop', {
        status: 'Degraded',
        message: 'reported by Argo CD',
      });
      if (appFirst) dev.apply(app);
      dev.apply(kustomization);
      start();
      if (!appFirst) {
        await shows('own rule first', 'Healthy', 'builtin');
        dev.apply(app);
      }
      await shows('reported', 'Degraded', 'argocd-application');
      expect(cache.get(KUSTOMIZATION_KEY)?.health).toEqual({
        status: 'Degraded',
        message: 'reported by Argo CD',
      });
    },
  );

  it('a removed Application gives the object its own rule again', async () => {
    const dev = clusters.emulator.cluster('dev');
    dev.apply([
      kustomization,
      managingApplication('shop', { status: 'Progressing' }),
    ]);
    start();
    await shows('reported', 'Progressing', 'argocd-application');
    dev.remove('argoproj.io/v1alpha1', 'Application', 'shop', 'argocd');
    await shows('own rule again', 'Healthy', 'builtin');
    expect(cache.get(KUSTOMIZATION_KEY)?.health.status).toBe('Healthy');
  });

  it('an Application that stops reporting the object gives it its own rule again', async () => {
    const dev = clusters.emulator.cluster('dev');
    dev.apply([
      kustomization,
      managingApplication('shop', { status: 'Missing' }),
    ]);
    start();
    await shows('reported', 'Missing', 'argocd-application');
    const app = application('shop');
    dev.apply({
      ...app,
      spec: {
        ...app.spec,
        destination: { server: 'https://kubernetes.default.svc' },
      },
    });
    await shows('own rule again', 'Healthy', 'builtin');
    expect(cache.get(KUSTOMIZATION_KEY)?.health.status).toBe('Healthy');
  });

  it.each([
    ['another server', { server: 'https://prod.example:6443', namespace: 'x' }],
    ['another cluster name', { name: 'prod', namespace: 'x' }],
  ])(
    'an Application deploying to %s does not set the health of this cluster’s object',
    async (_what, destination) => {
      const dev = clusters.emulator.cluster('dev');
      dev.apply([
        managingApplication('remote', { status: 'Degraded' }, destination),
        // Read after the Application, so the object's own rule is what it shows once it is there.
        kustomization,
      ]);
      start();
      await waitFor('the remote Application', () =>
        cache.get('dev/argoproj.io/Application/argocd/remote'),
      );
      await shows('own rule', 'Healthy', 'builtin');
      expect(cache.get(KUSTOMIZATION_KEY)?.health.status).toBe('Healthy');
    },
  );

  it.each([
    [
      'the split key',
      {
        'resource.customizations.health.kustomize.toolkit.fluxcd.io_Kustomization':
          script('Suspended', 'from argocd-cm'),
      },
    ],
    [
      'a wildcard in resource.customizations',
      {
        'resource.customizations': `"*.toolkit.fluxcd.io/*":\n  health.lua: |\n${script(
          'Suspended',
          'from argocd-cm',
        )
          .split('\n')
          .map(line => `    ${line}`)
          .join('\n')}\n`,
      },
    ],
  ])(
    'a script in the cluster’s argocd-cm applies (%s), and a change to it is picked up',
    async (_form, data) => {
      const dev = clusters.emulator.cluster('dev');
      dev.apply([kustomization, argoCdConfigMap(data)]);
      start();
      await shows('argocd-cm script', 'Suspended', 'custom-script');
      expect(cache.get(KUSTOMIZATION_KEY)?.health.message).toBe(
        'from argocd-cm',
      );
      dev.apply(
        argoCdConfigMap({
          'resource.customizations.health.kustomize.toolkit.fluxcd.io_Kustomization':
            script('Degraded', 'changed'),
        }),
      );
      await shows('changed script', 'Degraded', 'custom-script');
      dev.remove('v1', 'ConfigMap', 'argocd-cm', 'argocd');
      await shows('no script', 'Healthy', 'builtin');
      expect(cache.get(KUSTOMIZATION_KEY)?.health.status).toBe('Healthy');
    },
  );

  it('reads argocd-cm from the configured namespace only, and only the ConfigMap of that name', async () => {
    const dev = clusters.emulator.cluster('dev');
    const data = {
      'resource.customizations.health.kustomize.toolkit.fluxcd.io_Kustomization':
        script('Suspended', 'from gitops namespace'),
    };
    dev.apply([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'gitops' } },
      kustomization,
      argoCdConfigMap(
        {
          'resource.customizations.health.kustomize.toolkit.fluxcd.io_Kustomization':
            script('Degraded', 'another ConfigMap'),
        },
        'gitops',
        'not-argocd-cm',
      ),
      argoCdConfigMap(
        {
          'resource.customizations.health.kustomize.toolkit.fluxcd.io_Kustomization':
            script('Degraded', 'default namespace'),
        },
        'argocd',
      ),
      argoCdConfigMap(data, 'gitops'),
    ]);
    start({ health: { argoCdNamespace: 'gitops' } });
    await shows('configured namespace', 'Suspended', 'custom-script');
    expect(cache.get(KUSTOMIZATION_KEY)?.health.message).toBe(
      'from gitops namespace',
    );
  });

  it('the portal’s own scripts apply when argocd-cm has none, and argocd-cm wins over them', async () => {
    const dev = clusters.emulator.cluster('dev');
    dev.apply(kustomization);
    const { scripts } = healthScriptsFromArgoCdConfigMap({
      'resource.customizations': `kustomize.toolkit.fluxcd.io/Kustomization:\n  health.lua: |\n    return { status = "Progressing", message = "from our config" }\n`,
    });
    start({ health: { scripts } });
    await shows('our script', 'Progressing', 'custom-script');
    dev.apply(
      argoCdConfigMap({
        'resource.customizations.health.kustomize.toolkit.fluxcd.io_Kustomization':
          script('Suspended', 'from argocd-cm'),
      }),
    );
    await shows('argocd-cm wins', 'Suspended', 'custom-script');
    expect(cache.get(KUSTOMIZATION_KEY)?.health.status).toBe('Suspended');
  });

  it('Application-reported health wins over a custom script too', async () => {
    const dev = clusters.emulator.cluster('dev');
    dev.apply([
      kustomization,
      argoCdConfigMap({
        'resource.customizations.health.kustomize.toolkit.fluxcd.io_Kustomization':
          script('Suspended', 'from argocd-cm'),
      }),
      managingApplication('shop', { status: 'Healthy', message: 'reported' }),
    ]);
    start();
    await shows('reported', 'Healthy', 'argocd-application');
    dev.remove('argoproj.io/v1alpha1', 'Application', 'shop', 'argocd');
    await shows('script again', 'Suspended', 'custom-script');
    expect(cache.get(KUSTOMIZATION_KEY)?.health.status).toBe('Suspended');
  });
});
