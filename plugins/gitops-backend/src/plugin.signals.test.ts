import { mockCredentials } from '@backstage/backend-test-utils';
import { KubeEmulator } from '@internal/kube-emulator';
import request from 'supertest';
import { startBackend } from './__testUtils__/backend';
import { startClusters } from './__testUtils__/clusters';

describe('POST /signals/echo', () => {
  let emulator: KubeEmulator;
  let started: Awaited<ReturnType<typeof startBackend>>;

  const echo = (body: unknown, authorization?: string) => {
    const req = request(started.server).post('/api/gitops/signals/echo');
    if (authorization) req.set('Authorization', authorization);
    return req.send(body as object);
  };
  const echoes = () =>
    (
      started.publish.mock.calls as unknown as [
        { recipients: unknown; message: { echo?: string } },
      ][]
    )
      .map(([signal]) => signal)
      .filter(signal => signal.message.echo !== undefined);

  beforeAll(async () => {
    emulator = await startClusters(['dev']);
    started = await startBackend(emulator);
  });

  beforeEach(() => started.publish.mockClear());

  afterAll(async () => {
    await started?.backend.stop();
    await emulator?.close();
  });

  it("sends the token back to the signed-in user's own browsers on the status channel", async () => {
    const res = await echo(
      { token: 'tab-0123456789' },
      mockCredentials.user.header('user:default/ana'),
    );
    expect(res.status).toBe(202);
    expect(echoes()).toEqual([
      {
        recipients: { type: 'user', entityRef: 'user:default/ana' },
        channel: 'gitops:status',
        message: {
          entityRefs: [],
          clusters: [],
          publisher: expect.any(String),
          seq: expect.any(Number),
          echo: 'tab-0123456789',
        },
      },
    ]);
  });

  it.each([
    ['no token', {}],
    ['a token with a space', { token: 'tab 0123456789' }],
    ['a token too short', { token: 'tab' }],
    ['a token too long', { token: 'x'.repeat(65) }],
  ])(
    'refuses %s (400 naming the field) and echoes nothing',
    async (_case, body) => {
      const res = await echo(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^token: /);
      expect(echoes()).toEqual([]);
    },
  );

  it.each([
    ['a service (it has no browser)', mockCredentials.service.header(), 403],
    ['no one signed in', mockCredentials.none.header(), 401],
  ])('refuses %s and echoes nothing', async (_case, authorization, status) => {
    const res = await echo({ token: 'tab-0123456789' }, authorization);
    expect(res.status).toBe(status);
    expect(echoes()).toEqual([]);
  });

  it("puts the publisher's position on every answer, readable from another origin", async () => {
    await echo({ token: 'tab-0123456789' });
    const [{ message }] = echoes() as unknown as [
      { message: { publisher: string; seq: number } },
    ];
    const res = await request(started.server).get('/api/gitops/clusters');
    expect(res.headers['gitops-signal-position']).toBe(
      `${message.publisher}:${message.seq}`,
    );
    expect(res.headers['access-control-expose-headers']).toBe(
      'gitops-signal-position',
    );
  });
});
