import type { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import { argoApp } from '../../__testUtils__/fixtures';
import { CrossplaneNode, groupCrossplane } from './crossplaneModel';

const group = 'platform.acme.io/v1alpha1';

function crossplane(
  kind: string,
  name: string,
  info: ObjectStatus['crossplane'],
  apiVersion = group,
): ObjectStatus {
  return argoApp({
    key: `dev/${kind}/${name}`,
    engine: 'crossplane',
    apiVersion,
    kind,
    name,
    namespace: info?.role === 'claim' ? 'shop' : undefined,
    crossplane: info,
  });
}

const claim = crossplane('PostgreSQLInstance', 'shop-db', {
  role: 'claim',
  compositeRef: { kind: 'XPostgreSQLInstance', name: 'shop-db-1a2b3' },
});
const composite = crossplane('XPostgreSQLInstance', 'shop-db-1a2b3', {
  role: 'composite',
  claimRef: { kind: 'PostgreSQLInstance', namespace: 'shop', name: 'shop-db' },
  resourceRefs: [{ kind: 'Instance', name: 'shop-db-1a2b3' }],
});
// What Crossplane stamps on a managed resource: its controller owner, the composite, read as compositeRef.
const managed = crossplane(
  'Instance',
  'shop-db-1a2b3',
  {
    role: 'managed',
    compositeRef: { kind: 'XPostgreSQLInstance', name: 'shop-db-1a2b3' },
    claimRef: { namespace: 'shop', name: 'shop-db' },
  },
  'rds.aws.upbound.io/v1beta1',
);

const shape = (node: CrossplaneNode): unknown => [
  `${node.ref.kind} ${node.ref.name}`,
  ...node.children.map(shape),
];

describe('groupCrossplane', () => {
  it.each([
    ['claim, composite, managed', [claim, composite, managed]],
    ['managed, composite, claim', [managed, composite, claim]],
  ])(
    'nests claim → composite → managed once, whatever the order (%s)',
    (_order, objects) => {
      const { plain, trees } = groupCrossplane(objects);
      expect(plain).toEqual([]);
      expect(trees.map(shape)).toEqual([
        [
          'PostgreSQLInstance shop-db',
          ['XPostgreSQLInstance shop-db-1a2b3', ['Instance shop-db-1a2b3']],
        ],
      ]);
    },
  );
});
