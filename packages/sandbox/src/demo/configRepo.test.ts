import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { configRepoFiles } from './configRepo';
import { loadDemoServices } from './demoServices';
import { DEMO_ENVIRONMENTS } from './environments';

// The project's own kubectl (scripts/setup.sh), else $KUBECTL, else whatever is on PATH.
const KUBECTL =
  process.env.KUBECTL ??
  [resolve(__dirname, '../../../../.tools/kubectl/kubectl/kubectl')].find(
    existsSync,
  ) ??
  'kubectl';

const services = loadDemoServices();
const files = configRepoFiles(
  services,
  'http://127.0.0.1:7100/acme/gitops-config.git',
);
let checkout: string;

beforeAll(() => {
  checkout = mkdtempSync(join(tmpdir(), 'config-repo-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(checkout, path)), { recursive: true });
    writeFileSync(join(checkout, path), content);
  }
});
afterAll(() => rmSync(checkout, { recursive: true, force: true }));

const overlays = services.flatMap(service =>
  DEMO_ENVIRONMENTS.map(
    env => [service.name, env.name, env.imageTag, env.replicas] as const,
  ),
);

describe('the seeded config repo', () => {
  it.each(overlays)(
    'renders %s in %s with real kustomize',
    (service, env, tag, replicas) => {
      const rendered = execFileSync(
        KUBECTL,
        ['kustomize', join(checkout, 'apps', service, 'overlays', env)],
        {
          encoding: 'utf8',
        },
      );
      const objects = parseAllDocuments(rendered).map(d => d.toJSON());
      const workload = objects.find(
        o => o.kind === 'Deployment' || o.kind === 'Rollout',
      );
      expect(workload.spec.template.spec.containers[0].image).toBe(
        `ghcr.io/acme/${service}:${tag}`,
      );
      expect(workload.spec.replicas).toBe(replicas);
      expect(
        objects.every(
          o => o.metadata.labels?.env === env && o.metadata.labels?.team,
        ),
      ).toBe(true);
    },
  );

  it('points every Argo CD Application and Flux Kustomization at an overlay that exists', () => {
    const deliveries = Object.entries(files)
      .filter(([path]) => /^clusters\/[^/]+\/(argocd|flux)\//.test(path))
      .map(([, content]) => parseAllDocuments(content)[0].toJSON());
    expect(deliveries).toHaveLength(services.length * DEMO_ENVIRONMENTS.length);
    for (const delivery of deliveries) {
      const path = String(
        delivery.spec.source?.path ?? delivery.spec.path,
      ).replace(/^\.\//, '');
      expect(files[`${path}/kustomization.yaml`]).toBeDefined();
    }
  });
});
