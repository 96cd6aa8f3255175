import { mockServices } from '@backstage/backend-test-utils';
import { SignalPayload } from '@backstage/plugin-signals-node';
import { createSignalPublisher } from './createSignalPublisher';

describe('createSignalPublisher', () => {
  function publisherWithLog(options: { failing?: number[] } = {}) {
    const published: SignalPayload[] = [];
    let attempts = 0;
    const publisher = createSignalPublisher({
      signals: {
        publish: async signal => {
          attempts += 1;
          if (options.failing?.includes(attempts)) {
            throw new Error('events bus down');
          }
          published.push(signal as SignalPayload);
        },
      },
      logger: mockServices.logger.mock(),
      batchMs: 60_000, // flushed by hand: no timing in the assertions
    });
    return { publisher, published };
  }

  it('publishes a burst of changes as one message', async () => {
    const { publisher, published } = publisherWithLog();
    for (let i = 0; i < 100; i++) {
      publisher.changed({
        entityRefs: [`component:default/app-${i % 3}`],
        clusters: ['dev'],
      });
    }
    await publisher.flush();
    expect(published).toEqual([
      {
        recipients: { type: 'broadcast' },
        channel: 'gitops:status',
        message: {
          entityRefs: [
            'component:default/app-0',
            'component:default/app-1',
            'component:default/app-2',
          ],
          clusters: ['dev'],
          publisher: expect.any(String),
          seq: 1,
        },
      },
    ]);
    await publisher.stop();
  });

  it('publishes nothing when nothing changed', async () => {
    const { publisher, published } = publisherWithLog();
    await publisher.flush();
    expect(published).toEqual([]);
    await publisher.stop();
  });

  it('starts a new batch after a flush', async () => {
    const { publisher, published } = publisherWithLog();
    publisher.changed({ clusters: ['dev'] });
    await publisher.flush();
    publisher.changed({ clusters: ['prod'] });
    await publisher.stop();
    expect(published.map(p => p.message.clusters)).toEqual([['dev'], ['prod']]);
  });

  it('numbers each broadcast, keeping the number of one that failed to publish (the gap shows)', async () => {
    const { publisher, published } = publisherWithLog({ failing: [2] });
    for (const cluster of ['dev', 'staging', 'prod']) {
      publisher.changed({ clusters: [cluster] });
      await publisher.flush();
    }
    expect(published.map(p => [p.message.clusters, p.message.seq])).toEqual([
      [['dev'], 1],
      [['prod'], 3],
    ]);
    await publisher.stop();
  });

  it('echoes a token to one user with the last broadcast number, from the same publisher', async () => {
    const { publisher, published } = publisherWithLog();
    publisher.changed({ clusters: ['dev'] });
    await publisher.flush();
    await publisher.echo('user:default/ana', 'token-123');
    const [broadcast, echo] = published;
    expect(echo).toEqual({
      recipients: { type: 'user', entityRef: 'user:default/ana' },
      channel: 'gitops:status',
      message: {
        entityRefs: [],
        clusters: [],
        publisher: broadcast.message.publisher,
        seq: 1,
        echo: 'token-123',
      },
    });
    await publisher.stop();
  });

  it('gives each publisher (backend process) its own id', async () => {
    const first = publisherWithLog();
    const second = publisherWithLog();
    await first.publisher.echo('user:default/ana', 'token-123');
    await second.publisher.echo('user:default/ana', 'token-123');
    expect(first.published[0].message.publisher).not.toEqual(
      second.published[0].message.publisher,
    );
  });

  it('gives its position as its id and last broadcast number', async () => {
    const { publisher, published } = publisherWithLog();
    publisher.changed({ clusters: ['dev'] });
    await publisher.flush();
    expect(publisher.position()).toBe(`${published[0].message.publisher}:1`);
    await publisher.stop();
  });
});
