import { normalizeObject } from '@gitops-portal/plugin-gitops-common';
import { OperatorHarness } from '../__testUtils__/operatorHarness';
import { waitFor } from '../__testUtils__/watchStates';
import { CLAIM_GROUP_VERSION, claimFiles } from '../__testUtils__/claimFiles';

let h: OperatorHarness;

beforeAll(async () => {
  h = await OperatorHarness.start();
});

afterAll(() => h?.close());

const GROUP = CLAIM_GROUP_VERSION;
type Obj = Record<string, any>;

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
