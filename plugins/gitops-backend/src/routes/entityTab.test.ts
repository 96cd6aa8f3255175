import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { entityTabResponseSchema } from '@gitops-portal/plugin-gitops-common';
import { KubeEmulator } from '@internal/kube-emulator';
import request from 'supertest';
import { seed, startBackend } from '../__testUtils__/backend';
import { startClusters } from '../__testUtils__/clusters';
import { waitFor } from '../__testUtils__/waitFor';

type Started = Awaited<ReturnType<typeof startBackend>>;

/** A status body without its clusters' last contact, which moves with every watch event between two reads. */
const withoutContact = (body: {
  clusters: Array<{ lastContact?: string }>;
}) => ({
  ...body,
  clusters: body.clusters.map(({ lastContact: _, ...cluster }) => cluster),
});

const get = (started: Started, entity: string, route: string) =>
  request(started.server).get(
    `/api/gitops/entities/component/default/${entity}/${route}`,
  );

describe('GET /entities/:kind/:namespace/:name/tab', () => {
  let emulator: KubeEmulator;
  const backends: Partial<Record<'allowed' | 'denied', Started>> = {};

  beforeAll(async () => {
    emulator = await startClusters(['dev']);
    seed(emulator);
    backends.allowed = await startBackend(emulator, {
      permission: AuthorizeResult.ALLOW,
    });
    backends.denied = await startBackend(emulator, {
      permission: AuthorizeResult.DENY,
    });
    await waitFor('shop mapped', async () => {
      const res = await get(backends.allowed!, 'shop', 'status');
      return res.body.objects?.length > 0;
    });
  });

  afterAll(async () => {
    await backends.allowed?.backend.stop();
    await backends.denied?.backend.stop();
    await emulator?.close();
  });

  it('answers the status and the pipeline exactly as their own routes do', async () => {
    const started = backends.allowed!;
    const [tab, status, pipeline] = await Promise.all(
      ['tab', 'status', 'pipeline'].map(route => get(started, 'shop', route)),
    );
    expect(tab.status).toBe(200);
    const body = entityTabResponseSchema.parse(tab.body);
    expect({ ...body, status: withoutContact(body.status) }).toEqual({
      status: withoutContact(status.body),
      pipeline: pipeline.body,
    });
    expect(tab.body.pipeline.environments).toHaveLength(1);
  });

  it.each([
    ['403 when gitops.status.read is denied', 'denied', 'shop', 403],
    ['404 for an entity the catalog does not have', 'allowed', 'nope', 404],
    ['400 for a malformed name', 'allowed', 'Not%20A%20Name', 400],
  ] as const)('answers %s', async (_case, backend, entity, status) => {
    const res = await get(backends[backend]!, entity, 'tab');
    expect(res.status).toBe(status);
  });
});
