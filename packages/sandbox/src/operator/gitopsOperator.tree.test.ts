import {
  APPS,
  endsAt,
  newServiceFiles,
  OperatorHarness,
  short,
} from '../__testUtils__/operatorHarness';
import { stringify } from 'yaml';
import { waitFor } from '../__testUtils__/watchStates';
import { claimManifest } from '../demo/crossplane';
import { loadDemoServices } from '../demo/demoServices';
import { DEMO_ENVIRONMENTS } from '../demo/environments';

const [DEV, STAGING] = DEMO_ENVIRONMENTS;

let h: OperatorHarness;

beforeAll(async () => {
  h = await OperatorHarness.start();
});

afterEach(() => h.stopRecorders());

afterAll(() => h?.close());

describe('the simulated GitOps operator applying clusters/<env>/', () => {
  it('creates the Application a commit adds under clusters/dev/ and syncs it there, listing what it renders', async () => {
    const app = await h.watch('dev', APPS, 'inventory-api-dev', {
      exists: false,
    });
    const sha = await h.merge(
      newServiceFiles('inventory-api', h.gitUrl),
      'Create inventory-api',
    );
    await endsAt(app, `Synced/Healthy@${short(sha)}`);
    const live = h
      .cluster('dev')
      .get(
        'argoproj.io/v1alpha1',
        'Application',
        'inventory-api-dev',
        'argocd',
      ) as any;
    expect(live.status.resources.map((r: { kind: string }) => r.kind)).toEqual([
      'Service',
      'Deployment',
    ]);
  });

  it('only creates a new Application in the cluster whose folder holds it', async () => {
    await h.merge(
      newServiceFiles('billing-api', h.gitUrl),
      'Create billing-api',
    );
    expect(
      h
        .cluster(STAGING.name)
        .get(
          'argoproj.io/v1alpha1',
          'Application',
          'billing-api-dev',
          'argocd',
        ),
    ).toBeUndefined();
  });

  it('removes the Application a commit deletes from clusters/dev/', async () => {
    await h.merge(
      newServiceFiles('ledger-export', h.gitUrl),
      'Create ledger-export',
    );
    const app = await h.watch('dev', APPS, 'ledger-export-dev');
    await h.merge(
      {
        'clusters/dev/argocd/ledger-export.yaml': null,
        'apps/ledger-export': null,
      },
      'Decommission',
    );
    await waitFor(
      () => app.deleted,
      () => app.states.join(', '),
    );
    expect(
      h
        .cluster('dev')
        .get(
          'argoproj.io/v1alpha1',
          'Application',
          'ledger-export-dev',
          'argocd',
        ),
    ).toBeUndefined();
  });

  it('creates a Crossplane claim a commit adds, Creating and then Ready', async () => {
    const service = loadDemoServices().find(s => s.name === 'search-api')!;
    const claim = claimManifest(service, DEV, 'database', 'search-api-db');
    const path = `/apis/${claim.apiVersion}/namespaces/search-api/postgresqlinstances`;
    const recorder = await h.watch('dev', path, 'search-api-db', {
      exists: false,
      claim: true,
    });
    await h.merge(
      { 'clusters/dev/crossplane/search-api-db.yaml': stringify(claim) },
      'Request a database',
    );
    await endsAt(recorder, 'Synced/Healthy@');
    // Created without a status (Argo CD's check calls that Healthy), then Creating until the last step.
    expect(recorder.states).toEqual([
      'Unknown/Healthy@',
      'Synced/Progressing@',
      'Synced/Healthy@',
    ]);
  });
});
