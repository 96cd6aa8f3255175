import { normalizeObject } from '@gitops-portal/plugin-gitops-common';
import { parse, stringify } from 'yaml';
import { OperatorHarness } from '../__testUtils__/operatorHarness';
import { waitFor } from '../__testUtils__/watchStates';

let h: OperatorHarness;

beforeAll(async () => {
  h = await OperatorHarness.start();
});

afterAll(() => h?.close());

const GROUP = 'platform.acme.io/v1alpha1';
type Obj = Record<string, any>;

/** A claim as the golden path writes it: `apps/<service>/claims/`, referenced from the dev overlay. */
function claimFiles(seeded: Record<string, string>, service: string) {
  const overlay = `apps/${service}/overlays/dev/kustomization.yaml`;
  const kustomization = parse(seeded[overlay]);
  kustomization.resources.push('../../claims');
  return {
    [`apps/${service}/claims/${service}-cache.yaml`]: stringify({
      apiVersion: GROUP,
      kind: 'Queue',
      metadata: {
        name: `${service}-cache`,
        labels: { 'backstage.io/kubernetes-id': service },
      },
      spec: { parameters: { fifo: false } },
    }),
    [`apps/${service}/claims/kustomization.yaml`]: stringify({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: [`${service}-cache.yaml`],
    }),
    [overlay]: stringify(kustomization),
  };
}

describe('the simulated operator composing the claims a delivery renders', () => {
  it.each([
    [
      'an Argo CD Application',
      'payments-api',
      {
        'argocd.argoproj.io/tracking-id':
          expect.stringMatching(/^payments-api-dev:/),
      },
      {},
    ],
    [
      'a Flux Kustomization',
      'search-api',
      {},
      {
        'kustomize.toolkit.fluxcd.io/name': 'search-api',
        'kustomize.toolkit.fluxcd.io/namespace': 'flux-system',
      },
    ],
  ])(
    'applies the claim %s renders with its tracking marks, then its composite and managed resource, Ready',
    async (_engine, service, annotations, labels) => {
      await h.merge(claimFiles(h.seeded, service), `Add a queue to ${service}`);
      const dev = h.cluster('dev');
      const claim = await waitFor(
        () => {
          const live = dev.get(GROUP, 'Queue', `${service}-cache`, service) as
            | Obj
            | undefined;
          const ready = live?.status?.conditions?.some(
            (c: { type: string; status: string }) =>
              c.type === 'Ready' && c.status === 'True',
          );
          return ready && live;
        },
        () =>
          JSON.stringify(dev.get(GROUP, 'Queue', `${service}-cache`, service)),
      );
      expect(claim.metadata).toMatchObject({ annotations, labels });
      const composite = dev.get(
        GROUP,
        'XQueue',
        claim.spec.resourceRef.name,
      ) as Obj;
      const managed = dev.get(
        'sqs.aws.upbound.io/v1beta1',
        'Queue',
        composite.spec.resourceRefs[0].name,
      ) as Obj;
      expect(
        (
          [
            [claim, 'claim'],
            [composite, 'composite'],
            [managed, 'managed'],
          ] as const
        ).map(([o, crossplaneRole]) => {
          const s = normalizeObject(o, { cluster: 'dev', crossplaneRole });
          return [s.kind, s.health.status];
        }),
      ).toEqual([
        ['Queue', 'Healthy'],
        ['XQueue', 'Healthy'],
        ['Queue', 'Healthy'],
      ]);
      expect(composite.spec.claimRef).toMatchObject({
        namespace: service,
        name: `${service}-cache`,
      });
      expect(managed.metadata.ownerReferences).toMatchObject([
        { kind: 'XQueue', name: composite.metadata.name, controller: true },
      ]);
    },
  );
});
