import { parseAllDocuments } from 'yaml';
import {
  NEW_SERVICE_TEMPLATE,
  newServiceValues,
} from './__testUtils__/newServiceRuns';
import { useTemplateHarness } from './__testUtils__/templateHarness';

/*
 * The new-service form's drift policy page reaches each environment's engine object in the config repo PR: Argo CD
 * `syncPolicy.automated` and `ignoreDifferences`, Flux `prune` and `interval`.
 */

const POLICY = {
  dev: { selfHeal: true, prune: true, ignoreReplicas: false, interval: '5m' },
  prod: { selfHeal: false, prune: false, ignoreReplicas: true, interval: '1h' },
};

describe('templates/new-service drift policy', () => {
  const harness = useTemplateHarness({ templates: [NEW_SERVICE_TEMPLATE] });

  /** The engine object the PR of `name` writes for `env`. */
  async function deliveryObject(name: string, path: string) {
    const pull = (await harness.pullRequests()).find(
      p => p.head.ref === `gitops/create/${name}`,
    );
    const file = await harness.githubApi(
      `/repos/acme/gitops-config/contents/${path}?ref=${pull!.head.ref}`,
    );
    const text = Buffer.from(file.content, 'base64').toString('utf8');
    return parseAllDocuments(text).map(doc => doc.toJSON())[0];
  }

  it('writes each Argo CD Application with its environment policy', async () => {
    const task = await harness.run(
      NEW_SERVICE_TEMPLATE,
      newServiceValues(harness, 'drift-argo', { driftPolicy: POLICY }),
    );
    expect(task.error).toBeUndefined();

    const prod = await deliveryObject(
      'drift-argo',
      'clusters/prod/argocd/drift-argo.yaml',
    );
    const dev = await deliveryObject(
      'drift-argo',
      'clusters/dev/argocd/drift-argo.yaml',
    );
    expect([dev, prod].map(app => app.spec.syncPolicy.automated)).toEqual([
      { prune: true, selfHeal: true },
      { prune: false, selfHeal: false },
    ]);
    expect([dev, prod].map(app => app.spec.ignoreDifferences)).toEqual([
      undefined,
      [{ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] }],
    ]);
  });

  it('writes each Flux Kustomization with its environment prune and interval', async () => {
    const task = await harness.run(
      NEW_SERVICE_TEMPLATE,
      newServiceValues(harness, 'drift-flux', {
        engine: 'flux',
        driftPolicy: POLICY,
      }),
    );
    expect(task.error).toBeUndefined();

    const prod = await deliveryObject(
      'drift-flux',
      'clusters/prod/flux/drift-flux.yaml',
    );
    expect(prod.spec).toMatchObject({ prune: false, interval: '1h' });
  });
});
