import { parse, stringify } from 'yaml';
import { OperatorHarness } from '../__testUtils__/operatorHarness';
import {
  CLAIM_GROUP_VERSION,
  claimFiles,
  droppedClaimFiles,
} from '../__testUtils__/claimFiles';

let h: OperatorHarness;

beforeAll(async () => {
  h = await OperatorHarness.start();
});

afterAll(() => h?.close());

type Obj = Record<string, any>;

/** The demo's deliveries of two services in dev, one per engine, and where their objects live. */
const ENGINES = [
  {
    engine: 'an Argo CD Application',
    service: 'payments-api',
    deliveryFile: 'clusters/dev/argocd/payments-api.yaml',
    withoutPrune: (delivery: Obj) => {
      delivery.spec.syncPolicy.automated.prune = false;
    },
    /** Marks another Application would leave on what it applied. */
    othersMarks: (name: string) => ({
      annotations: {
        'argocd.argoproj.io/tracking-id': `someone-else:platform.acme.io/Queue:payments-api/${name}`,
      },
    }),
  },
  {
    engine: 'a Flux Kustomization',
    service: 'search-api',
    deliveryFile: 'clusters/dev/flux/search-api.yaml',
    withoutPrune: (delivery: Obj) => {
      delivery.spec.prune = false;
    },
    othersMarks: (_name: string) => ({
      labels: {
        'kustomize.toolkit.fluxcd.io/name': 'someone-else',
        'kustomize.toolkit.fluxcd.io/namespace': 'flux-system',
      },
    }),
  },
];

const claimOf = (service: string, suffix: string) =>
  h
    .cluster('dev')
    .get(CLAIM_GROUP_VERSION, 'Queue', `${service}-${suffix}`, service) as
    | Obj
    | undefined;

/** The claim, its composite and its managed resource, as the operator composed them. */
function composed(service: string, suffix: string) {
  const dev = h.cluster('dev');
  const claim = claimOf(service, suffix)!;
  const composite = dev.get(
    CLAIM_GROUP_VERSION,
    'XQueue',
    claim.spec.resourceRef.name,
  ) as Obj;
  const [managed] = composite.spec.resourceRefs;
  return [
    [CLAIM_GROUP_VERSION, 'Queue', claim.metadata.name, service],
    [CLAIM_GROUP_VERSION, 'XQueue', composite.metadata.name, undefined],
    [managed.apiVersion, managed.kind, managed.name, undefined],
  ] as const;
}

const exists = ([apiVersion, kind, name, namespace]: readonly [
  string,
  string,
  string,
  string | undefined,
]) => h.cluster('dev').get(apiVersion, kind, name, namespace) !== undefined;

describe('the simulated operator pruning what a later commit drops', () => {
  it.each(ENGINES)(
    'deletes the claim $engine no longer renders, with its composite and managed resource',
    async ({ service }) => {
      await h.merge(claimFiles(h.seeded, service, ['pruned']), 'Add a queue');
      const objects = composed(service, 'pruned');
      expect(objects.map(exists)).toEqual([true, true, true]);

      await h.merge(droppedClaimFiles(h.seeded, service), 'Drop the queue');

      expect(objects.map(exists)).toEqual([false, false, false]);
    },
  );

  it.each(ENGINES)(
    'leaves the claims $engine did not apply (by hand, or by another delivery)',
    async ({ service, othersMarks }) => {
      const byHand = (suffix: string, marks: Obj = {}) => ({
        apiVersion: CLAIM_GROUP_VERSION,
        kind: 'Queue',
        metadata: {
          name: `${service}-${suffix}`,
          namespace: service,
          ...marks,
        },
        spec: { parameters: { fifo: false } },
      });
      h.cluster('dev').apply([
        byHand('by-hand'),
        byHand('by-another', othersMarks(`${service}-by-another`)),
      ]);

      // A commit the delivery syncs, rendering claims other than those two.
      await h.merge(claimFiles(h.seeded, service, ['rendered']), 'A queue');

      expect(
        ['by-hand', 'by-another'].map(suffix => !!claimOf(service, suffix)),
      ).toEqual([true, true]);
    },
  );

  it.each(ENGINES)(
    'keeps the dropped claim when $engine is not set to prune',
    async ({ service, deliveryFile, withoutPrune }) => {
      await h.merge(claimFiles(h.seeded, service, ['kept']), 'Add a queue');
      const delivery = parse(h.seeded[deliveryFile]);
      withoutPrune(delivery);

      await h.merge(
        {
          ...droppedClaimFiles(h.seeded, service),
          [deliveryFile]: stringify(delivery),
        },
        'Drop the queue, no pruning',
      );

      expect(claimOf(service, 'kept')).toBeDefined();
    },
  );
});
